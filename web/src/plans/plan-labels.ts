/** Words for treatment plans: metric kinds, what their targets mean, version states. */
import { GROUP_TYPE_LABELS } from '../groups/group-labels.ts';
import type { Metric, MetricKind, PlanInstrument, PlanStatus, SessionKind } from './plan-types.ts';

export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  attendance_rate: 'Attendance rate',
  weeks_hours_met: 'Weeks with hours met',
  instrument_score_below: 'Questionnaire score below',
  sessions_attended: 'Sessions attended',
  custom: 'Counted custom measure',
};

/** Shown under the metric picker: what the target counts. */
export const METRIC_KIND_HINTS: Record<MetricKind, string> = {
  attendance_rate: 'Target: percent of scheduled sessions attended over the last completed weeks.',
  weeks_hours_met: 'Target: completed weeks in a row with the phase’s hours and days met.',
  instrument_score_below: 'Target: the latest score must be below this number.',
  sessions_attended: 'Target: sessions of this kind attended since the plan took effect.',
  custom: 'Target: a count staff record on the plan (e.g. mutual-help meetings attended).',
};
// Consecutive negative drug tests plug in here as a metric kind once drug tests exist (issue 5).

export const INSTRUMENT_LABELS: Record<PlanInstrument, string> = {
  phq9: 'PHQ-9 (depression)',
  gad7: 'GAD-7 (anxiety)',
  audit: 'AUDIT (alcohol use)',
  dast10: 'DAST-10 (drug use)',
};

const INSTRUMENT_SHORT: Record<PlanInstrument, string> = { phq9: 'PHQ-9', gad7: 'GAD-7', audit: 'AUDIT', dast10: 'DAST-10' };

/** The most a score can be, to bound the target. */
export const INSTRUMENT_MAX: Record<PlanInstrument, number> = { phq9: 27, gad7: 21, audit: 40, dast10: 10 };

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  individual: 'Individual sessions',
  ...GROUP_TYPE_LABELS,
  family: 'Family sessions',
};

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  awaiting_patient: 'Awaiting patient signature',
  active: 'Active',
  superseded: 'Superseded',
};

export const STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'gray',
  awaiting_patient: 'yellow',
  active: 'teal',
  superseded: 'gray',
};

/** What the target means in words: "90%", "below 10 on the PHQ-9". */
export function targetText(metric: Metric, target: number): string {
  switch (metric.kind) {
    case 'attendance_rate':
      return `${target}% attendance over ${metric.weeks} ${metric.weeks === 1 ? 'week' : 'weeks'}`;
    case 'weeks_hours_met':
      return `${target} ${target === 1 ? 'week' : 'weeks'} in a row with hours met`;
    case 'instrument_score_below':
      return `${INSTRUMENT_SHORT[metric.instrument]} below ${target}`;
    case 'sessions_attended':
      return `${target} ${SESSION_KIND_LABELS[metric.sessionKind].toLowerCase()} attended`;
    case 'custom':
      return `${target} ${metric.unit || 'counted'}`;
  }
}

/** A ready-made objective sentence from the metric, used until the author writes their own. */
export function suggestedDescription(metric: Metric, target: number | string): string {
  const t = target === '' ? '…' : String(target);
  switch (metric.kind) {
    case 'attendance_rate':
      return `Attend at least ${t}% of scheduled sessions over ${metric.weeks} ${metric.weeks === 1 ? 'week' : 'weeks'}`;
    case 'weeks_hours_met':
      return `Meet the weekly hours and days for ${t} weeks in a row`;
    case 'instrument_score_below':
      return `Bring the ${INSTRUMENT_SHORT[metric.instrument]} score below ${t}`;
    case 'sessions_attended':
      return `Attend ${t} ${SESSION_KIND_LABELS[metric.sessionKind].toLowerCase()}`;
    case 'custom':
      return `Reach ${t} ${metric.unit || '…'}`;
  }
}

export const SERVICE_SUGGESTIONS = [
  'Group therapy',
  'Individual counseling',
  'Family psychoeducation',
  'Case management',
  'Relapse prevention group',
  'Skills group (CBT / DBT)',
  'Medication management',
  'Medication for addiction treatment',
  'Twelve-step / mutual-help facilitation',
  'Psychological assessment',
  'Vocational services',
  'Trauma-focused therapy',
  'Urine drug testing',
];

export const FREQUENCY_SUGGESTIONS = ['3 times a week', '5 times a week', 'Twice a week', 'Weekly', 'Every 2 weeks', 'Monthly', 'As needed'];
