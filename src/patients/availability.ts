/**
 * A patient's weekly availability: the local time windows of work or school that groups
 * should avoid. Pure; every problem names its field so the form can show it in place.
 */
import type { AvailabilityWindow } from '../db/schema.ts';

/** Three windows a day is plenty (e.g. school, job, commute); more is almost surely a mistake. */
export const MAX_AVAILABILITY_WINDOWS = 21;

export type AvailabilityProblemCode = 'availability_invalid' | 'availability_overlap';

export interface AvailabilityProblem {
  readonly code: AvailabilityProblemCode;
  readonly path: string;
  readonly message: string;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function availabilityProblems(windows: readonly AvailabilityWindow[]): AvailabilityProblem[] {
  const problems: AvailabilityProblem[] = [];
  const invalid = (path: string, message: string) => problems.push({ code: 'availability_invalid', path, message });
  if (windows.length > MAX_AVAILABILITY_WINDOWS) invalid('availability', `lists ${windows.length} windows; at most ${MAX_AVAILABILITY_WINDOWS} are allowed`);
  const usable: number[] = [];
  windows.forEach((w, i) => {
    let ok = true;
    if (!Number.isInteger(w.dayOfWeek) || w.dayOfWeek < 1 || w.dayOfWeek > 7) {
      invalid(`availability[${i}].dayOfWeek`, 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)');
      ok = false;
    }
    for (const field of ['start', 'end'] as const) {
      if (!TIME.test(w[field])) {
        invalid(`availability[${i}].${field}`, 'must be a time written HH:MM');
        ok = false;
      }
    }
    if (ok && minutesOf(w.end) <= minutesOf(w.start)) {
      invalid(`availability[${i}].end`, 'must be after the start');
      ok = false;
    }
    if (ok) usable.push(i);
  });
  // Windows that touch (09:00–12:00 and 12:00–17:00) do not overlap.
  const partner = new Map<number, number>();
  for (const [a, i] of usable.entries()) {
    for (const j of usable.slice(a + 1)) {
      const x = windows[i]!;
      const y = windows[j]!;
      if (x.dayOfWeek !== y.dayOfWeek) continue;
      if (minutesOf(x.start) < minutesOf(y.end) && minutesOf(y.start) < minutesOf(x.end)) {
        if (!partner.has(i)) partner.set(i, j);
        if (!partner.has(j)) partner.set(j, i);
      }
    }
  }
  for (const [i, j] of [...partner.entries()].sort(([a], [b]) => a - b)) {
    const other = windows[j]!;
    problems.push({
      code: 'availability_overlap',
      path: `availability[${i}]`,
      message: `overlaps window ${j + 1} (${DAY_NAMES[other.dayOfWeek]} ${other.start}–${other.end})`,
    });
  }
  return problems;
}
