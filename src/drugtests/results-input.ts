/**
 * Turning entered readings into what is stored: the analyte must be on the test's panel, the
 * cut-off in force is the panel's for the method (initial for a cup or lab screen,
 * confirmatory for a confirmation), and a value decides `detected` — at or above the cut-off
 * is detected (SAMHSA: results at or above the cut-off are positive). Pure.
 */
import type { ResultMethod } from '../db/schema.ts';
import type { ReadingInput } from './drug-test-results.schemas.ts';
import { type AnalyteDef, type Panel, panelAnalyte } from './panels.ts';

/** A reading ready to interpret and store. */
export interface ResolvedReading {
  readonly analyte: string;
  readonly method: ResultMethod;
  readonly detected: boolean;
  readonly value: number | null;
  readonly unit: string | null;
  readonly cutoff: number | null;
}

export interface InputProblem {
  readonly code: 'analyte_unknown' | 'validation_failed';
  readonly path: string;
  readonly message: string;
}

/** The panel's cut-off for a method: initial for a cup or lab screen, confirmatory for a confirmation. */
export function cutoffFor(def: Pick<AnalyteDef, 'initialCutoff' | 'confirmationCutoff'>, method: ResultMethod): number {
  return method === 'lab_confirmation' ? def.confirmationCutoff : def.initialCutoff;
}

/**
 * A number as its column keeps it (drug_test_results.value numeric(12,3), creatinine (6,2),
 * specific gravity (6,4), pH (4,2)), so what is judged is exactly what is stored.
 */
export function asStored(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** At or above the cut-off is detected. */
export function detectedAt(value: number, cutoff: number): boolean {
  return value >= cutoff;
}

export function isPanelUnit(unit: string): boolean {
  return unit.trim().toLowerCase() === 'ng/ml';
}

export function resolveReadings(panel: Panel, readings: readonly ReadingInput[]): { ok: true; readings: ResolvedReading[] } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const resolved: ResolvedReading[] = [];
  const seen = new Set<string>();
  readings.forEach((reading, i) => {
    const at = (field: string) => `readings[${i}].${field}`;
    const def = panelAnalyte(panel, reading.analyte);
    if (!def) {
      problems.push({ code: 'analyte_unknown', path: at('analyte'), message: `is not an analyte of the ${panel.name}` });
      return;
    }
    const key = `${reading.analyte}|${reading.method}`;
    if (seen.has(key)) {
      problems.push({ code: 'validation_failed', path: at('analyte'), message: `is entered twice for ${reading.method}` });
      return;
    }
    seen.add(key);
    if (reading.unit !== undefined && !isPanelUnit(reading.unit)) {
      problems.push({ code: 'validation_failed', path: at('unit'), message: `must be ${def.unit}` });
      return;
    }
    const cutoff = cutoffFor(def, reading.method);
    if (reading.value === undefined) {
      if (reading.detected === undefined) {
        problems.push({ code: 'validation_failed', path: at('detected'), message: 'is required when no value is given' });
        return;
      }
      resolved.push({ analyte: def.analyte, method: reading.method, detected: reading.detected, value: null, unit: null, cutoff });
      return;
    }
    const value = asStored(reading.value, 3);
    const detected = detectedAt(value, cutoff);
    if (reading.detected !== undefined && reading.detected !== detected) {
      problems.push({ code: 'validation_failed', path: at('detected'), message: `disagrees with the value: the cut-off is ${cutoff} ${def.unit}` });
      return;
    }
    resolved.push({ analyte: def.analyte, method: reading.method, detected, value, unit: def.unit, cutoff });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, readings: resolved };
}
