/**
 * SQL for random selection and collection: the facility's sessions and active episodes a
 * selection draws from, selection runs, drug tests up to collection, custody events.
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, DrugTestCustodyEventsTable, DrugTestsTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Non-cancelled sessions at the facility on local days [from, to]. */
export function scheduledSessionsBetween(db: Db, orgId: string, facilityId: string, from: string, to: string) {
  return db
    .selectFrom('sessions')
    .select(['session_id', 'local_date', 'patient_id', 'title', 'starts_at', 'ends_at'])
    .where('org_id', '=', orgId)
    .where('facility_id', '=', facilityId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .orderBy('title')
    .execute();
}
export type ScheduledSessionRow = Awaited<ReturnType<typeof scheduledSessionsBetween>>[number];

/** Active episodes in the facility's programs, with each program's policy (null when it has none). */
export function activeEpisodesWithPolicies(db: Db, orgId: string, facilityId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .leftJoin('drug_test_policies as dp', (join) => join.onRef('dp.org_id', '=', 'e.org_id').onRef('dp.program_id', '=', 'e.program_id'))
    .select(['e.episode_id', 'e.patient_id', 'e.program_id', 'dp.active', 'dp.tests_per_week', 'dp.eligible_weekdays', 'dp.specimen_types', 'dp.panel_id'])
    .where('e.org_id', '=', orgId)
    .where('p.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .orderBy('e.patient_id')
    .orderBy('e.admitted_on', 'desc')
    .execute();
}
export type EpisodePolicyRow = Awaited<ReturnType<typeof activeEpisodesWithPolicies>>[number];

export function getSelectionRun(db: Db, orgId: string, facilityId: string, date: string) {
  return db.selectFrom('drug_test_selection_runs').selectAll().where('org_id', '=', orgId).where('facility_id', '=', facilityId).where('selected_on', '=', date).executeTakeFirst();
}

/**
 * Claims the facility day's run: true when this transaction wrote the row. A concurrent
 * claim waits on the primary key until the first commits, then finds the row and gets false.
 */
export async function claimSelectionRun(trx: Transaction<Database>, row: { orgId: string; facilityId: string; date: string; runAt: Date; runBy: string | null }): Promise<boolean> {
  const inserted = await trx
    .insertInto('drug_test_selection_runs')
    .values({ org_id: row.orgId, facility_id: row.facilityId, selected_on: row.date, run_at: row.runAt, run_by: row.runBy, inputs: '{}' })
    .onConflict((oc) => oc.columns(['org_id', 'facility_id', 'selected_on']).doNothing())
    .returning('selected_on')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function setSelectionInputs(trx: Transaction<Database>, orgId: string, facilityId: string, date: string, inputs: Record<string, unknown>): Promise<void> {
  await trx.updateTable('drug_test_selection_runs').set({ inputs: JSON.stringify(inputs) }).where('org_id', '=', orgId).where('facility_id', '=', facilityId).where('selected_on', '=', date).execute();
}

export async function insertDrugTests(trx: Transaction<Database>, rows: readonly Insertable<DrugTestsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('drug_tests').values([...rows]).execute();
}

/** Tests with their patient's name and MRN and the facility's zone. */
function testRows(db: Db, orgId: string) {
  return db
    .selectFrom('drug_tests as t')
    .innerJoin('patients as pt', (join) => join.onRef('pt.org_id', '=', 't.org_id').onRef('pt.patient_id', '=', 't.patient_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 't.org_id').onRef('f.facility_id', '=', 't.facility_id'))
    .selectAll('t')
    .select(['pt.mrn', 'pt.legal_given_name', 'pt.legal_family_name', 'pt.preferred_name', 'f.time_zone'])
    .where('t.org_id', '=', orgId);
}
export type DrugTestRow = Awaited<ReturnType<ReturnType<typeof testRows>['execute']>>[number];

export function testsOfDay(db: Db, orgId: string, facilityId: string, date: string): Promise<DrugTestRow[]> {
  return testRows(db, orgId).where('t.facility_id', '=', facilityId).where('t.selected_on', '=', date).execute();
}

export function getDrugTest(db: Db, orgId: string, testId: string): Promise<DrugTestRow | undefined> {
  return testRows(db, orgId).where('t.test_id', '=', testId).executeTakeFirst();
}

/** The test's row locked for a state change (the caller reads the view with getDrugTest). */
export function lockDrugTest(trx: Transaction<Database>, orgId: string, testId: string) {
  return trx.selectFrom('drug_tests').selectAll().where('org_id', '=', orgId).where('test_id', '=', testId).forUpdate().executeTakeFirst();
}

/** The facility of a test, for the access guard. */
export async function facilityOfTest(db: Db, orgId: string, testId: string): Promise<string | undefined> {
  return (await db.selectFrom('drug_tests').select('facility_id').where('org_id', '=', orgId).where('test_id', '=', testId).executeTakeFirst())?.facility_id;
}

export async function specimenIdTaken(db: Db, orgId: string, specimenId: string): Promise<boolean> {
  return (await db.selectFrom('drug_tests').select('test_id').where('org_id', '=', orgId).where('specimen_id', '=', specimenId).executeTakeFirst()) !== undefined;
}

export async function updateDrugTest(trx: Transaction<Database>, orgId: string, testId: string, fields: Updateable<DrugTestsTable>): Promise<void> {
  await trx.updateTable('drug_tests').set(fields).where('org_id', '=', orgId).where('test_id', '=', testId).execute();
}

export async function insertCustodyEvent(trx: Transaction<Database>, row: Insertable<DrugTestCustodyEventsTable>): Promise<void> {
  await trx.insertInto('drug_test_custody_events').values(row).execute();
}

