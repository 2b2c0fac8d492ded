/** The attendance board: a facility's sessions of one day with their rosters. */
import type { Kysely, Transaction } from 'kysely';
import type { AttendanceRow, Database } from '../db/schema.ts';
import { localTimeOf } from '../time/local-time.ts';
import { displayName, isAbsence } from './attendance-rules.ts';
import type { AttendanceSummary, BoardSession, RosterEntry } from './attendance.schemas.ts';
import { type PatientNameRow, type SessionDetailRow, attendanceOf, patientsByIds, rosterMembers } from './attendance.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function toAttendanceSummary(row: AttendanceRow): AttendanceSummary {
  return {
    status: row.status,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    checkedOutAt: row.checked_out_at?.toISOString() ?? null,
    minutesAttended: row.minutes_attended,
    method: row.method,
    telehealth: row.method === 'telehealth',
    correctionReason: row.correction_reason,
  };
}

const names = (p: PatientNameRow) => ({ legalGivenName: p.legal_given_name, legalFamilyName: p.legal_family_name, preferredName: p.preferred_name });

export function toRosterEntry(patient: PatientNameRow, enrollmentId: string | null, attendance: AttendanceRow | undefined): RosterEntry {
  return {
    patientId: patient.patient_id,
    mrn: patient.mrn,
    displayName: displayName(names(patient)),
    legalName: `${patient.legal_given_name} ${patient.legal_family_name}`,
    enrollmentId,
    attendance: attendance ? toAttendanceSummary(attendance) : null,
  };
}

function counts(roster: readonly RosterEntry[]): BoardSession['counts'] {
  const marked = roster.filter((r) => r.attendance !== null);
  const absent = marked.filter((r) => isAbsence(r.attendance!.status)).length;
  return { expected: roster.length, present: marked.length - absent, absent, unmarked: roster.length - marked.length };
}

const byName = (a: RosterEntry, b: RosterEntry) => a.displayName.localeCompare(b.displayName) || a.mrn.localeCompare(b.mrn);

/** Board sessions with rosters: a fixed handful of queries however many sessions and patients. */
export async function assembleBoardSessions(db: Db, orgId: string, timeZone: string, sessions: readonly SessionDetailRow[]): Promise<BoardSession[]> {
  const ids = sessions.map((s) => s.session_id);
  const [members, attendance] = await Promise.all([rosterMembers(db, orgId, ids), attendanceOf(db, orgId, ids)]);
  // Seats taken: roster members there by enrolment (not drop-ins or individual sessions).
  const enrolled = new Map<string, number>();
  for (const m of members) if (m.enrollment_id) enrolled.set(m.session_id, (enrolled.get(m.session_id) ?? 0) + 1);
  const patientIds = [...new Set([...members.map((m) => m.patient_id), ...sessions.flatMap((s) => (s.patient_id ? [s.patient_id] : []))])];
  const patients = new Map((await patientsByIds(db, orgId, patientIds)).map((p) => [p.patient_id, p]));
  const attendanceByKey = new Map(attendance.map((a) => [`${a.session_id}|${a.patient_id}`, a]));
  return sessions.map((s) => {
    const roster = members
      .filter((m) => m.session_id === s.session_id && patients.has(m.patient_id))
      .map((m) => toRosterEntry(patients.get(m.patient_id)!, m.enrollment_id, attendanceByKey.get(`${m.session_id}|${m.patient_id}`)))
      .sort(byName);
    const own = s.patient_id ? patients.get(s.patient_id) : undefined;
    return {
      sessionId: s.session_id,
      kind: s.kind,
      groupId: s.group_id,
      title: s.title,
      groupType: s.group_type,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      localDate: s.local_date,
      localStart: localTimeOf(s.starts_at, timeZone),
      localEnd: localTimeOf(s.ends_at, timeZone),
      room: s.room,
      videoUrl: s.video_url,
      clinicianId: s.clinician_id,
      clinicianName: s.clinician_name,
      status: s.status,
      statusReason: s.status_reason,
      moved: s.moved,
      patientId: s.patient_id,
      patientName: own ? displayName(names(own)) : null,
      enrolledCount: enrolled.get(s.session_id) ?? 0,
      capacity: s.capacity,
      roster,
      counts: counts(roster),
    };
  });
}
