/**
 * Drug-test analytes and panels, as data (domain-rules.md "Drug testing"): a clinic's lab
 * contract decides the panel and the cut-offs, so nothing here is a rule in code.
 *
 * Cut-offs are ng/mL. Federal urine cut-offs are SAMHSA's (HHS Mandatory Guidelines,
 * effective 2025-07-07, domain-rules.md). Clinical analytes (buprenorphine, methadone,
 * EDDP, benzodiazepines, EtG) have no federal cut-off: the values are typical vendor
 * cut-offs and are marked `verify` — check them against the clinic's lab or cup insert.
 * Oral-fluid cut-offs follow the HHS oral-fluid guidelines (2019) and are marked `verify`.
 *
 * `aliases` are what a lab may send in OBX-3 (HL7 v2 ORU^R01): LOINC codes (method-less,
 * screen and confirm terms) and common names/abbreviations. LOINC codes other than those
 * marked confirmed should be checked against the lab's compendium; a lab's own local codes
 * can be added here without touching the importer.
 */
import type { SpecimenType } from '../db/schema.ts';

export type DrugClass =
  | 'cannabinoids'
  | 'stimulants'
  | 'opioids'
  | 'hallucinogens'
  | 'sedatives'
  | 'alcohol';

/** One analyte as a panel tests it: identity, cut-offs in force, and the codes a lab may send. */
export interface AnalyteDef {
  /** Stable code stored in drug_test_results.analyte and medications.expected_analytes. */
  readonly analyte: string;
  readonly name: string;
  readonly drugClass: DrugClass;
  /** Initial test (screen / cup) cut-off: at or above is a presumptive positive. */
  readonly initialCutoff: number;
  /** Confirmatory (GC-MS / LC-MS/MS) cut-off: at or above is a confirmed positive. */
  readonly confirmationCutoff: number;
  readonly unit: 'ng/mL';
  /** Cut-offs are typical vendor values, not a federal standard: check with the lab. */
  readonly verify: boolean;
  /** HL7 OBX-3 identifiers and names (LOINC codes, abbreviations), matched case- and punctuation-insensitively. */
  readonly aliases: readonly string[];
}

export interface Panel {
  readonly panelId: string;
  readonly name: string;
  readonly specimenTypes: readonly SpecimenType[];
  readonly analytes: readonly AnalyteDef[];
}

type AnalyteIdentity = Omit<AnalyteDef, 'initialCutoff' | 'confirmationCutoff' | 'unit' | 'verify'>;

/** Analyte identities shared by every panel; cut-offs are per panel (urine and oral fluid differ). */
export const ANALYTE_CATALOG = {
  thc: {
    analyte: 'thc',
    name: 'THC metabolite (THCA)',
    drugClass: 'cannabinoids',
    // 3427-2 / 18282-4 (screen) / 19289-8 (confirm): confirmed LOINC cannabinoid terms.
    aliases: ['3427-2', '18282-4', '19289-8', '20521-0', 'THC', 'THCA', 'THC-COOH', 'CANNABINOIDS', 'CANNABINOID', 'MARIJUANA', 'CARBOXY-THC'],
  },
  cocaine: {
    analyte: 'cocaine',
    name: 'Cocaine metabolite (benzoylecgonine)',
    drugClass: 'stimulants',
    // 3393-6 / 14314-9 (screen) / 14315-6 (confirm): confirmed LOINC benzoylecgonine terms.
    aliases: ['3393-6', '14314-9', '14315-6', '3397-7', 'COC', 'COCAINE', 'BZE', 'BENZOYLECGONINE', 'COCAINE METABOLITE', 'COCAINE METABOLITES'],
  },
  opiates: {
    analyte: 'opiates',
    name: 'Codeine / morphine',
    drugClass: 'opioids',
    aliases: ['3879-4', '19295-5', 'OPI', 'OPIATES', 'OPIATE', 'MOR', 'MORPHINE', 'CODEINE', 'COD', 'CODEINE/MORPHINE'],
  },
  hydrocodone: {
    analyte: 'hydrocodone',
    name: 'Hydrocodone / hydromorphone',
    drugClass: 'opioids',
    aliases: ['HCD', 'HYC', 'HYDROCODONE', 'HYDROMORPHONE', 'HMO', 'HYDROCODONE/HYDROMORPHONE'],
  },
  oxycodone: {
    analyte: 'oxycodone',
    name: 'Oxycodone / oxymorphone',
    drugClass: 'opioids',
    aliases: ['OXY', 'OXYCODONE', 'OXYMORPHONE', 'OXYCODONE/OXYMORPHONE'],
  },
  '6am': {
    analyte: '6am',
    name: '6-acetylmorphine (heroin)',
    drugClass: 'opioids',
    aliases: ['6-AM', '6AM', '6-MAM', '6MAM', '6-ACETYLMORPHINE', 'HEROIN', 'HEROIN METABOLITE'],
  },
  pcp: {
    analyte: 'pcp',
    name: 'Phencyclidine',
    drugClass: 'hallucinogens',
    aliases: ['PCP', 'PHENCYCLIDINE'],
  },
  fentanyl: {
    analyte: 'fentanyl',
    name: 'Fentanyl / norfentanyl',
    drugClass: 'opioids',
    aliases: ['FEN', 'FTY', 'FENTANYL', 'NORFENTANYL', 'NORFEN', 'FENTANYL/NORFENTANYL'],
  },
  amphetamines: {
    analyte: 'amphetamines',
    name: 'Amphetamine / methamphetamine',
    drugClass: 'stimulants',
    // 3349-8 / 19261-7 (screen) / 16369-1 (confirm): confirmed LOINC amphetamine terms.
    aliases: ['3349-8', '19261-7', '16369-1', 'AMP', 'MAMP', 'MET', 'AMPHETAMINE', 'AMPHETAMINES', 'METHAMPHETAMINE', 'AMPHETAMINE/METHAMPHETAMINE'],
  },
  mdma: {
    analyte: 'mdma',
    name: 'MDMA / MDA',
    drugClass: 'stimulants',
    aliases: ['MDMA', 'MDA', 'ECSTASY', 'MDMA/MDA'],
  },
  buprenorphine: {
    analyte: 'buprenorphine',
    name: 'Buprenorphine / norbuprenorphine',
    drugClass: 'opioids',
    aliases: ['BUP', 'BUPRENORPHINE', 'NORBUPRENORPHINE', 'BUPRENORPHINE/NORBUPRENORPHINE'],
  },
  methadone: {
    analyte: 'methadone',
    name: 'Methadone',
    drugClass: 'opioids',
    aliases: ['MTD', 'MAD', 'METHADONE'],
  },
  eddp: {
    analyte: 'eddp',
    name: 'EDDP (methadone metabolite)',
    drugClass: 'opioids',
    aliases: ['EDDP', 'METHADONE METABOLITE', 'METHADONE METABOLITES'],
  },
  benzodiazepines: {
    analyte: 'benzodiazepines',
    name: 'Benzodiazepines',
    drugClass: 'sedatives',
    aliases: ['BZO', 'BZD', 'BENZO', 'BENZODIAZEPINE', 'BENZODIAZEPINES'],
  },
  etg: {
    analyte: 'etg',
    name: 'Ethyl glucuronide (alcohol)',
    drugClass: 'alcohol',
    aliases: ['ETG', 'ETHYL GLUCURONIDE', 'ETHYLGLUCURONIDE', 'ALCOHOL METABOLITE'],
  },
} as const satisfies Record<string, AnalyteIdentity>;

export type AnalyteCode = keyof typeof ANALYTE_CATALOG;

export function isAnalyteCode(code: string): code is AnalyteCode {
  return Object.hasOwn(ANALYTE_CATALOG, code);
}

function def(code: AnalyteCode, initialCutoff: number, confirmationCutoff: number, verify = false): AnalyteDef {
  return { ...ANALYTE_CATALOG[code], initialCutoff, confirmationCutoff, unit: 'ng/mL', verify };
}

/** SAMHSA federal urine analytes and cut-offs (domain-rules.md table, effective 2025-07-07). */
const FEDERAL_URINE: readonly AnalyteDef[] = [
  def('thc', 50, 15),
  def('cocaine', 150, 100),
  def('opiates', 2000, 2000),
  def('hydrocodone', 300, 100),
  def('oxycodone', 100, 100),
  def('6am', 10, 10),
  def('pcp', 25, 25),
  def('fentanyl', 1, 1),
  def('amphetamines', 500, 250),
  def('mdma', 500, 250),
];

/** Typical vendor urine cut-offs for clinical analytes (no federal standard): verify with the lab. */
const CLINICAL_URINE: readonly AnalyteDef[] = [
  def('buprenorphine', 10, 5, true),
  def('methadone', 300, 100, true),
  def('eddp', 100, 100, true),
  def('benzodiazepines', 200, 100, true),
  def('etg', 500, 500, true),
];

/** HHS oral-fluid guideline cut-offs (2019) and a typical buprenorphine cut-off: verify. */
const ORAL_FLUID: readonly AnalyteDef[] = [
  def('thc', 4, 2, true),
  def('cocaine', 15, 8, true),
  def('opiates', 30, 15, true),
  def('hydrocodone', 30, 15, true),
  def('oxycodone', 30, 15, true),
  def('6am', 4, 2, true),
  def('pcp', 10, 10, true),
  def('amphetamines', 50, 25, true),
  def('mdma', 50, 25, true),
  def('buprenorphine', 5, 1, true),
];

export const PANELS: Readonly<Record<string, Panel>> = {
  samhsa_5: {
    panelId: 'samhsa_5',
    name: 'Federal urine panel (SAMHSA cut-offs)',
    specimenTypes: ['urine'],
    analytes: FEDERAL_URINE,
  },
  clinical_12: {
    panelId: 'clinical_12',
    name: 'Clinical urine panel (federal + MOUD, benzodiazepines, EtG)',
    specimenTypes: ['urine'],
    analytes: [...FEDERAL_URINE, ...CLINICAL_URINE],
  },
  oral_fluid_10: {
    panelId: 'oral_fluid_10',
    name: 'Oral fluid 10-panel',
    specimenTypes: ['oral_fluid'],
    analytes: ORAL_FLUID,
  },
};

export type PanelId = 'samhsa_5' | 'clinical_12' | 'oral_fluid_10';

export function isPanelId(id: string): id is PanelId {
  return Object.hasOwn(PANELS, id);
}

/** The panel's definition of one analyte, or null when the panel does not test it. */
export function panelAnalyte(panel: Panel, analyte: string): AnalyteDef | null {
  return panel.analytes.find((a) => a.analyte === analyte) ?? null;
}

/** Upper-case, keep letters and digits only: "Benzoylecgonine " and "benzoyl-ecgonine" match. */
export function normaliseAlias(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The analyte a lab code or name stands for, looked up on a panel (so an oral-fluid panel
 * answers with its own cut-offs). Tries each candidate (OBX-3 identifier, then text).
 */
export function analyteForAlias(panel: Panel, candidates: readonly string[]): AnalyteDef | null {
  const lookup = (key: string) => (key === '' ? undefined : panel.analytes.find((a) => normaliseAlias(a.analyte) === key || a.aliases.some((alias) => normaliseAlias(alias) === key)));
  for (const candidate of candidates) {
    const found = lookup(normaliseAlias(candidate));
    if (found) return found;
  }
  // Then the names without method and specimen words: "Fentanyl, confirmation", "Cannabinoids [Presence] in Urine by Screen method".
  for (const candidate of candidates) {
    const found = lookup(normaliseAlias(analyteNameOnly(candidate)));
    if (found) return found;
  }
  return null;
}

const METHOD_WORDS = /\b(screen|screening|confirm|confirmation|confirmatory|confirmed|quant|quantitative|qualitative|presumptive|definitive|level|urine|ur|oral fluid|saliva|(gc|lc)[\s/-]?ms(\/ms)?|immunoassay|eia)\b/gi;

/** "Cannabinoids [Presence] in Urine by Screen method" → "Cannabinoids"; "Fentanyl, confirmation" → "Fentanyl". */
function analyteNameOnly(text: string): string {
  return text.replace(/\[[^\]]*\]/g, ' ').replace(/\bin (urine|oral fluid|saliva)\b.*$/i, ' ').replace(METHOD_WORDS, ' ').replace(/[,;:()]/g, ' ').trim();
}

/** Specimen validity measurements a lab reports beside the analytes (domain-rules.md). */
export type ValidityMeasure = 'creatinine' | 'specific_gravity' | 'ph' | 'oxidants';

export const VALIDITY_ALIASES: Readonly<Record<ValidityMeasure, readonly string[]>> = {
  creatinine: ['2161-8', 'CREAT', 'CREA', 'CRE', 'CREATININE', 'URINE CREATININE'],
  specific_gravity: ['2965-2', '5811-5', 'SG', 'SPGR', 'SPECIFIC GRAVITY'],
  ph: ['2756-5', '5803-2', 'PH', 'URINE PH'],
  oxidants: ['5802-4', 'OXID', 'OXIDANTS', 'OXIDANT', 'NITRITE', 'NITRITES', 'OXIDANTS/NITRITE'],
};

export function validityMeasureForAlias(candidates: readonly string[]): ValidityMeasure | null {
  for (const candidate of candidates) {
    const key = normaliseAlias(candidate);
    if (key === '') continue;
    for (const [measure, aliases] of Object.entries(VALIDITY_ALIASES) as [ValidityMeasure, readonly string[]][]) {
      if (aliases.some((alias) => normaliseAlias(alias) === key)) return measure;
    }
  }
  return null;
}

/**
 * Analytes a prescription explains beyond its own code: methadone is metabolised to EDDP,
 * so a patient on methadone is expected to show EDDP too (and EDDP without methadone is the
 * usual sign of a genuine dose rather than a spiked specimen).
 */
const IMPLIED_ANALYTES: Readonly<Partial<Record<AnalyteCode, readonly AnalyteCode[]>>> = {
  methadone: ['eddp'],
};

/** Expected analytes with their metabolites added (methadone → methadone, eddp). */
export function withImpliedAnalytes(expected: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const code of expected) {
    out.add(code);
    if (isAnalyteCode(code)) for (const implied of IMPLIED_ANALYTES[code] ?? []) out.add(implied);
  }
  return out;
}
