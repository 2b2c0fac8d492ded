/** SQL for programs' random drug-testing policies (drug_test_policies). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, DrugTestPoliciesTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A program's policy with the name of whoever last changed it. */
export function getPolicy(db: Db, orgId: string, programId: string) {
  return db
    .selectFrom('drug_test_policies as dp')
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'dp.org_id').onRef('s.staff_id', '=', 'dp.updated_by'))
    .selectAll('dp')
    .select('s.full_name as updated_by_name')
    .where('dp.org_id', '=', orgId)
    .where('dp.program_id', '=', programId)
    .executeTakeFirst();
}
export type PolicyRow = NonNullable<Awaited<ReturnType<typeof getPolicy>>>;

/** Locks the policy row (if any) so two editors' changes are audited one after the other. */
export function lockPolicy(trx: Transaction<Database>, orgId: string, programId: string) {
  return trx.selectFrom('drug_test_policies').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).forUpdate().executeTakeFirst();
}

export async function upsertPolicy(trx: Transaction<Database>, row: Insertable<DrugTestPoliciesTable>): Promise<void> {
  const { org_id: _org, program_id: _program, ...fields } = row;
  await trx
    .insertInto('drug_test_policies')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'program_id']).doUpdateSet(fields))
    .execute();
}
