/** SQL for sessions: materialised group occurrences and one-off individual / family sessions. */
import { type Insertable, type Kysely, type Transaction, type Updateable, sql } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A group place puts its patient on the roster of a session of `e`'s group on `s`'s day
 * when it held its seat that day: seated on or before it, not ended before it. A waitlist
 * place, or one that ended before it was ever seated, has no seated_on (0006) and never
 * does. The board and hours (src/attendance) apply the same rule.
 */
const seatedOnSessionDay = sql<boolean>`e.status in ('enrolled', 'ended') and e.seated_on <= s.local_date and (e.ends_on is null or e.ends_on >= s.local_date)`;

/** PostgreSQL prints a `timestamp` as 'YYYY-MM-DD HH:MM:SS'; occurrence keys are compared as 'YYYY-MM-DDTHH:MM:SS'. */
export const occurrenceKeyOf = (raw: string): string => raw.replace(' ', 'T');

/** Active groups (with their facility's zone) whose span touches [from, to]. */
export function groupsToExpand(db: Db, orgId: string, target: { facilityId: string } | { groupIds: readonly string[] }, from: LocalDate, to: LocalDate) {
  let query = db
    .selectFrom('groups as g')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'g.org_id').onRef('f.facility_id', '=', 'g.facility_id'))
    .selectAll('g')
    .select('f.time_zone')
    .where('g.org_id', '=', orgId)
    .where('g.active', '=', true)
    .where('g.starts_on', '<=', to)
    .where((eb) => eb.or([eb('g.ends_on', 'is', null), eb('g.ends_on', '>=', from)]));
  if ('facilityId' in target) query = query.where('g.facility_id', '=', target.facilityId);
  else if (target.groupIds.length === 0) return Promise.resolve([]);
  else query = query.where('g.group_id', 'in', target.groupIds);
  return query.execute();
}
export type GroupToExpand = Awaited<ReturnType<typeof groupsToExpand>>[number];

/** Inserts occurrences, skipping those already materialised (or moved, or cancelled). */
export async function insertOccurrences(trx: Db, rows: readonly Insertable<SessionsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('sessions')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['org_id', 'group_id', 'occurrence_key']).where('group_id', 'is not', null).doNothing())
      .execute();
  }
}

export async function insertSession(trx: Db, row: Insertable<SessionsTable>): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

const hasAttendance = sql<boolean>`exists (select 1 from attendance a where a.org_id = s.org_id and a.session_id = s.session_id)`;

/** A group's sessions starting after `now`, with whether anyone's attendance is recorded. */
export function futureSessionsOfGroup(trx: Db, orgId: string, groupId: string, now: Date) {
  return trx
    .selectFrom('sessions as s')
    .selectAll('s')
    .select(hasAttendance.as('has_attendance'))
    .where('s.org_id', '=', orgId)
    .where('s.group_id', '=', groupId)
    .where('s.starts_at', '>', now)
    .orderBy('s.starts_at')
    .execute();
}

export async function deleteSessions(trx: Db, orgId: string, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await trx.deleteFrom('sessions').where('org_id', '=', orgId).where('session_id', 'in', sessionIds).execute();
}

export async function updateSession(trx: Db, orgId: string, sessionId: string, change: Omit<Updateable<SessionsTable>, 'org_id' | 'session_id' | 'created_at'>): Promise<void> {
  await trx.updateTable('sessions').set(change).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}

export function lockSession(trx: Transaction<Database>, orgId: string, sessionId: string) {
  return trx
    .selectFrom('sessions as s')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 's.org_id').onRef('f.facility_id', '=', 's.facility_id'))
    .selectAll('s')
    .select(['f.time_zone', hasAttendance.as('has_attendance')])
    .where('s.org_id', '=', orgId)
    .where('s.session_id', '=', sessionId)
    .forUpdate('s')
    .executeTakeFirst();
}

export async function sessionFacilityId(db: Db, orgId: string, sessionId: string): Promise<string | undefined> {
  return (await db.selectFrom('sessions').select('facility_id').where('org_id', '=', orgId).where('session_id', '=', sessionId).executeTakeFirst())?.facility_id;
}

/** The columns every calendar answer needs: the session, its group, leader, patient and zone. */
export function sessionViews(db: Db, orgId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 's.org_id').onRef('f.facility_id', '=', 's.facility_id'))
    .innerJoin('staff as c', (join) => join.onRef('c.org_id', '=', 's.org_id').onRef('c.staff_id', '=', 's.clinician_id'))
    .leftJoin('groups as g', (join) => join.onRef('g.org_id', '=', 's.org_id').onRef('g.group_id', '=', 's.group_id'))
    .leftJoin('patients as p', (join) => join.onRef('p.org_id', '=', 's.org_id').onRef('p.patient_id', '=', 's.patient_id'))
    .selectAll('s')
    .select([
      'f.time_zone',
      'c.full_name as clinician_name',
      'g.group_type',
      'g.capacity',
      'p.preferred_name',
      'p.legal_given_name',
      'p.legal_family_name',
      sql<number | null>`case when s.group_id is null then null else (
        select count(*) from group_enrollments e
        where e.org_id = s.org_id and e.group_id = s.group_id and ${seatedOnSessionDay}) end`.as('enrolled_count'),
    ])
    .where('s.org_id', '=', orgId);
}
export type SessionView = Awaited<ReturnType<ReturnType<typeof sessionViews>['execute']>>[number];

export function getSessionView(db: Db, orgId: string, sessionId: string) {
  return sessionViews(db, orgId).where('s.session_id', '=', sessionId).executeTakeFirst();
}

export function calendarViews(db: Db, orgId: string, facilityId: string, from: LocalDate, to: LocalDate) {
  return sessionViews(db, orgId)
    .where('s.facility_id', '=', facilityId)
    .where('s.local_date', '>=', from)
    .where('s.local_date', '<=', to)
    .orderBy('s.starts_at')
    .orderBy('s.title')
    .execute();
}

/** The patient is on this session's roster: its individual patient, enrolled on its day, or with attendance recorded. */
const onRoster = (patientId: string) => sql<boolean>`(s.patient_id = ${patientId}
  or exists (select 1 from group_enrollments e where e.org_id = s.org_id and e.group_id = s.group_id and e.patient_id = ${patientId}
             and ${seatedOnSessionDay})
  or exists (select 1 from attendance a where a.org_id = s.org_id and a.session_id = s.session_id and a.patient_id = ${patientId}))`;

/** Sessions on a patient's roster whose local day lies in [from, to], with their attendance and enrollment. */
export function patientSessionViews(db: Db, orgId: string, patientId: string, from: LocalDate, to: LocalDate) {
  return sessionViews(db, orgId)
    .leftJoin('attendance as a', (join) => join.onRef('a.org_id', '=', 's.org_id').onRef('a.session_id', '=', 's.session_id').on('a.patient_id', '=', patientId))
    .select([
      'a.status as attendance_status',
      'a.checked_in_at',
      'a.checked_out_at',
      'a.minutes_attended',
      'a.method as attendance_method',
      'a.correction_reason',
      sql<string | null>`(select e.enrollment_id from group_enrollments e where e.org_id = s.org_id and e.group_id = s.group_id
        and e.patient_id = ${patientId} and ${seatedOnSessionDay} order by e.created_at desc limit 1)`.as('enrollment_id'),
    ])
    .where(onRoster(patientId))
    .where('s.local_date', '>=', from)
    .where('s.local_date', '<=', to)
    .orderBy('s.starts_at')
    .execute();
}

/** Scheduled sessions a patient is rostered on between two instants, except those of one group. */
export function bookedSessionsOfPatient(db: Db, orgId: string, patientId: string, from: Date, to: Date, exceptGroupId?: string) {
  let query = sessionViews(db, orgId)
    .where(onRoster(patientId))
    .where('s.status', '=', 'scheduled')
    .where('s.ends_at', '>', from)
    .where('s.starts_at', '<', to);
  if (exceptGroupId) query = query.where((eb) => eb.or([eb('s.group_id', 'is', null), eb('s.group_id', '<>', exceptGroupId)]));
  return query.orderBy('s.starts_at').execute();
}

/** Scheduled sessions a clinician leads that overlap [from, to). */
export function sessionsLedBy(db: Db, orgId: string, clinicianId: string, from: Date, to: Date) {
  return sessionViews(db, orgId)
    .where('s.clinician_id', '=', clinicianId)
    .where('s.status', '=', 'scheduled')
    .where('s.ends_at', '>', from)
    .where('s.starts_at', '<', to)
    .orderBy('s.starts_at')
    .execute();
}

/** Groups in which the patient holds or held a seat (for materialising their sessions before reading a week). */
export async function enrolledGroupIds(db: Db, orgId: string, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_enrollments')
    .select('group_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', ['enrolled', 'ended'])
    .where('seated_on', 'is not', null)
    .execute();
  return rows.map((r) => r.group_id);
}

/** A group's scheduled (not cancelled) sessions whose local day lies in [from, to]. */
export function scheduledSessionsOfGroup(db: Db, orgId: string, groupId: string, from: LocalDate, to: LocalDate) {
  return sessionViews(db, orgId)
    .where('s.group_id', '=', groupId)
    .where('s.status', '=', 'scheduled')
    .where('s.local_date', '>=', from)
    .where('s.local_date', '<=', to)
    .orderBy('s.starts_at')
    .execute();
}
