/** SQL for staff accounts and their facility assignments. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, StaffTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewStaff {
  readonly orgId: string;
  readonly staffId: string;
  readonly email: string;
  readonly fullName: string;
  readonly credentials: readonly string[];
  readonly roles: readonly string[];
  readonly status: StaffTable['status'];
  readonly passwordHash: string | null;
  readonly now: Date;
}

export async function insertStaff(trx: Db, staff: NewStaff): Promise<void> {
  await trx
    .insertInto('staff')
    .values({
      org_id: staff.orgId,
      staff_id: staff.staffId,
      email: staff.email.trim(),
      full_name: staff.fullName.trim(),
      credentials: [...staff.credentials],
      roles: [...staff.roles],
      status: staff.status,
      password_hash: staff.passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      locked_until: null,
      created_at: staff.now,
      updated_at: staff.now,
    })
    .execute();
}

export async function emailTaken(db: Db, email: string, exceptStaffId?: string): Promise<boolean> {
  let query = db.selectFrom('staff').select('staff_id').where(sql<string>`lower(email)`, '=', email.trim().toLowerCase());
  if (exceptStaffId) query = query.where('staff_id', '<>', exceptStaffId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function countStaff(db: Db, orgId: string): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

const staffColumns = [
  's.staff_id',
  's.email',
  's.full_name',
  's.credentials',
  's.roles',
  's.status',
  's.totp_enabled_at',
  's.locked_until',
  's.created_at',
  's.updated_at',
] as const;

/**
 * Staff of the organization. A caller who does not see every facility sees the staff who
 * share at least one facility with them.
 */
export async function listStaff(db: Db, orgId: string, scope: FacilityScope) {
  let query = db
    .selectFrom('staff as s')
    .select(staffColumns)
    .select(
      sql<string[]>`coalesce((select array_agg(f.facility_id::text order by f.facility_id) from staff_facilities f
        where f.org_id = s.org_id and f.staff_id = s.staff_id), '{}')`.as('facility_ids'),
    )
    .where('s.org_id', '=', orgId);
  if (scope.kind === 'assigned') {
    const ids = scope.facilityIds.length ? scope.facilityIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_facilities as f')
          .select('f.staff_id')
          .whereRef('f.org_id', '=', 's.org_id')
          .whereRef('f.staff_id', '=', 's.staff_id')
          .where('f.facility_id', 'in', ids),
      ),
    );
  }
  return query.orderBy('s.full_name').execute();
}

export async function getStaff(db: Db, orgId: string, staffId: string) {
  return db
    .selectFrom('staff as s')
    .select(staffColumns)
    .select(
      sql<string[]>`coalesce((select array_agg(f.facility_id::text order by f.facility_id) from staff_facilities f
        where f.org_id = s.org_id and f.staff_id = s.staff_id), '{}')`.as('facility_ids'),
    )
    .where('s.org_id', '=', orgId)
    .where('s.staff_id', '=', staffId)
    .executeTakeFirst();
}

export function findStaffById(db: Db, orgId: string, staffId: string) {
  return db.selectFrom('staff').selectAll().where('org_id', '=', orgId).where('staff_id', '=', staffId).executeTakeFirst();
}

export function getStaffForUpdate(trx: Transaction<Database>, orgId: string, staffId: string) {
  return trx.selectFrom('staff').selectAll().where('org_id', '=', orgId).where('staff_id', '=', staffId).forUpdate().executeTakeFirst();
}

export async function updateStaff(
  trx: Transaction<Database>,
  orgId: string,
  staffId: string,
  change: Partial<Pick<StaffTable, 'email' | 'full_name' | 'credentials' | 'roles' | 'status' | 'password_hash' | 'totp_secret' | 'totp_enabled_at' | 'totp_last_step' | 'locked_until'>> & { failed_login_count?: number },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ ...change, updated_at: now })
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .execute();
}

export async function setStaffFacilities(trx: Transaction<Database>, orgId: string, staffId: string, facilityIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('staff_facilities').where('org_id', '=', orgId).where('staff_id', '=', staffId).execute();
  if (facilityIds.length === 0) return;
  await trx
    .insertInto('staff_facilities')
    .values(facilityIds.map((facilityId) => ({ org_id: orgId, staff_id: staffId, facility_id: facilityId })))
    .execute();
}

/** The signed-in user's profile with organization and visible facilities, in one read (every page load asks). */
export function staffProfile(db: Db, orgId: string, staffId: string, allFacilities: boolean) {
  return db
    .selectFrom('staff as s')
    .innerJoin('organizations as o', 'o.org_id', 's.org_id')
    .select(['s.credentials', 's.totp_enabled_at', 'o.name as org_name', 'o.require_totp', 'o.asam_edition'])
    .select(
      sql<{ facility_id: string; name: string; time_zone: string }[]>`coalesce((
        select json_agg(json_build_object('facility_id', f.facility_id, 'name', f.name, 'time_zone', f.time_zone) order by f.name)
        from facilities f
        where f.org_id = s.org_id
          and (${allFacilities}
               or f.facility_id in (select sf.facility_id from staff_facilities sf where sf.org_id = s.org_id and sf.staff_id = s.staff_id))
      ), '[]'::json)`.as('facilities'),
    )
    .where('s.org_id', '=', orgId)
    .where('s.staff_id', '=', staffId)
    .executeTakeFirstOrThrow();
}

/** Staff who can lead sessions or own a patient's care at a facility: active, with a clinical role, assigned there. */
export function cliniciansAt(db: Db, orgId: string, facilityId: string) {
  return db
    .selectFrom('staff as s')
    .innerJoin('staff_facilities as sf', (join) => join.onRef('sf.org_id', '=', 's.org_id').onRef('sf.staff_id', '=', 's.staff_id'))
    .select(['s.staff_id', 's.full_name', 's.credentials', 's.roles'])
    .where('s.org_id', '=', orgId)
    .where('sf.facility_id', '=', facilityId)
    .where('s.status', '=', 'active')
    .where(sql<boolean>`s.roles && array['clinician', 'clinical_director', 'medical']::text[]`)
    .orderBy('s.full_name')
    .execute();
}
