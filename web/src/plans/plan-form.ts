/**
 * The plan editor's form values and how they become PlanContent. The form keeps a flat
 * metric (every kind's parameters at once) so switching kinds keeps what was typed, and
 * numbers may be '' while being typed. Ids are created here (crypto.randomUUID) and kept
 * across versions, so progress and measurements follow an objective from version to version.
 */
import { addDays } from '../time/dates.ts';
import { suggestedDescription } from './plan-labels.ts';
import type { Metric, MetricKind, Objective, PlanContent, PlanInstrument, SessionKind } from './plan-types.ts';

export interface MetricFormValues {
  kind: MetricKind;
  weeks: number | string;
  instrument: PlanInstrument;
  sessionKind: SessionKind;
  unit: string;
}

export interface InterventionFormValues {
  interventionId: string;
  service: string;
  frequency: string;
  responsibleStaffId: string | null;
}

export interface ObjectiveFormValues {
  objectiveId: string;
  description: string;
  /** Client only: the description follows the metric until the author edits it. */
  autoDescription: boolean;
  phaseId: string | null;
  metric: MetricFormValues;
  baseline: number | string;
  target: number | string;
  dueOn: string;
  interventions: InterventionFormValues[];
}

export interface GoalFormValues {
  goalId: string;
  statement: string;
  objectives: ObjectiveFormValues[];
}

export interface ProblemFormValues {
  problemId: string;
  statement: string;
  goals: GoalFormValues[];
}

export interface PlanFormValues {
  content: { problems: ProblemFormValues[] };
}

/** What a new objective starts as: attendance 90% over 4 weeks, due in 30 days. */
export const DEFAULT_TARGETS: Record<MetricKind, number> = {
  attendance_rate: 90,
  weeks_hours_met: 4,
  instrument_score_below: 10,
  sessions_attended: 8,
  custom: 4,
};
export const DEFAULT_WEEKS = 4;
export const DEFAULT_DUE_IN_DAYS = 30;

/** Context for new rows: the episode's phase and clinician, the facility's today. */
export interface NewRowDefaults {
  today: string;
  phaseId: string | null;
  responsibleStaffId: string | null;
}

const uuid = () => crypto.randomUUID();

export function newIntervention(d: NewRowDefaults): InterventionFormValues {
  return { interventionId: uuid(), service: '', frequency: 'Weekly', responsibleStaffId: d.responsibleStaffId };
}

export function newObjective(d: NewRowDefaults): ObjectiveFormValues {
  const metric: MetricFormValues = { kind: 'attendance_rate', weeks: DEFAULT_WEEKS, instrument: 'phq9', sessionKind: 'individual', unit: '' };
  const target = DEFAULT_TARGETS.attendance_rate;
  return {
    objectiveId: uuid(),
    description: suggestedDescription(metricOf(metric), target),
    autoDescription: true,
    phaseId: d.phaseId,
    metric,
    baseline: '',
    target,
    dueOn: addDays(d.today, DEFAULT_DUE_IN_DAYS),
    interventions: [newIntervention(d)],
  };
}

export function newGoal(d: NewRowDefaults): GoalFormValues {
  return { goalId: uuid(), statement: '', objectives: [newObjective(d)] };
}

export function newProblem(d: NewRowDefaults): ProblemFormValues {
  return { problemId: uuid(), statement: '', goals: [newGoal(d)] };
}

export function emptyPlan(d: NewRowDefaults): PlanFormValues {
  return { content: { problems: [newProblem(d)] } };
}

/** The metric union from the flat form values (numbers still being typed become NaN for the server to refuse). */
export function metricOf(m: MetricFormValues): Metric {
  switch (m.kind) {
    case 'attendance_rate':
      return { kind: 'attendance_rate', weeks: toNumber(m.weeks) ?? Number.NaN };
    case 'weeks_hours_met':
      return { kind: 'weeks_hours_met' };
    case 'instrument_score_below':
      return { kind: 'instrument_score_below', instrument: m.instrument };
    case 'sessions_attended':
      return { kind: 'sessions_attended', sessionKind: m.sessionKind };
    case 'custom':
      return { kind: 'custom', unit: m.unit.trim() };
  }
}

function metricFormOf(metric: Metric): MetricFormValues {
  return {
    kind: metric.kind,
    weeks: metric.kind === 'attendance_rate' ? metric.weeks : DEFAULT_WEEKS,
    instrument: metric.kind === 'instrument_score_below' ? metric.instrument : 'phq9',
    sessionKind: metric.kind === 'sessions_attended' ? metric.sessionKind : 'individual',
    unit: metric.kind === 'custom' ? metric.unit : '',
  };
}

function toNumber(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Form values from saved content (a draft, or the active version copied for revision: ids kept). */
export function formOf(content: PlanContent): PlanFormValues {
  return {
    content: {
      problems: content.problems.map((p) => ({
        problemId: p.problemId,
        statement: p.statement,
        goals: p.goals.map((g) => ({
          goalId: g.goalId,
          statement: g.statement,
          objectives: g.objectives.map((o) => ({
            objectiveId: o.objectiveId,
            description: o.description,
            // Still the sentence written from the metric: keep it in step with changes.
            autoDescription: o.description === suggestedDescription(o.metric, o.target),
            phaseId: o.phaseId,
            metric: metricFormOf(o.metric),
            baseline: o.baseline ?? '',
            target: o.target,
            dueOn: o.dueOn,
            interventions: o.interventions.map((i) => ({ ...i })),
          })),
        })),
      })),
    },
  };
}

/** The request body's content. Empty text is sent as typed: the server names what is missing. */
export function contentOf(values: PlanFormValues): PlanContent {
  return {
    problems: values.content.problems.map((p) => ({
      problemId: p.problemId,
      statement: p.statement.trim(),
      goals: p.goals.map((g) => ({
        goalId: g.goalId,
        statement: g.statement.trim(),
        objectives: g.objectives.map(
          (o): Objective => ({
            objectiveId: o.objectiveId,
            description: o.description.trim(),
            phaseId: o.phaseId,
            metric: metricOf(o.metric),
            baseline: toNumber(o.baseline),
            target: toNumber(o.target) ?? Number.NaN,
            dueOn: o.dueOn,
            interventions: o.interventions.map((i) => ({
              interventionId: i.interventionId,
              service: i.service.trim(),
              frequency: i.frequency.trim(),
              responsibleStaffId: i.responsibleStaffId ?? '',
            })),
          }),
        ),
      })),
    })),
  };
}

/** Counts for the editor's summary line. */
export function planCounts(content: { problems: { goals: { objectives: unknown[] }[] }[] }) {
  const goals = content.problems.flatMap((p) => p.goals);
  const objectives = goals.flatMap((g) => g.objectives);
  return { problems: content.problems.length, goals: goals.length, objectives: objectives.length };
}
