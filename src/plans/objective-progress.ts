/**
 * Measuring a treatment-plan objective against the patient's data (DESIGN.md: "objectives
 * tied to data measure themselves"). Pure: the data and today's facility day are arguments.
 *
 *   attendance_rate         percent of scheduled sessions attended over the last N completed
 *                           weeks of the episode; met at or above the target, and only once N
 *                           completed weeks exist
 *   weeks_hours_met         completed weeks in a row, ending with the last completed week, with
 *                           the phase's hours (on track) and required days met
 *   instrument_score_below  the latest score of the episode; met when below the target
 *   sessions_attended       sessions of a kind attended since the plan took effect
 *   custom                  the total of the values staff recorded
 *
 * Progress runs from the baseline (zero when none) to the target; for a score that must fall,
 * from the baseline down to one below the target (scores are whole numbers).
 */
import type { GroupType } from '../db/schema.ts';
import type { WeeklyHoursStatusKind } from '../attendance/hours.ts';
import { type LocalDate, compareDates } from '../time/local-time.ts';
import type { Metric, Objective, ObjectiveProgress, SessionKind } from './plans.schemas.ts';

export interface CompletedWeek {
  readonly weekStart: LocalDate;
  readonly status: WeeklyHoursStatusKind;
  readonly meetsRequiredDays: boolean | null;
  readonly sessionsScheduled: number;
  readonly sessionsAttended: number;
}

export interface AttendedSession {
  readonly localDate: LocalDate;
  /** sessions.kind */
  readonly kind: 'group' | 'individual' | 'family';
  /** The group's type, for group sessions. */
  readonly groupType: GroupType | null;
}

export interface ObjectiveData {
  /** The episode's facility weeks that are over, oldest first. */
  readonly completedWeeks: readonly CompletedWeek[];
  /** Instrument scores of the episode, oldest first. */
  readonly scores: readonly { readonly instrument: string; readonly administeredOn: LocalDate; readonly score: number }[];
  /** Sessions of the episode the patient attended (present, late or left early). */
  readonly attendedSessions: readonly AttendedSession[];
  /** The day the episode's plan first took effect; null while no version has. */
  readonly planEffectiveOn: LocalDate | null;
  /** Values staff recorded for custom objectives of the episode. */
  readonly measurements: readonly { readonly objectiveId: string; readonly measuredOn: LocalDate; readonly value: number }[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const INSTRUMENT_NAMES: Record<string, string> = { phq9: 'PHQ-9', gad7: 'GAD-7', audit: 'AUDIT', dast10: 'DAST-10' };
const SESSION_KIND_NAMES: Record<SessionKind, string> = {
  process: 'process group',
  psychoeducation: 'psychoeducation group',
  relapse_prevention: 'relapse prevention group',
  skills: 'skills group',
  family: 'family session',
  twelve_step_facilitation: '12-step facilitation group',
  specialty: 'specialty group',
  individual: 'individual session',
};

/** Progress of a count or rate that should rise from the baseline (or zero) to the target. */
function risingProgress(current: number, baseline: number | null, target: number): number {
  const from = baseline !== null && baseline < target ? baseline : 0;
  if (target <= from) return current >= target ? 1 : 0;
  return clamp01((current - from) / (target - from));
}

/** A session counts toward a kind: its group's type, or a one-off session's kind; family counts both. */
export function sessionIsOfKind(session: AttendedSession, kind: SessionKind): boolean {
  if (kind === 'individual') return session.kind === 'individual';
  if (kind === 'family') return session.kind === 'family' || session.groupType === 'family';
  return session.kind === 'group' && session.groupType === kind;
}

/** Weeks in a row, ending with the last completed week, with hours on track and required days met. */
export function weeksMetInARow(weeks: readonly CompletedWeek[]): number {
  let run = 0;
  for (let i = weeks.length - 1; i >= 0; i--) {
    const week = weeks[i]!;
    if (week.status !== 'on_track' || week.meetsRequiredDays !== true) break;
    run++;
  }
  return run;
}

type Measured = Pick<ObjectiveProgress, 'current' | 'met' | 'progress' | 'explanation'>;

function measureAttendanceRate(weeksWanted: number, target: number, baseline: number | null, data: ObjectiveData): Measured {
  const weeks = data.completedWeeks.slice(-weeksWanted);
  const scheduled = weeks.reduce((n, w) => n + w.sessionsScheduled, 0);
  const attended = weeks.reduce((n, w) => n + w.sessionsAttended, 0);
  if (scheduled === 0) {
    return { current: null, met: false, progress: null, explanation: `No sessions were scheduled in the last ${plural(weeksWanted, 'completed week')} yet.` };
  }
  const percent = round1((attended / scheduled) * 100);
  const enoughWeeks = weeks.length >= weeksWanted;
  const met = enoughWeeks && percent >= target;
  const span = enoughWeeks ? `the last ${plural(weeksWanted, 'completed week')}` : `${weeks.length} of ${plural(weeksWanted, 'completed week')} so far`;
  return {
    current: percent,
    met,
    progress: met ? 1 : risingProgress(percent, baseline, target),
    explanation: `Attended ${attended} of ${plural(scheduled, 'scheduled session')} (${percent}%) over ${span}; target ${target}%.`,
  };
}

function measureWeeksMet(target: number, baseline: number | null, data: ObjectiveData): Measured {
  const run = weeksMetInARow(data.completedWeeks);
  const met = run >= target;
  return {
    current: run,
    met,
    progress: met ? 1 : risingProgress(run, baseline, target),
    explanation: `${plural(run, 'completed week')} in a row with hours and required days met; target ${plural(target, 'week')}.`,
  };
}

function measureScoreBelow(instrument: string, target: number, baseline: number | null, data: ObjectiveData): Measured {
  const name = INSTRUMENT_NAMES[instrument] ?? instrument;
  const latest = data.scores.filter((s) => s.instrument === instrument).at(-1);
  if (!latest) return { current: null, met: false, progress: null, explanation: `No ${name} score yet; target below ${target}.` };
  const met = latest.score < target;
  // To be below the target a whole-number score must reach target − 1.
  const goal = target - 1;
  const progress = met ? 1 : baseline === null || baseline <= goal ? null : clamp01((baseline - latest.score) / (baseline - goal));
  return {
    current: latest.score,
    met,
    progress,
    explanation: `Latest ${name} ${latest.score} on ${latest.administeredOn}; target below ${target}.`,
  };
}

function measureSessions(kind: SessionKind, target: number, baseline: number | null, data: ObjectiveData): Measured {
  const name = SESSION_KIND_NAMES[kind];
  const since = data.planEffectiveOn;
  if (since === null) {
    return { current: 0, met: false, progress: 0, explanation: `Counts ${name}s attended once the plan takes effect; target ${target}.` };
  }
  const count = data.attendedSessions.filter((s) => compareDates(s.localDate, since) >= 0 && sessionIsOfKind(s, kind)).length;
  const met = count >= target;
  return {
    current: count,
    met,
    progress: met ? 1 : risingProgress(count, baseline, target),
    explanation: `${plural(count, `${name}`)} attended since ${since}; target ${target}.`,
  };
}

function measureCustom(objectiveId: string, unit: string, target: number, baseline: number | null, data: ObjectiveData): Measured {
  const values = data.measurements.filter((m) => m.objectiveId === objectiveId);
  const total = Math.round(values.reduce((n, m) => n + m.value, 0) * 100) / 100;
  const met = total >= target;
  return {
    current: total,
    met,
    progress: met ? 1 : risingProgress(total, baseline, target),
    explanation: `${total} ${unit} recorded in ${plural(values.length, 'entry', 'entries')}; target ${target}.`,
  };
}

function measure(objective: Objective, data: ObjectiveData): Measured {
  const metric: Metric = objective.metric;
  const { target, baseline } = objective;
  switch (metric.kind) {
    case 'attendance_rate':
      return measureAttendanceRate(metric.weeks, target, baseline, data);
    case 'weeks_hours_met':
      return measureWeeksMet(target, baseline, data);
    case 'instrument_score_below':
      return measureScoreBelow(metric.instrument, target, baseline, data);
    case 'sessions_attended':
      return measureSessions(metric.sessionKind, target, baseline, data);
    case 'custom':
      return measureCustom(objective.objectiveId, metric.unit, target, baseline, data);
    // Issue 5: case 'negative_tests_in_a_row' reads the episode's drug-test results here.
    default:
      return assertNever(metric);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown metric ${JSON.stringify(value)}`);
}

/** Where an objective stands today; overdue when its due day has passed and it is not met. */
export function measureObjective(objective: Objective, data: ObjectiveData, today: LocalDate): ObjectiveProgress {
  const measured = measure(objective, data);
  return {
    objectiveId: objective.objectiveId,
    target: objective.target,
    baseline: objective.baseline,
    dueOn: objective.dueOn,
    ...measured,
    overdue: !measured.met && compareDates(today, objective.dueOn) > 0,
  };
}
