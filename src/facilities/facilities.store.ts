/** SQL for facilities. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, FacilitiesTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type FacilityFields = Omit<FacilitiesTable, 'org_id' | 'facility_id' | 'created_at' | 'updated_at'>;

export async function insertFacility(trx: Db, orgId: string, facilityId: string, fields: FacilityFields, now: Date): Promise<void> {
  await trx.insertInto('facilities').values({ org_id: orgId, facility_id: facilityId, ...fields, created_at: now, updated_at: now }).execute();
}

export async function updateFacility(trx: Db, orgId: string, facilityId: string, fields: FacilityFields, now: Date): Promise<void> {
  await trx.updateTable('facilities').set({ ...fields, updated_at: now }).where('org_id', '=', orgId).where('facility_id', '=', facilityId).execute();
}

export function listFacilities(db: Db, orgId: string, scope: FacilityScope) {
  let query = db.selectFrom('facilities').selectAll().where('org_id', '=', orgId);
  if (scope.kind === 'assigned') {
    if (scope.facilityIds.length === 0) return Promise.resolve([]);
    query = query.where('facility_id', 'in', scope.facilityIds);
  }
  return query.orderBy('name').execute();
}

export function getFacility(db: Db, orgId: string, facilityId: string) {
  return db.selectFrom('facilities').selectAll().where('org_id', '=', orgId).where('facility_id', '=', facilityId).executeTakeFirst();
}

export function getFacilityForUpdate(trx: Transaction<Database>, orgId: string, facilityId: string) {
  return trx.selectFrom('facilities').selectAll().where('org_id', '=', orgId).where('facility_id', '=', facilityId).forUpdate().executeTakeFirst();
}

export async function facilityNameTaken(db: Db, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('facilities').select('facility_id').where('org_id', '=', orgId).where(sql<string>`lower(name)`, '=', name.trim().toLowerCase());
  if (exceptId) query = query.where('facility_id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Which of these ids are facilities of the organization (to validate assignments). */
export async function existingFacilityIds(db: Db, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('facilities').select('facility_id').where('org_id', '=', orgId).where('facility_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.facility_id));
}
