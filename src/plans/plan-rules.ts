/**
 * Rules of a treatment plan: what a plan must hold before it is signed, what each metric's
 * target may be, how a version moves through its life, when its review is due, and whose
 * typed name signs it. Pure.
 */
import type { PlanVersionStatus } from '../db/schema.ts';
import { normalizeName } from '../patients/patient-rules.ts';
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';
import { MAX_METRIC_WEEKS, type Objective, type PlanContent, type PlanReviewState } from './plans.schemas.ts';

export interface PlanProblem {
  /** Where in the request, e.g. content.problems[0].goals[1].objectives[0].interventions */
  readonly path: string;
  readonly message: string;
}

/** The largest total score of the instruments an objective can target (domain-rules.md, Instruments). */
export const INSTRUMENT_MAX_SCORE = { phq9: 27, gad7: 21, audit: 40, dast10: 10 } as const;
/** A review falls "due soon" this many days ahead. */
export const REVIEW_DUE_SOON_DAYS = 7;
/** Sessions an objective may count toward. */
const MAX_SESSIONS_TARGET = 500;

const problemPath = (p: number) => `content.problems[${p}]`;
const goalPath = (p: number, g: number) => `${problemPath(p)}.goals[${g}]`;
const objectivePath = (p: number, g: number, o: number) => `${goalPath(p, g)}.objectives[${o}]`;

/** Every objective of a plan with its path in the content. */
export function objectivesOf(content: PlanContent): { path: string; objective: Objective }[] {
  return content.problems.flatMap((problem, p) =>
    problem.goals.flatMap((goal, g) => goal.objectives.map((objective, o) => ({ path: objectivePath(p, g, o), objective }))),
  );
}

export function findObjective(content: PlanContent, objectiveId: string): Objective | undefined {
  return objectivesOf(content).find((o) => o.objective.objectiveId === objectiveId)?.objective;
}

/** Ids the interventions name as responsible, each once. */
export function responsibleStaffIds(content: PlanContent): string[] {
  return [...new Set(objectivesOf(content).flatMap(({ objective }) => objective.interventions.map((i) => i.responsibleStaffId)))];
}

const isWhole = (x: number) => Number.isInteger(x);

/** What a target (and baseline) may be for each metric. */
function targetProblems(path: string, objective: Objective): PlanProblem[] {
  const { metric, target, baseline } = objective;
  const problems: PlanProblem[] = [];
  const range = (min: number, max: number, whole: boolean, what: string) => {
    if (target < min || target > max || (whole && !isWhole(target))) problems.push({ path: `${path}.target`, message: `must be ${whole ? 'a whole number ' : ''}from ${min} to ${max} (${what})` });
    if (baseline !== null && (baseline > max || (whole && !isWhole(baseline)))) {
      problems.push({ path: `${path}.baseline`, message: `must be ${whole ? 'a whole number ' : ''}from 0 to ${max} (${what})` });
    }
  };
  switch (metric.kind) {
    case 'attendance_rate':
      range(1, 100, false, 'percent of sessions attended');
      break;
    case 'weeks_hours_met':
      range(1, MAX_METRIC_WEEKS, true, 'weeks in a row');
      break;
    case 'instrument_score_below':
      // "Below 0" can never be met; the total score cannot exceed the instrument's maximum.
      range(1, INSTRUMENT_MAX_SCORE[metric.instrument], true, `${metric.instrument} total score`);
      break;
    case 'sessions_attended':
      range(1, MAX_SESSIONS_TARGET, true, 'sessions');
      break;
    case 'custom':
      if (target <= 0) problems.push({ path: `${path}.target`, message: 'must be more than 0' });
      break;
  }
  return problems;
}

/** Ids used twice in one plan (each kind of id must be unique within the plan). */
function duplicateIdProblems(content: PlanContent): PlanProblem[] {
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  const check = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: 'is used twice in this plan' });
    seen.add(id);
  };
  content.problems.forEach((problem, p) => {
    check(problem.problemId, `${problemPath(p)}.problemId`);
    problem.goals.forEach((goal, g) => {
      check(goal.goalId, `${goalPath(p, g)}.goalId`);
      goal.objectives.forEach((objective, o) => {
        check(objective.objectiveId, `${objectivePath(p, g, o)}.objectiveId`);
        objective.interventions.forEach((intervention, i) => check(intervention.interventionId, `${objectivePath(p, g, o)}.interventions[${i}].interventionId`));
      });
    });
  });
  return problems;
}

/** Problems that make any version unsavable, draft or not: ids repeated, targets impossible for the metric. */
export function contentProblems(content: PlanContent): PlanProblem[] {
  return [...duplicateIdProblems(content), ...objectivesOf(content).flatMap(({ path, objective }) => targetProblems(path, objective))];
}

/** A plan is signable once every problem has a goal, every goal an objective and every objective an intervention. */
export function completenessProblems(content: PlanContent): PlanProblem[] {
  if (content.problems.length === 0) return [{ path: 'content.problems', message: 'needs at least one problem' }];
  const problems: PlanProblem[] = [];
  content.problems.forEach((problem, p) => {
    if (problem.goals.length === 0) problems.push({ path: `${problemPath(p)}.goals`, message: 'needs at least one goal' });
    problem.goals.forEach((goal, g) => {
      if (goal.objectives.length === 0) problems.push({ path: `${goalPath(p, g)}.objectives`, message: 'needs at least one measurable objective' });
      goal.objectives.forEach((objective, o) => {
        if (objective.interventions.length === 0) problems.push({ path: `${objectivePath(p, g, o)}.interventions`, message: 'needs at least one intervention' });
      });
    });
  });
  return problems;
}

/** Staff and phases the plan names must exist: active staff of the organization, phases of the episode's program. */
export function referenceProblems(content: PlanContent, known: { activeStaffIds: ReadonlySet<string>; phaseIds: ReadonlySet<string> }): PlanProblem[] {
  return objectivesOf(content).flatMap(({ path, objective }) => [
    ...(objective.phaseId !== null && !known.phaseIds.has(objective.phaseId) ? [{ path: `${path}.phaseId`, message: 'is not a phase of the episode’s program' }] : []),
    ...objective.interventions.flatMap((intervention, i) =>
      known.activeStaffIds.has(intervention.responsibleStaffId) ? [] : [{ path: `${path}.interventions[${i}].responsibleStaffId`, message: 'is not an active staff member of the organization' }],
    ),
  ]);
}

/** Everything that stops a clinician signing a version. */
export function signingProblems(content: PlanContent, known: { activeStaffIds: ReadonlySet<string>; phaseIds: ReadonlySet<string> }): PlanProblem[] {
  return [...completenessProblems(content), ...contentProblems(content), ...referenceProblems(content, known)];
}

/*
 * Lifecycle of a version:
 *   draft ──clinician signs──▶ awaiting_patient ──patient signs──▶ active ──next version active──▶ superseded
 *     ▲                              │
 *     └────────── edited ────────────┘   (the clinician's signature is cleared)
 * A version in force is never edited: changes make the next version.
 */
export type PlanEvent = 'edit' | 'clinician_sign' | 'patient_sign' | 'supersede' | 'review';

export function nextStatus(status: PlanVersionStatus, event: PlanEvent): PlanVersionStatus | null {
  switch (event) {
    case 'edit':
      return status === 'draft' || status === 'awaiting_patient' ? 'draft' : null;
    case 'clinician_sign':
      return status === 'draft' ? 'awaiting_patient' : null;
    case 'patient_sign':
      return status === 'awaiting_patient' ? 'active' : null;
    case 'supersede':
      return status === 'active' ? 'superseded' : null;
    case 'review':
      return status === 'active' ? 'active' : null;
  }
}

/**
 * The version in force on a facility day: the latest to have taken effect by then. Versions
 * take effect in order (the patient's signature supersedes the one before), so a superseded
 * version was in force from its day until the next one's; drafts and versions awaiting the
 * patient never were. Undefined before the first took effect.
 */
export function versionInForceOn<V extends { readonly version: number; readonly effective_on: LocalDate | null }>(versions: readonly V[], day: LocalDate): V | undefined {
  return versions
    .filter((v) => v.effective_on !== null && compareDates(v.effective_on, day) <= 0)
    .reduce<V | undefined>((latest, v) => (latest === undefined || v.version > latest.version ? v : latest), undefined);
}

/** The next review is due this many days after the plan takes effect or is reviewed. */
export function reviewDueOn(from: LocalDate, reviewIntervalDays: number): LocalDate {
  return addDays(from, reviewIntervalDays);
}

export function isReviewOverdue(reviewDue: LocalDate | null, today: LocalDate): boolean {
  return reviewDue !== null && compareDates(today, reviewDue) > 0;
}

/**
 * Where an active episode's plan stands for the review worklist; null when nothing is
 * needed. A review overdue outranks a revision under way: the plan in force is still late.
 */
export function planReviewState(plan: { open: 'draft' | 'awaiting_patient' | null; activeReviewDueOn: LocalDate | null; hasActive: boolean }, today: LocalDate): PlanReviewState | null {
  if (!plan.hasActive) return plan.open ?? 'no_plan';
  if (isReviewOverdue(plan.activeReviewDueOn, today)) return 'review_overdue';
  if (plan.open) return plan.open;
  if (plan.activeReviewDueOn !== null && daysBetween(today, plan.activeReviewDueOn) <= REVIEW_DUE_SOON_DAYS) return 'review_due_soon';
  return null;
}

/** Most urgent first on the worklist. */
export const REVIEW_STATE_ORDER: Record<PlanReviewState, number> = { no_plan: 0, review_overdue: 1, awaiting_patient: 2, draft: 3, review_due_soon: 4 };

/**
 * A patient signs by typing their full name: their legal given and family name, or their
 * preferred name with the family name. Case, accents' composition and spacing do not matter.
 */
export function signatureNameMatches(typed: string, patient: { legalGivenName: string; legalFamilyName: string; preferredName: string | null }): boolean {
  const given = normalizeName(typed);
  const accepted = [`${patient.legalGivenName} ${patient.legalFamilyName}`, ...(patient.preferredName?.trim() ? [`${patient.preferredName} ${patient.legalFamilyName}`] : [])];
  return accepted.some((name) => normalizeName(name) === given);
}
