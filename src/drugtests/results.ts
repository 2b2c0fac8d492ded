/**
 * Entering drug-test results (by hand or from an HL7 message) and signing them. One
 * transaction per action: the readings, the test's validity and outcome, a 'resulted'
 * custody event, the audit event and any alert the results call for commit together — a
 * crash loses all of them or none, and re-entering results never raises an alert twice
 * (the alert's condition key is the test).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, DrugTestOutcome, ResultMethod, SpecimenValidity } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { drugTestAlerts } from '../alerts/rules.ts';
import { type RaisedAlert, raiseAlerts } from '../alerts/raise.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { localDateOf } from '../time/local-time.ts';
import type { ResultsInput, ResultsResponse, ReviewInput } from './drug-test-results.schemas.ts';
import { testDetail } from './drug-tests-read.ts';
import { interpretResults, overallOutcome } from './interpretation.ts';
import { PANELS, type Panel } from './panels.ts';
import { type ResolvedReading, asStored, resolveReadings } from './results-input.ts';
import {
  type LockedTest,
  deleteResultsByMethod,
  expectedAnalytesOn,
  insertCustodyEvent,
  insertResults,
  lockTest,
  markResulted,
  markReviewed,
  resultRowsOf,
  setResultInterpretation,
  testContext,
} from './results.store.ts';
import { specimenValidity, validityMeasured } from './validity.ts';

/** Validity measurements entered with results: null clears one, undefined leaves the earlier measurement. */
export interface ValidityUpdate {
  readonly creatinineMgDl?: number | null | undefined;
  readonly specificGravity?: number | null | undefined;
  readonly ph?: number | null | undefined;
  readonly oxidantsPresent?: boolean | null | undefined;
}

const keep = <T>(next: T | undefined, previous: T): T => (next === undefined ? previous : next);
/** Rounded as the column keeps it, so the validity judged is the validity of the stored numbers. */
const storedMeasure = (next: number | null | undefined, previous: number | null, decimals: number): number | null => {
  const value = keep(next, previous);
  return value === null ? null : asStored(value, decimals);
};

/**
 * A set of results for one test. Readings replace the test's earlier readings of the same
 * methods (a corrected cup replaces the cup; a lab's confirmation message leaves its earlier
 * screen in place). Each validity measurement given replaces the earlier one.
 */
export interface ResultsEntry {
  readonly readings: readonly ResolvedReading[];
  readonly validity: ValidityUpdate | undefined;
  readonly source: 'manual' | 'hl7';
  /** The outside party named on the 'resulted' custody event (the laboratory), when not the staff member. */
  readonly resultedByParty: string | null;
}

export interface AppliedResults {
  readonly validity: SpecimenValidity | null;
  readonly outcome: DrugTestOutcome;
  readonly alertsRaised: readonly RaisedAlert[];
}

const NOT_TRUSTED: readonly (SpecimenValidity | null)[] = ['substituted', 'adulterated', 'invalid'];

/** The test's panel; a test always names one (DT-collect checks), so a missing one is a server fault. */
export function panelOf(test: Pick<LockedTest, 'panel_id'>): Panel {
  const panel = PANELS[test.panel_id];
  if (!panel) throw new Error(`drug test names an unknown panel ${test.panel_id}`);
  return panel;
}

/** Results may be entered for a collected specimen, and replaced until a medical reviewer signs. */
export function assertAcceptsResults(test: Pick<LockedTest, 'status'>): void {
  if (test.status === 'reviewed') throw new AppError(409, 'already_reviewed', 'These results are signed; they can no longer be changed.');
  if (test.status !== 'collected' && test.status !== 'resulted') {
    throw new AppError(409, 'test_not_collected', 'No specimen was collected for this test, so it has no results to enter.', { status: test.status });
  }
}

/**
 * Write a set of results into a locked, collected test: readings with their interpretation
 * against the prescriptions active on the collection day, validity, outcome, custody, audit,
 * alerts. Caller holds the transaction and has checked access.
 */
export async function applyResults(trx: Transaction<Database>, audit: AuditContext, actor: StaffActor, test: LockedTest, entry: ResultsEntry, now: Date): Promise<AppliedResults> {
  assertAcceptsResults(test);
  const orgId = audit.orgId;
  const measures = {
    creatinineMgDl: storedMeasure(entry.validity?.creatinineMgDl, test.creatinine_mg_dl, 2),
    specificGravity: storedMeasure(entry.validity?.specificGravity, test.specific_gravity, 4),
    ph: storedMeasure(entry.validity?.ph, test.ph, 2),
    oxidantsPresent: keep(entry.validity?.oxidantsPresent, test.oxidants_present),
  };
  const validity = validityMeasured(measures) ? specimenValidity({ specimenType: test.specimen_type, ...measures }) : null;

  const methods = [...new Set(entry.readings.map((r) => r.method))] as ResultMethod[];
  const keptRows = (await resultRowsOf(trx, orgId, test.test_id)).filter((r) => !methods.includes(r.method));
  if (keptRows.length + entry.readings.length === 0 && !NOT_TRUSTED.includes(validity)) {
    throw new AppError(422, 'validation_failed', 'Enter at least one analyte reading (a specimen with no readings must be shown to be substituted, adulterated or invalid).', [{ path: 'readings', message: 'is empty' }]);
  }

  const { time_zone } = await testContext(trx, orgId, test.test_id);
  const collectedOn = localDateOf(test.collected_at!, time_zone);
  const expected = await expectedAnalytesOn(trx, orgId, test.patient_id, collectedOn);
  const fresh = entry.readings.map((r) => ({ ...r, resultId: randomUUID(), isNew: true as const }));
  const all = [...keptRows.map((r) => ({ analyte: r.analyte, method: r.method, detected: r.detected, resultId: r.result_id, isNew: false as const, stored: r.interpretation })), ...fresh];
  const interpretation = interpretResults(all, expected);

  await deleteResultsByMethod(trx, orgId, test.test_id, methods);
  const byId = new Map(interpretation.readings.map((r) => [r.resultId, r.interpretation]));
  await insertResults(trx, orgId, fresh.map((r) => ({
    result_id: r.resultId,
    test_id: test.test_id,
    analyte: r.analyte,
    method: r.method,
    detected: r.detected,
    value: r.value,
    unit: r.unit,
    cutoff: r.cutoff,
    interpretation: byId.get(r.resultId)!,
    source: entry.source,
    created_at: now,
  })));
  // A reading kept from earlier is re-read against today's view of the prescriptions on the collection day.
  for (const r of interpretation.readings) {
    if (!r.isNew && r.stored !== r.interpretation) await setResultInterpretation(trx, orgId, r.resultId, r.interpretation);
  }

  const outcome = overallOutcome(validity, interpretation.analytes);
  await markResulted(trx, orgId, test.test_id, {
    creatinine_mg_dl: measures.creatinineMgDl,
    specific_gravity: measures.specificGravity,
    ph: measures.ph,
    oxidants_present: measures.oxidantsPresent,
    validity,
    outcome,
  }, now);
  if (test.status === 'collected') {
    await insertCustodyEvent(trx, orgId, {
      eventId: randomUUID(),
      testId: test.test_id,
      event: 'resulted',
      occurredAt: now,
      staffId: entry.resultedByParty ? null : actor.staffId,
      party: entry.resultedByParty,
    }, now);
  }
  await recordAudit(trx, audit, {
    action: 'update',
    entity: 'drug_test',
    entityId: test.test_id,
    patientId: test.patient_id,
    details: {
      change: test.status === 'collected' ? 'results_entered' : 'results_replaced',
      source: entry.source,
      methods,
      resultIds: fresh.map((r) => r.resultId),
      validity,
      outcome,
    },
  });
  const alertsRaised = await raiseAlerts(trx, audit, drugTestAlerts({
    patientId: test.patient_id,
    episodeId: test.episode_id,
    facilityId: test.facility_id,
    testId: test.test_id,
    status: 'resulted',
    validity,
    results: interpretation.analytes,
  }), now);
  return { validity, outcome, alertsRaised };
}

export function raisedViews(alerts: readonly RaisedAlert[]): ResultsResponse['alertsRaised'] {
  return alerts.map((a) => ({ alertId: a.alertId, rule: a.rule, severity: a.severity }));
}

/** POST …/results: staff enter a cup or laboratory report by hand. */
export async function enterResults(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: ResultsInput): Promise<ResultsResponse> {
  return deps.db.transaction().execute(async (trx) => {
    const test = await lockTest(trx, actor.orgId, testId);
    if (!test) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
    assertAcceptsResults(test);
    const resolved = resolveReadings(panelOf(test), input.readings);
    if (!resolved.ok) {
      const code = resolved.problems.some((p) => p.code === 'analyte_unknown') ? 'analyte_unknown' : 'validation_failed';
      throw new AppError(422, code, code === 'analyte_unknown' ? 'A reading names an analyte this test’s panel does not include.' : 'Check the readings.', resolved.problems.map(({ path, message }) => ({ path, message })));
    }
    const validity = input.validity
      ? {
          creatinineMgDl: input.validity.creatinineMgDl ?? null,
          specificGravity: input.validity.specificGravity ?? null,
          ph: input.validity.ph ?? null,
          oxidantsPresent: input.validity.oxidantsPresent ?? null,
        }
      : undefined;
    const now = deps.clock.now();
    const applied = await applyResults(trx, audit, actor, test, { readings: resolved.readings, validity, source: 'manual', resultedByParty: null }, now);
    return { ...(await testDetail(trx, actor.orgId, testId)), alertsRaised: raisedViews(applied.alertsRaised) };
  });
}

/** POST …/review: a medical reviewer signs the results; they cannot change afterwards. */
export async function reviewTest(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: ReviewInput) {
  return deps.db.transaction().execute(async (trx) => {
    const test = await lockTest(trx, actor.orgId, testId);
    if (!test) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
    if (test.status === 'reviewed') throw new AppError(409, 'already_reviewed', 'These results are already signed.');
    if (test.status !== 'resulted') throw new AppError(409, 'test_not_resulted', 'There are no results to sign yet.', { status: test.status });
    const now = deps.clock.now();
    await markReviewed(trx, actor.orgId, testId, { reviewedBy: actor.staffId, note: input.note?.trim() ?? null }, now);
    // The note is free text: only whether there was one is audited.
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'drug_test',
      entityId: testId,
      patientId: test.patient_id,
      details: { change: 'reviewed', outcome: test.outcome, validity: test.validity, withNote: input.note !== undefined },
    });
    return testDetail(trx, actor.orgId, testId);
  });
}
