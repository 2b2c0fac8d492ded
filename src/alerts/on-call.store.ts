/** SQL for on-call shifts. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OnCallShiftsTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

function shiftQuery(db: Db, orgId: string) {
  return db
    .selectFrom('on_call_shifts as o')
    .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.staff_id', '=', 'o.staff_id'))
    .innerJoin('staff as c', (j) => j.onRef('c.org_id', '=', 'o.org_id').onRef('c.staff_id', '=', 'o.created_by'))
    .selectAll('o')
    .select(['s.full_name as staff_name', 'c.full_name as created_by_name'])
    .where('o.org_id', '=', orgId);
}
export type ShiftRow = Awaited<ReturnType<ReturnType<typeof shiftQuery>['execute']>>[number];

/** Shifts at the facility overlapping [from, to), earliest first. */
export function shiftsOverlapping(db: Db, orgId: string, facilityId: string, from: Date, to: Date): Promise<ShiftRow[]> {
  return shiftQuery(db, orgId)
    .where('o.facility_id', '=', facilityId)
    .where('o.starts_at', '<', to)
    .where('o.ends_at', '>', from)
    .orderBy('o.starts_at')
    .orderBy('s.full_name')
    .execute();
}

export function shiftById(db: Db, orgId: string, shiftId: string): Promise<ShiftRow | undefined> {
  return shiftQuery(db, orgId).where('o.shift_id', '=', shiftId).executeTakeFirst();
}

export async function insertShift(trx: Db, row: OnCallShiftsTable): Promise<void> {
  await trx.insertInto('on_call_shifts').values(row).execute();
}

export async function deleteShift(trx: Db, orgId: string, shiftId: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('on_call_shifts').where('org_id', '=', orgId).where('shift_id', '=', shiftId).returning('shift_id').executeTakeFirst();
  return deleted !== undefined;
}

/** The facility of a shift (the access guard's resolver). */
export async function shiftFacility(db: Db, orgId: string, shiftId: string): Promise<string | undefined> {
  return (await db.selectFrom('on_call_shifts').select('facility_id').where('org_id', '=', orgId).where('shift_id', '=', shiftId).executeTakeFirst())?.facility_id;
}
