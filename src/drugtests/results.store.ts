/** SQL for entering drug-test results and signing them: the test row, its readings, custody, HL7 receipts. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DrugTestResultsTable, DrugTestsTable, ResultMethod } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The test, locked for the rest of the transaction: result entry and review serialise on it. */
export function lockTest(trx: Transaction<Database>, orgId: string, testId: string) {
  return trx.selectFrom('drug_tests').selectAll().where('org_id', '=', orgId).where('test_id', '=', testId).forUpdate().executeTakeFirst();
}
export type LockedTest = NonNullable<Awaited<ReturnType<typeof lockTest>>>;

/** What result entry needs besides the test: the facility's zone (the collection day) and the patient's MRN (HL7 matching). */
export function testContext(db: Db, orgId: string, testId: string) {
  return db
    .selectFrom('drug_tests as t')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 't.org_id').onRef('f.facility_id', '=', 't.facility_id'))
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 't.org_id').onRef('p.patient_id', '=', 't.patient_id'))
    .select(['f.time_zone', 'p.mrn'])
    .where('t.org_id', '=', orgId)
    .where('t.test_id', '=', testId)
    .executeTakeFirstOrThrow();
}

/** Where a test is and whose it is (access resolvers), without locking. */
export function testOwner(db: Db, orgId: string, testId: string) {
  return db.selectFrom('drug_tests').select(['facility_id', 'patient_id']).where('org_id', '=', orgId).where('test_id', '=', testId).executeTakeFirst();
}

/** Tests of the organization whose specimen id is one of these (HL7 matching). */
export function testsBySpecimenIds(db: Db, orgId: string, specimenIds: readonly string[]) {
  if (specimenIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('drug_tests').select(['test_id', 'specimen_id', 'facility_id']).where('org_id', '=', orgId).where('specimen_id', 'in', specimenIds).execute();
}

/**
 * Analytes the patient's prescriptions explain on a day: the union of expected_analytes of
 * every medication started by then and not stopped before it.
 */
export async function expectedAnalytesOn(db: Db, orgId: string, patientId: string, day: LocalDate): Promise<string[]> {
  const rows = await db
    .selectFrom('medications')
    .select('expected_analytes')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('started_on', '<=', day)
    .where((eb) => eb.or([eb('stopped_on', 'is', null), eb('stopped_on', '>=', day)]))
    .execute();
  return [...new Set(rows.flatMap((r) => r.expected_analytes))].sort();
}

export function resultRowsOf(db: Db, orgId: string, testId: string) {
  return db.selectFrom('drug_test_results').selectAll().where('org_id', '=', orgId).where('test_id', '=', testId).orderBy('analyte').orderBy('method').execute();
}

export async function deleteResultsByMethod(trx: Transaction<Database>, orgId: string, testId: string, methods: readonly ResultMethod[]): Promise<void> {
  if (methods.length === 0) return;
  await trx.deleteFrom('drug_test_results').where('org_id', '=', orgId).where('test_id', '=', testId).where('method', 'in', methods).execute();
}

export type NewResult = Omit<DrugTestResultsTable, 'org_id'>;

export async function insertResults(trx: Transaction<Database>, orgId: string, rows: readonly NewResult[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('drug_test_results').values(rows.map((r) => ({ ...r, org_id: orgId }))).execute();
}

export async function setResultInterpretation(trx: Transaction<Database>, orgId: string, resultId: string, interpretation: DrugTestResultsTable['interpretation']): Promise<void> {
  await trx.updateTable('drug_test_results').set({ interpretation }).where('org_id', '=', orgId).where('result_id', '=', resultId).execute();
}

export type ResultedFields = Pick<DrugTestsTable, 'creatinine_mg_dl' | 'specific_gravity' | 'ph' | 'oxidants_present' | 'validity' | 'outcome'>;

export async function markResulted(trx: Transaction<Database>, orgId: string, testId: string, fields: ResultedFields, now: Date): Promise<void> {
  await trx.updateTable('drug_tests').set({ ...fields, status: 'resulted', resulted_at: now, updated_at: now }).where('org_id', '=', orgId).where('test_id', '=', testId).execute();
}

export async function markReviewed(trx: Transaction<Database>, orgId: string, testId: string, review: { reviewedBy: string; note: string | null }, now: Date): Promise<void> {
  await trx
    .updateTable('drug_tests')
    .set({ status: 'reviewed', reviewed_by: review.reviewedBy, reviewed_at: now, review_note: review.note, updated_at: now })
    .where('org_id', '=', orgId)
    .where('test_id', '=', testId)
    .execute();
}

export async function insertCustodyEvent(
  trx: Transaction<Database>,
  orgId: string,
  event: { eventId: string; testId: string; event: 'resulted'; occurredAt: Date; staffId: string | null; party: string | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('drug_test_custody_events')
    .values({ org_id: orgId, event_id: event.eventId, test_id: event.testId, event: event.event, occurred_at: event.occurredAt, staff_id: event.staffId, party: event.party, note: null, created_at: now })
    .execute();
}

export function importByControlId(db: Db, orgId: string, messageControlId: string) {
  return db
    .selectFrom('hl7_imports as i')
    .innerJoin('drug_tests as t', (j) => j.onRef('t.org_id', '=', 'i.org_id').onRef('t.test_id', '=', 'i.test_id'))
    .select(['i.import_id', 'i.test_id', 'i.received_at', 't.facility_id'])
    .where('i.org_id', '=', orgId)
    .where('i.message_control_id', '=', messageControlId)
    .executeTakeFirst();
}

export async function insertImport(
  trx: Transaction<Database>,
  orgId: string,
  row: { importId: string; messageControlId: string; sendingFacility: string | null; testId: string; receivedBy: string; rawMessage: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('hl7_imports')
    .values({
      org_id: orgId,
      import_id: row.importId,
      message_control_id: row.messageControlId,
      sending_facility: row.sendingFacility,
      test_id: row.testId,
      received_at: now,
      received_by: row.receivedBy,
      raw_message: row.rawMessage,
    })
    .execute();
}

/** The unique key a resent message trips when two copies race. */
export const HL7_CONTROL_ID_CONSTRAINT = 'hl7_imports_org_id_message_control_id_key';
