/**
 * Medications Cairn recognises by name or brand, and what each means for monitoring: whether
 * it is a medication for opioid or alcohol use disorder (MOUD / MAUD), and which drug-test
 * analytes a prescription explains (interpretation then reads "expected", not "positive",
 * and a missing one is "missing_expected"). Analyte codes are those of
 * src/drugtests/panels.ts, checked by type. These are defaults: the prescriber's entry may
 * change them on each medication.
 */
import type { AddictionMedication } from '../db/schema.ts';
import type { AnalyteCode } from '../drugtests/panels.ts';

export interface CatalogEntry {
  /** Generic name, lower case. */
  readonly name: string;
  readonly brands: readonly string[];
  /** What it may be prescribed for among MOUD/MAUD; two entries means the prescriber must say which. */
  readonly indications: readonly AddictionMedication[];
  readonly expectedAnalytes: readonly AnalyteCode[];
}

/*
 * Order matters: a name matching several entries ("buprenorphine and naloxone") takes the
 * first, so the addiction medications come first.
 */
export const MEDICATION_CATALOG: readonly CatalogEntry[] = [
  // MOUD: buprenorphine (and buprenorphine/naloxone), methadone (metabolised to EDDP).
  { name: 'buprenorphine', brands: ['Suboxone', 'Subutex', 'Sublocade', 'Zubsolv', 'Brixadi', 'Bunavail'], indications: ['moud'], expectedAnalytes: ['buprenorphine'] },
  { name: 'methadone', brands: ['Dolophine', 'Methadose', 'Diskets'], indications: ['moud'], expectedAnalytes: ['methadone', 'eddp'] },
  // Naltrexone is approved for both opioid and alcohol use disorder, and shows on no panel.
  { name: 'naltrexone', brands: ['Vivitrol', 'Revia', 'Depade'], indications: ['moud', 'maud'], expectedAnalytes: [] },
  // MAUD.
  { name: 'acamprosate', brands: ['Campral'], indications: ['maud'], expectedAnalytes: [] },
  { name: 'disulfiram', brands: ['Antabuse'], indications: ['maud'], expectedAnalytes: [] },
  // Benzodiazepines (including chlordiazepoxide for alcohol withdrawal).
  { name: 'alprazolam', brands: ['Xanax'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  { name: 'clonazepam', brands: ['Klonopin'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  { name: 'lorazepam', brands: ['Ativan'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  { name: 'diazepam', brands: ['Valium'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  { name: 'chlordiazepoxide', brands: ['Librium'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  { name: 'temazepam', brands: ['Restoril'], indications: [], expectedAnalytes: ['benzodiazepines'] },
  // Prescribed stimulants that test as amphetamines (methylphenidate does not).
  { name: 'amphetamine salts', brands: ['Adderall', 'Mydayis'], indications: [], expectedAnalytes: ['amphetamines'] },
  { name: 'lisdexamfetamine', brands: ['Vyvanse'], indications: [], expectedAnalytes: ['amphetamines'] },
  { name: 'dextroamphetamine', brands: ['Dexedrine', 'Zenzedi'], indications: [], expectedAnalytes: ['amphetamines'] },
  { name: 'methylphenidate', brands: ['Ritalin', 'Concerta'], indications: [], expectedAnalytes: [] },
  // Prescribed opioids, each under the panel analyte that detects it.
  { name: 'oxycodone', brands: ['OxyContin', 'Roxicodone', 'Percocet'], indications: [], expectedAnalytes: ['oxycodone'] },
  { name: 'oxymorphone', brands: ['Opana'], indications: [], expectedAnalytes: ['oxycodone'] },
  { name: 'hydrocodone', brands: ['Vicodin', 'Norco', 'Hysingla', 'Zohydro'], indications: [], expectedAnalytes: ['hydrocodone'] },
  { name: 'hydromorphone', brands: ['Dilaudid'], indications: [], expectedAnalytes: ['hydrocodone'] },
  { name: 'morphine', brands: ['MS Contin', 'Kadian'], indications: [], expectedAnalytes: ['opiates'] },
  { name: 'codeine', brands: ['Tylenol with Codeine', 'Tylenol #3'], indications: [], expectedAnalytes: ['opiates'] },
  { name: 'fentanyl', brands: ['Duragesic'], indications: [], expectedAnalytes: ['fentanyl'] },
  { name: 'dronabinol', brands: ['Marinol', 'Syndros'], indications: [], expectedAnalytes: ['thc'] },
  // Common in this population and on no panel.
  { name: 'gabapentin', brands: ['Neurontin'], indications: [], expectedAnalytes: [] },
  { name: 'naloxone', brands: ['Narcan', 'Kloxxado'], indications: [], expectedAnalytes: [] },
];

/** Lower-case words of letters and digits, accents dropped: "Suboxone 8 mg/2 mg film" → suboxone 8 mg 2 mg film. */
function words(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}

/**
 * The catalog entry a prescribed name stands for, by generic name or brand appearing as whole
 * words ("Buprenorphine/naloxone 8/2 mg", "Vivitrol", "methadone HCl"), or null.
 */
export function catalogEntryFor(name: string): CatalogEntry | null {
  const given = words(name);
  return MEDICATION_CATALOG.find((entry) => [entry.name, ...entry.brands].some((term) => containsRun(given, words(term)))) ?? null;
}

export type AddictionDefault = { readonly kind: 'known'; readonly value: AddictionMedication | null } | { readonly kind: 'ambiguous'; readonly options: readonly AddictionMedication[] };

/** The MOUD/MAUD default for a name: known (possibly null), or ambiguous (the prescriber must say which). */
export function addictionDefault(entry: CatalogEntry | null): AddictionDefault {
  if (!entry || entry.indications.length === 0) return { kind: 'known', value: null };
  if (entry.indications.length === 1) return { kind: 'known', value: entry.indications[0]! };
  return { kind: 'ambiguous', options: entry.indications };
}
