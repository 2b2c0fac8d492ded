/**
 * The morning random drug-test draw as the job runner makes it (drugtests/daily-selection.ts
 * runDailySelection), with the demo's seeded draws instead of the CSPRNG so the same patients
 * are picked every time the demo is built. The selection draws one number per candidate in
 * patient-id order, and patient ids are random UUIDs: so the candidates are listed here the
 * way selection lists them, and each gets the draw keyed by who they are and the day.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { facilityRosters } from '../drugtests/collection-roster.ts';
import { activeEpisodesWithPolicies } from '../drugtests/collection.store.ts';
import { type DailySelectionResult, runDailySelection } from '../drugtests/daily-selection.ts';
import { type PatientWeek, type RandomSource, type RandomTestingPolicy, selectionCandidates } from '../drugtests/selection.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { systemAudit } from '../jobs/system-audit.ts';
import { type LocalDate, addDays, weekStartOf } from '../time/local-time.ts';

export interface DemoDrawRequest {
  readonly orgId: string;
  readonly facilityId: string;
  readonly date: LocalDate;
  readonly now: Date;
  /** The patient's draw for the day in [0, 1), from the demo's Prng. */
  readonly drawFor: (patientId: string) => number;
}

/** Draws from a list made in advance; any other number of draws means selection changed how it draws. */
function listedDraws(values: readonly number[]): RandomSource & { readonly used: () => number } {
  let i = 0;
  return {
    next: () => {
      if (i >= values.length) throw new Error('the demo’s draw list is shorter than the selection’s candidates: drugtests/selection.ts changed how it draws');
      return values[i++]!;
    },
    used: () => i,
  };
}

/** The facility day's candidates in selection order (by patient id), as runDailySelection finds them. */
async function candidatesInDrawOrder(trx: Transaction<Database>, request: DemoDrawRequest): Promise<string[]> {
  const { orgId, facilityId, date, now } = request;
  const facility = await getFacility(trx, orgId, facilityId);
  if (!facility) return [];
  const weekStart = weekStartOf(date, facility.week_starts_on);
  const rosters = await facilityRosters(trx, orgId, facilityId, weekStart, addDays(weekStart, 6), now);
  const daysOf = new Map<string, Set<LocalDate>>();
  for (const r of rosters) daysOf.set(r.patientId, (daysOf.get(r.patientId) ?? new Set()).add(r.localDate));
  const episodes = await activeEpisodesWithPolicies(trx, orgId, facilityId);
  const policies = new Map<string, RandomTestingPolicy>();
  for (const e of episodes) {
    if (e.active === null || e.tests_per_week === null || !e.eligible_weekdays) continue;
    policies.set(e.program_id, { active: e.active, testsPerWeek: e.tests_per_week, eligibleWeekdays: e.eligible_weekdays });
  }
  const weeks: PatientWeek[] = episodes.map((e) => ({ patientId: e.patient_id, episodeId: e.episode_id, programId: e.program_id, scheduledDays: [...(daysOf.get(e.patient_id) ?? [])].sort() }));
  return selectionCandidates({ date, weekStart }, weeks, policies).candidates.map((c) => c.patientId);
}

/** Runs the facility day's selection (once: a day already drawn is left as it is) with the demo's draws, in its own transaction. */
export async function drawDemoSelection(trx: Transaction<Database>, request: DemoDrawRequest): Promise<DailySelectionResult> {
  const order = await candidatesInDrawOrder(trx, request);
  const random = listedDraws(order.map(request.drawFor));
  const result = await runDailySelection(trx, systemAudit(request.orgId, request.now), { orgId: request.orgId, facilityId: request.facilityId, date: request.date, now: request.now, runBy: null }, random);
  if (result.ran && random.used() !== order.length) throw new Error(`the selection drew ${random.used()} numbers for ${order.length} candidates: drugtests/selection.ts changed`);
  return result;
}
