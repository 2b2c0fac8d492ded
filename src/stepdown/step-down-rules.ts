/**
 * Milestone-driven step-down (issue 4; domain-rules.md "IOP structure": engagement → early
 * recovery → maintenance → community integration, the weekly commitment falling phase by
 * phase). Each phase states what it takes to leave it (AdvancementCriteria); once a week,
 * for the last completed facility week, this decides whether to propose:
 *
 *   advance    every criterion holds and there is a next phase
 *   complete   every criterion holds in the last phase: discharge with an aftercare plan
 *   intensify  a concern: PHQ-9 or GAD-7 rising in the severe band, or in the phase longer
 *              than `maxWeeksInPhase` without meeting its criteria. To the previous phase,
 *              or, from the first phase, a referral to a higher level of care (toPhase null).
 *              A concern wins over advancement: safety first.
 *
 * The criteria:
 *   consecutive_weeks  the last `consecutiveWeeksMet` completed weeks of the phase, ending
 *                      with the evaluated week, each "met": hours on track (hours.ts) and the
 *                      required days attended. A week above the phase's maximum does NOT
 *                      meet: attending more than the phase allows says the patient is getting
 *                      (or needing) more care than the phase, not that they are ready for less.
 *                      A partial week (admission or a mid-week change) does not meet either.
 *   attendance         sessions attended over sessions scheduled in those weeks ≥ the minimum
 *                      percent; nothing scheduled is no evidence, so not met.
 *   phq9               the latest PHQ-9 of the episode is `improvedBy` points or more below the
 *                      episode's first, or below `orBelow`; no PHQ-9 at all is not met.
 *   objectives         every objective of the plan in force tied to this phase is met. A plan
 *                      in force with no objectives tied to the phase holds (nothing in the
 *                      plan stands in the way); no plan in force (none signed by clinician
 *                      and patient yet) does not: nothing shows the patient's goals are met.
 *
 * Only data through the end of the evaluated week counts, so a proposal for a week does not
 * change under the director's eyes while they review it: scores given by then, and the
 * objectives of the plan in force that day as they stood at its end (the caller measures
 * them so, plan-progress.ts objectiveProgressAtWeekEnd). A rising score counts only when the
 * latest score was given in the current phase: once an intensify is approved the phase
 * restarts and the same score does not propose it again.
 *
 * A phase without criteria is moved by hand: nothing proposes advancing or "too long", but a
 * score rising into the severe band still proposes more intensive care.
 * Pure: no I/O, no clock.
 */
import type { WeeklyHoursStatusKind } from '../attendance/hours.ts';
import type { AdvancementCriteria } from '../db/schema.ts';
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';

/** PHQ-9 20–27 is severe; GAD-7 15–21 (domain-rules.md "Instruments"). */
export const PHQ9_SEVERE_FROM = 20;
export const GAD7_SEVERE_FROM = 15;

export type StepDirection = 'advance' | 'complete' | 'intensify';
export type CriterionKey = 'consecutive_weeks' | 'attendance' | 'phq9' | 'objectives';
export type ConcernKey = 'phq9_rising_into_severe' | 'gad7_rising_into_severe' | 'too_long_in_phase';

export interface PhaseRef {
  readonly phaseId: string;
  readonly name: string;
}

export interface StepDownWeek {
  readonly weekStart: LocalDate;
  readonly status: WeeklyHoursStatusKind;
  readonly meetsRequiredDays: boolean | null;
  readonly sessionsScheduled: number;
  readonly sessionsAttended: number;
}

export interface Score {
  readonly administeredOn: LocalDate;
  readonly score: number;
}

export interface StepDownInput {
  readonly phase: PhaseRef & { readonly position: number; readonly criteria: AdvancementCriteria | null };
  readonly nextPhase: PhaseRef | null;
  readonly previousPhase: PhaseRef | null;
  /** The day the current phase took effect (the latest phase-history row). */
  readonly phaseStartedOn: LocalDate;
  /** The first day of the last completed facility week. */
  readonly evaluatedWeekStart: LocalDate;
  /** Completed weeks of the episode, oldest first; weeks before the phase started are ignored. */
  readonly weeks: readonly StepDownWeek[];
  /** The episode's scores, oldest first. */
  readonly phq9: readonly Score[];
  readonly gad7: readonly Score[];
  /**
   * The objectives of the plan in force at the end of the evaluated week, measured as they
   * stood then; null when no plan was in force (or not looked up: the phase does not ask).
   */
  readonly objectives: readonly { readonly objectiveId: string; readonly description: string; readonly phaseId: string | null; readonly met: boolean }[] | null;
}

export interface Criterion {
  readonly key: CriterionKey;
  readonly met: boolean;
  readonly required: string;
  readonly actual: string;
}

export interface Concern {
  readonly key: ConcernKey;
  readonly text: string;
}

export interface Evaluation {
  readonly weekStart: LocalDate;
  readonly direction: StepDirection | null;
  readonly toPhase: PhaseRef | null;
  readonly criteria: Criterion[];
  readonly concerns: Concern[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A week counts toward step-down when hours were on track and the required days attended. */
export function weekMet(week: StepDownWeek): boolean {
  return week.status === 'on_track' && week.meetsRequiredDays !== false;
}

/** Whole facility weeks from the phase's start to the end of the evaluated week. */
export function weeksInPhase(phaseStartedOn: LocalDate, evaluatedWeekStart: LocalDate): number {
  return Math.max(0, Math.floor(daysBetween(phaseStartedOn, addDays(evaluatedWeekStart, 7)) / 7));
}

/** Weeks of the phase, through the evaluated week, with consecutive weeks the run ends in. */
function phaseWeeks(input: StepDownInput): StepDownWeek[] {
  return input.weeks
    .filter((w) => compareDates(w.weekStart, input.phaseStartedOn) >= 0 && compareDates(w.weekStart, input.evaluatedWeekStart) <= 0)
    .sort((a, b) => compareDates(a.weekStart, b.weekStart));
}

/** Met weeks in a row ending with the evaluated week (a missing week breaks the run). */
function runOfMetWeeks(weeks: readonly StepDownWeek[], evaluatedWeekStart: LocalDate): number {
  let run = 0;
  let expected = evaluatedWeekStart;
  for (let i = weeks.length - 1; i >= 0; i--) {
    const week = weeks[i]!;
    if (week.weekStart !== expected || !weekMet(week)) break;
    run++;
    expected = addDays(expected, -7);
  }
  return run;
}

function consecutiveWeeks(criteria: AdvancementCriteria, weeks: readonly StepDownWeek[], evaluatedWeekStart: LocalDate): Criterion {
  const run = runOfMetWeeks(weeks, evaluatedWeekStart);
  return {
    key: 'consecutive_weeks',
    met: run >= criteria.consecutiveWeeksMet,
    required: `${plural(criteria.consecutiveWeeksMet, 'week')} in a row with hours and required days met`,
    actual: `${plural(run, 'week')} in a row`,
  };
}

function attendance(criteria: AdvancementCriteria, weeks: readonly StepDownWeek[], evaluatedWeekStart: LocalDate): Criterion {
  const windowStart = addDays(evaluatedWeekStart, -7 * (criteria.consecutiveWeeksMet - 1));
  const window = weeks.filter((w) => compareDates(w.weekStart, windowStart) >= 0);
  const scheduled = window.reduce((n, w) => n + w.sessionsScheduled, 0);
  const attended = window.reduce((n, w) => n + w.sessionsAttended, 0);
  return {
    key: 'attendance',
    // Whole numbers on both sides: 90 of 100 is exactly 90 %, without floating-point doubt.
    met: scheduled > 0 && attended * 100 >= criteria.minAttendancePercent * scheduled,
    required: `at least ${criteria.minAttendancePercent}% of scheduled sessions attended over the last ${plural(criteria.consecutiveWeeksMet, 'week')}`,
    actual:
      window.length === 0 ? 'no completed week in this phase yet'
      : scheduled === 0 ? 'no sessions scheduled'
      : `${attended} of ${plural(scheduled, 'session')} (${round1((attended / scheduled) * 100)}%)`,
  };
}

function phq9Criterion(rule: NonNullable<AdvancementCriteria['phq9']>, scores: readonly Score[]): Criterion {
  const required = `PHQ-9 improved by ${rule.improvedBy} points from the first score, or below ${rule.orBelow}`;
  const first = scores[0];
  const latest = scores.at(-1);
  if (!first || !latest) return { key: 'phq9', met: false, required, actual: 'no PHQ-9 in this episode' };
  const improvement = first.score - latest.score;
  const change = improvement > 0 ? `improved by ${improvement}` : improvement < 0 ? `worse by ${-improvement}` : 'unchanged';
  return {
    key: 'phq9',
    met: improvement >= rule.improvedBy || latest.score < rule.orBelow,
    required,
    actual: scores.length === 1 ? `${latest.score} (one score)` : `${first.score} → ${latest.score} (${change})`,
  };
}

function objectivesCriterion(input: StepDownInput): Criterion {
  const required = `every plan objective for ${input.phase.name} met`;
  if (input.objectives === null) return { key: 'objectives', met: false, required, actual: 'no treatment plan in force' };
  const own = input.objectives.filter((o) => o.phaseId === input.phase.phaseId);
  const met = own.filter((o) => o.met).length;
  return {
    key: 'objectives',
    met: met === own.length,
    required,
    actual: own.length === 0 ? 'no plan objectives tied to this phase' : `${met} of ${plural(own.length, 'objective')} met`,
  };
}

/** The latest score, given in the current phase, in the severe band and higher than the one before. */
function risingIntoSevere(scores: readonly Score[], severeFrom: number, phaseStartedOn: LocalDate): { from: number; to: number } | null {
  const latest = scores.at(-1);
  const previous = scores.at(-2);
  if (!latest || !previous) return null;
  if (compareDates(latest.administeredOn, phaseStartedOn) < 0) return null;
  return latest.score >= severeFrom && latest.score > previous.score ? { from: previous.score, to: latest.score } : null;
}

export function evaluateStepDown(input: StepDownInput): Evaluation {
  const criteriaRule = input.phase.criteria;
  const weekEnd = addDays(input.evaluatedWeekStart, 6);
  const through = (scores: readonly Score[]) =>
    scores.filter((s) => compareDates(s.administeredOn, weekEnd) <= 0).sort((a, b) => compareDates(a.administeredOn, b.administeredOn));
  const phq9 = through(input.phq9);
  const gad7 = through(input.gad7);
  const weeks = phaseWeeks(input);

  const criteria: Criterion[] = [];
  if (criteriaRule) {
    criteria.push(consecutiveWeeks(criteriaRule, weeks, input.evaluatedWeekStart), attendance(criteriaRule, weeks, input.evaluatedWeekStart));
    if (criteriaRule.phq9) criteria.push(phq9Criterion(criteriaRule.phq9, phq9));
    if (criteriaRule.objectivesMet) criteria.push(objectivesCriterion(input));
  }
  const allMet = criteriaRule !== null && criteria.every((c) => c.met);

  const concerns: Concern[] = [];
  const phqRise = risingIntoSevere(phq9, PHQ9_SEVERE_FROM, input.phaseStartedOn);
  if (phqRise) concerns.push({ key: 'phq9_rising_into_severe', text: `PHQ-9 rose from ${phqRise.from} to ${phqRise.to} (severe: ${PHQ9_SEVERE_FROM} or more)` });
  const gadRise = risingIntoSevere(gad7, GAD7_SEVERE_FROM, input.phaseStartedOn);
  if (gadRise) concerns.push({ key: 'gad7_rising_into_severe', text: `GAD-7 rose from ${gadRise.from} to ${gadRise.to} (severe: ${GAD7_SEVERE_FROM} or more)` });
  const inPhase = weeksInPhase(input.phaseStartedOn, input.evaluatedWeekStart);
  if (criteriaRule?.maxWeeksInPhase != null && inPhase > criteriaRule.maxWeeksInPhase && !allMet) {
    concerns.push({ key: 'too_long_in_phase', text: `${plural(inPhase, 'week')} in ${input.phase.name} without meeting its criteria (at most ${criteriaRule.maxWeeksInPhase} expected)` });
  }

  const base = { weekStart: input.evaluatedWeekStart, criteria, concerns };
  if (concerns.length > 0) return { ...base, direction: 'intensify', toPhase: input.previousPhase };
  if (allMet) return input.nextPhase ? { ...base, direction: 'advance', toPhase: input.nextPhase } : { ...base, direction: 'complete', toPhase: null };
  return { ...base, direction: null, toPhase: null };
}
