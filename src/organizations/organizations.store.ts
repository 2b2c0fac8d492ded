/** SQL for organizations. */
import type { Kysely, Transaction } from 'kysely';
import { startChain } from '../audit/audit.store.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function countOrganizations(db: Db): Promise<number> {
  const row = await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function firstOrganization(db: Db) {
  return db.selectFrom('organizations').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
}

export function getOrganization(db: Db, orgId: string) {
  return db.selectFrom('organizations').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** The signed-in caller's organization; its absence is a broken invariant, not bad input. */
export async function requireOrganization(db: Db, orgId: string) {
  const org = await getOrganization(db, orgId);
  if (!org) throw new Error(`organization ${orgId} does not exist`);
  return org;
}

/** Creates the organization and starts its audit chain, in the caller's transaction. */
export async function insertOrganization(trx: Transaction<Database>, org: { orgId: string; name: string; now: Date }): Promise<void> {
  await trx
    .insertInto('organizations')
    .values({ org_id: org.orgId, name: org.name, asam_edition: '3', require_totp: false, created_at: org.now, updated_at: org.now })
    .execute();
  await startChain(trx, org.orgId);
}

export async function updateOrganization(
  trx: Transaction<Database>,
  orgId: string,
  change: { name?: string | undefined; requireTotp?: boolean | undefined; asamEdition?: '3' | '4' | undefined },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('organizations')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.requireTotp !== undefined ? { require_totp: change.requireTotp } : {}),
      ...(change.asamEdition !== undefined ? { asam_edition: change.asamEdition } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .execute();
}

/**
 * Serialises changes that depend on a count over the organization's staff (the last
 * administrator), so two concurrent changes cannot both see "another admin remains".
 */
export async function lockOrganization(trx: Transaction<Database>, orgId: string): Promise<void> {
  await trx.selectFrom('organizations').select('org_id').where('org_id', '=', orgId).forUpdate().execute();
}

export async function countActiveAdmins(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
