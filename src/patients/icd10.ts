/**
 * ICD-10-CM codes as entered on a chart. Format only: a letter, a digit, a letter or digit,
 * then optionally a dot and 1–4 more (F10.20, F11.23, F32.9, Z63.0). Whether a code exists
 * in the current code set is a billing question for later; the format catches typos.
 * Source: CDC/CMS ICD-10-CM Official Guidelines, Section I.A.3 (code structure).
 */
const ICD10_CM = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/** Upper-cased and trimmed, as stored ("f10.20 " → "F10.20"). */
export function normalizeIcd10(code: string): string {
  return code.trim().toUpperCase();
}

export function isIcd10CmCode(code: string): boolean {
  return ICD10_CM.test(normalizeIcd10(code));
}

export type DiagnosisCategory = 'substance_use' | 'mental_health' | 'other';

/**
 * Chapter 5 (F01–F99) is mental, behavioral and neurodevelopmental disorders; within it,
 * F10–F19 are "mental and behavioral disorders due to psychoactive substance use"
 * (alcohol F10 … other psychoactive substances F19, nicotine F17 included).
 */
export function diagnosisCategory(code: string): DiagnosisCategory {
  const normalized = normalizeIcd10(code);
  if (!isIcd10CmCode(normalized) || normalized[0] !== 'F') return 'other';
  return normalized[1] === '1' ? 'substance_use' : 'mental_health';
}
