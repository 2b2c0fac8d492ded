/**
 * Aftercare rules: when a discharge needs a transition plan, what makes the plan complete,
 * and when the 30/60/90-day follow-up contacts are due. Pure; "today" is an argument.
 *
 * domain-rules.md "IOP structure": the transition (discharge) plan names progress, supports,
 * medication continuity, referral contacts, and what to do if symptoms recur (CARF).
 */
import type { DischargeReason } from '../db/schema.ts';
import type { ErrorCode } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates } from '../time/local-time.ts';
import type { AftercareInput, AftercarePlan, FollowupStatus } from './aftercare.schemas.ts';

/** Follow-up contacts after discharge, in days (issue 4). */
export const FOLLOWUP_DAYS = [30, 60, 90] as const;
export type FollowupDays = (typeof FOLLOWUP_DAYS)[number];

/** A follow-up is listed from its due day; a week later without a recorded outcome it is overdue. */
export const FOLLOWUP_OVERDUE_AFTER_DAYS = 7;

/**
 * Reasons that hand the patient on to less intensive care: they need an aftercare plan.
 * A transfer to a higher level, leaving against advice or an administrative discharge may
 * carry one, but the receiving program (or nobody) owns what comes next.
 */
const HANDS_ON: ReadonlySet<DischargeReason> = new Set(['completed', 'stepped_down_to_outpatient']);

export function aftercareRequired(reason: DischargeReason): boolean {
  return HANDS_ON.has(reason);
}

export interface AftercareProblem {
  readonly code: Extract<ErrorCode, 'validation_failed' | 'date_out_of_range'>;
  readonly path: string;
  readonly message: string;
}

/** What the schema cannot say: a meeting of "another" fellowship is named; a referral appointment is not before discharge. */
export function aftercareProblems(plan: AftercareInput, dischargedOn: LocalDate): AftercareProblem[] {
  const problems: AftercareProblem[] = [];
  plan.meetings.forEach((meeting, i) => {
    if (meeting.fellowship === 'other' && !meeting.name?.trim()) {
      problems.push({ code: 'validation_failed', path: `aftercare.meetings[${i}].name`, message: 'is required for a meeting of another fellowship' });
    }
  });
  const appointmentOn = plan.outpatientReferral?.appointmentOn;
  if (appointmentOn && compareDates(appointmentOn, dischargedOn) < 0) {
    problems.push({ code: 'date_out_of_range', path: 'aftercare.outpatientReferral.appointmentOn', message: `is before the discharge on ${dischargedOn}` });
  }
  return problems;
}

const text = (value: string | null | undefined) => value?.trim() || null;

/** The plan as stored: trimmed, with every optional field present. */
export function normalisePlan(plan: AftercareInput): AftercarePlan {
  return {
    outpatientReferral: plan.outpatientReferral
      ? { provider: plan.outpatientReferral.provider.trim(), contact: text(plan.outpatientReferral.contact), appointmentOn: plan.outpatientReferral.appointmentOn ?? null }
      : null,
    meetings: plan.meetings.map((m) => ({ fellowship: m.fellowship, name: text(m.name), dayOfWeek: m.dayOfWeek, time: m.time, location: m.location.trim() })),
    soberLiving: plan.soberLiving ? { name: plan.soberLiving.name.trim(), contact: text(plan.soberLiving.contact) } : null,
    alumniProgram: plan.alumniProgram,
    medicationContinuity: text(plan.medicationContinuity),
    relapsePlan: plan.relapsePlan.trim(),
  };
}

/** The follow-up contacts of a discharge: 30, 60 and 90 facility days after the discharge day. */
export function followupsFor(dischargedOn: LocalDate): { daysAfter: FollowupDays; dueOn: LocalDate }[] {
  return FOLLOWUP_DAYS.map((daysAfter) => ({ daysAfter, dueOn: addDays(dischargedOn, daysAfter) }));
}

export function followupStatus(followup: { dueOn: LocalDate; completedOn: LocalDate | null }, today: LocalDate): FollowupStatus {
  if (followup.completedOn !== null) return 'completed';
  if (compareDates(today, followup.dueOn) < 0) return 'upcoming';
  return compareDates(today, addDays(followup.dueOn, FOLLOWUP_OVERDUE_AFTER_DAYS)) > 0 ? 'overdue' : 'due';
}
