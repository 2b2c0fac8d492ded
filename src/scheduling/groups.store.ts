/** SQL for groups: the recurring services, their facilitators and seat counts. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database, GroupsTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type GroupFields = Omit<GroupsTable, 'org_id' | 'group_id' | 'created_at' | 'updated_at'>;

export async function insertGroup(trx: Db, orgId: string, groupId: string, fields: GroupFields, now: Date): Promise<void> {
  await trx.insertInto('groups').values({ org_id: orgId, group_id: groupId, ...fields, created_at: now, updated_at: now }).execute();
}

export async function updateGroup(trx: Db, orgId: string, groupId: string, fields: GroupFields, now: Date): Promise<void> {
  await trx.updateTable('groups').set({ ...fields, updated_at: now }).where('org_id', '=', orgId).where('group_id', '=', groupId).execute();
}

/** A group with the names and the facility zone that every answer about it needs. */
function groupQuery(db: Db, orgId: string) {
  return db
    .selectFrom('groups as g')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'g.org_id').onRef('f.facility_id', '=', 'g.facility_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'g.org_id').onRef('s.staff_id', '=', 'g.facilitator_id'))
    .leftJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'g.org_id').onRef('p.program_id', '=', 'g.program_id'))
    .leftJoin('program_tracks as t', (join) => join.onRef('t.org_id', '=', 'g.org_id').onRef('t.track_id', '=', 'g.track_id'))
    .selectAll('g')
    .select(['f.name as facility_name', 'f.time_zone', 'f.week_starts_on', 's.full_name as facilitator_name', 'p.name as program_name', 'p.population as program_population', 't.name as track_name'])
    .where('g.org_id', '=', orgId);
}

export type GroupRecord = NonNullable<Awaited<ReturnType<typeof getGroupRecord>>>;

export function getGroupRecord(db: Db, orgId: string, groupId: string) {
  return groupQuery(db, orgId).where('g.group_id', '=', groupId).executeTakeFirst();
}

export function listGroupRecords(db: Db, orgId: string, scope: FacilityScope, filter: { facilityId?: string | undefined; includeInactive?: boolean | undefined }) {
  let query = groupQuery(db, orgId);
  if (scope.kind === 'assigned') {
    if (scope.facilityIds.length === 0) return Promise.resolve([]);
    query = query.where('g.facility_id', 'in', scope.facilityIds);
  }
  if (filter.facilityId) query = query.where('g.facility_id', '=', filter.facilityId);
  if (!filter.includeInactive) query = query.where('g.active', '=', true);
  return query.orderBy('f.name').orderBy('g.start_time').orderBy('g.name').execute();
}

/** The group row, locked until the transaction ends: seats are contended (STYLE.md: the last seat in a group). */
export function lockGroup(trx: Transaction<Database>, orgId: string, groupId: string) {
  return trx.selectFrom('groups').selectAll().where('org_id', '=', orgId).where('group_id', '=', groupId).forUpdate().executeTakeFirst();
}

/** The facility a group belongs to (access resolvers). */
export async function groupFacilityId(db: Db, orgId: string, groupId: string): Promise<string | undefined> {
  return (await db.selectFrom('groups').select('facility_id').where('org_id', '=', orgId).where('group_id', '=', groupId).executeTakeFirst())?.facility_id;
}

/** Enrolled and waitlisted counts per group. */
export async function seatCounts(db: Db, orgId: string, groupIds: readonly string[]): Promise<Map<string, { enrolled: number; waitlisted: number }>> {
  const counts = new Map<string, { enrolled: number; waitlisted: number }>();
  if (groupIds.length === 0) return counts;
  const rows = await db
    .selectFrom('group_enrollments')
    .select(['group_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('group_id', 'in', groupIds)
    .where('status', '<>', 'ended')
    .groupBy(['group_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.group_id) ?? { enrolled: 0, waitlisted: 0 };
    if (row.status === 'enrolled') entry.enrolled = Number(row.n);
    if (row.status === 'waitlisted') entry.waitlisted = Number(row.n);
    counts.set(row.group_id, entry);
  }
  return counts;
}

/**
 * True when the staff member can lead a group or individual session at the facility: an
 * active account, assigned to the facility, holding a clinical role.
 */
export async function isClinicianAt(db: Db, orgId: string, staffId: string, facilityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff as s')
    .innerJoin('staff_facilities as sf', (join) => join.onRef('sf.org_id', '=', 's.org_id').onRef('sf.staff_id', '=', 's.staff_id'))
    .select('s.staff_id')
    .where('s.org_id', '=', orgId)
    .where('s.staff_id', '=', staffId)
    .where('sf.facility_id', '=', facilityId)
    .where('s.status', '=', 'active')
    .where(sql<boolean>`s.roles && array['clinician', 'clinical_director', 'medical']::text[]`)
    .executeTakeFirst();
  return row !== undefined;
}

export function getProgramAt(db: Db, orgId: string, programId: string) {
  return db.selectFrom('programs').select(['program_id', 'facility_id', 'population', 'active']).where('org_id', '=', orgId).where('program_id', '=', programId).executeTakeFirst();
}

export function getTrack(db: Db, orgId: string, trackId: string) {
  return db.selectFrom('program_tracks').select(['track_id', 'program_id']).where('org_id', '=', orgId).where('track_id', '=', trackId).executeTakeFirst();
}
