/**
 * Facility-local calendar arithmetic (DESIGN.md: sessions, weeks and days are computed in
 * the facility's IANA time zone, correct across DST). Everything here is pure and works on
 * Temporal values or plain ISO strings; nothing reads the clock.
 *
 *   LocalDate  'YYYY-MM-DD'            a calendar day in the facility's zone
 *   LocalTime  'HH:MM' or 'HH:MM:SS'   a wall-clock time in the facility's zone
 */
import { Temporal } from 'temporal-polyfill';

export type LocalDate = string;
export type LocalTime = string;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days Cairn schedules, counts and reports on: years 1900 through 2199. Far enough either
 * way for any clinic, and near enough that a day plus a few weeks, its week or its instant never
 * leaves what PostgreSQL `date`/`timestamp` and `Date#toISOString` can write as 'YYYY-…'
 * (year 9999 + 1 day is '+010000-…', which the database refuses).
 */
export const MIN_LOCAL_DATE: LocalDate = '1900-01-01';
export const MAX_LOCAL_DATE: LocalDate = '2199-12-31';
/** The same bound for JSON Schema, next to `format: 'date'` (which checks the day is real). */
export const LOCAL_DATE_PATTERN = '^(19|20|21)\\d{2}-\\d{2}-\\d{2}$';

/** True when `value` is a real calendar day written 'YYYY-MM-DD' (rejects 2026-02-30), any year. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** True when `value` is a real calendar day from MIN_LOCAL_DATE to MAX_LOCAL_DATE. */
export function isLocalDate(value: string): boolean {
  return isCalendarDate(value) && value >= MIN_LOCAL_DATE && value <= MAX_LOCAL_DATE;
}

/** The calendar day an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The wall-clock time ('HH:MM') of an instant in a time zone. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainTime().toString({ smallestUnit: 'minute' });
}

/**
 * The instant of a local wall-clock time on a local day. A time skipped by a spring-forward
 * gap moves later by the gap (02:30 → 03:30 EDT); a time repeated by a fall-back overlap
 * takes the earlier of the two (RFC 5545 §3.3.5 and Temporal's 'compatible').
 */
export function instantAt(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The instant a local day begins (usually midnight; not always, in zones with midnight DST). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday of a local day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b));
}

/** The first day of the facility week containing `date` (weeks start on ISO weekday `weekStartsOn`). */
export function weekStartOf(date: LocalDate, weekStartsOn: number): LocalDate {
  const back = (isoWeekday(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

export interface LocalWeek {
  /** First day of the week. */
  readonly start: LocalDate;
  /** Last day of the week (inclusive). */
  readonly end: LocalDate;
}

/** The facility weeks overlapping [from, to], in order. */
export function weeksBetween(from: LocalDate, to: LocalDate, weekStartsOn: number): LocalWeek[] {
  const weeks: LocalWeek[] = [];
  for (let start = weekStartOf(from, weekStartsOn); compareDates(start, to) <= 0; start = addDays(start, 7)) {
    weeks.push({ start, end: addDays(start, 6) });
  }
  return weeks;
}

/** Minutes between two instants, rounded down. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 60_000);
}
