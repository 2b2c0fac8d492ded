/**
 * Direct inserts for drug-test tests: a test already selected (pending) or collected, and a
 * medication that explains analytes, without going through the collection or medication
 * routes. Rows satisfy every constraint of 0010_monitoring.sql, so any area may reuse them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DrugTestReason, SpecimenType } from '../db/schema.ts';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-24T15:00:00Z');
/** 09:30 in New York on the test clock's day, half an hour before the tests' "now". */
const COLLECTED = new Date('2026-11-24T14:30:00Z');

export interface DrugTestFixture {
  readonly patientId: string;
  readonly facilityId: string;
  readonly episodeId?: string | null;
  /** The staff member who collected it (also the for-cause orderer when reason is for_cause). */
  readonly collectedBy: string;
  /** 'pending' leaves it selected but not collected. */
  readonly status?: 'pending' | 'collected';
  readonly reason?: DrugTestReason;
  readonly specimenType?: SpecimenType;
  readonly panelId?: string;
  /** Facility-local day it was selected for. */
  readonly selectedOn?: string;
  readonly collectedAt?: Date;
  /** Defaults to a fresh unique id like "SPC-1a2b3c4d". */
  readonly specimenId?: string;
  readonly observed?: boolean;
  readonly temperatureC?: number | null;
}

/** A drug test as collection leaves it (default) or as selection leaves it (status 'pending'). Returns the test id and specimen id. */
export async function insertDrugTest(db: Db, orgId: string, t: DrugTestFixture): Promise<{ testId: string; specimenId: string | null }> {
  const testId = randomUUID();
  const collected = (t.status ?? 'collected') === 'collected';
  const specimenType = t.specimenType ?? 'urine';
  const specimenId = collected ? t.specimenId ?? `SPC-${testId.slice(0, 8)}` : null;
  const collectedAt = t.collectedAt ?? COLLECTED;
  const reason = t.reason ?? 'random';
  const temperature = t.temperatureC !== undefined ? t.temperatureC : specimenType === 'urine' ? 34.5 : null;
  await db.insertInto('drug_tests').values({
    org_id: orgId, test_id: testId, patient_id: t.patientId, episode_id: t.episodeId ?? null, facility_id: t.facilityId,
    selected_on: t.selectedOn ?? '2026-11-24', reason, reason_note: reason === 'for_cause' ? 'Observed signs of intoxication in group' : null,
    specimen_type: specimenType, panel_id: t.panelId ?? 'clinical_12', selected_at: NOW, selected_by: reason === 'for_cause' ? t.collectedBy : null,
    status: collected ? 'collected' : 'pending', specimen_id: specimenId, observed: collected ? t.observed ?? true : null,
    collected_at: collected ? collectedAt : null, collected_by: collected ? t.collectedBy : null,
    temperature_c: collected ? temperature : null, temperature_in_range: collected && temperature !== null ? temperature >= 32 && temperature <= 38 : null,
    collection_note: null, not_collected_reason: null,
    creatinine_mg_dl: null, specific_gravity: null, ph: null, oxidants_present: null, validity: null, outcome: null, resulted_at: null,
    reviewed_by: null, reviewed_at: null, review_note: null, created_at: NOW, updated_at: NOW,
  }).execute();
  if (collected) {
    await db.insertInto('drug_test_custody_events').values({
      org_id: orgId, event_id: randomUUID(), test_id: testId, event: 'collected', occurred_at: collectedAt, staff_id: t.collectedBy, party: null, note: null, created_at: NOW,
    }).execute();
  }
  return { testId, specimenId };
}

/** A prescription whose expected analytes a drug test should find (e.g. Suboxone → ['buprenorphine']). */
export async function insertMedication(db: Db, orgId: string, m: { patientId: string; createdBy: string; name: string; expectedAnalytes: string[]; startedOn: string; stoppedOn?: string; addictionMedication?: 'moud' | 'maud' | null }): Promise<string> {
  const medicationId = randomUUID();
  await db.insertInto('medications').values({
    org_id: orgId, medication_id: medicationId, patient_id: m.patientId, name: m.name, dose: '8 mg / 2 mg', route: 'sublingual', frequency: 'once daily',
    prescriber: 'Dr. Imani Shah', started_on: m.startedOn, stopped_on: m.stoppedOn ?? null, stop_reason: m.stoppedOn ? 'Tapered off' : null,
    addiction_medication: m.addictionMedication === undefined ? 'moud' : m.addictionMedication, expected_analytes: m.expectedAnalytes, observed_weekdays: null,
    created_by: m.createdBy, created_at: NOW, updated_at: NOW,
  }).execute();
  return medicationId;
}
