/**
 * What a demo patient's specimen shows, and how a result is written down: a cup read at
 * the front desk (Pasadena), a laboratory report typed in, or the laboratory's HL7 ORU^R01
 * (Hartford). Most specimens are negative apart from prescribed medications; a few
 * patients use early in treatment or after a lapse. Pure: a seeded Prng decides.
 */
import type { ReadingInput, ValidityInput } from '../drugtests/drug-test-results.schemas.ts';
import { ANALYTE_CATALOG, type AnalyteCode, type Panel } from '../drugtests/panels.ts';
import { type LocalDate, daysBetween } from '../time/local-time.ts';
import type { Substance } from './clinical-course.ts';
import type { Reliability } from './people.ts';
import type { Prng } from './prng.ts';

export const ANALYTE_OF: Record<Substance, AnalyteCode> = { alcohol: 'etg', opioids: 'fentanyl', cocaine: 'cocaine', cannabis: 'thc', stimulants: 'amphetamines' };

export interface UseFacts {
  readonly substance: Substance;
  readonly reliability: Reliability;
  readonly teen: boolean;
  readonly admittedOn: LocalDate;
  readonly date: LocalDate;
  /** The Saturday of a lapse the patient reported, if any. */
  readonly lapse: LocalDate | null;
}

/**
 * Analytes a specimen shows that no prescription explains: the substance of a lapse in the
 * five days after it; now and then early in treatment for patients who struggle; residual
 * cannabis in a teenager's first ten days.
 */
export function unexpectedUse(rng: Prng, facts: UseFacts): AnalyteCode[] {
  const analyte = ANALYTE_OF[facts.substance];
  if (facts.lapse) {
    const since = daysBetween(facts.lapse, facts.date);
    if (since >= 0 && since <= 5) return [analyte];
  }
  const day = daysBetween(facts.admittedOn, facts.date);
  if (facts.teen && facts.substance === 'cannabis' && day <= 10) return rng.chance(0.3) ? ['thc'] : [];
  const early = day <= 28;
  const rate = facts.reliability === 'struggling' ? (early ? 0.12 : 0.04) : facts.reliability === 'typical' ? (early ? 0.025 : 0.008) : 0;
  return rng.chance(rate) ? [analyte] : [];
}

export type SpecimenValidityPlan = 'valid' | 'dilute' | 'substituted';

export interface SpecimenFindings {
  readonly expected: readonly string[];
  /** Detected, not explained by a prescription. */
  readonly positives: readonly string[];
  /** Prescribed, not detected (possible diversion). */
  readonly missing: readonly string[];
  readonly validity: SpecimenValidityPlan;
}

/** A detected concentration well above the screen cut-off, ng/mL. */
const DETECTED: Partial<Record<string, readonly [number, number]>> = {
  thc: [62, 240], cocaine: [420, 3800], opiates: [2600, 9000], fentanyl: [6, 48], amphetamines: [780, 4200], etg: [900, 6400],
  buprenorphine: [38, 190], methadone: [700, 2600], eddp: [450, 1900], benzodiazepines: [260, 980],
};

function detectedValue(rng: Prng, analyte: string, cutoff: number): number {
  const [lo, hi] = DETECTED[analyte] ?? [cutoff * 2, cutoff * 6];
  return rng.int(lo, hi);
}

/** Validity measurements as a lab reports them (creatinine mg/dL, specific gravity, pH). */
export function validityMeasures(rng: Prng, plan: SpecimenValidityPlan): Required<ValidityInput> {
  switch (plan) {
    case 'dilute':
      return { creatinineMgDl: rng.int(120, 180) / 10, specificGravity: 1.0022, ph: 6.6, oxidantsPresent: false };
    case 'substituted':
      return { creatinineMgDl: rng.int(8, 14) / 10, specificGravity: 1.0006, ph: 7.1, oxidantsPresent: false };
    case 'valid':
      return { creatinineMgDl: rng.int(450, 2200) / 10, specificGravity: (10_080 + rng.int(0, 200)) / 10_000, ph: rng.int(50, 78) / 10, oxidantsPresent: false };
  }
}

const isDetected = (findings: SpecimenFindings, analyte: string) =>
  findings.validity !== 'substituted' && (findings.positives.includes(analyte) || (findings.expected.includes(analyte) && !findings.missing.includes(analyte)));

/** A point-of-care cup: detected or not for each analyte of the panel. */
export function cupReadings(panel: Panel, findings: SpecimenFindings): ReadingInput[] {
  return panel.analytes.map((a) => ({ analyte: a.analyte, method: 'poc_cup', detected: isDetected(findings, a.analyte) }));
}

/** A laboratory screen with concentrations for every analyte, and confirmations (LC-MS/MS) of what it found unexpectedly. */
export function labReadings(rng: Prng, panel: Panel, findings: SpecimenFindings): ReadingInput[] {
  const screen: ReadingInput[] = panel.analytes.map((a) => ({
    analyte: a.analyte,
    method: 'lab_initial',
    value: isDetected(findings, a.analyte) ? detectedValue(rng, a.analyte, a.initialCutoff) : Math.floor(rng.next() * a.initialCutoff * 0.3),
    unit: 'ng/mL',
  }));
  const confirmations: ReadingInput[] = panel.analytes
    .filter((a) => findings.positives.includes(a.analyte) && isDetected(findings, a.analyte))
    .map((a) => ({ analyte: a.analyte, method: 'lab_confirmation', value: Math.max(a.confirmationCutoff * 2, Math.round(detectedValue(rng, a.analyte, a.confirmationCutoff) * 0.7)), unit: 'ng/mL' }));
  return [...screen, ...confirmations];
}

/** Lab confirmations of a cup's unexpected positives (sent out after the cup read positive). */
export function confirmationReadings(rng: Prng, panel: Panel, findings: SpecimenFindings): ReadingInput[] {
  return panel.analytes
    .filter((a) => findings.positives.includes(a.analyte))
    .map((a) => ({ analyte: a.analyte, method: 'lab_confirmation', value: Math.max(a.confirmationCutoff * 2, Math.round(detectedValue(rng, a.analyte, a.confirmationCutoff) * 0.7)), unit: 'ng/mL' }));
}

// ── The laboratory's HL7 message ─────────────────────────────────────────────────────────

/** HL7 timestamp in UTC: 20261124143000+0000. */
export function hl7Time(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:T]/g, '')}+0000`;
}

/** The lab's own code for an analyte: its first alias that is not a LOINC number. */
function labCode(analyte: string): string {
  const entry = ANALYTE_CATALOG[analyte as AnalyteCode];
  return entry.aliases.find((alias) => !/^\d+-\d$/.test(alias)) ?? analyte.toUpperCase();
}

export interface OruFacts {
  readonly controlId: string;
  readonly mrn: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth: LocalDate;
  readonly specimenId: string;
  readonly accession: string;
  readonly collectedAt: Date;
  readonly receivedAt: Date;
  readonly reportedAt: Date;
  readonly validity: Required<ValidityInput>;
  readonly readings: readonly ReadingInput[];
  readonly panel: Panel;
}

/**
 * An ORU^R01 as a toxicology laboratory sends it: a screen order with specimen validity and
 * an immunoassay result per analyte (the cut-off in OBX-7), and a confirmation order when the
 * screen found something unexpected. Segments end with CR.
 */
export function oruMessage(f: OruFacts): string {
  const name = (analyte: string) => ANALYTE_CATALOG[analyte as AnalyteCode].name;
  const cutoffOf = (analyte: string, method: string) => {
    const def = f.panel.analytes.find((a) => a.analyte === analyte)!;
    return method === 'lab_confirmation' ? def.confirmationCutoff : def.initialCutoff;
  };
  const obx = (i: number, r: ReadingInput, at: Date) => {
    const cutoff = cutoffOf(r.analyte, r.method);
    const flag = (r.value ?? 0) >= cutoff ? 'A' : 'N';
    const method = r.method === 'lab_confirmation' ? 'LCMSMS^LC-MS/MS^L' : 'EIA^Enzyme immunoassay^L';
    const kind = r.method === 'lab_confirmation' ? 'confirmation' : 'screen';
    return `OBX|${i}|NM|${labCode(r.analyte)}^${name(r.analyte)} ${kind}^L||${r.value ?? 0}|ng/mL|<${cutoff}|${flag}|||F|||${hl7Time(at)}|||${method}`;
  };
  const v = f.validity;
  const screenAt = new Date(f.receivedAt.getTime() + 3 * 3_600_000);
  const screen = f.readings.filter((r) => r.method === 'lab_initial');
  const confirm = f.readings.filter((r) => r.method === 'lab_confirmation');
  const obr = (n: number, service: string, at: Date) =>
    `OBR|${n}|${f.specimenId}|${f.accession}^NETOX|${service}|||${hl7Time(f.collectedAt)}|||||||${hl7Time(f.receivedAt)}|Urine|||||||${hl7Time(at)}||TX|F`;
  const dob = f.dateOfBirth.replace(/-/g, '');
  return [
    `MSH|^~\\&|TOXLIS|NORTHEAST TOXICOLOGY^05D0642827^CLIA|CAIRN|HARBOR HOUSE HARTFORD|${hl7Time(f.reportedAt)}||ORU^R01^ORU_R01|${f.controlId}|P|2.5.1|||AL|NE`,
    `PID|1||${f.mrn}^^^CAIRN^MR||${f.familyName}^${f.givenName}||${dob}`,
    `ORC|RE|${f.specimenId}|${f.accession}^NETOX`,
    obr(1, 'TOXSCR^Drug screen, urine, with reflex confirmation^L', screenAt),
    `OBX|1|NM|2161-8^Creatinine [Mass/volume] in Urine^LN||${v.creatinineMgDl}|mg/dL|20-400||||F|||${hl7Time(screenAt)}`,
    `OBX|2|NM|2965-2^Specific gravity of Urine^LN||${v.specificGravity.toFixed(4)}||1.003-1.030||||F|||${hl7Time(screenAt)}`,
    `OBX|3|NM|2756-5^pH of Urine^LN||${v.ph}||4.5-9.0||||F|||${hl7Time(screenAt)}`,
    `OBX|4|ST|OXID^Oxidants^L||${v.oxidantsPresent ? 'POSITIVE' : 'NEGATIVE'}||NEGATIVE||||F|||${hl7Time(screenAt)}`,
    ...screen.map((r, i) => obx(i + 5, r, screenAt)),
    'NTE|1|L|Presumptive positives reflexed to LC-MS/MS confirmation.',
    ...(confirm.length > 0 ? [obr(2, 'TOXCONF^Drug confirmation, LC-MS/MS^L', f.reportedAt), ...confirm.map((r, i) => obx(i + 1, r, f.reportedAt))] : []),
  ].join('\r');
}
