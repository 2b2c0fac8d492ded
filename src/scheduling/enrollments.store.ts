/** SQL for group enrolments: seats, the waitlist, and their answers. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { Database, GroupEnrollmentsTable } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';
import type { SeatInterval } from './seats.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertEnrollment(trx: Db, row: Insertable<GroupEnrollmentsTable>): Promise<void> {
  await trx.insertInto('group_enrollments').values(row).execute();
}

export async function updateEnrollment(trx: Db, orgId: string, enrollmentId: string, change: Partial<Pick<GroupEnrollmentsTable, 'status' | 'starts_on' | 'ends_on' | 'seated_on' | 'updated_at'>>): Promise<void> {
  await trx.updateTable('group_enrollments').set(change).where('org_id', '=', orgId).where('enrollment_id', '=', enrollmentId).execute();
}

export function getEnrollment(db: Db, orgId: string, enrollmentId: string) {
  return db.selectFrom('group_enrollments').selectAll().where('org_id', '=', orgId).where('enrollment_id', '=', enrollmentId).executeTakeFirst();
}

export function lockEnrollment(trx: Transaction<Database>, orgId: string, enrollmentId: string) {
  return trx.selectFrom('group_enrollments').selectAll().where('org_id', '=', orgId).where('enrollment_id', '=', enrollmentId).forUpdate().executeTakeFirst();
}

/** The patient's seat or waitlist place in a group, if any. */
export function currentEnrollment(db: Db, orgId: string, groupId: string, patientId: string) {
  return db
    .selectFrom('group_enrollments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('patient_id', '=', patientId)
    .where('status', '<>', 'ended')
    .executeTakeFirst();
}

/**
 * The seats of a group held on some day from `from` onward (seats.ts counts them by day).
 * Read after the group row is locked, so they cannot change before the insert.
 */
export async function seatIntervals(db: Db, orgId: string, groupId: string, from: LocalDate): Promise<SeatInterval[]> {
  const rows = await db
    .selectFrom('group_enrollments')
    .select(['seated_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('status', 'in', ['enrolled', 'ended'])
    .where('seated_on', 'is not', null)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .execute();
  return rows.map((r) => ({ seatedOn: r.seated_on!, endsOn: r.ends_on }));
}

/**
 * Locks, in group-id order (the order every multi-group writer uses, so none wait on each
 * other in a cycle), the groups in which an episode holds a seat; returns their ids.
 */
export async function lockSeatedGroupsOfEpisode(trx: Transaction<Database>, orgId: string, episodeId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('groups')
    .select('group_id')
    .where('org_id', '=', orgId)
    .where('group_id', 'in', (eb) =>
      eb.selectFrom('group_enrollments').select('group_id').where('org_id', '=', orgId).where('episode_id', '=', episodeId).where('status', '=', 'enrolled'),
    )
    .orderBy('group_id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.group_id);
}

/** The patient who has waited longest for a seat in the group. */
export function firstWaitlisted(trx: Db, orgId: string, groupId: string) {
  return trx
    .selectFrom('group_enrollments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('status', '=', 'waitlisted')
    .orderBy('created_at')
    .orderBy('enrollment_id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

function enrollmentViews(db: Db, orgId: string) {
  return db
    .selectFrom('group_enrollments as e')
    .innerJoin('groups as g', (join) => join.onRef('g.org_id', '=', 'e.org_id').onRef('g.group_id', '=', 'e.group_id'))
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.patient_id', '=', 'e.patient_id'))
    .selectAll('e')
    .select([
      'g.name as group_name',
      'p.preferred_name',
      'p.legal_given_name',
      'p.legal_family_name',
      sql<number | null>`case when e.status = 'waitlisted' then (
        select count(*) from group_enrollments w
        where w.org_id = e.org_id and w.group_id = e.group_id and w.status = 'waitlisted'
          and (w.created_at, w.enrollment_id) <= (e.created_at, e.enrollment_id)) end`.as('waitlist_position'),
    ])
    .where('e.org_id', '=', orgId);
}
export type EnrollmentView = Awaited<ReturnType<ReturnType<typeof enrollmentViews>['execute']>>[number];

export function getEnrollmentView(db: Db, orgId: string, enrollmentId: string) {
  return enrollmentViews(db, orgId).where('e.enrollment_id', '=', enrollmentId).executeTakeFirst();
}

/** Members (those ending on a future day too: they hold their seat until then), then the waitlist in order. */
export function groupEnrollmentViews(db: Db, orgId: string, groupId: string, today: LocalDate) {
  return enrollmentViews(db, orgId)
    .where('e.group_id', '=', groupId)
    .where((eb) => eb.or([eb('e.status', '<>', 'ended'), eb.and([eb('e.seated_on', 'is not', null), eb('e.ends_on', '>=', today)])]))
    .orderBy(sql`case when e.status = 'waitlisted' then 1 else 0 end`)
    .orderBy('e.created_at')
    .orderBy('e.enrollment_id')
    .execute();
}

export function patientEnrollmentViews(db: Db, orgId: string, patientId: string) {
  return enrollmentViews(db, orgId)
    .where('e.patient_id', '=', patientId)
    .orderBy(sql`case when e.status = 'ended' then 1 else 0 end`)
    .orderBy('e.starts_on', 'desc')
    .orderBy('g.name')
    .execute();
}

/** The patient an enrolment belongs to (access resolver). */
export async function enrollmentPatientId(db: Db, orgId: string, enrollmentId: string): Promise<string | undefined> {
  return (await db.selectFrom('group_enrollments').select('patient_id').where('org_id', '=', orgId).where('enrollment_id', '=', enrollmentId).executeTakeFirst())?.patient_id;
}
