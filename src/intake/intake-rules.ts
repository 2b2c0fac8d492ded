/**
 * Dates and population of an intake assessment, judged in the facility's calendar ("today"
 * is passed in). Pure.
 */
import type { Population } from '../programs/levels-of-care.ts';
import { type LocalDate, compareDates } from '../time/local-time.ts';

/** ASAM's adolescent criteria are for people under 18. */
export const ADULT_AGE = 18;

/** Whole years from `dateOfBirth` to `on` (a 29 February birthday comes on 1 March in other years). */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** The population of the assessment when no program names it: the patient's age on the day. */
export function populationOn(dateOfBirth: LocalDate, on: LocalDate): Population {
  return ageOn(dateOfBirth, on) < ADULT_AGE ? 'adolescent' : 'adult';
}

/** An assessment is recorded on a day it happened: not after today, not before the patient was born. */
export function assessedOnProblem(assessedOn: LocalDate, today: LocalDate, dateOfBirth: LocalDate): { path: string; message: string } | undefined {
  if (compareDates(assessedOn, today) > 0) return { path: 'assessedOn', message: `is in the future (today is ${today})` };
  if (compareDates(assessedOn, dateOfBirth) < 0) return { path: 'assessedOn', message: `is before the patient’s date of birth (${dateOfBirth})` };
  return undefined;
}
