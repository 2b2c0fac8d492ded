/** Words and colours for alerts: severity, state, why a person received one, what it is about. */
import type { AlertRule, AlertSeverity, AlertView, RecipientReason } from './alert-types.ts';

export const SEVERITY: Record<AlertSeverity, { label: string; color: string; variant: 'filled' | 'light' }> = {
  critical: { label: 'Critical', color: 'red', variant: 'filled' },
  high: { label: 'High', color: 'orange', variant: 'filled' },
  medium: { label: 'Medium', color: 'yellow', variant: 'light' },
  low: { label: 'Low', color: 'gray', variant: 'light' },
};

export const RECIPIENT_REASON: Record<RecipientReason, string> = {
  primary_clinician: 'primary clinician',
  on_call: 'on call',
  escalation: 'escalated',
  fallback: 'no clinician assigned',
};

/** Drug-test analytes and check-in substances as a clinician reads them. */
const SUBSTANCE_NAMES: Record<string, string> = {
  thc: 'THC (cannabis)',
  cannabis: 'cannabis',
  cocaine: 'cocaine',
  opiates: 'opiates',
  opioids: 'opioids',
  oxycodone: 'oxycodone',
  fentanyl: 'fentanyl',
  amphetamines: 'amphetamines',
  methamphetamine: 'methamphetamine',
  buprenorphine: 'buprenorphine',
  methadone: 'methadone',
  benzodiazepines: 'benzodiazepines',
  etg: 'EtG (alcohol)',
  alcohol: 'alcohol',
  other: 'other',
};

export function substanceName(code: string): string {
  return SUBSTANCE_NAMES[code] ?? code.replaceAll('_', ' ');
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const hours = (minutes: number | null) => (minutes === null ? '?' : `${Math.round((minutes / 60) * 10) / 10}`);
const day = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }) : '');

/** One line saying what happened, from the alert's details (ids, codes and numbers only). */
export function alertSummary(alert: Pick<AlertView, 'rule' | 'details'>): string {
  const d = alert.details;
  const rule = alert.rule as AlertRule;
  switch (rule) {
    case 'suicide_risk_phq9':
      return 'Answered above “Not at all” to item 9 (thoughts of being better off dead or of self-harm). Same-day suicide risk assessment.';
    case 'suicide_risk_cssrs':
      return `${d['flag'] === 'cssrs_high_risk' ? 'High' : 'Moderate'} risk on the C-SSRS screener. Same-day suicide risk assessment.`;
    case 'drug_test_unexpected_positive':
      return `Positive for ${list(d['analytes']).map(substanceName).join(', ') || 'a substance'}, not explained by a prescription.`;
    case 'drug_test_specimen_not_valid':
      return `The specimen was ${text(d['validity']) ?? 'not valid'}.`;
    case 'drug_test_refused':
      return 'The patient refused a drug test.';
    case 'drug_test_missing_expected':
      return `Not detected although prescribed: ${list(d['analytes']).map(substanceName).join(', ') || 'a prescribed medication'}.`;
    case 'consecutive_unexcused_absences': {
      const missed = list(d['sessionIds']).length;
      const unrecorded = num(d['unrecorded']) ?? 0;
      return `${missed || 'Two or more'} sessions in a row missed without an excuse${unrecorded > 0 ? ` (${unrecorded} with no attendance recorded)` : ''}.`;
    }
    case 'weekly_hours_at_risk':
      return `Week of ${day(text(d['weekStart']))}: ${hours(num(d['attendedMinutes']))} h attended of ${hours(num(d['requiredMinutes']))} h required; the minimum can no longer be reached.`;
    case 'missed_observed_dose':
      return `Observed dose on ${day(text(d['scheduledOn']))} ${d['outcome'] === 'refused' ? 'refused' : 'missed'}${d['addictionMedication'] ? ` (${String(d['addictionMedication']).toUpperCase()})` : ''}.`;
    case 'reported_substance_use':
      return `Reported use at the check-in on ${day(text(d['checkinOn']))}: ${list(d['substances']).map(substanceName).join(', ') || 'substance not named'}.`;
    case 'plan_review_overdue':
      return `The treatment plan (version ${num(d['version']) ?? '?'}) was due for review on ${day(text(d['reviewDueOn']))}.`;
    default:
      return '';
  }
}

/** Where on the chart the cause of the alert can be seen. */
export function alertSourceLink(alert: Pick<AlertView, 'patient' | 'episodeId' | 'source'>): { to: string; label: string } {
  const chart = `/patients/${alert.patient.patientId}`;
  switch (alert.source.entity) {
    case 'instrument_response':
      return { to: `${chart}/progress`, label: 'Open the answers' };
    case 'treatment_plan':
      return alert.episodeId ? { to: `${chart}/episodes/${alert.episodeId}/plan`, label: 'Open the plan' } : { to: `${chart}?tab=care`, label: 'Open the plan' };
    case 'drug_test':
      return { to: `/drug-tests/${alert.source.id}`, label: 'Open the test' };
    case 'session':
    case 'episode':
      return { to: `${chart}?tab=hours`, label: 'Open attendance' };
    default:
      return { to: `${chart}?tab=monitoring`, label: 'Open monitoring' };
  }
}

const MINUTE = 60_000;

/** "25 min", "3 h 10 min", "2 days". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${Math.round(minutes / (24 * 60))} days`;
}

/** "Due in 40 min" or "Overdue by 2 h" (the server decides overdue; the span is for reading). */
export function dueText(alert: Pick<AlertView, 'dueBy' | 'overdue' | 'state'>, now: number): string {
  const left = Date.parse(alert.dueBy) - now;
  if (alert.overdue || left <= 0) return `Overdue by ${formatSpan(now - Date.parse(alert.dueBy))}`;
  return `Due in ${formatSpan(left)}`;
}

/** A moment in the viewer's locale: "Tue 24 Nov, 9:42 AM". */
export function formatMoment(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}
