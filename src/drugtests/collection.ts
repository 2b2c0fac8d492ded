/**
 * Drug tests up to the specimen leaving the building: today's list (drawing the day first if
 * the morning job has not), for-cause orders, collection, refusal, not collected, and the
 * chain of custody. One audited transaction each.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, SpecimenType } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { drugTestAlerts } from '../alerts/rules.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { activeEpisodesAt } from '../scheduling/patient-facts.store.ts';
import { localDateOf } from '../time/local-time.ts';
import { type Problem, resolveCollection, resolveCustodyTime } from './collection-rules.ts';
import { summariesOfDay, summaryOf } from './collection-views.ts';
import { getDrugTest, insertCustodyEvent, insertDrugTests, lockDrugTest, specimenIdTaken, testsOfDay, updateDrugTest } from './collection.store.ts';
import { runDailySelection, selectionSummary } from './daily-selection.ts';
import type { CollectionInput, CustodyEvent, CustodyInput, DrugTestSummary, ForCauseInput, NotCollectedInput, RefusalInput, TodayList, TodayQuery } from './drug-test-collection.schemas.ts';
import { PANELS, isPanelId } from './panels.ts';
import { getPolicy } from './policy.store.ts';

type Trx = Transaction<Database>;

const invalid = (message: string, problems: readonly Problem[]) => new AppError(422, 'validation_failed', message, problems);

/**
 * Today's tests at a facility, for the people who collect them. Only the facility's today:
 * a list of tomorrow's selections would let a patient be warned; yesterday's is the chart's.
 */
export async function todayList(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, query: TodayQuery): Promise<TodayList> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = await getFacility(trx, actor.orgId, facilityId);
    if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
    const today = localDateOf(now, facility.time_zone);
    if (query.date !== undefined && query.date !== today) {
      throw new AppError(422, 'not_today', 'Only today’s drug-test list can be shown.', [{ path: 'date', message: `must be the facility’s today (${today})` }]);
    }
    const run = (await selectionSummary(trx, actor.orgId, facilityId, today)) ?? (await runDailySelection(trx, audit, { orgId: actor.orgId, facilityId, date: today, now, runBy: actor.staffId }));
    const tests = await summariesOfDay(trx, actor.orgId, facilityId, today, await testsOfDay(trx, actor.orgId, facilityId, today), now);
    await recordAudit(trx, audit, { action: 'read', entity: 'drug_test_list', entityId: facilityId, details: { date: today, patientIds: [...new Set(tests.map((t) => t.patient.patientId))] } });
    return { facilityId, date: today, selection: { ranAt: run.ranAt.toISOString(), scheduledCount: run.scheduledCount, selectedCount: run.selectedCount }, tests };
  });
}

/** The specimen and panel of a for-cause test: as asked, else the program's policy, else a panel for the specimen. */
function forCauseSpecimen(input: ForCauseInput, policy: { specimen_types: SpecimenType[]; panel_id: string } | undefined): { specimenType: SpecimenType; panelId: string } {
  if (input.panelId !== undefined && !isPanelId(input.panelId)) throw new AppError(422, 'panel_unknown', 'There is no such drug-test panel.', [{ path: 'panelId', message: 'is not a known panel' }]);
  const askedPanel = input.panelId !== undefined ? PANELS[input.panelId]! : undefined;
  const specimenType = input.specimenType ?? askedPanel?.specimenTypes[0] ?? policy?.specimen_types[0] ?? 'urine';
  const policyPanel = policy && PANELS[policy.panel_id]?.specimenTypes.includes(specimenType) ? policy.panel_id : undefined;
  const panelId = input.panelId ?? policyPanel ?? Object.values(PANELS).find((p) => p.specimenTypes.includes(specimenType))?.panelId;
  if (!panelId || !PANELS[panelId]!.specimenTypes.includes(specimenType)) {
    throw invalid('The panel does not test this specimen type.', [{ path: 'specimenType', message: `is not tested by the panel ${panelId ?? ''}`.trim() }]);
  }
  return { specimenType, panelId };
}

/** A clinician orders a test for today at a facility where the patient is in a program. */
export async function orderForCause(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: ForCauseInput): Promise<DrugTestSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = await getFacility(trx, actor.orgId, input.facilityId);
    if (!facility) throw invalid('No such facility.', [{ path: 'facilityId', message: 'does not exist' }]);
    if (!canSeeFacility(actor, facility.facility_id)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
    const [episode] = await activeEpisodesAt(trx, actor.orgId, patientId, facility.facility_id);
    if (!episode) {
      throw new AppError(422, 'not_scheduled_today', 'The patient is not in a program at this facility.', [{ path: 'facilityId', message: 'the patient has no active episode here' }]);
    }
    const { specimenType, panelId } = forCauseSpecimen(input, await getPolicy(trx, actor.orgId, episode.program_id));
    const testId = randomUUID();
    const selectedOn = localDateOf(now, facility.time_zone);
    await insertDrugTests(trx, [{
      org_id: actor.orgId, test_id: testId, patient_id: patientId, episode_id: episode.episode_id, facility_id: facility.facility_id, selected_on: selectedOn,
      reason: 'for_cause', reason_note: input.reasonNote.trim(), specimen_type: specimenType, panel_id: panelId, selected_at: now, selected_by: actor.staffId,
      status: 'pending', created_at: now, updated_at: now,
    }]);
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'drug_test',
      entityId: testId,
      patientId,
      details: { reason: 'for_cause', facilityId: facility.facility_id, selectedOn, episodeId: episode.episode_id, specimenType, panelId },
    });
    return summaryOf(trx, actor.orgId, (await getDrugTest(trx, actor.orgId, testId))!, now);
  });
}

/** The test, locked, at a facility the caller is assigned to. */
async function lockedTest(trx: Trx, actor: StaffActor, testId: string) {
  const test = await lockDrugTest(trx, actor.orgId, testId);
  if (!test) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
  if (!canSeeFacility(actor, test.facility_id)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this test’s facility.');
  return test;
}

function requirePending(status: string): void {
  if (status !== 'pending') throw new AppError(409, 'test_not_pending', 'This test is no longer waiting to be collected.', { status });
}

const isSpecimenIdClash = (error: unknown) => (error as { code?: unknown; constraint?: unknown }).code === '23505' && (error as { constraint?: unknown }).constraint === 'drug_tests_specimen';
const specimenIdTakenError = () => new AppError(409, 'specimen_id_taken', 'That specimen id is already on another test.', [{ path: 'specimenId', message: 'is already used' }]);

/** Logs the collection on the test's day: who, when, observed or not, and the urine temperature. */
export async function recordCollection(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: CollectionInput): Promise<DrugTestSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const test = await lockedTest(trx, actor, testId);
    requirePending(test.status);
    const { time_zone: timeZone } = (await getFacility(trx, actor.orgId, test.facility_id))!;
    if (localDateOf(now, timeZone) !== test.selected_on) throw new AppError(422, 'not_today', 'A specimen can only be logged on the test’s day.', { selectedOn: test.selected_on });
    const resolved = resolveCollection({ specimenType: test.specimen_type, temperatureC: input.temperatureC, collectedAt: input.collectedAt ? new Date(input.collectedAt) : undefined }, { selectedOn: test.selected_on }, now, timeZone);
    if (!resolved.ok) throw invalid('The collection is not complete or not consistent.', resolved.problems);
    if (await specimenIdTaken(trx, actor.orgId, input.specimenId)) throw specimenIdTakenError();
    const { collectedAt, temperatureC, temperatureInRange } = resolved.value;
    try {
      await updateDrugTest(trx, actor.orgId, testId, {
        status: 'collected', specimen_id: input.specimenId, observed: input.observed, collected_at: collectedAt, collected_by: actor.staffId,
        temperature_c: temperatureC, temperature_in_range: temperatureInRange, collection_note: input.note?.trim() ?? null, updated_at: now,
      });
    } catch (error) {
      // Another test took the label between the check and the write.
      if (isSpecimenIdClash(error)) throw specimenIdTakenError();
      throw error;
    }
    await insertCustodyEvent(trx, { org_id: actor.orgId, event_id: randomUUID(), test_id: testId, event: 'collected', occurred_at: collectedAt, staff_id: actor.staffId, party: null, note: null, created_at: now });
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'drug_test',
      entityId: testId,
      patientId: test.patient_id,
      details: { status: 'collected', specimenId: input.specimenId, specimenType: test.specimen_type, observed: input.observed, temperatureC, temperatureInRange, collectedAt: collectedAt.toISOString() },
    });
    return summaryOf(trx, actor.orgId, (await getDrugTest(trx, actor.orgId, testId))!, now);
  });
}

/** The facility-local today of the test's facility. */
async function facilityToday(trx: Trx, orgId: string, facilityId: string, now: Date): Promise<string> {
  const { time_zone: timeZone } = (await getFacility(trx, orgId, facilityId))!;
  return localDateOf(now, timeZone);
}

/**
 * The patient refused: a result in itself (outcome refused, treated like a positive), and an
 * alert to the care team. Witnessed at the collection, so recorded on the test's day only,
 * like a collection: a refusal entered days later, from memory, about a test the patient
 * may never have been asked to give, would put a false "refused" in the chart (422 not_today).
 */
export async function recordRefusal(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: RefusalInput): Promise<DrugTestSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const test = await lockedTest(trx, actor, testId);
    requirePending(test.status);
    if ((await facilityToday(trx, actor.orgId, test.facility_id, now)) !== test.selected_on) {
      throw new AppError(422, 'not_today', 'A refusal can only be recorded on the test’s day.', { selectedOn: test.selected_on });
    }
    await updateDrugTest(trx, actor.orgId, testId, { status: 'refused', outcome: 'refused', collection_note: input.note.trim(), updated_at: now });
    await recordAudit(trx, audit, { action: 'update', entity: 'drug_test', entityId: testId, patientId: test.patient_id, details: { status: 'refused', outcome: 'refused' } });
    const candidates = drugTestAlerts({ patientId: test.patient_id, episodeId: test.episode_id, facilityId: test.facility_id, testId, status: 'refused', validity: null, results: [] });
    await raiseAlerts(trx, audit, candidates, now);
    return summaryOf(trx, actor.orgId, (await getDrugTest(trx, actor.orgId, testId))!, now);
  });
}

/**
 * No specimen and no refusal: the patient was absent, the session cancelled… On the test's
 * day, or after it: a test still pending when its day ended can no longer be collected (see
 * recordCollection), so "not collected" is the only true way left to close it — and a
 * for-cause test stays visible as pending in the chart until it is closed, which would
 * mislead the clinician who ordered it. It asserts nothing against the patient and raises
 * no alert. Never before the test's day (422 not_today). A late close is marked in the audit.
 */
export async function recordNotCollected(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: NotCollectedInput): Promise<DrugTestSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const test = await lockedTest(trx, actor, testId);
    requirePending(test.status);
    const today = await facilityToday(trx, actor.orgId, test.facility_id, now);
    if (today < test.selected_on) throw new AppError(422, 'not_today', 'A test cannot be closed as not collected before its day.', { selectedOn: test.selected_on });
    await updateDrugTest(trx, actor.orgId, testId, { status: 'not_collected', not_collected_reason: input.reason.trim(), updated_at: now });
    await recordAudit(trx, audit, { action: 'update', entity: 'drug_test', entityId: testId, patientId: test.patient_id, details: { status: 'not_collected', ...(today > test.selected_on ? { closedAfterDay: true, selectedOn: test.selected_on } : {}) } });
    return summaryOf(trx, actor.orgId, (await getDrugTest(trx, actor.orgId, testId))!, now);
  });
}

/** One more hand the specimen passed through, after collection. */
export async function recordCustody(deps: AppDeps, actor: StaffActor, audit: AuditContext, testId: string, input: CustodyInput): Promise<CustodyEvent> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const test = await lockedTest(trx, actor, testId);
    if (!test.collected_at || !['collected', 'resulted', 'reviewed'].includes(test.status)) {
      throw new AppError(409, 'test_not_collected', 'No specimen has been collected for this test.', { status: test.status });
    }
    const occurredAt = resolveCustodyTime(input.occurredAt ? new Date(input.occurredAt) : undefined, test.collected_at, now);
    if (!occurredAt.ok) throw invalid('The custody event’s time is not possible.', occurredAt.problems);
    if (input.event === 'other' && !input.note) throw invalid('Say what happened to the specimen.', [{ path: 'note', message: 'is required for an "other" event' }]);
    const eventId = randomUUID();
    const row = { org_id: actor.orgId, event_id: eventId, test_id: testId, event: input.event, occurred_at: occurredAt.value, staff_id: actor.staffId, party: input.party?.trim() ?? null, note: input.note?.trim() ?? null, created_at: now };
    await insertCustodyEvent(trx, row);
    await recordAudit(trx, audit, { action: 'create', entity: 'drug_test_custody', entityId: eventId, patientId: test.patient_id, details: { testId, event: input.event, occurredAt: row.occurred_at.toISOString() } });
    return { eventId, testId, event: input.event, occurredAt: row.occurred_at.toISOString(), staff: { staffId: actor.staffId, fullName: actor.fullName }, party: row.party, note: row.note };
  });
}
