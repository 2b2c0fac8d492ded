/**
 * Alert rules: pure functions from a patient's events to the alerts they call for
 * (issue 5 "Alerts"). No I/O and no clock: the caller passes what happened and, where a
 * rule depends on the day, the facility-local date. Each candidate names its condition
 * (`rule` + `conditionKey`); the database keeps one alert per condition, so calling a rule
 * twice for the same event (a retry, a sweep that runs again) never raises a duplicate.
 */
import type { AlertSeverity, AnalyteInterpretation, AttendanceStatus, DoseOutcome, DrugTestStatus, InstrumentId, SpecimenValidity } from '../db/schema.ts';

export const ALERT_RULES = [
  'suicide_risk_phq9',
  'suicide_risk_cssrs',
  'drug_test_unexpected_positive',
  'drug_test_specimen_not_valid',
  'drug_test_refused',
  'drug_test_missing_expected',
  'consecutive_unexcused_absences',
  'weekly_hours_at_risk',
  'missed_observed_dose',
  'reported_substance_use',
  'plan_review_overdue',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export interface AlertRuleDefinition {
  readonly severity: AlertSeverity;
  /** Time from raising to due; unresolved past it, the alert escalates to the clinical director. */
  readonly dueWithinMinutes: number;
  /** Critical safety signals also go to whoever is on call, not only the primary clinician. */
  readonly notifyOnCall: boolean;
  /** What a clinician reads in the inbox. */
  readonly title: string;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Severity and due windows (issue 5): suicide risk is critical and due within 1 hour; an
 * unexpected positive, adulterated/substituted or refused test and two unexcused absences
 * in a row are high; hours at risk mid-week and a missed observed dose are medium; an
 * overdue plan review is low. The windows for high/medium/low are product defaults
 * (same working day, three days, a week), kept here as data.
 */
export const RULE_DEFINITIONS: Readonly<Record<AlertRule, AlertRuleDefinition>> = {
  suicide_risk_phq9: { severity: 'critical', dueWithinMinutes: 1 * HOUR, notifyOnCall: true, title: 'PHQ-9 item 9: thoughts of self-harm' },
  suicide_risk_cssrs: { severity: 'critical', dueWithinMinutes: 1 * HOUR, notifyOnCall: true, title: 'Positive C-SSRS screen' },
  drug_test_unexpected_positive: { severity: 'high', dueWithinMinutes: DAY, notifyOnCall: false, title: 'Unexpected positive drug test' },
  drug_test_specimen_not_valid: { severity: 'high', dueWithinMinutes: DAY, notifyOnCall: false, title: 'Specimen adulterated, substituted or invalid' },
  drug_test_refused: { severity: 'high', dueWithinMinutes: DAY, notifyOnCall: false, title: 'Drug test refused' },
  drug_test_missing_expected: { severity: 'high', dueWithinMinutes: DAY, notifyOnCall: false, title: 'Prescribed medication not detected (possible diversion)' },
  consecutive_unexcused_absences: { severity: 'high', dueWithinMinutes: DAY, notifyOnCall: false, title: 'Two unexcused absences in a row' },
  weekly_hours_at_risk: { severity: 'medium', dueWithinMinutes: 3 * DAY, notifyOnCall: false, title: 'Weekly hours at risk' },
  missed_observed_dose: { severity: 'medium', dueWithinMinutes: 3 * DAY, notifyOnCall: false, title: 'Observed dose missed' },
  reported_substance_use: { severity: 'medium', dueWithinMinutes: 3 * DAY, notifyOnCall: false, title: 'Substance use reported at check-in' },
  plan_review_overdue: { severity: 'low', dueWithinMinutes: 7 * DAY, notifyOnCall: false, title: 'Treatment plan review overdue' },
};

/** Severity order for sorting: critical first. */
export const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Details are ids, codes and numbers only: never free text that may hold clinical content. */
export type AlertDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** An alert a rule calls for; `raiseAlerts` (raise.ts) writes it unless its condition was raised before. */
export interface AlertCandidate {
  readonly rule: AlertRule;
  /** Identifies the condition within the rule: the same key is never raised twice. */
  readonly conditionKey: string;
  readonly patientId: string;
  readonly episodeId: string | null;
  readonly facilityId: string;
  /** The record that caused it (the chart links to it). */
  readonly source: { readonly entity: string; readonly id: string };
  readonly details: AlertDetails;
}

/** Where the patient is being treated: every alert belongs to a facility's team. */
export interface AlertSubject {
  readonly patientId: string;
  readonly episodeId: string | null;
  readonly facilityId: string;
}

// ── Questionnaires ──────────────────────────────────────────────────────────────────────

export interface ScoredResponseEvent extends AlertSubject {
  readonly responseId: string;
  readonly instrument: InstrumentId;
  /** The facility-local day the questionnaire was completed. */
  readonly administeredOn: string;
  /** Flags from instruments/scoring.ts. */
  readonly flags: readonly string[];
}

/**
 * PHQ-9 item 9 above 0 (domain-rules: same-day suicide risk assessment) and a positive
 * C-SSRS screen (moderate or high risk: ideation with method, intent or plan, or suicidal
 * behaviour) are critical. The condition is "this patient needs a risk assessment on this
 * day": one alert per patient, instrument and day, so a questionnaire re-sent (a retry, a
 * double tap) or repeated the same day does not raise a second one; the alert points at the
 * first response.
 */
export function questionnaireAlerts(event: ScoredResponseEvent): AlertCandidate[] {
  const base = { patientId: event.patientId, episodeId: event.episodeId, facilityId: event.facilityId, source: { entity: 'instrument_response', id: event.responseId } };
  const conditionKey = `${event.patientId}:${event.administeredOn}`;
  const out: AlertCandidate[] = [];
  if (event.instrument === 'phq9' && event.flags.includes('phq9_item9_positive')) {
    out.push({ ...base, rule: 'suicide_risk_phq9', conditionKey, details: { instrument: 'phq9', flag: 'phq9_item9_positive', responseId: event.responseId, administeredOn: event.administeredOn } });
  }
  if (event.instrument === 'cssrs_screener') {
    const flag = event.flags.find((f) => f === 'cssrs_high_risk' || f === 'cssrs_moderate_risk');
    if (flag) out.push({ ...base, rule: 'suicide_risk_cssrs', conditionKey, details: { instrument: 'cssrs_screener', flag, responseId: event.responseId, administeredOn: event.administeredOn } });
  }
  return out;
}

// ── Drug tests ──────────────────────────────────────────────────────────────────────────

export interface DrugTestEvent extends AlertSubject {
  readonly testId: string;
  readonly status: DrugTestStatus;
  readonly validity: SpecimenValidity | null;
  readonly results: readonly { readonly analyte: string; readonly interpretation: AnalyteInterpretation }[];
}

/**
 * A refused test and a specimen that is adulterated, substituted or invalid each raise one
 * high alert per test. An analyte positive that no prescription explains, and a prescribed
 * medication that is absent (possible diversion), raise one high alert per test AND analyte
 * (`${testId}:${analyte}`): a lab confirmation that finds a new analyte after the cup's alert
 * (fentanyl after THC) is a new safety signal and must not be swallowed by the first alert,
 * while re-entering the same analyte does not raise it twice. A dilute specimen does not
 * alert: it calls for a recollection, shown on the test.
 */
export function drugTestAlerts(event: DrugTestEvent): AlertCandidate[] {
  const base = { patientId: event.patientId, episodeId: event.episodeId, facilityId: event.facilityId, source: { entity: 'drug_test', id: event.testId } };
  const out: AlertCandidate[] = [];
  if (event.status === 'refused') out.push({ ...base, rule: 'drug_test_refused', conditionKey: event.testId, details: {} });
  if (event.validity === 'adulterated' || event.validity === 'substituted' || event.validity === 'invalid') {
    out.push({ ...base, rule: 'drug_test_specimen_not_valid', conditionKey: event.testId, details: { validity: event.validity } });
  }
  const analytesWith = (interpretation: AnalyteInterpretation) => [...new Set(event.results.filter((r) => r.interpretation === interpretation).map((r) => r.analyte))].sort();
  for (const analyte of analytesWith('positive')) {
    out.push({ ...base, rule: 'drug_test_unexpected_positive', conditionKey: `${event.testId}:${analyte}`, details: { analytes: [analyte] } });
  }
  for (const analyte of analytesWith('missing_expected')) {
    out.push({ ...base, rule: 'drug_test_missing_expected', conditionKey: `${event.testId}:${analyte}`, details: { analytes: [analyte] } });
  }
  return out;
}

// ── Attendance ──────────────────────────────────────────────────────────────────────────

export interface PastSession {
  readonly sessionId: string;
  /** Start instant, ISO: the order sessions happened in. */
  readonly startsAt: string;
  /** Recorded attendance; null when nothing was recorded for a session that has ended (a no-show nobody marked). */
  readonly status: AttendanceStatus | null;
}

/** Unrecorded ended sessions count as unexcused: a patient who stopped coming must not go unnoticed because nobody marked them. */
function isUnexcused(status: AttendanceStatus | null): boolean {
  return status === null || status === 'unexcused_absence';
}

/**
 * Two or more consecutive unexcused absences (in session order, over the sessions that have
 * ended) raise one high alert per run, keyed by the run's first session: a third absence
 * in the same run does not raise another. An excused absence or any attendance ends a run.
 */
export function absenceAlerts(subject: AlertSubject, sessions: readonly PastSession[]): AlertCandidate[] {
  const ordered = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const out: AlertCandidate[] = [];
  let run: PastSession[] = [];
  const close = () => {
    if (run.length >= 2) {
      const first = run[0]!;
      out.push({
        ...subject,
        rule: 'consecutive_unexcused_absences',
        conditionKey: `${subject.episodeId ?? subject.patientId}:${first.sessionId}`,
        source: { entity: 'session', id: run[1]!.sessionId },
        details: { sessionIds: run.map((s) => s.sessionId), unrecorded: run.filter((s) => s.status === null).length },
      });
    }
    run = [];
  };
  for (const session of ordered) {
    if (isUnexcused(session.status)) run.push(session);
    else close();
  }
  close();
  return out;
}

export interface WeekHoursEvent extends AlertSubject {
  readonly episodeId: string;
  readonly weekStart: string;
  /** Days since the week started, facility-local (0 = first day of the week). */
  readonly dayOfWeek: number;
  /** Weekly status from attendance/hours.ts. */
  readonly status: string;
  readonly attendedMinutes: number;
  readonly requiredMinutes: number;
}

/** "By mid-week": from the third day of the facility week (Wednesday for a Monday week). */
export const MID_WEEK_DAY = 2;

/**
 * From mid-week on, a week whose minimum can no longer be reached even if the patient attends
 * every remaining session ("at risk", attendance/hours.ts) raises one medium alert per
 * episode and week.
 */
export function hoursAtRiskAlerts(event: WeekHoursEvent): AlertCandidate[] {
  if (event.status !== 'at_risk' || event.dayOfWeek < MID_WEEK_DAY) return [];
  return [{
    patientId: event.patientId,
    episodeId: event.episodeId,
    facilityId: event.facilityId,
    rule: 'weekly_hours_at_risk',
    conditionKey: `${event.episodeId}:${event.weekStart}`,
    source: { entity: 'episode', id: event.episodeId },
    details: { weekStart: event.weekStart, attendedMinutes: event.attendedMinutes, requiredMinutes: event.requiredMinutes },
  }];
}

// ── Medications, check-ins, plans ───────────────────────────────────────────────────────

export interface DoseEvent extends AlertSubject {
  readonly doseId: string;
  readonly medicationId: string;
  readonly scheduledOn: string;
  readonly outcome: DoseOutcome;
  readonly addictionMedication: 'moud' | 'maud' | null;
}

/** The condition a missed or refused observed dose raises: one per medication and day. */
export const doseConditionKey = (medicationId: string, scheduledOn: string): string => `${medicationId}:${scheduledOn}`;

/** An observed dose missed or refused raises one medium alert per dose. A dose held on clinical grounds does not. */
export function doseAlerts(event: DoseEvent): AlertCandidate[] {
  if (event.outcome !== 'missed' && event.outcome !== 'refused') return [];
  return [{
    patientId: event.patientId,
    episodeId: event.episodeId,
    facilityId: event.facilityId,
    rule: 'missed_observed_dose',
    conditionKey: doseConditionKey(event.medicationId, event.scheduledOn),
    source: { entity: 'dose_administration', id: event.doseId },
    details: { medicationId: event.medicationId, scheduledOn: event.scheduledOn, outcome: event.outcome, addictionMedication: event.addictionMedication },
  }];
}

export interface CheckinEvent extends AlertSubject {
  readonly checkinId: string;
  readonly checkinOn: string;
  readonly usedSinceLast: boolean;
  readonly substances: readonly string[];
}

/** Use reported at a daily check-in raises one medium alert per patient and day (a corrected check-in the same day does not raise another). */
export function checkinAlerts(event: CheckinEvent): AlertCandidate[] {
  if (!event.usedSinceLast) return [];
  return [{
    patientId: event.patientId,
    episodeId: event.episodeId,
    facilityId: event.facilityId,
    rule: 'reported_substance_use',
    conditionKey: `${event.patientId}:${event.checkinOn}`,
    source: { entity: 'daily_checkin', id: event.checkinId },
    details: { checkinOn: event.checkinOn, substances: [...event.substances].sort() },
  }];
}

export interface PlanReviewEvent extends AlertSubject {
  readonly episodeId: string;
  readonly version: number;
  readonly reviewDueOn: string;
  /** Facility-local today. */
  readonly today: string;
}

/** A plan in force whose review date has passed raises one low alert per version and due date (a review moves the date; missing the new one raises again). */
export function planReviewAlerts(event: PlanReviewEvent): AlertCandidate[] {
  if (!(event.today > event.reviewDueOn)) return [];
  return [{
    patientId: event.patientId,
    episodeId: event.episodeId,
    facilityId: event.facilityId,
    rule: 'plan_review_overdue',
    conditionKey: `${event.episodeId}:${event.version}:${event.reviewDueOn}`,
    source: { entity: 'treatment_plan', id: `${event.episodeId}:${event.version}` },
    details: { version: event.version, reviewDueOn: event.reviewDueOn },
  }];
}
