/**
 * Reading drug tests: one test in full (collection, custody, validity, readings with their
 * interpretation, review), a patient's tests for the chart, and a facility's review queue
 * and tests awaiting results. Every read is audited with the ids it showed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { displayName } from '../attendance/attendance-rules.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { DRUG_TEST_COLLECTORS } from '../staff/roles.ts';
import { localDateOf } from '../time/local-time.ts';
import type { DrugTestDetail, DrugTestSummary, ReadingView } from './drug-test-results.schemas.ts';
import { type TestRow, awaitingResultRows, custodyRows, importRows, patientTestRows, reviewQueueRows, testRow } from './drug-tests-read.store.ts';
import { decidingReadings } from './interpretation.ts';
import { ANALYTE_CATALOG, PANELS, isAnalyteCode } from './panels.ts';
import { expectedAnalytesOn, resultRowsOf, testContext } from './results.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

function analyteName(panelId: string, analyte: string): string {
  const onPanel = PANELS[panelId]?.analytes.find((a) => a.analyte === analyte);
  if (onPanel) return onPanel.name;
  return isAnalyteCode(analyte) ? ANALYTE_CATALOG[analyte].name : analyte;
}

export function toSummary(row: TestRow): DrugTestSummary {
  return {
    testId: row.test_id,
    patient: {
      patientId: row.patient_id,
      displayName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }),
      mrn: row.mrn,
    },
    facilityId: row.facility_id,
    episodeId: row.episode_id,
    selectedOn: row.selected_on,
    reason: row.reason,
    specimenType: row.specimen_type,
    panelId: row.panel_id,
    panelName: PANELS[row.panel_id]?.name ?? row.panel_id,
    status: row.status,
    specimenId: row.specimen_id,
    observed: row.observed,
    collectedAt: row.collected_at?.toISOString() ?? null,
    validity: row.validity,
    outcome: row.outcome,
    resultedAt: row.resulted_at?.toISOString() ?? null,
    reviewed: row.reviewed_at && row.reviewed_by ? { by: { staffId: row.reviewed_by, fullName: row.reviewed_by_name ?? '' }, at: row.reviewed_at.toISOString() } : null,
  };
}

type ResultRow = Awaited<ReturnType<typeof resultRowsOf>>[number];

export function toReadingViews(panelId: string, rows: readonly ResultRow[]): ReadingView[] {
  const deciding = decidingReadings(rows);
  return rows.map((r) => {
    const decider = deciding.get(r.analyte)!;
    return {
      resultId: r.result_id,
      analyte: r.analyte,
      analyteName: analyteName(panelId, r.analyte),
      method: r.method,
      detected: r.detected,
      value: r.value,
      unit: r.unit,
      cutoff: r.cutoff,
      interpretation: r.interpretation,
      supersededBy: decider.method === r.method ? null : decider.method,
      source: r.source,
    };
  });
}

/** One test in full, as the chart's detail drawer and the reviewer see it. Not audited: callers audit. */
export async function testDetail(db: Db, orgId: string, testId: string): Promise<DrugTestDetail> {
  const row = await testRow(db, orgId, testId);
  if (!row) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
  const results = await resultRowsOf(db, orgId, testId);
  const custody = await custodyRows(db, orgId, testId);
  const imports = await importRows(db, orgId, testId);
  let expectedAnalytes: string[] = [];
  if (row.collected_at) {
    const { time_zone } = await testContext(db, orgId, testId);
    expectedAnalytes = await expectedAnalytesOn(db, orgId, row.patient_id, localDateOf(row.collected_at, time_zone));
  }
  const deciding = decidingReadings(results);
  return {
    ...toSummary(row),
    reasonNote: row.reason_note,
    collection: row.collected_at
      ? {
          collectedBy: row.collected_by ? { staffId: row.collected_by, fullName: row.collected_by_name ?? '' } : null,
          temperatureC: row.temperature_c,
          temperatureInRange: row.temperature_in_range,
          note: row.collection_note,
        }
      : null,
    notCollectedReason: row.not_collected_reason,
    validityInputs: { creatinineMgDl: row.creatinine_mg_dl, specificGravity: row.specific_gravity, ph: row.ph, oxidantsPresent: row.oxidants_present },
    expectedAnalytes,
    readings: toReadingViews(row.panel_id, results),
    analytes: [...deciding.values()]
      .map((r) => ({ analyte: r.analyte, name: analyteName(row.panel_id, r.analyte), detected: r.detected, interpretation: r.interpretation, basis: r.method }))
      .sort((a, b) => a.analyte.localeCompare(b.analyte)),
    custody: custody.map((c) => ({
      eventId: c.event_id,
      event: c.event,
      occurredAt: c.occurred_at.toISOString(),
      staff: c.staff_id ? { staffId: c.staff_id, fullName: c.staff_name ?? '' } : null,
      party: c.party,
      note: c.note,
    })),
    review: row.reviewed_at && row.reviewed_by
      ? { by: { staffId: row.reviewed_by, fullName: row.reviewed_by_name ?? '' }, at: row.reviewed_at.toISOString(), note: row.review_note }
      : null,
    hl7Imports: imports.map((i) => ({ importId: i.import_id, messageControlId: i.message_control_id, sendingFacility: i.sending_facility, receivedAt: i.received_at.toISOString() })),
  };
}

/**
 * GET one test: audited as a read of that test. A random test still pending is today's
 * secret selection: only those who collect specimens may know of it (it is not in the
 * chart list either), so anyone else is told there is no such test.
 */
export async function readTest(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string): Promise<DrugTestDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const detail = await testDetail(trx, audit.orgId, testId);
    if (detail.status === 'pending' && detail.reason === 'random' && !actor.roles.some((role) => DRUG_TEST_COLLECTORS.includes(role))) {
      throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
    }
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'drug_test',
      entityId: testId,
      patientId: detail.patient.patientId,
      details: { status: detail.status, resultIds: detail.readings.map((r) => r.resultId) },
    });
    return detail;
  });
}

/** The chart's list: newest first, pending tests left out (see patientTestRows). */
export async function listPatientTests(deps: AppDeps, audit: AuditContext, patientId: string): Promise<DrugTestSummary[]> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await patientTestRows(trx, audit.orgId, patientId);
    await recordAudit(trx, audit, { action: 'read', entity: 'drug_test', entityId: null, patientId, details: { testIds: rows.map((r) => r.test_id) } });
    return rows.map(toSummary);
  });
}

/** A facility worklist (review queue or awaiting results), audited with the patients it showed. */
export async function facilityWorklist(deps: AppDeps, audit: AuditContext, facilityId: string, list: 'review_queue' | 'awaiting_results'): Promise<DrugTestSummary[]> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = list === 'review_queue' ? await reviewQueueRows(trx, audit.orgId, facilityId) : await awaitingResultRows(trx, audit.orgId, facilityId);
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'drug_test',
      entityId: null,
      details: { list, facilityId, testIds: rows.map((r) => r.test_id), patientIds: [...new Set(rows.map((r) => r.patient_id))] },
    });
    return rows.map(toSummary);
  });
}
