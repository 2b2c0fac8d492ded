/**
 * Dates on an episode of care, judged in the facility's calendar ("today" is passed in).
 * Pure. A violation is either "the episode is not active" (409: the state forbids it) or a
 * date outside its allowed range (422, naming the field).
 */
import { type LocalDate, addDays, compareDates } from '../time/local-time.ts';

/** Admissions are recorded up to a year late (back-entry of paper charts) and 30 days ahead (booked intakes). */
export const ADMISSION_MAX_DAYS_BACK = 365;
export const ADMISSION_MAX_DAYS_AHEAD = 30;

export type EpisodeViolation =
  | { readonly kind: 'not_active'; readonly message: string }
  | { readonly kind: 'date_out_of_range'; readonly path: string; readonly message: string };

export interface EpisodeDates {
  readonly status: 'active' | 'discharged';
  readonly admittedOn: LocalDate;
  /** The effective day of the latest phase-history row (the admission's own row at first). */
  readonly lastPhaseChangeOn: LocalDate;
}

export function admissionDateViolation(admittedOn: LocalDate, today: LocalDate): EpisodeViolation | undefined {
  const earliest = addDays(today, -ADMISSION_MAX_DAYS_BACK);
  const latest = addDays(today, ADMISSION_MAX_DAYS_AHEAD);
  if (compareDates(admittedOn, earliest) < 0) return { kind: 'date_out_of_range', path: 'admittedOn', message: `is more than a year ago (earliest ${earliest})` };
  if (compareDates(admittedOn, latest) > 0) return { kind: 'date_out_of_range', path: 'admittedOn', message: `is more than 30 days ahead (latest ${latest})` };
  return undefined;
}

const notActive = (): EpisodeViolation => ({ kind: 'not_active', message: 'This episode has been discharged.' });

/**
 * A phase change takes effect on a day no earlier than the admission or the previous
 * change (history is in order), and no later than today: the episode's current phase is
 * the one in force today, and each past week is judged against the band in force then.
 */
export function phaseChangeViolation(episode: EpisodeDates, effectiveOn: LocalDate, today: LocalDate): EpisodeViolation | undefined {
  if (episode.status !== 'active') return notActive();
  const path = 'effectiveOn';
  if (compareDates(effectiveOn, episode.admittedOn) < 0) return { kind: 'date_out_of_range', path, message: `is before the admission on ${episode.admittedOn}` };
  if (compareDates(effectiveOn, episode.lastPhaseChangeOn) < 0) return { kind: 'date_out_of_range', path, message: `is before the last phase change on ${episode.lastPhaseChangeOn}` };
  if (compareDates(effectiveOn, today) > 0) return { kind: 'date_out_of_range', path, message: `is in the future (today is ${today})` };
  return undefined;
}

/** Discharge on or after the admission day and not after today (a discharge is recorded, not planned). */
export function dischargeViolation(episode: EpisodeDates, dischargedOn: LocalDate, today: LocalDate): EpisodeViolation | undefined {
  if (episode.status !== 'active') return notActive();
  const path = 'dischargedOn';
  if (compareDates(dischargedOn, episode.admittedOn) < 0) return { kind: 'date_out_of_range', path, message: `is before the admission on ${episode.admittedOn}` };
  if (compareDates(dischargedOn, today) > 0) return { kind: 'date_out_of_range', path, message: `is in the future (today is ${today})` };
  return undefined;
}
