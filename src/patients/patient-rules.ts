/**
 * Rules for a patient's registration record. Pure: "today" is the facility's local day,
 * passed in by the caller (STYLE.md), so a birth date entered at 11 pm in Honolulu is judged
 * by Honolulu's calendar, not the server's.
 */
import type { AvailabilityWindow, DiagnosisEntry } from '../db/schema.ts';
import { type LocalDate, compareDates, isCalendarDate, isLocalDate } from '../time/local-time.ts';
import { availabilityProblems } from './availability.ts';
import { isIcd10CmCode } from './icd10.ts';

/** Earliest birth date accepted: older dates are almost always data-entry slips (1900 for 2000). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export type PatientProblemCode = 'date_out_of_range' | 'invalid_icd10' | 'availability_overlap' | 'validation_failed';

export interface PatientProblem {
  readonly code: PatientProblemCode;
  readonly path: string;
  readonly message: string;
}

export interface PatientDraft {
  readonly dateOfBirth: string;
  readonly diagnoses: readonly DiagnosisEntry[];
  readonly availability: readonly AvailabilityWindow[];
}

export function dateOfBirthProblem(dateOfBirth: string, today: LocalDate): PatientProblem | undefined {
  const problem = (message: string): PatientProblem => ({ code: 'date_out_of_range', path: 'dateOfBirth', message });
  // Any real day first, so an 1850 birth date is told it is before 1900 rather than not a date.
  if (!isCalendarDate(dateOfBirth)) return problem('is not a calendar date written YYYY-MM-DD');
  if (compareDates(dateOfBirth, today) > 0) return problem('is in the future');
  if (compareDates(dateOfBirth, EARLIEST_BIRTH_DATE) < 0) return problem('is before 1900');
  return undefined;
}

export function diagnosisProblems(diagnoses: readonly DiagnosisEntry[]): PatientProblem[] {
  const problems: PatientProblem[] = [];
  diagnoses.forEach((d, i) => {
    if (!isIcd10CmCode(d.code)) {
      problems.push({ code: 'invalid_icd10', path: `diagnoses[${i}].code`, message: 'is not an ICD-10-CM code such as F10.20 or F32.9' });
    }
  });
  // One principal diagnosis drives the claim and the plan; a second "primary" is a slip.
  diagnoses.forEach((d, i) => {
    if (d.primary && diagnoses.findIndex((e) => e.primary) !== i) {
      problems.push({ code: 'validation_failed', path: `diagnoses[${i}].primary`, message: 'only one diagnosis may be primary' });
    }
  });
  return problems;
}

/** Every problem with the record, in form order; the first one's code is the answer's code. */
export function patientProblems(draft: PatientDraft, today: LocalDate): PatientProblem[] {
  const dob = dateOfBirthProblem(draft.dateOfBirth, today);
  const availability: PatientProblem[] = availabilityProblems(draft.availability).map((p) => ({
    code: p.code === 'availability_overlap' ? 'availability_overlap' : 'validation_failed',
    path: p.path,
    message: p.message,
  }));
  return [...(dob ? [dob] : []), ...diagnosisProblems(draft.diagnoses), ...availability];
}

/**
 * A name as compared for duplicate registrations: case, accents' composition and spacing
 * do not matter ("  mary  ANN " is "Mary Ann").
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

export interface LegalName {
  readonly legalGivenName: string;
  readonly legalFamilyName: string;
}

/** Same legal given and family name once normalized (the duplicate-registration check). */
export function sameLegalName(a: LegalName, b: LegalName): boolean {
  return normalizeName(a.legalGivenName) === normalizeName(b.legalGivenName) && normalizeName(a.legalFamilyName) === normalizeName(b.legalFamilyName);
}

/** "Jon (Jonathan) Smith" when a preferred name differs from the legal one, else "Jonathan Smith". */
export function displayName(p: LegalName & { readonly preferredName: string | null }): string {
  const preferred = p.preferredName?.trim();
  if (preferred && normalizeName(preferred) !== normalizeName(p.legalGivenName)) return `${preferred} (${p.legalGivenName}) ${p.legalFamilyName}`;
  return `${p.legalGivenName} ${p.legalFamilyName}`;
}

export type SearchTerm =
  | { readonly kind: 'date_of_birth'; readonly dateOfBirth: LocalDate }
  | { readonly kind: 'text'; readonly text: string };

/**
 * What a search box entry means: a birth date written 'YYYY-MM-DD' or the US 'MM/DD/YYYY'
 * (one-digit month and day too), else text matched against MRNs and names.
 */
export function interpretSearch(q: string): SearchTerm {
  const text = q.trim().replace(/\s+/g, ' ');
  if (isLocalDate(text)) return { kind: 'date_of_birth', dateOfBirth: text };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const date = `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
    if (isLocalDate(date)) return { kind: 'date_of_birth', dateOfBirth: date };
  }
  return { kind: 'text', text };
}

/** MRNs handed out by Cairn: 'C-' and the organization's next number, six digits at least ('C-000123'). */
export function formatMrn(n: number): string {
  return `C-${String(n).padStart(6, '0')}`;
}
