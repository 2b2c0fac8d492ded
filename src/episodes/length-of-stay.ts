/**
 * Length of stay: where a patient is in the program's expected stay, and when the expected
 * discharge may move. Pure; the facility's "today" is passed in.
 *
 * domain-rules.md "IOP structure": typically 8–12 weeks, up to 6–12 months with step-down;
 * some payers and states require a documented rationale to stay longer, so the expected
 * discharge moves only by an extension that carries a reason.
 */
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';
import type { EpisodeViolation } from './episode-rules.ts';

/** "≤ 2 years after admission", counted as 730 days: past that an IOP stay is a different kind of care. */
export const MAX_STAY_DAYS = 730;

export interface StayDates {
  readonly admittedOn: LocalDate;
  readonly expectedDischargeOn: LocalDate;
  readonly dischargedOn: LocalDate | null;
}

export interface LengthOfStay {
  /** The admission day is day 1 (the hospital convention); 0 before an admission booked ahead. */
  readonly dayOfStay: number;
  /** Expected discharge day − admission day: the expected length of stay in days. */
  readonly expectedDays: number;
  /** Days from today to the expected discharge; 0 once it is reached, and after discharge. */
  readonly daysRemaining: number;
  /** Days past the expected discharge, as of today (or the discharge day once discharged). */
  readonly overdueBy: number;
}

export function lengthOfStay(stay: StayDates, today: LocalDate): LengthOfStay {
  // A discharged stay stops counting on its discharge day.
  const through = stay.dischargedOn !== null && compareDates(stay.dischargedOn, today) < 0 ? stay.dischargedOn : today;
  const sinceAdmission = daysBetween(stay.admittedOn, through);
  const toExpected = daysBetween(through, stay.expectedDischargeOn);
  return {
    dayOfStay: Math.max(0, sinceAdmission + 1),
    expectedDays: daysBetween(stay.admittedOn, stay.expectedDischargeOn),
    daysRemaining: stay.dischargedOn === null ? Math.max(0, toExpected) : 0,
    overdueBy: Math.max(0, -toExpected),
  };
}

/**
 * An extension moves the expected discharge later, never earlier or to the same day (a
 * shorter stay is simply an earlier discharge), and to at most two years after admission.
 */
export function extensionViolation(
  episode: { readonly status: 'active' | 'discharged'; readonly admittedOn: LocalDate; readonly expectedDischargeOn: LocalDate },
  newExpectedOn: LocalDate,
): EpisodeViolation | undefined {
  if (episode.status !== 'active') return { kind: 'not_active', message: 'This episode has been discharged.' };
  const path = 'newExpectedOn';
  if (compareDates(newExpectedOn, episode.expectedDischargeOn) <= 0) {
    return { kind: 'date_out_of_range', path, message: `is not after the current expected discharge on ${episode.expectedDischargeOn}` };
  }
  const latest = addDays(episode.admittedOn, MAX_STAY_DAYS);
  if (compareDates(newExpectedOn, latest) > 0) return { kind: 'date_out_of_range', path, message: `is more than two years after the admission (latest ${latest})` };
  return undefined;
}
