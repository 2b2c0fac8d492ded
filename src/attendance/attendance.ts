/**
 * Attendance actions: the board, check-in, check-out, explicit entries and corrections,
 * mark-all-present. Each opens one transaction and audits once per patient touched.
 */
import type { Transaction } from 'kysely';
import type { AttendanceRow, Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { raiseAbsenceAlerts } from '../alerts/absences.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { patientFacilityIds } from '../patients/patients.store.ts';
import { localDateOf } from '../time/local-time.ts';
import { type SessionTimes, checkInDecision, checkOutResult, isAttending, isPastDay, resolveEntry, sessionMinutes } from './attendance-rules.ts';
import type { AttendanceInput, Board, BoardSession, CheckInInput, MarkAllInput, RosterEntry } from './attendance.schemas.ts';
import {
  type PatientNameRow,
  type SessionWithZone,
  attendanceOf,
  getSessionRow,
  insertAttendance,
  lockAttendance,
  patientsByIds,
  rosterMembers,
  sessionDetail,
  sessionsOnDay,
  updateAttendance,
} from './attendance.store.ts';
import { assembleBoardSessions, toRosterEntry } from './board.ts';
import { materialiseFacility } from './materialise.ts';

type Trx = Transaction<Database>;

const timesOf = (s: SessionWithZone): SessionTimes => ({ localDate: s.local_date, startsAt: s.starts_at, endsAt: s.ends_at });

export async function loadBoard(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, date: string | undefined): Promise<Board> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, actor.orgId, facilityId);
    if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
    const day = date ?? localDateOf(deps.clock.now(), facility.time_zone);
    await materialiseFacility(trx, actor.orgId, facilityId, day, day, deps.clock.now());
    const sessions = await assembleBoardSessions(trx, actor.orgId, facility.time_zone, await sessionsOnDay(trx, actor.orgId, facilityId, day));
    const patientIds = [...new Set(sessions.flatMap((s) => s.roster.map((r) => r.patientId)))];
    await recordAudit(trx, audit, { action: 'read', entity: 'attendance_board', entityId: facilityId, details: { date: day, patientIds } });
    return { facilityId, facilityName: facility.name, timeZone: facility.time_zone, date: day, sessions };
  });
}

/** What the audit trail keeps of an attendance row: codes, numbers and times, no free text. */
const snapshot = (row: AttendanceRow | undefined) =>
  row ? { status: row.status, minutesAttended: row.minutes_attended, checkedInAt: row.checked_in_at?.toISOString() ?? null, checkedOutAt: row.checked_out_at?.toISOString() ?? null, method: row.method } : null;

interface Target {
  readonly session: SessionWithZone;
  readonly patient: PatientNameRow;
  /** On the roster through this enrolment (null: individual session, drop-in, or not on it). */
  readonly enrollmentId: string | null;
  readonly onRoster: boolean;
  readonly existing: AttendanceRow | undefined;
}

/** The session and patient of an attendance action, locked; refuses a cancelled session. */
async function target(trx: Trx, orgId: string, sessionId: string, patientId: string): Promise<Target> {
  const session = await getSessionRow(trx, orgId, sessionId);
  if (!session) throw new AppError(404, 'session_not_found', 'No such session.');
  const [patient] = await patientsByIds(trx, orgId, [patientId]);
  if (!patient) throw new AppError(404, 'not_found', 'No such patient.');
  if (session.status === 'cancelled') throw new AppError(409, 'session_cancelled', 'This session was cancelled; attendance cannot be recorded for it.');
  const member = (await rosterMembers(trx, orgId, [sessionId])).find((m) => m.patient_id === patientId);
  const existing = await lockAttendance(trx, orgId, sessionId, patientId);
  return { session, patient, enrollmentId: member?.enrollment_id ?? null, onRoster: member !== undefined, existing };
}

/** A patient not on the roster joins it only when asked to, and only if they are a patient of this facility. */
async function admitToRoster(trx: Trx, orgId: string, t: Target, addToSession: boolean | undefined): Promise<void> {
  if (t.onRoster) return;
  if (!addToSession) {
    throw new AppError(409, 'not_on_roster', 'This patient is not on the session’s roster. Add them to the session to record attendance.', [{ path: 'addToSession', message: 'set to true to add the patient' }]);
  }
  if (!(await patientFacilityIds(trx, orgId, t.patient.patient_id)).includes(t.session.facility_id)) {
    throw new AppError(409, 'not_on_roster', 'This patient is not registered or admitted at the session’s facility.');
  }
}

const entryOf = (t: Target, row: AttendanceRow | undefined): RosterEntry => toRosterEntry(t.patient, t.enrollmentId, row);

/** Who records a check-in: a staff member at the board, or (staffId null) the patient joining by video from the portal. */
export interface CheckInRecorder {
  readonly orgId: string;
  readonly staffId: string | null;
}

export async function checkIn(deps: AppDeps, actor: CheckInRecorder, audit: AuditContext, sessionId: string, patientId: string, input: CheckInInput): Promise<RosterEntry> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const t = await target(trx, actor.orgId, sessionId, patientId);
    // A double tap on the tablet: already checked in (or marked present) → unchanged.
    if (t.existing && isAttending(t.existing.status)) return entryOf(t, t.existing);
    const decision = checkInDecision(timesOf(t.session), now, t.session.time_zone);
    if (decision.kind === 'too_early') {
      throw new AppError(409, 'session_not_started', 'Check-in opens an hour before the session starts.', { opensAt: decision.opensAt.toISOString() });
    }
    if (decision.kind === 'day_over') {
      throw new AppError(422, 'correction_reason_required', 'The session’s day is over. Record attendance as a correction, with a reason.', [{ path: 'reason', message: 'is required after the session’s day' }]);
    }
    await admitToRoster(trx, actor.orgId, t, input.addToSession);
    const fields = {
      status: decision.status,
      checked_in_at: now,
      checked_out_at: null,
      minutes_attended: 0,
      method: input.telehealth ? ('telehealth' as const) : ('front_desk' as const),
      recorded_by: actor.staffId,
      recorded_at: now,
      correction_reason: null,
    };
    const row = t.existing
      ? await updateAttendance(trx, actor.orgId, sessionId, patientId, fields)
      : await insertAttendance(trx, { org_id: actor.orgId, session_id: sessionId, patient_id: patientId, ...fields });
    // Lost a race with another check-in of the same patient: answer with what it wrote.
    if (!row) return entryOf(t, await lockAttendance(trx, actor.orgId, sessionId, patientId));
    await recordAudit(trx, audit, { action: t.existing ? 'update' : 'create', entity: 'attendance', entityId: sessionId, patientId, details: { before: snapshot(t.existing), after: snapshot(row) } });
    return entryOf(t, row);
  });
}

export async function checkOut(deps: AppDeps, actor: StaffActor, audit: AuditContext, sessionId: string, patientId: string): Promise<RosterEntry> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const t = await target(trx, actor.orgId, sessionId, patientId);
    const existing = t.existing;
    if (!existing || !isAttending(existing.status) || !existing.checked_in_at) {
      throw new AppError(409, 'not_checked_in', 'This patient has not been checked in to this session.');
    }
    if (existing.checked_out_at) return entryOf(t, existing);
    const result = checkOutResult(timesOf(t.session), existing.checked_in_at, now, existing.status);
    const row = await updateAttendance(trx, actor.orgId, sessionId, patientId, {
      status: result.status,
      minutes_attended: result.minutesAttended,
      checked_out_at: now,
      recorded_by: actor.staffId,
      recorded_at: now,
    });
    await recordAudit(trx, audit, { action: 'update', entity: 'attendance', entityId: sessionId, patientId, details: { before: snapshot(existing), after: snapshot(row) } });
    return entryOf(t, row);
  });
}

function refuseBeforeOpening(session: SessionWithZone, now: Date): void {
  const decision = checkInDecision(timesOf(session), now, session.time_zone);
  if (decision.kind === 'too_early') {
    throw new AppError(409, 'session_not_started', 'Attendance can be recorded from an hour before the session starts.', { opensAt: decision.opensAt.toISOString() });
  }
}

/** Sets attendance explicitly; after the session's day this is a correction and needs a reason. */
export async function setAttendance(deps: AppDeps, actor: StaffActor, audit: AuditContext, sessionId: string, patientId: string, input: AttendanceInput): Promise<RosterEntry> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const t = await target(trx, actor.orgId, sessionId, patientId);
    // A status chosen from the board's menu after a check-in keeps the recorded times.
    const keepTimes = input.checkedInAt === undefined && input.checkedOutAt === undefined && t.existing !== undefined;
    const resolved = resolveEntry(
      timesOf(t.session),
      {
        status: input.status,
        minutesAttended: input.minutesAttended,
        checkedInAt: input.checkedInAt ? new Date(input.checkedInAt) : keepTimes ? (t.existing?.checked_in_at ?? undefined) : undefined,
        checkedOutAt: input.checkedOutAt ? new Date(input.checkedOutAt) : keepTimes ? (t.existing?.checked_out_at ?? undefined) : undefined,
        reason: input.reason,
      },
      now,
      t.session.time_zone,
    );
    if (!resolved.ok) {
      const first = resolved.problems[0]!;
      throw new AppError(422, first.code, first.code === 'correction_reason_required' ? 'Changing attendance after the session’s day needs a reason.' : 'The attendance entry is not consistent.', resolved.problems.map(({ path, message }) => ({ path, message })));
    }
    // Absences may be entered ahead (an excused absence known in advance); attendance may not.
    if (isAttending(resolved.value.status)) refuseBeforeOpening(t.session, now);
    if (!t.existing) await admitToRoster(trx, actor.orgId, t, input.addToSession);
    const v = resolved.value;
    const fields = {
      status: v.status,
      minutes_attended: v.minutesAttended,
      checked_in_at: v.checkedInAt,
      checked_out_at: v.checkedOutAt,
      recorded_by: actor.staffId,
      recorded_at: now,
      correction_reason: v.correctionReason,
    };
    const inserted = t.existing ? undefined : await insertAttendance(trx, { org_id: actor.orgId, session_id: sessionId, patient_id: patientId, method: 'staff_entry', ...fields });
    // An entry written by a concurrent check-in since we looked is overwritten: this one is explicit.
    const row = inserted ?? (await updateAttendance(trx, actor.orgId, sessionId, patientId, fields));
    const corrected = isPastDay(timesOf(t.session), now, t.session.time_zone);
    await recordAudit(trx, audit, { action: inserted ? 'create' : 'update', entity: 'attendance', entityId: sessionId, patientId, details: { before: snapshot(t.existing), after: snapshot(row), correction: corrected } });
    // A second unexcused absence in a row raises its alert in this same transaction (issue 5).
    if (row.status === 'unexcused_absence') await raiseAbsenceAlerts(trx, audit, [{ patientId, sessionIds: new Set([sessionId]) }], now);
    return entryOf(t, row);
  });
}

/** Everyone on the roster not yet marked is marked present for the whole session. */
export async function markAllPresent(deps: AppDeps, actor: StaffActor, audit: AuditContext, sessionId: string, input: MarkAllInput): Promise<BoardSession> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const session = await getSessionRow(trx, actor.orgId, sessionId);
    if (!session) throw new AppError(404, 'session_not_found', 'No such session.');
    if (session.status === 'cancelled') throw new AppError(409, 'session_cancelled', 'This session was cancelled; attendance cannot be recorded for it.');
    refuseBeforeOpening(session, now);
    const reason = input.reason?.trim() || null;
    if (!reason && isPastDay(timesOf(session), now, session.time_zone)) {
      throw new AppError(422, 'correction_reason_required', 'Changing attendance after the session’s day needs a reason.', [{ path: 'reason', message: 'is required after the session’s day' }]);
    }
    const marked = new Set((await attendanceOf(trx, actor.orgId, [sessionId])).map((a) => a.patient_id));
    const unmarked = (await rosterMembers(trx, actor.orgId, [sessionId])).filter((m) => !marked.has(m.patient_id));
    for (const member of unmarked) {
      const row = await insertAttendance(trx, {
        org_id: actor.orgId,
        session_id: sessionId,
        patient_id: member.patient_id,
        status: 'present',
        checked_in_at: null,
        checked_out_at: null,
        minutes_attended: sessionMinutes(timesOf(session)),
        method: 'roster',
        recorded_by: actor.staffId,
        recorded_at: now,
        correction_reason: reason,
      });
      // Checked in at the desk meanwhile: their own entry stands.
      if (!row) continue;
      await recordAudit(trx, audit, { action: 'create', entity: 'attendance', entityId: sessionId, patientId: member.patient_id, details: { before: null, after: snapshot(row), markAll: true } });
    }
    const detail = await sessionDetail(trx, actor.orgId, sessionId);
    return (await assembleBoardSessions(trx, actor.orgId, session.time_zone, [detail!]))[0]!;
  });
}
