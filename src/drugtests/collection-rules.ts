/**
 * Rules of specimen collection and custody (pure): when a collection may be logged, what a
 * urine temperature means, and when a custody event may be dated.
 */
import type { SpecimenType } from '../db/schema.ts';
import { type LocalDate, localDateOf } from '../time/local-time.ts';

/** Urine must read 32–38 °C within 4 minutes of collection (HHS guidelines, domain-rules.md "Drug testing"). */
export const URINE_TEMPERATURE_C = { min: 32, max: 38 } as const;

/**
 * Readings outside this band are not body temperatures in °C: most likely °F typed in the
 * °C box (98.6), or a slip of the finger. Refused rather than stored as "out of range".
 */
export const PLAUSIBLE_TEMPERATURE_C = { min: 5, max: 50 } as const;

/** Entries a few minutes ahead of the server clock (a tablet's clock) are accepted as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function temperatureInRange(celsius: number): boolean {
  return celsius >= URINE_TEMPERATURE_C.min && celsius <= URINE_TEMPERATURE_C.max;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface CollectionEntry {
  readonly specimenType: SpecimenType;
  readonly temperatureC?: number | undefined;
  readonly collectedAt?: Date | undefined;
}

export interface CollectionFacts {
  readonly collectedAt: Date;
  /** One decimal, as stored (numeric(4,1)); null for oral fluid. */
  readonly temperatureC: number | null;
  readonly temperatureInRange: boolean | null;
}

/**
 * A collection logged on the test's facility day: a urine temperature is required (and
 * judged against 32–38 °C), an oral-fluid swab has none, and the collection time is on the
 * test's day and not in the future.
 */
export function resolveCollection(entry: CollectionEntry, test: { readonly selectedOn: LocalDate }, now: Date, timeZone: string): Resolved<CollectionFacts> {
  const problems: Problem[] = [];
  let temperatureC: number | null = null;
  if (entry.specimenType === 'urine') {
    if (entry.temperatureC === undefined) {
      problems.push({ path: 'temperatureC', message: 'is required for a urine specimen (read within 4 minutes of collection)' });
    } else if (!Number.isFinite(entry.temperatureC) || entry.temperatureC < PLAUSIBLE_TEMPERATURE_C.min || entry.temperatureC > PLAUSIBLE_TEMPERATURE_C.max) {
      problems.push({ path: 'temperatureC', message: `must be in °C (between ${PLAUSIBLE_TEMPERATURE_C.min} and ${PLAUSIBLE_TEMPERATURE_C.max})` });
    } else {
      temperatureC = Math.round(entry.temperatureC * 10) / 10;
    }
  } else if (entry.temperatureC !== undefined) {
    problems.push({ path: 'temperatureC', message: 'applies to urine specimens only' });
  }
  const collectedAt = entry.collectedAt ?? now;
  if (Number.isNaN(collectedAt.getTime())) {
    problems.push({ path: 'collectedAt', message: 'is not a valid time' });
  } else if (collectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ path: 'collectedAt', message: 'is in the future' });
  } else if (localDateOf(collectedAt, timeZone) !== test.selectedOn) {
    problems.push({ path: 'collectedAt', message: `must be on the test’s day (${test.selectedOn})` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { collectedAt, temperatureC, temperatureInRange: temperatureC === null ? null : temperatureInRange(temperatureC) } };
}

/** A custody event happens after collection and not in the future. */
export function resolveCustodyTime(occurredAt: Date | undefined, collectedAt: Date, now: Date): Resolved<Date> {
  const at = occurredAt ?? now;
  if (Number.isNaN(at.getTime())) return { ok: false, problems: [{ path: 'occurredAt', message: 'is not a valid time' }] };
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return { ok: false, problems: [{ path: 'occurredAt', message: 'is in the future' }] };
  if (at.getTime() < collectedAt.getTime()) return { ok: false, problems: [{ path: 'occurredAt', message: 'is before the specimen was collected' }] };
  return { ok: true, value: at };
}
