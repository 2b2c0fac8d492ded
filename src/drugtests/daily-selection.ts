/**
 * The day's random drug-test selection at one facility: once per facility day
 * (drug_test_selection_runs primary key), every draw kept with its inputs so an auditor can
 * check the selection was fair. Run each morning by the job runner, and by the first
 * collector to open today's list if the job has not run yet.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Database, DrugTestsTable, SpecimenType } from '../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, weekStartOf } from '../time/local-time.ts';
import { facilityRosters } from './collection-roster.ts';
import { activeEpisodesWithPolicies, claimSelectionRun, getSelectionRun, insertDrugTests, setSelectionInputs } from './collection.store.ts';
import { type PatientWeek, type RandomSource, type RandomTestingPolicy, cryptoRandomSource, drawSelection, selectionCandidates } from './selection.ts';

export interface DailySelectionRequest {
  readonly orgId: string;
  readonly facilityId: string;
  /** The facility-local day to draw for. */
  readonly date: LocalDate;
  readonly now: Date;
  /** The staff member whose request ran it, or null for the morning job. */
  readonly runBy: string | null;
}

export interface DailySelectionResult {
  readonly facilityId: string;
  readonly date: LocalDate;
  /** False when the day had already been drawn: nothing was written. */
  readonly ran: boolean;
  readonly ranAt: Date;
  /** Patients scheduled that day under an active policy: those the draw was among. */
  readonly scheduledCount: number;
  readonly selectedCount: number;
}

interface PolicyOfProgram extends RandomTestingPolicy {
  readonly specimenTypes: readonly SpecimenType[];
  readonly panelId: string;
}

/** What is kept on the run (drug_test_selection_runs.inputs): ids, days, numbers. */
interface RunInputs {
  readonly weekStart: LocalDate;
  readonly scheduledCount: number;
  readonly selectedCount: number;
  readonly rule: string;
  readonly candidates: readonly Record<string, unknown>[];
  readonly excluded: readonly Record<string, unknown>[];
}

function summaryOf(facilityId: string, date: LocalDate, ran: boolean, ranAt: Date, inputs: Partial<RunInputs>): DailySelectionResult {
  return { facilityId, date, ran, ranAt, scheduledCount: inputs.scheduledCount ?? 0, selectedCount: inputs.selectedCount ?? 0 };
}

/**
 * Draws the facility day's random tests, unless that day was drawn before (idempotent; a
 * concurrent run waits for the first and then reports it). Call inside the caller's
 * transaction; `random` is injectable for tests and defaults to node:crypto.
 */
export async function runDailySelection(trx: Transaction<Database>, audit: AuditContext, request: DailySelectionRequest, random: RandomSource = cryptoRandomSource()): Promise<DailySelectionResult> {
  const { orgId, facilityId, date, now } = request;
  const facility = await getFacility(trx, orgId, facilityId);
  if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
  if (!(await claimSelectionRun(trx, { orgId, facilityId, date, runAt: now, runBy: request.runBy }))) {
    const existing = (await getSelectionRun(trx, orgId, facilityId, date))!;
    return summaryOf(facilityId, date, false, existing.run_at, existing.inputs as Partial<RunInputs>);
  }

  const weekStart = weekStartOf(date, facility.week_starts_on);
  const rosters = await facilityRosters(trx, orgId, facilityId, weekStart, addDays(weekStart, 6), now);
  const daysOf = new Map<string, Set<LocalDate>>();
  for (const r of rosters) daysOf.set(r.patientId, (daysOf.get(r.patientId) ?? new Set()).add(r.localDate));
  const episodes = await activeEpisodesWithPolicies(trx, orgId, facilityId);
  const policies = new Map<string, PolicyOfProgram>();
  for (const e of episodes) {
    if (e.active === null || e.tests_per_week === null || !e.eligible_weekdays || !e.specimen_types || !e.panel_id) continue;
    policies.set(e.program_id, { active: e.active, testsPerWeek: e.tests_per_week, eligibleWeekdays: e.eligible_weekdays, specimenTypes: e.specimen_types, panelId: e.panel_id });
  }
  const weeks: PatientWeek[] = episodes.map((e) => ({ patientId: e.patient_id, episodeId: e.episode_id, programId: e.program_id, scheduledDays: [...(daysOf.get(e.patient_id) ?? [])].sort() }));

  const plan = selectionCandidates({ date, weekStart }, weeks, policies);
  const draws = drawSelection(plan.candidates, random);
  const tests = draws
    .filter((d) => d.selected)
    .map((d) => {
      const policy = policies.get(d.programId)!;
      const row = {
        org_id: orgId, test_id: randomUUID(), patient_id: d.patientId, episode_id: d.episodeId, facility_id: facilityId, selected_on: date,
        reason: 'random', specimen_type: policy.specimenTypes[0]!, panel_id: policy.panelId, selected_at: now, selected_by: null,
        status: 'pending', created_at: now, updated_at: now,
      } satisfies Insertable<DrugTestsTable>;
      return { draw: d, row };
    });
  await insertDrugTests(trx, tests.map((t) => t.row));
  for (const { draw: d, row } of tests) {
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'drug_test',
      entityId: row.test_id,
      patientId: d.patientId,
      details: {
        reason: 'random', facilityId, selectedOn: date, episodeId: d.episodeId, programId: d.programId, specimenType: row.specimen_type, panelId: row.panel_id,
        testsPerWeek: d.testsPerWeek, eligibleScheduledDays: [...d.eligibleScheduledDays], probability: d.probability, draw: d.draw,
      },
    });
  }

  const testIdOf = new Map(tests.map((t) => [t.row.patient_id, t.row.test_id]));
  const inputs: RunInputs = {
    weekStart,
    scheduledCount: draws.length,
    selectedCount: tests.length,
    rule: 'p = min(1, testsPerWeek / eligible scheduled days this facility week); selected when a uniform draw in [0, 1) is below p',
    candidates: draws.map((d) => ({
      patientId: d.patientId, episodeId: d.episodeId, programId: d.programId, testsPerWeek: d.testsPerWeek,
      eligibleScheduledDays: [...d.eligibleScheduledDays], probability: d.probability, draw: d.draw, selected: d.selected, testId: testIdOf.get(d.patientId) ?? null,
    })),
    // Scheduled today but not drawn from (no policy, policy off, weekday not tested); those not scheduled today are not listed.
    excluded: plan.excluded.filter((e) => e.reason !== 'not_scheduled_today').map((e) => ({ ...e })),
  };
  await setSelectionInputs(trx, orgId, facilityId, date, { ...inputs });
  await recordAudit(trx, audit, {
    action: 'create',
    entity: 'drug_test_selection',
    entityId: facilityId,
    details: { date, weekStart, scheduledCount: inputs.scheduledCount, selectedCount: inputs.selectedCount, candidatePatientIds: draws.map((d) => d.patientId) },
  });
  return summaryOf(facilityId, date, true, now, inputs);
}

/** Today's run of a facility, if it has been drawn. */
export async function selectionSummary(trx: Transaction<Database>, orgId: string, facilityId: string, date: LocalDate): Promise<DailySelectionResult | null> {
  const run = await getSelectionRun(trx, orgId, facilityId, date);
  return run ? summaryOf(facilityId, date, false, run.run_at, run.inputs as Partial<RunInputs>) : null;
}

