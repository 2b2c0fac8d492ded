/**
 * Direct inserts for attendance tests: patients, episodes, groups with their sessions,
 * enrolments and attendance, without going through other areas' routes.
 * Group sessions are written exactly as scheduling would materialise them (same occurrence
 * keys), so its ensureSessions finds nothing left to add.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttendanceStatus, Database } from '../db/schema.ts';
import { addDays, compareDates, instantAt, isoWeekday } from '../time/local-time.ts';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-24T15:00:00Z');
const NY = 'America/New_York';
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export async function insertPatient(db: Db, orgId: string, facilityId: string, p: { given: string; family: string; preferred?: string; mrn?: string }): Promise<string> {
  const patientId = randomUUID();
  await db.insertInto('patients').values({
    org_id: orgId, patient_id: patientId, facility_id: facilityId, mrn: p.mrn ?? `T-${patientId.slice(0, 8)}`,
    legal_given_name: p.given, legal_family_name: p.family, preferred_name: p.preferred ?? null, date_of_birth: '1990-04-12',
    sex_at_birth: 'female', gender_identity: 'woman', pronouns: null, language: 'en', phone: null, email: null,
    address: 'null', emergency_contact: 'null', support_persons: '[]', residence: 'home', residence_note: null,
    availability: '[]', diagnoses: '[]', specialty_populations: [], possible_duplicate_of: null, created_at: NOW, updated_at: NOW,
  }).execute();
  return patientId;
}

/** An episode with its phase history: [{ effectiveOn, phaseId }], the first on admission. */
export async function insertEpisode(db: Db, orgId: string, e: { patientId: string; programId: string; clinicianId: string; admittedOn: string; phases: { effectiveOn: string; phaseId: string }[]; dischargedOn?: string }): Promise<string> {
  const episodeId = randomUUID();
  await db.insertInto('episodes').values({
    org_id: orgId, episode_id: episodeId, patient_id: e.patientId, program_id: e.programId,
    status: e.dischargedOn ? 'discharged' : 'active', admitted_on: e.admittedOn, expected_discharge_on: addDays(e.admittedOn, 84), referral_source: 'self', level_of_care: '2.1',
    phase_id: e.phases.at(-1)!.phaseId, track_id: null, primary_clinician_id: e.clinicianId,
    discharged_on: e.dischargedOn ?? null, discharge_reason: e.dischargedOn ? 'completed' : null, discharge_summary: null,
    created_at: NOW, updated_at: NOW,
  }).execute();
  for (const phase of e.phases) {
    await db.insertInto('episode_phases').values({ org_id: orgId, episode_id: episodeId, effective_on: phase.effectiveOn, phase_id: phase.phaseId, changed_by: e.clinicianId, changed_at: NOW, reason: null }).execute();
  }
  return episodeId;
}

export interface SeededGroup {
  readonly groupId: string;
  /** Session id by local date. */
  readonly sessions: Map<string, string>;
}

/** A weekly group on the given ISO weekdays between two dates, with all its sessions written. */
export async function insertGroup(db: Db, orgId: string, g: { facilityId: string; facilitatorId: string; name: string; startsOn: string; endsOn: string; days: number[]; startTime: string; durationMinutes: number; timeZone?: string }): Promise<SeededGroup> {
  const groupId = randomUUID();
  const tz = g.timeZone ?? NY;
  await db.insertInto('groups').values({
    org_id: orgId, group_id: groupId, facility_id: g.facilityId, program_id: null, track_id: null, name: g.name, group_type: 'process',
    topic: null, facilitator_id: g.facilitatorId, room: 'Room 2', video_url: null, capacity: 12, waitlist_enabled: true,
    eligible_population: null, eligible_gender: null, eligible_specialty: null,
    rrule: `FREQ=WEEKLY;BYDAY=${g.days.map((d) => BYDAY[d - 1]).join(',')}`, starts_on: g.startsOn, ends_on: g.endsOn,
    start_time: `${g.startTime}:00`, duration_minutes: g.durationMinutes, active: true, schedule_changed_at: null, created_at: NOW, updated_at: NOW,
  }).execute();
  const sessions = new Map<string, string>();
  for (let day = g.startsOn; compareDates(day, g.endsOn) <= 0; day = addDays(day, 1)) {
    if (!g.days.includes(isoWeekday(day))) continue;
    const sessionId = randomUUID();
    const startsAt = instantAt(day, g.startTime, tz);
    await db.insertInto('sessions').values({
      org_id: orgId, session_id: sessionId, facility_id: g.facilityId, kind: 'group', group_id: groupId, occurrence_key: `${day}T${g.startTime}:00`,
      patient_id: null, clinician_id: g.facilitatorId, title: g.name, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + g.durationMinutes * 60_000),
      local_date: day, room: 'Room 2', video_url: null, status: 'scheduled', status_reason: null, moved: false, created_at: NOW, updated_at: NOW,
    }).execute();
    sessions.set(day, sessionId);
  }
  return { groupId, sessions };
}

export async function insertIndividualSession(db: Db, orgId: string, s: { facilityId: string; clinicianId: string; patientId: string; date: string; startTime: string; durationMinutes: number }): Promise<string> {
  const sessionId = randomUUID();
  const startsAt = instantAt(s.date, s.startTime, NY);
  await db.insertInto('sessions').values({
    org_id: orgId, session_id: sessionId, facility_id: s.facilityId, kind: 'individual', group_id: null, occurrence_key: null,
    patient_id: s.patientId, clinician_id: s.clinicianId, title: 'Individual counseling', starts_at: startsAt, ends_at: new Date(startsAt.getTime() + s.durationMinutes * 60_000),
    local_date: s.date, room: 'Office 4', video_url: null, status: 'scheduled', status_reason: null, moved: false, created_at: NOW, updated_at: NOW,
  }).execute();
  return sessionId;
}

/** A group place; seated from its start unless waitlisted, or `seatedOn: null` for an ended place that never held a seat. */
export async function insertEnrollment(db: Db, orgId: string, e: { groupId: string; patientId: string; episodeId: string; startsOn: string; endsOn?: string; status?: 'enrolled' | 'waitlisted' | 'ended'; seatedOn?: string | null; createdBy: string }): Promise<string> {
  const enrollmentId = randomUUID();
  const status = e.status ?? 'enrolled';
  await db.insertInto('group_enrollments').values({
    org_id: orgId, enrollment_id: enrollmentId, group_id: e.groupId, patient_id: e.patientId, episode_id: e.episodeId,
    status, starts_on: e.startsOn, ends_on: e.endsOn ?? null, seated_on: e.seatedOn !== undefined ? e.seatedOn : status === 'waitlisted' ? null : e.startsOn, override_reason: null, override_by: null,
    created_by: e.createdBy, created_at: NOW, updated_at: NOW,
  }).execute();
  return enrollmentId;
}

export async function insertAttendance(db: Db, orgId: string, a: { sessionId: string; patientId: string; minutes: number; status?: AttendanceStatus }): Promise<void> {
  await db.insertInto('attendance').values({
    org_id: orgId, session_id: a.sessionId, patient_id: a.patientId, status: a.status ?? 'present', checked_in_at: null, checked_out_at: null,
    minutes_attended: a.minutes, method: 'staff_entry', recorded_by: null, recorded_at: NOW, correction_reason: null,
  }).execute();
}

export async function cancelSession(db: Db, orgId: string, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ status: 'cancelled', status_reason: 'Facilitator ill' }).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}
