/** The result-entry form's values, built from a panel, and the request they become. */
import type { AnalyteDef, Panel } from '../../../src/drugtests/panels.ts';
import type { DrugTestDetail, ReadingInput, ResultsInput, ValidityInput } from './drug-test-types.ts';

export type EntryMethod = 'poc_cup' | 'lab';
export type CupReading = '' | 'detected' | 'not_detected';

export interface LabValues {
  screen: number | string;
  confirmation: number | string;
}

export interface ResultFormValues {
  method: EntryMethod;
  cup: Record<string, CupReading>;
  lab: Record<string, LabValues>;
  validity: {
    creatinineMgDl: number | string;
    specificGravity: number | string;
    ph: number | string;
    oxidantsPresent: '' | 'present' | 'absent';
  };
}

const num = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Empty for a first entry; the saved readings when results are entered again before review. */
export function resultValuesOf(panel: Panel, test: DrugTestDetail): ResultFormValues {
  const reading = (analyte: string, method: string) => test.readings.find((r) => r.analyte === analyte && r.method === method);
  const usedLab = test.readings.some((r) => r.method !== 'poc_cup');
  return {
    method: usedLab ? 'lab' : 'poc_cup',
    cup: Object.fromEntries(
      panel.analytes.map((a) => {
        const r = reading(a.analyte, 'poc_cup');
        return [a.analyte, r ? (r.detected ? 'detected' : 'not_detected') : ''];
      }),
    ),
    lab: Object.fromEntries(
      panel.analytes.map((a) => [a.analyte, { screen: reading(a.analyte, 'lab_initial')?.value ?? '', confirmation: reading(a.analyte, 'lab_confirmation')?.value ?? '' }]),
    ),
    validity: {
      creatinineMgDl: test.validityInputs.creatinineMgDl ?? '',
      specificGravity: test.validityInputs.specificGravity ?? '',
      ph: test.validityInputs.ph ?? '',
      oxidantsPresent: test.validityInputs.oxidantsPresent === null ? '' : test.validityInputs.oxidantsPresent ? 'present' : 'absent',
    },
  };
}

/** The readings to send, each with the form path of the input it came from (for the server's refusals). */
export function readingsOf(panel: Panel, values: ResultFormValues): { reading: ReadingInput; path: string }[] {
  const out: { reading: ReadingInput; path: string }[] = [];
  for (const a of panel.analytes) {
    if (values.method === 'poc_cup') {
      const v = values.cup[a.analyte];
      if (v) out.push({ reading: { analyte: a.analyte, method: 'poc_cup', detected: v === 'detected' }, path: `cup.${a.analyte}` });
      continue;
    }
    const lab = values.lab[a.analyte];
    const screen = lab ? num(lab.screen) : undefined;
    const confirmation = lab ? num(lab.confirmation) : undefined;
    if (screen !== undefined) out.push({ reading: { analyte: a.analyte, method: 'lab_initial', value: screen, unit: a.unit }, path: `lab.${a.analyte}.screen` });
    if (confirmation !== undefined) out.push({ reading: { analyte: a.analyte, method: 'lab_confirmation', value: confirmation, unit: a.unit }, path: `lab.${a.analyte}.confirmation` });
  }
  return out;
}

export function resultsInputOf(panel: Panel, values: ResultFormValues, urine: boolean): ResultsInput {
  const validity: ValidityInput = {};
  if (urine) {
    const creatinine = num(values.validity.creatinineMgDl);
    const sg = num(values.validity.specificGravity);
    const ph = num(values.validity.ph);
    if (creatinine !== undefined) validity.creatinineMgDl = creatinine;
    if (sg !== undefined) validity.specificGravity = sg;
    if (ph !== undefined) validity.ph = ph;
    if (values.validity.oxidantsPresent) validity.oxidantsPresent = values.validity.oxidantsPresent === 'present';
  }
  return { ...(Object.keys(validity).length > 0 ? { validity } : {}), readings: readingsOf(panel, values).map((r) => r.reading) };
}

/** Whether a laboratory value reads as detected against the panel's cut-off for its method. */
export function labDetected(def: AnalyteDef, value: number | string, method: 'screen' | 'confirmation'): boolean | null {
  const n = num(value);
  if (n === undefined) return null;
  return n >= (method === 'screen' ? def.initialCutoff : def.confirmationCutoff);
}

/** Before sending: a cup needs every analyte read; a laboratory report at least one value. */
export function resultProblems(panel: Panel, values: ResultFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.method === 'poc_cup') {
    for (const a of panel.analytes) if (!values.cup[a.analyte]) problems[`cup.${a.analyte}`] = 'Read this line of the cup.';
  } else if (readingsOf(panel, values).length === 0) {
    problems['lab'] = 'Enter at least one laboratory value.';
  }
  return problems;
}
