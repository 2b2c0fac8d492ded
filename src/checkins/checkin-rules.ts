/**
 * Daily check-in rules (issue 5 "Check-ins"): pure, no I/O and no clock. Which day and
 * facility a check-in belongs to, what makes an answer set coherent, the trend summary
 * clinicians read, and how the front-desk kiosk matches a typed last name.
 */
import type { LocalDate } from '../time/local-time.ts';

/** Substances a patient may report (a fixed list: the alert and the trend count them by code). */
export const SUBSTANCES = ['alcohol', 'cannabis', 'opioids', 'fentanyl', 'cocaine', 'methamphetamine', 'benzodiazepines', 'other'] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const MEDICATION_TAKEN = ['yes', 'partly', 'no', 'none_prescribed'] as const;

export interface CheckinAnswers {
  readonly craving: number;
  readonly mood: number;
  readonly sleepHours: number;
  readonly sleepQuality: number;
  readonly usedSinceLast: boolean;
  readonly substances: readonly string[];
  readonly medicationTaken: string;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * What the schema cannot say: substances are named exactly when use is reported (the
 * alert lists them; a "no use" answer with substances is contradictory, and the database
 * refuses it too).
 */
export function checkinProblems(answers: CheckinAnswers): Problem[] {
  if (answers.usedSinceLast && answers.substances.length === 0) {
    return [{ path: 'substances', message: 'name at least one substance when use is reported' }];
  }
  if (!answers.usedSinceLast && answers.substances.length > 0) {
    return [{ path: 'substances', message: 'must be empty when no use is reported' }];
  }
  return [];
}

// ── Where a check-in belongs ─────────────────────────────────────────────────────────────

export interface EpisodePlace {
  readonly episodeId: string;
  readonly facilityId: string;
  readonly timeZone: string;
  readonly admittedOn: LocalDate;
}

export interface CheckinPlace {
  readonly episodeId: string | null;
  readonly facilityId: string;
  readonly timeZone: string;
}

/**
 * The check-in belongs to the patient's active episode (the earliest admitted when there
 * are several: the program they have been in longest), at its program's facility; with no
 * active episode, to the facility that registered the patient. Its day is that facility's.
 */
export function checkinPlace(registeredAt: { facilityId: string; timeZone: string }, activeEpisodes: readonly EpisodePlace[]): CheckinPlace {
  const [first] = [...activeEpisodes].sort((a, b) => a.admittedOn.localeCompare(b.admittedOn) || a.episodeId.localeCompare(b.episodeId));
  if (first) return { episodeId: first.episodeId, facilityId: first.facilityId, timeZone: first.timeZone };
  return { episodeId: null, facilityId: registeredAt.facilityId, timeZone: registeredAt.timeZone };
}

// ── Trends ───────────────────────────────────────────────────────────────────────────────

export interface CheckinPoint {
  readonly checkinOn: LocalDate;
  readonly craving: number;
  readonly mood: number;
  readonly sleepHours: number;
  readonly sleepQuality: number;
  readonly usedSinceLast: boolean;
  readonly substances: readonly string[];
  readonly medicationTaken: string;
}

export interface CheckinSummary {
  /** Days with a check-in. */
  readonly days: number;
  readonly averageCraving: number | null;
  readonly maxCraving: number | null;
  readonly averageMood: number | null;
  readonly averageSleepHours: number | null;
  readonly averageSleepQuality: number | null;
  /** Days on which use since the last check-in was reported. */
  readonly useDays: number;
  /** Each substance reported, with the number of days it was named on; most often first. */
  readonly substances: readonly { readonly substance: string; readonly days: number }[];
  /** Days the patient said prescribed medication was not taken, or only partly. */
  readonly medicationMissedDays: number;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const average = (values: readonly number[]) => (values.length === 0 ? null : oneDecimal(values.reduce((a, b) => a + b, 0) / values.length));

/** The summary a trend chart shows beside the points. Averages are to one decimal; null with no check-ins. */
export function checkinSummary(points: readonly CheckinPoint[]): CheckinSummary {
  const substanceDays = new Map<string, number>();
  for (const point of points) {
    for (const substance of new Set(point.substances)) substanceDays.set(substance, (substanceDays.get(substance) ?? 0) + 1);
  }
  return {
    days: new Set(points.map((p) => p.checkinOn)).size,
    averageCraving: average(points.map((p) => p.craving)),
    maxCraving: points.length === 0 ? null : Math.max(...points.map((p) => p.craving)),
    averageMood: average(points.map((p) => p.mood)),
    averageSleepHours: average(points.map((p) => p.sleepHours)),
    averageSleepQuality: average(points.map((p) => p.sleepQuality)),
    useDays: points.filter((p) => p.usedSinceLast).length,
    substances: [...substanceDays].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([substance, days]) => ({ substance, days })),
    medicationMissedDays: points.filter((p) => p.medicationTaken === 'no' || p.medicationTaken === 'partly').length,
  };
}

// ── Kiosk identification ─────────────────────────────────────────────────────────────────

/** Letters that do not decompose under NFD but that a person typing on a US keyboard replaces. */
const FOLDED: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A last name as the kiosk compares it: accents dropped, case folded, and spaces, hyphens
 * and apostrophes ignored ("García-López", "garcia lopez" and "GARCIALOPEZ" are the same).
 * Letters of any script are kept, so a name in another script is compared, not erased.
 */
export function normaliseLastName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDED[c] ?? c)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function lastNameMatches(typed: string, recorded: string): boolean {
  const a = normaliseLastName(typed);
  return a.length > 0 && a === normaliseLastName(recorded);
}

/**
 * The one patient the kiosk may greet, or null. Two patients with the same last name and
 * birthday at one facility are not told apart by guessing: both are sent to the desk.
 */
export function kioskMatch<T extends { readonly familyName: string }>(typedLastName: string, candidates: readonly T[]): T | null {
  const matches = candidates.filter((c) => lastNameMatches(typedLastName, c.familyName));
  return matches.length === 1 ? matches[0]! : null;
}

/** The name the kiosk greets with: the preferred name, else the given name; never the family name. */
export function greetingName(p: { readonly givenName: string; readonly preferredName: string | null }): string {
  return p.preferredName?.trim() || p.givenName;
}
