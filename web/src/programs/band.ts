/**
 * The weekly-hours band of a level of care, for the editor's warnings. The numbers come
 * from the server's own pure table (src/programs/levels-of-care.ts), so the warning and
 * the server's 422 phase_hours_outside_band agree; the server stays the authority.
 */
import type { LevelOfCareOption } from '../api/types.ts';
import {
  type AsamEdition,
  type HoursBand,
  type Population,
  LEVELS_OF_CARE,
  describeBand,
  findLevel,
  phaseFitsBand,
} from '../../../src/programs/levels-of-care.ts';

export type { HoursBand, Population };

export function asEdition(edition: string): AsamEdition {
  return edition === '4' ? '4' : '3';
}

export function bandOf(edition: string, levelCode: string | null, population: Population): HoursBand | null {
  if (!levelCode) return null;
  return findLevel(asEdition(edition), levelCode)?.hours[population] ?? null;
}

/** The level options in the shape GET /api/levels-of-care gives, for an edition it does not (a program's older edition). */
export function levelOptions(edition: string): LevelOfCareOption[] {
  return LEVELS_OF_CARE[asEdition(edition)].map((level) => ({
    code: level.code,
    name: level.name,
    schedulable: level.hours.adult !== null,
    adult: describeBand(level, 'adult'),
    adolescent: describeBand(level, 'adolescent'),
  }));
}

/** Whether a phase's [min, max] fits; null when the hours are not numbers yet. */
export function phaseInBand(band: HoursBand, min: unknown, max: unknown): boolean | null {
  if (typeof min !== 'number' || typeof max !== 'number') return null;
  return phaseFitsBand(band, { minHoursPerWeek: min, maxHoursPerWeek: max });
}

/** "adult level 2.1 (…) is 9 to under 20 hours per week" → "Adult level 2.1 (…) is 9 to under 20 hours per week" */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
