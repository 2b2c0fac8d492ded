/**
 * Reading a drug test against the patient's own prescriptions. Pure: the caller supplies
 * the readings and the analytes the patient's medications explain.
 *
 *   detected and expected      → 'expected'          (buprenorphine in a patient on Suboxone)
 *   detected and not expected  → 'positive'          (an unexpected positive)
 *   not detected but expected  → 'missing_expected'  (prescribed and absent: possible diversion)
 *   otherwise                  → 'negative'
 *
 * One analyte may be read more than once on a specimen (a cup, a lab screen, a lab
 * confirmation). The most authoritative reading decides the analyte: a confirmation
 * (GC-MS / LC-MS/MS) overrides the screen, so a negative confirmation of a positive screen
 * is negative; a laboratory screen overrides a point-of-care cup.
 *
 * Metabolites a prescription explains (methadone → EDDP, panels.ts) count as expected when
 * detected, but their absence alone is not "missing": the prescribed analyte itself is
 * what shows whether the medication is being taken.
 */
import type { AnalyteInterpretation, DrugTestOutcome, ResultMethod, SpecimenValidity } from '../db/schema.ts';
import { withImpliedAnalytes } from './panels.ts';

export interface Reading {
  readonly analyte: string;
  readonly method: ResultMethod;
  readonly detected: boolean;
}

export type InterpretedReading<R extends Reading> = R & {
  /** What this reading alone says against the prescriptions. */
  readonly interpretation: AnalyteInterpretation;
  /** The more authoritative method whose reading of the same analyte decides instead; null when this one decides. */
  readonly supersededBy: ResultMethod | null;
};

/** The analyte's reading that counts, and what it means for this patient. */
export interface AnalyteFinding {
  readonly analyte: string;
  readonly interpretation: AnalyteInterpretation;
  readonly detected: boolean;
  readonly basis: ResultMethod;
}

export interface Interpretation<R extends Reading> {
  readonly readings: InterpretedReading<R>[];
  /** One per analyte read, in analyte order. */
  readonly analytes: AnalyteFinding[];
}

/** Higher decides: confirmation over a lab screen over a cup. */
const AUTHORITY: Readonly<Record<ResultMethod, number>> = { poc_cup: 0, lab_initial: 1, lab_confirmation: 2 };

/** Per analyte, the reading that decides it: the most authoritative method read. */
export function decidingReadings<R extends Pick<Reading, 'analyte' | 'method'>>(readings: readonly R[]): Map<string, R> {
  const deciding = new Map<string, R>();
  for (const reading of readings) {
    const current = deciding.get(reading.analyte);
    if (!current || AUTHORITY[reading.method] > AUTHORITY[current.method]) deciding.set(reading.analyte, reading);
  }
  return deciding;
}

function interpretOne(detected: boolean, analyte: string, prescribed: ReadonlySet<string>, explained: ReadonlySet<string>): AnalyteInterpretation {
  if (detected) return explained.has(analyte) ? 'expected' : 'positive';
  return prescribed.has(analyte) ? 'missing_expected' : 'negative';
}

/**
 * Interpret each reading and each analyte. `expectedAnalytes` are the analyte codes of the
 * patient's medications active on the collection day (medications.expected_analytes).
 */
export function interpretResults<R extends Reading>(readings: readonly R[], expectedAnalytes: Iterable<string>): Interpretation<R> {
  const prescribed = new Set(expectedAnalytes);
  const explained = withImpliedAnalytes(prescribed);
  const deciding = decidingReadings(readings);
  const interpreted = readings.map((reading): InterpretedReading<R> => {
    const decider = deciding.get(reading.analyte)!;
    return {
      ...reading,
      interpretation: interpretOne(reading.detected, reading.analyte, prescribed, explained),
      supersededBy: decider.method === reading.method ? null : decider.method,
    };
  });
  const analytes = [...deciding.values()]
    .map((r): AnalyteFinding => ({ analyte: r.analyte, detected: r.detected, basis: r.method, interpretation: interpretOne(r.detected, r.analyte, prescribed, explained) }))
    .sort((a, b) => a.analyte.localeCompare(b.analyte));
  return { readings: interpreted, analytes };
}

/**
 * The test's overall outcome (drug_tests.outcome): a specimen that cannot be trusted
 * (substituted, adulterated, invalid) first, then the worst analyte finding — an
 * unexpected positive, then a missing prescribed medication, then expected only. A dilute
 * specimen is read as its analytes say; the dilution is shown beside it.
 */
export function overallOutcome(validity: SpecimenValidity | null, analytes: readonly Pick<AnalyteFinding, 'interpretation'>[]): Exclude<DrugTestOutcome, 'refused'> {
  if (validity === 'substituted' || validity === 'adulterated' || validity === 'invalid') return 'invalid_specimen';
  const has = (i: AnalyteInterpretation) => analytes.some((a) => a.interpretation === i);
  if (has('positive')) return 'unexpected_positive';
  if (has('missing_expected')) return 'missing_expected';
  if (has('expected')) return 'expected_only';
  return 'negative';
}
