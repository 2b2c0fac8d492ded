/** SQL for reading drug tests: the chart list, one test in full, the review queue and the tests awaiting results. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

function testQuery(db: Db, orgId: string) {
  return db
    .selectFrom('drug_tests as t')
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 't.org_id').onRef('p.patient_id', '=', 't.patient_id'))
    .leftJoin('staff as collector', (join) => join.onRef('collector.org_id', '=', 't.org_id').onRef('collector.staff_id', '=', 't.collected_by'))
    .leftJoin('staff as reviewer', (join) => join.onRef('reviewer.org_id', '=', 't.org_id').onRef('reviewer.staff_id', '=', 't.reviewed_by'))
    .selectAll('t')
    .select([
      'p.legal_given_name',
      'p.legal_family_name',
      'p.preferred_name',
      'p.mrn',
      'collector.full_name as collected_by_name',
      'reviewer.full_name as reviewed_by_name',
    ])
    .where('t.org_id', '=', orgId);
}
export type TestRow = Awaited<ReturnType<ReturnType<typeof testQuery>['execute']>>[number];

export function testRow(db: Db, orgId: string, testId: string) {
  return testQuery(db, orgId).where('t.test_id', '=', testId).executeTakeFirst();
}

/**
 * A patient's tests, newest first, without those still pending: a clinician must not learn
 * today's random selection before the specimen is collected.
 */
export function patientTestRows(db: Db, orgId: string, patientId: string) {
  return testQuery(db, orgId)
    .where('t.patient_id', '=', patientId)
    .where('t.status', '<>', 'pending')
    .orderBy('t.selected_on', 'desc')
    .orderBy('t.collected_at', (ob) => ob.desc().nullsLast())
    .orderBy('t.created_at', 'desc')
    .orderBy('t.test_id')
    .execute();
}

/** Resulted tests awaiting a medical signature, oldest result first. */
export function reviewQueueRows(db: Db, orgId: string, facilityId: string) {
  return testQuery(db, orgId).where('t.facility_id', '=', facilityId).where('t.status', '=', 'resulted').orderBy('t.resulted_at').orderBy('t.test_id').execute();
}

/** Collected specimens with no results yet, oldest collection first. */
export function awaitingResultRows(db: Db, orgId: string, facilityId: string) {
  return testQuery(db, orgId).where('t.facility_id', '=', facilityId).where('t.status', '=', 'collected').orderBy('t.collected_at').orderBy('t.test_id').execute();
}

export function custodyRows(db: Db, orgId: string, testId: string) {
  return db
    .selectFrom('drug_test_custody_events as c')
    .leftJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'c.org_id').onRef('s.staff_id', '=', 'c.staff_id'))
    .selectAll('c')
    .select('s.full_name as staff_name')
    .where('c.org_id', '=', orgId)
    .where('c.test_id', '=', testId)
    .orderBy('c.occurred_at')
    .orderBy('c.created_at')
    .orderBy('c.event_id')
    .execute();
}

/** HL7 messages that carried this test's results (the raw message stays in the database). */
export function importRows(db: Db, orgId: string, testId: string) {
  return db
    .selectFrom('hl7_imports')
    .select(['import_id', 'message_control_id', 'sending_facility', 'received_at', 'received_by'])
    .where('org_id', '=', orgId)
    .where('test_id', '=', testId)
    .orderBy('received_at')
    .orderBy('import_id')
    .execute();
}
