/**
 * From an ORU^R01's observations to Cairn readings, against the test's panel. Pure.
 *
 * - OBX-3 is looked up in the panel's aliases (LOINC codes, lab codes, names: panels.ts);
 *   creatinine, specific gravity, pH and oxidants/nitrite are specimen validity.
 * - OBX-2 NM (or SN, or ST holding a number) is a concentration: detected when at or above
 *   the cut-off. The cut-off is OBX-7 when the lab sends one ("<50", "50 ng/mL", "Cutoff: 50"),
 *   else the panel's for the method. ST/CE/CWE text is read as POSITIVE / NEGATIVE.
 * - The method: OBX-17 (immunoassay → screen, GC-MS / LC-MS/MS → confirmation), else the
 *   observation's own code or name (LOINC "Screen" / "Confirm" terms), else an OBR whose
 *   service says confirmation (and not screen), else a laboratory screen.
 * - Comments (OBX-2 TX/FT) and results the lab could not obtain or withdrew (OBX-11 X, N,
 *   I, O, D, W) are skipped and reported back.
 * Anything else that cannot be read is an error naming the segment and field: the whole
 * message is refused, nothing is half-imported.
 */
import { AppError } from '../http/errors.ts';
import type { ResultMethod } from '../db/schema.ts';
import { type OruMessage, type OruObservation, type OruOrder, malformed } from './hl7-oru.ts';
import { type AnalyteDef, type Panel, type ValidityMeasure, analyteForAlias, validityMeasureForAlias } from './panels.ts';
import { type ResolvedReading, asStored, cutoffFor, detectedAt, isPanelUnit } from './results-input.ts';

/** Validity measurements from the message: undefined leaves an earlier measurement in place. */
export interface Hl7Validity {
  creatinineMgDl?: number;
  specificGravity?: number;
  ph?: number;
  oxidantsPresent?: boolean;
}

export interface SkippedObservation {
  readonly sequence: number;
  readonly code: string;
  readonly reason: string;
}

export interface MappedResults {
  readonly readings: ResolvedReading[];
  readonly validity: Hl7Validity | undefined;
  readonly skipped: SkippedObservation[];
}

const SKIPPED_STATUSES: Readonly<Record<string, string>> = {
  X: 'the laboratory could not obtain this result',
  N: 'not asked',
  I: 'specimen in the laboratory, result pending',
  O: 'order received, no result yet',
  D: 'deleted by the laboratory',
  W: 'withdrawn by the laboratory as wrong',
};
const COMMENT_TYPES = new Set(['TX', 'FT']);
const VALUE_TYPES = new Set(['NM', 'SN', 'ST', 'CE', 'CWE', 'CNE']);

/** LOINC drug terms by method (hddaccess "Drug Screens and LOINC"): Screen and Confirm variants. */
const SCREEN_LOINC = new Set(['18282-4', '14314-9', '19261-7', '19295-5']);
const CONFIRM_LOINC = new Set(['19289-8', '14315-6', '16369-1']);
const CONFIRM_TEXT = /\b(GC|LC)[\s/-]?MS\b|\bMS\/MS\b|TANDEM MASS|MASS SPEC|CONFIRM|QUANT/i;
const SCREEN_TEXT = /\b(IA|EIA|ELISA|EMIT|CEDIA|KIMS|IMMUNOASSAY|SCREEN)\b/i;

const POSITIVE = new Set(['POSITIVE', 'POS', 'DETECTED', 'DET', 'PRESENT', 'REACTIVE']);
const NEGATIVE = new Set(['NEGATIVE', 'NEG', 'NOT DETECTED', 'NONE DETECTED', 'ND', 'ABSENT', 'NOT PRESENT', 'NONREACTIVE', 'NON-REACTIVE']);
const ABNORMAL_FLAGS = new Set(['A', 'AA', 'H', 'HH', 'POS', '>']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CUTOFF = /^(?:(?:neg(?:ative)?|cut-?off|positive)\s*:?\s*)?(<=|>=|<|>|≤|≥)?\s*(\d+(?:\.\d+)?)\s*(?:ng\/ml)?$/i;

const at = (obx: OruObservation, field: number, message: string) => ({ segment: 'OBX', sequence: obx.sequence, field: `OBX-${field}`, message });

function methodOf(obx: OruObservation, order: OruOrder): ResultMethod {
  if (CONFIRM_TEXT.test(obx.method)) return 'lab_confirmation';
  if (SCREEN_TEXT.test(obx.method)) return 'lab_initial';
  if (obx.identifiers.some((id) => CONFIRM_LOINC.has(id))) return 'lab_confirmation';
  if (obx.identifiers.some((id) => SCREEN_LOINC.has(id))) return 'lab_initial';
  const name = obx.identifiers.join(' ');
  if (CONFIRM_TEXT.test(name)) return 'lab_confirmation';
  if (SCREEN_TEXT.test(name)) return 'lab_initial';
  if (CONFIRM_TEXT.test(order.serviceText) && !SCREEN_TEXT.test(order.serviceText)) return 'lab_confirmation';
  return 'lab_initial';
}

function qualitative(textValue: string): boolean | undefined {
  const key = textValue.toUpperCase().replace(/\s+/g, ' ').trim();
  if (POSITIVE.has(key)) return true;
  if (NEGATIVE.has(key)) return false;
  return undefined;
}

type Value =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bound'; readonly comparator: '<' | '<=' | '>' | '>='; readonly value: number }
  | { readonly kind: 'qualitative'; readonly detected: boolean };

function numberOf(textValue: string): number | undefined {
  return NUMBER.test(textValue) ? Number(textValue) : undefined;
}

/** OBX-5 read by OBX-2. */
function valueOf(obx: OruObservation): Value {
  const first = obx.valueComponents[0] ?? '';
  if (obx.value.replace(/\^/g, '') === '') throw malformed(at(obx, 5, 'has no value'));
  switch (obx.valueType) {
    case 'NM': {
      const n = numberOf(obx.value);
      if (n === undefined) throw malformed(at(obx, 5, `is not a number ("${obx.value.slice(0, 40)}") though OBX-2 says NM`));
      return { kind: 'number', value: n };
    }
    case 'SN': {
      // Structured numeric: comparator ^ num1 [^ separator ^ num2]; ranges are not cut-off readings.
      const [comparator = '', num1 = '', separator = '', num2 = ''] = obx.valueComponents;
      const n = numberOf(num1);
      if (n === undefined) throw malformed(at(obx, 5, 'is a structured numeric without a number'));
      if (separator || num2) throw malformed(at(obx, 5, 'is a range; send the measured value'));
      if (comparator === '' || comparator === '=') return { kind: 'number', value: n };
      if (comparator === '<' || comparator === '<=' || comparator === '>' || comparator === '>=') return { kind: 'bound', comparator, value: n };
      throw malformed(at(obx, 5, `has an unknown comparator "${comparator.slice(0, 4)}"`));
    }
    case 'ST': {
      const n = numberOf(first.trim());
      if (n !== undefined && obx.valueComponents.length === 1) return { kind: 'number', value: n };
      const detected = qualitative(obx.value);
      if (detected === undefined) throw malformed(at(obx, 5, `is neither POSITIVE/NEGATIVE nor a number ("${obx.value.slice(0, 40)}")`));
      return { kind: 'qualitative', detected };
    }
    default: {
      // CE / CWE / CNE: identifier ^ text.
      const detected = qualitative(first) ?? qualitative(obx.valueComponents[1] ?? '');
      if (detected === undefined) throw malformed(at(obx, 5, `is a coded value Cairn cannot read as POSITIVE or NEGATIVE ("${obx.value.slice(0, 40)}")`));
      return { kind: 'qualitative', detected };
    }
  }
}

function cutoffOf(obx: OruObservation, def: AnalyteDef, method: ResultMethod, numeric: boolean): number {
  if (obx.referenceRange === '') return cutoffFor(def, method);
  const match = CUTOFF.exec(obx.referenceRange.trim());
  if (match) {
    // Bounded like a value (the column is numeric(12,3)), and above zero: a cut-off of 0 would call every reading detected.
    const cutoff = asStored(Number(match[2]), 3);
    if (!(cutoff > 0 && cutoff < 1e9)) throw malformed(at(obx, 7, `gives a cut-off out of range ("${obx.referenceRange.slice(0, 40)}")`));
    return cutoff;
  }
  if (numeric) throw malformed(at(obx, 7, `is a reference range Cairn cannot read as a cut-off ("${obx.referenceRange.slice(0, 40)}")`));
  return cutoffFor(def, method);
}

function analyteReading(obx: OruObservation, order: OruOrder, def: AnalyteDef): ResolvedReading {
  const method = methodOf(obx, order);
  const value = valueOf(obx);
  const numeric = value.kind !== 'qualitative';
  if (numeric && obx.unit !== '' && !isPanelUnit(obx.unit)) throw malformed(at(obx, 6, `gives the unit "${obx.unit.slice(0, 20)}"; ${def.name} is read in ${def.unit}`));
  const cutoff = asStored(cutoffOf(obx, def, method, numeric), 3);
  switch (value.kind) {
    case 'number': {
      if (value.value < 0 || value.value >= 1e9) throw malformed(at(obx, 5, 'is out of range'));
      const stored = asStored(value.value, 3);
      return { analyte: def.analyte, method, detected: detectedAt(stored, cutoff), value: stored, unit: def.unit, cutoff };
    }
    case 'bound': {
      // "<5" with a cut-off of 50 is negative; ">1000" with a cut-off of 50 is positive; "<100" with a cut-off of 50 says neither.
      const below = value.comparator === '<' || value.comparator === '<=';
      const decided = below ? (value.value <= cutoff ? false : undefined) : value.value >= cutoff ? true : undefined;
      if (decided === undefined) throw malformed(at(obx, 5, `("${value.comparator}${value.value}") cannot be compared with the cut-off ${cutoff} ${def.unit}`));
      return { analyte: def.analyte, method, detected: decided, value: null, unit: def.unit, cutoff };
    }
    case 'qualitative':
      return { analyte: def.analyte, method, detected: value.detected, value: null, unit: null, cutoff };
  }
}

const MEASURE_FIELD: Readonly<Record<ValidityMeasure, keyof Hl7Validity>> = {
  creatinine: 'creatinineMgDl',
  specific_gravity: 'specificGravity',
  ph: 'ph',
  oxidants: 'oxidantsPresent',
};
/** Plausible ranges, so a misplaced decimal point is refused rather than read as a finding. */
const MEASURE_RANGE: Readonly<Record<Exclude<ValidityMeasure, 'oxidants'>, readonly [number, number]>> = {
  creatinine: [0, 1000],
  specific_gravity: [0.9, 1.2],
  ph: [0, 14],
};

function validityValue(obx: OruObservation, measure: ValidityMeasure): number | boolean {
  const value = valueOf(obx);
  if (measure === 'oxidants') {
    if (value.kind === 'qualitative') return value.detected;
    // A measured oxidant or nitrite level: the laboratory's abnormal flag says whether it is over its threshold.
    return obx.abnormalFlags.split('~').some((flag) => ABNORMAL_FLAGS.has(flag));
  }
  if (value.kind !== 'number') throw malformed(at(obx, 5, 'must be an exact number for specimen validity'));
  if (measure === 'creatinine' && obx.unit !== '' && obx.unit.toLowerCase() !== 'mg/dl') throw malformed(at(obx, 6, `gives creatinine in "${obx.unit.slice(0, 20)}"; Cairn reads creatinine in mg/dL`));
  const [min, max] = MEASURE_RANGE[measure];
  if (value.value < min || value.value > max) throw malformed(at(obx, 5, `is outside the plausible range ${min}–${max}`));
  return value.value;
}

/**
 * Map every observation of the message against the panel. Throws `hl7_malformed` for what
 * cannot be read and `analyte_unknown` for a code the panel does not know.
 */
export function mapObservations(message: OruMessage, panel: Panel): MappedResults {
  const readings: ResolvedReading[] = [];
  const skipped: SkippedObservation[] = [];
  const validity: Hl7Validity = {};
  let validitySeen = false;
  const seen = new Set<string>();
  for (const order of message.orders) {
    for (const obx of order.observations) {
      const code = obx.identifiers[0]!;
      const skippedStatus = SKIPPED_STATUSES[obx.resultStatus];
      if (skippedStatus) {
        skipped.push({ sequence: obx.sequence, code, reason: skippedStatus });
        continue;
      }
      if (COMMENT_TYPES.has(obx.valueType)) {
        skipped.push({ sequence: obx.sequence, code, reason: 'comment' });
        continue;
      }
      if (!VALUE_TYPES.has(obx.valueType)) throw malformed(at(obx, 2, `has the value type ${obx.valueType.slice(0, 4)}; results must be NM, SN, ST, CE or CWE`));
      const measure = validityMeasureForAlias(obx.identifiers);
      if (measure) {
        const field = MEASURE_FIELD[measure];
        if (validity[field] !== undefined) throw malformed(at(obx, 3, `repeats the ${measure.replace('_', ' ')} measurement`));
        (validity as Record<string, number | boolean>)[field] = validityValue(obx, measure);
        validitySeen = true;
        continue;
      }
      const def = analyteForAlias(panel, obx.identifiers);
      if (!def) {
        throw new AppError(422, 'analyte_unknown', `The HL7 message reports "${code.slice(0, 40)}", which is not an analyte of the ${panel.name}.`, {
          ...at(obx, 3, `"${code.slice(0, 40)}" is not an analyte of the ${panel.name}`),
          code: code.slice(0, 40),
        });
      }
      const reading = analyteReading(obx, order, def);
      const key = `${reading.analyte}|${reading.method}`;
      if (seen.has(key)) throw malformed(at(obx, 3, `reports ${def.name} (${reading.method}) a second time`));
      seen.add(key);
      readings.push(reading);
    }
  }
  return { readings, validity: validitySeen ? validity : undefined, skipped };
}
