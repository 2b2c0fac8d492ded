/**
 * Sessions: group occurrences materialised from their RRULE, the facility calendar, and
 * cancelling or moving one occurrence. An occurrence keeps its key (its original local
 * start) when moved, so expanding the rule again never brings it back at the old time.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, GroupsTable, SessionsTable } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates, daysBetween, instantAt, isLocalDate, localDateOf, localTimeOf, weekStartOf } from '../time/local-time.ts';
import { type Occurrence, expandOccurrences } from './recurrence.ts';
import type { CalendarSession, MoveInput } from './sessions.schemas.ts';
import {
  type SessionView,
  calendarViews,
  deleteSessions,
  futureSessionsOfGroup,
  getSessionView,
  groupsToExpand,
  insertOccurrences,
  lockSession,
  occurrenceKeyOf,
  updateSession,
} from './sessions.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How far ahead a new or changed group's sessions are written at once. */
export const MATERIALISE_WEEKS = 8;
/** The longest calendar range one request may ask for (six weeks). */
export const MAX_CALENDAR_DAYS = 42;

/** What materialising a group needs: its schedule, leader, place, and the facility's zone. */
export type ScheduledGroup = Pick<
  GroupsTable,
  'group_id' | 'facility_id' | 'facilitator_id' | 'name' | 'room' | 'video_url' | 'rrule' | 'starts_on' | 'ends_on' | 'start_time' | 'duration_minutes' | 'active' | 'schedule_changed_at'
> & { readonly time_zone: string };

const scheduleOf = (group: ScheduledGroup) => ({
  rrule: group.rrule,
  startsOn: group.starts_on,
  endsOn: group.ends_on,
  startTime: group.start_time,
  durationMinutes: group.duration_minutes,
  timeZone: group.time_zone,
});

function occurrenceRow(orgId: string, group: ScheduledGroup, occurrence: Occurrence, now: Date): Insertable<SessionsTable> {
  return {
    org_id: orgId,
    session_id: randomUUID(),
    facility_id: group.facility_id,
    kind: 'group',
    group_id: group.group_id,
    occurrence_key: occurrence.key,
    patient_id: null,
    clinician_id: group.facilitator_id,
    title: group.name,
    starts_at: occurrence.startsAt,
    ends_at: occurrence.endsAt,
    local_date: occurrence.localDate,
    room: group.room,
    video_url: group.video_url,
    status: 'scheduled',
    moved: false,
    created_at: now,
    updated_at: now,
  };
}

/** Occurrences of a group in [from, to] from its current rule (none before the rule last changed). */
function currentOccurrences(group: ScheduledGroup, from: LocalDate, to: LocalDate): Occurrence[] {
  const changedAt = group.schedule_changed_at?.getTime();
  return expandOccurrences(scheduleOf(group), from, to).filter((o) => changedAt === undefined || o.startsAt.getTime() >= changedAt);
}

async function materialise(trx: Db, orgId: string, groups: readonly ScheduledGroup[], from: LocalDate, to: LocalDate, now: Date): Promise<void> {
  const rows = groups.flatMap((group) => currentOccurrences(group, from, to).map((o) => occurrenceRow(orgId, group, o, now)));
  // One insertion order for every caller, so concurrent materialisations never wait on each other in a cycle.
  rows.sort((a, b) => (a.group_id! < b.group_id! ? -1 : a.group_id! > b.group_id! ? 1 : String(a.occurrence_key) < String(b.occurrence_key) ? -1 : 1));
  await insertOccurrences(trx, rows);
}

/**
 * Writes the sessions of every active group of a facility whose local day lies in
 * [from, to] (facility days, inclusive). Idempotent: occurrences already written, moved or
 * cancelled are left as they are. Call it before reading sessions for a range (the
 * attendance board, the calendar, a patient's week). `now` is the app clock's (it stamps
 * the rows and hides occurrences from before a schedule change); never the wall clock.
 */
export async function ensureSessions(trx: Db, orgId: string, facilityId: string, from: LocalDate, to: LocalDate, now: Date): Promise<void> {
  await materialise(trx, orgId, await groupsToExpand(trx, orgId, { facilityId }, from, to), from, to, now);
}

/** As ensureSessions, for particular groups (a patient's, at whichever facilities they meet). */
export async function ensureGroupSessions(trx: Db, orgId: string, groupIds: readonly string[], from: LocalDate, to: LocalDate, now: Date): Promise<void> {
  await materialise(trx, orgId, await groupsToExpand(trx, orgId, { groupIds }, from, to), from, to, now);
}

/**
 * After a group is created or changed: future sessions without attendance follow the
 * group's current rule, leader, room and title; those whose occurrence the rule no longer
 * produces are removed; the next MATERIALISE_WEEKS weeks are written. Past sessions and
 * sessions with attendance are never touched.
 */
export async function regenerateGroupSessions(trx: Transaction<Database>, orgId: string, group: ScheduledGroup, now: Date): Promise<void> {
  const today = localDateOf(now, group.time_zone);
  const future = await futureSessionsOfGroup(trx, orgId, group.group_id, now);
  const lastFuture = future.reduce<LocalDate>((last, s) => (compareDates(s.local_date, last) > 0 ? s.local_date : last), addDays(today, MATERIALISE_WEEKS * 7 - 1));
  const expected = new Map(group.active ? currentOccurrences(group, today, lastFuture).map((o) => [o.key, o]) : []);
  const remove: string[] = [];
  for (const session of future) {
    if (session.has_attendance) continue;
    const occurrence = expected.get(occurrenceKeyOf(session.occurrence_key ?? ''));
    if (!occurrence) {
      remove.push(session.session_id);
    } else if (session.moved) {
      await updateSession(trx, orgId, session.session_id, { title: group.name, clinician_id: group.facilitator_id, video_url: group.video_url, updated_at: now });
    } else {
      await updateSession(trx, orgId, session.session_id, {
        title: group.name,
        clinician_id: group.facilitator_id,
        room: group.room,
        video_url: group.video_url,
        starts_at: occurrence.startsAt,
        ends_at: occurrence.endsAt,
        local_date: occurrence.localDate,
        updated_at: now,
      });
    }
  }
  await deleteSessions(trx, orgId, remove);
  if (group.active) await materialise(trx, orgId, [group], today, addDays(today, MATERIALISE_WEEKS * 7 - 1), now);
}

/** "Preferred (Legal) Family" when the patient goes by another name, else "Given Family". */
export function displayName(p: { preferred_name: string | null; legal_given_name: string | null; legal_family_name: string | null }): string | null {
  if (!p.legal_given_name || !p.legal_family_name) return null;
  return p.preferred_name && p.preferred_name !== p.legal_given_name
    ? `${p.preferred_name} (${p.legal_given_name}) ${p.legal_family_name}`
    : `${p.legal_given_name} ${p.legal_family_name}`;
}

export function toCalendarSession(view: SessionView): CalendarSession {
  return {
    sessionId: view.session_id,
    kind: view.kind,
    groupId: view.group_id,
    title: view.title,
    groupType: view.group_type,
    startsAt: view.starts_at.toISOString(),
    endsAt: view.ends_at.toISOString(),
    localDate: view.local_date,
    localStart: localTimeOf(view.starts_at, view.time_zone),
    localEnd: localTimeOf(view.ends_at, view.time_zone),
    room: view.room,
    videoUrl: view.video_url,
    clinicianId: view.clinician_id,
    clinicianName: view.clinician_name,
    status: view.status,
    statusReason: view.status_reason,
    moved: view.moved,
    patientId: view.patient_id,
    patientName: displayName(view),
    enrolledCount: view.enrolled_count === null ? null : Number(view.enrolled_count),
    capacity: view.capacity,
  };
}

/** A range of facility days: at most MAX_CALENDAR_DAYS, `to` not before `from`; one week from the current week by default. */
export function calendarRange(query: { from?: string | undefined; to?: string | undefined }, today: LocalDate, weekStartsOn: number): { from: LocalDate; to: LocalDate } {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isLocalDate(value)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: field, message: 'is not a real date' }]);
  }
  const from = query.from ?? (query.to ? addDays(query.to, -6) : weekStartOf(today, weekStartsOn));
  const to = query.to ?? addDays(from, 6);
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new AppError(422, 'date_out_of_range', 'The range ends before it starts.', [{ path: 'to', message: 'is before from' }]);
  if (days > MAX_CALENDAR_DAYS) throw new AppError(422, 'date_out_of_range', `Ask for at most ${MAX_CALENDAR_DAYS} days at once.`, [{ path: 'to', message: `is more than ${MAX_CALENDAR_DAYS} days after from` }]);
  return { from, to };
}

/** The facility's sessions over a range of days, materialising group occurrences first. */
export async function loadCalendar(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<CalendarSession[]> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, actor.orgId, facilityId);
    if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
    const now = deps.clock.now();
    const { from, to } = calendarRange(query, localDateOf(now, facility.time_zone), facility.week_starts_on);
    await ensureSessions(trx, actor.orgId, facilityId, from, to, now);
    const views = await calendarViews(trx, actor.orgId, facilityId, from, to);
    const patientIds = [...new Set(views.flatMap((v) => (v.patient_id ? [v.patient_id] : [])))];
    // Individual sessions name their patient: reading the calendar is reading patient data.
    if (patientIds.length) await recordAudit(trx, audit, { action: 'read', entity: 'calendar', entityId: facilityId, details: { patientIds, from, to } });
    return views.map(toCalendarSession);
  });
}

export async function loadSession(db: Db, orgId: string, sessionId: string): Promise<CalendarSession> {
  const view = await getSessionView(db, orgId, sessionId);
  if (!view) throw new AppError(404, 'session_not_found', 'No such session.');
  return toCalendarSession(view);
}

async function lockChangeable(trx: Transaction<Database>, orgId: string, sessionId: string) {
  const session = await lockSession(trx, orgId, sessionId);
  if (!session) throw new AppError(404, 'session_not_found', 'No such session.');
  if (session.status === 'cancelled') throw new AppError(409, 'session_cancelled', 'This session is cancelled.');
  // Attendance is a clinical record of what happened; the session it belongs to stays as it was.
  if (session.has_attendance) throw new AppError(409, 'conflict', 'Attendance is already recorded for this session, so it cannot be cancelled or moved.');
  return session;
}

/** Cancels one session (a holiday, a facilitator's absence), keeping it on the calendar with its reason. */
export async function cancelSession(deps: AppDeps, actor: StaffActor, audit: AuditContext, sessionId: string, reason: string): Promise<CalendarSession> {
  return deps.db.transaction().execute(async (trx) => {
    const session = await lockChangeable(trx, actor.orgId, sessionId);
    await updateSession(trx, actor.orgId, sessionId, { status: 'cancelled', status_reason: reason.trim(), updated_at: deps.clock.now() });
    await recordAudit(trx, audit, { action: 'update', entity: 'session', entityId: sessionId, patientId: session.patient_id, details: { status: 'cancelled', localDate: session.local_date } });
    return loadSession(trx, actor.orgId, sessionId);
  });
}

/** Moves one session to another day, time, length or room; a group occurrence keeps its key. */
export async function moveSession(deps: AppDeps, actor: StaffActor, audit: AuditContext, sessionId: string, input: MoveInput): Promise<CalendarSession> {
  if (!isLocalDate(input.date)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: 'date', message: 'is not a real date' }]);
  return deps.db.transaction().execute(async (trx) => {
    const session = await lockChangeable(trx, actor.orgId, sessionId);
    const minutes = input.durationMinutes ?? Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000);
    const startsAt = instantAt(input.date, input.startTime, session.time_zone);
    await updateSession(trx, actor.orgId, sessionId, {
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + minutes * 60_000),
      local_date: input.date,
      ...(input.room !== undefined ? { room: input.room } : {}),
      status_reason: input.reason.trim(),
      moved: true,
      updated_at: deps.clock.now(),
    });
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'session',
      entityId: sessionId,
      patientId: session.patient_id,
      details: { moved: { fromStartsAt: session.starts_at.toISOString(), toStartsAt: startsAt.toISOString(), durationMinutes: minutes } },
    });
    return loadSession(trx, actor.orgId, sessionId);
  });
}
