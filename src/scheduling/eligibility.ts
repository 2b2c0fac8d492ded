/**
 * Whether a patient may join a group: population (adult / adolescent by age on the start
 * day), gender-specific groups, and specialty populations (DESIGN.md "Group": eligibility).
 * Pure. A clinician may enrol outside these rules with a reason (an override).
 */
import { Temporal } from 'temporal-polyfill';
import type { LocalDate } from '../time/local-time.ts';

export type Population = 'adult' | 'adolescent';
export type GenderIdentity = 'woman' | 'man' | 'transgender_woman' | 'transgender_man' | 'nonbinary' | 'other' | 'not_disclosed';
export type GroupGender = 'women' | 'men';

export interface GroupEligibility {
  /** The group's own population rule, else its program's population. */
  readonly population: Population | null;
  readonly gender: GroupGender | null;
  readonly specialty: string | null;
}

export interface PatientFacts {
  readonly dateOfBirth: LocalDate;
  readonly genderIdentity: GenderIdentity;
  readonly specialtyPopulations: readonly string[];
}

export type EligibilityRule = 'population' | 'gender' | 'specialty';

export interface EligibilityProblem {
  readonly rule: EligibilityRule;
  readonly message: string;
}

/** Adolescent programs serve patients under 18 (domain-rules.md: adolescent bands). */
export const ADULT_AGE = 18;

/** Whole years of age on a day. */
export function ageOn(dateOfBirth: LocalDate, day: LocalDate): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(day), { largestUnit: 'years' }).years;
}

export function populationOf(dateOfBirth: LocalDate, day: LocalDate): Population {
  return ageOn(dateOfBirth, day) < ADULT_AGE ? 'adolescent' : 'adult';
}

/**
 * Gender-specific groups admit the patients who identify with that gender, transgender
 * people included. Nonbinary, other and undisclosed identities are a clinical judgement,
 * taken with the patient: an override with a reason.
 */
const ADMITTED: Record<GroupGender, readonly GenderIdentity[]> = {
  women: ['woman', 'transgender_woman'],
  men: ['man', 'transgender_man'],
};

export function eligibilityProblems(group: GroupEligibility, patient: PatientFacts, startsOn: LocalDate): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (group.population) {
    const population = populationOf(patient.dateOfBirth, startsOn);
    if (population !== group.population) {
      const age = ageOn(patient.dateOfBirth, startsOn);
      problems.push({
        rule: 'population',
        message: group.population === 'adolescent'
          ? `This group is for adolescents (under ${ADULT_AGE}); the patient is ${age} on ${startsOn}.`
          : `This group is for adults (${ADULT_AGE} and over); the patient is ${age} on ${startsOn}.`,
      });
    }
  }
  if (group.gender && !ADMITTED[group.gender].includes(patient.genderIdentity)) {
    problems.push({ rule: 'gender', message: `This group is for ${group.gender}; the patient’s recorded gender identity does not match, so enrolment needs a clinician’s override.` });
  }
  // Specialty names are free text on both records: 'Trauma' and 'trauma' are the same population.
  const specialty = group.specialty?.trim().toLowerCase();
  if (specialty && !patient.specialtyPopulations.some((p) => p.trim().toLowerCase() === specialty)) {
    problems.push({ rule: 'specialty', message: `This group is for the ${group.specialty} specialty population, which the patient’s record does not list.` });
  }
  return problems;
}
