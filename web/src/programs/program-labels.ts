/** Words for program fields (src/programs/programs.schemas.ts enumerations). */
import type { ProgramInput, TrackInput } from '../api/types.ts';
import { WEEKDAYS_SHORT } from '../facilities/facility-fields.ts';

export const POPULATION_LABELS: Record<ProgramInput['population'], string> = { adult: 'Adult', adolescent: 'Adolescent' };
export const MODALITY_LABELS: Record<ProgramInput['modality'], string> = { in_person: 'In person', telehealth: 'Telehealth', hybrid: 'Hybrid' };
export const TRACK_KIND_LABELS: Record<TrackInput['kind'], string> = { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' };

export const label = <K extends string>(labels: Record<K, string>, value: string): string => labels[value as K] ?? value;

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri". */
export function describeDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (consecutive) return `${WEEKDAYS_SHORT[sorted[0]! - 1]}–${WEEKDAYS_SHORT[sorted[sorted.length - 1]! - 1]}`;
  return sorted.map((d) => WEEKDAYS_SHORT[d - 1]).join(', ');
}

/** 9 → "9", 12.5 → "12.5" */
export const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function describeHours(min: number, max: number): string {
  return min === max ? `${hours(min)} h/week` : `${hours(min)}–${hours(max)} h/week`;
}
