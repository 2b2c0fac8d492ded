/** SQL for groups: the recurring services, their facilitators and seat counts. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database, GroupsTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';
import type { LocalDate } from '../time/local-time.ts';
import type { SeatInterval } from './seats.ts';

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

/** Waitlist places per group. */
export async function waitlistCounts(db: Db, orgId: string, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_enrollments')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('group_id', 'in', groupIds)
    .where('status', '=', 'waitlisted')
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/** The seats of these groups held on some day from `from` onward, by group (seats.ts counts them by day). */
export async function seatIntervalsOfGroups(db: Db, orgId: string, groupIds: readonly string[], from: LocalDate): Promise<Map<string, SeatInterval[]>> {
  const seats = new Map<string, SeatInterval[]>();
  if (groupIds.length === 0) return seats;
  const rows = await db
    .selectFrom('group_enrollments')
    .select(['group_id', 'seated_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('group_id', 'in', groupIds)
    .where('status', 'in', ['enrolled', 'ended'])
    .where('seated_on', 'is not', null)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .execute();
  for (const row of rows) seats.set(row.group_id, [...(seats.get(row.group_id) ?? []), { seatedOn: row.seated_on!, endsOn: row.ends_on }]);
  return seats;
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
