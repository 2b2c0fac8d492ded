/**
 * Group recurrence: RFC 5545 RRULEs (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10)
 * expanded in the facility's local time. Pure: no clock, no I/O.
 *
 * The rule is expanded in *floating* time (the facility's wall clock treated as if it were
 * UTC inside the library), and only then is each local start turned into an instant in the
 * facility's zone. A 09:00 group therefore stays at 09:00 local on both sides of a DST
 * change while its UTC instant moves by an hour; a time skipped by spring-forward moves
 * later by the gap and a repeated fall-back time happens once (RFC 5545 §3.3.5).
 */
import rrule from 'rrule';
import { type LocalDate, type LocalTime, addDays, compareDates, instantAt, isLocalDate, localDateOf, localTimeOf } from '../time/local-time.ts';

const { RRule } = rrule;

export interface GroupSchedule {
  /** RRULE text without DTSTART, e.g. 'FREQ=WEEKLY;BYDAY=MO,WE,TH'. */
  readonly rrule: string;
  /** First day the rule may produce an occurrence (the DTSTART date). */
  readonly startsOn: LocalDate;
  /** Last day (inclusive) an occurrence may fall on, if any. */
  readonly endsOn: LocalDate | null;
  /** Local wall-clock start, 'HH:MM' or 'HH:MM:SS'. */
  readonly startTime: LocalTime;
  readonly durationMinutes: number;
  /** The facility's IANA zone. */
  readonly timeZone: string;
}

export interface Occurrence {
  /** The occurrence's local start as the rule produced it, 'YYYY-MM-DDTHH:MM:SS': its identity even after a move. */
  readonly key: string;
  readonly localDate: LocalDate;
  /** Actual local start 'HH:MM' (differs from the key's time only inside a spring-forward gap). */
  readonly localStart: LocalTime;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Expansion never covers more than this many days at once: a caller asking for years is a bug. */
export const MAX_EXPANSION_DAYS = 400;
/** No rule may produce more occurrences than this in one expansion (a daily rule over 400 days is 400). */
const MAX_OCCURRENCES = 1_000;

const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY']);
const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY']);
const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const ORDINAL_WEEKDAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/;

/** Upper-case the rule and drop an optional leading 'RRULE:' so stored text is canonical. */
export function normalizeRrule(text: string): string {
  return text.trim().replace(/^RRULE:/i, '').toUpperCase();
}

/**
 * Why an RRULE is not one Cairn schedules, or null when it is. Only daily, weekly and
 * monthly rules with INTERVAL, COUNT, UNTIL, BYDAY and BYMONTHDAY: groups meet on days, not
 * hours, and DTSTART comes from the group's start date and time, never from the rule.
 */
export function rruleProblem(text: string): string | null {
  const rule = normalizeRrule(text);
  if (rule === '') return 'The recurrence rule is empty.';
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    if (part === '') continue;
    const match = /^([A-Z]+)=([A-Z0-9,+\-]+)$/.exec(part);
    if (!match) return `"${part.slice(0, 40)}" is not a NAME=VALUE part of an RRULE.`;
    const [, name, value] = match as unknown as [string, string, string];
    if (name === 'DTSTART') return 'DTSTART does not belong in the rule; the group’s start date and time are used.';
    if (!ALLOWED_PARTS.has(name)) return `${name} is not supported; use FREQ, INTERVAL, COUNT, UNTIL, BYDAY and BYMONTHDAY.`;
    if (parts.has(name)) return `${name} appears twice.`;
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (!freq) return 'FREQ is required (DAILY, WEEKLY or MONTHLY).';
  if (!FREQUENCIES.has(freq)) return `FREQ=${freq} is not supported; groups repeat DAILY, WEEKLY or MONTHLY.`;
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !(/^\d{1,2}$/.test(interval) && Number(interval) >= 1)) return 'INTERVAL must be a whole number from 1 to 99.';
  const count = parts.get('COUNT');
  if (count !== undefined && !(/^\d{1,4}$/.test(count) && Number(count) >= 1 && Number(count) <= MAX_OCCURRENCES)) return `COUNT must be a whole number from 1 to ${MAX_OCCURRENCES}.`;
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const m = UNTIL.exec(until);
    if (!m || !isLocalDate(`${m[1]}-${m[2]}-${m[3]}`)) return 'UNTIL must be a date written YYYYMMDD (or YYYYMMDDTHHMMSS).';
    if (count !== undefined) return 'Use COUNT or UNTIL, not both (RFC 5545).';
  }
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const pattern = freq === 'MONTHLY' ? ORDINAL_WEEKDAY : WEEKDAY;
    const bad = byDay.split(',').find((day) => !pattern.test(day) || /^[+-]?0/.test(day));
    if (bad !== undefined) return `BYDAY value "${bad}" is not a weekday${freq === 'MONTHLY' ? ' (optionally with a week number, e.g. 1MO or -1FR)' : ''}.`;
  }
  const byMonthDay = parts.get('BYMONTHDAY');
  if (byMonthDay !== undefined) {
    const bad = byMonthDay.split(',').find((day) => !/^-?\d{1,2}$/.test(day) || Number(day) === 0 || Math.abs(Number(day)) > 31);
    if (bad !== undefined) return `BYMONTHDAY value "${bad}" must be a day of the month from 1 to 31 (or -1 to -31).`;
  }
  try {
    RRule.parseString(rule);
  } catch {
    return 'The recurrence rule could not be read.';
  }
  return null;
}

/**
 * A local date and time as a floating Date (the wall clock stored as if it were UTC).
 * Not Date.UTC(y, …): it reads years 0–99 as 1900–1999. setUTCFullYear takes the year as written.
 */
export function floating(date: LocalDate, time: LocalTime): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const value = new Date(Date.UTC(2000, 0, 1, h, mi));
  value.setUTCFullYear(y, mo - 1, d);
  return value;
}

const floatingDate = (value: Date): LocalDate => value.toISOString().slice(0, 10);
const floatingTime = (value: Date): LocalTime => value.toISOString().slice(11, 16);

/**
 * The occurrences of a group whose local day lies in [from, to] (inclusive), in order.
 * The window is cut to the group's own start and end dates and to MAX_EXPANSION_DAYS.
 * The rule must have passed rruleProblem; a rule that did not throws.
 */
export function expandOccurrences(schedule: GroupSchedule, from: LocalDate, to: LocalDate): Occurrence[] {
  const first = compareDates(from, schedule.startsOn) < 0 ? schedule.startsOn : from;
  let last = schedule.endsOn && compareDates(schedule.endsOn, to) < 0 ? schedule.endsOn : to;
  const cap = addDays(first, MAX_EXPANSION_DAYS - 1);
  if (compareDates(last, cap) > 0) last = cap;
  if (compareDates(first, last) > 0) return [];

  const options = RRule.parseString(normalizeRrule(schedule.rrule));
  const untilText = /UNTIL=(\d{8})(T|;|$)/.exec(normalizeRrule(schedule.rrule));
  // A date-only UNTIL means "through that day" in the facility's calendar (RFC 5545: UNTIL is inclusive).
  if (untilText?.[1] && untilText[2] !== 'T') {
    const u = untilText[1];
    options.until = new Date(Date.UTC(Number(u.slice(0, 4)), Number(u.slice(4, 6)) - 1, Number(u.slice(6, 8)), 23, 59, 59));
  }
  const rule = new RRule({ ...options, dtstart: floating(schedule.startsOn, schedule.startTime), tzid: null });
  const starts = rule.between(floating(first, '00:00'), new Date(floating(last, '00:00').getTime() + 86_399_999), true).slice(0, MAX_OCCURRENCES);
  return starts.map((start) => {
    const localDate = floatingDate(start);
    const time = floatingTime(start);
    const startsAt = instantAt(localDate, time, schedule.timeZone);
    return {
      key: `${localDate}T${time}:00`,
      localDate,
      localStart: localTimeOf(startsAt, schedule.timeZone),
      startsAt,
      endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * 60_000),
    };
  });
}

/**
 * The next `count` local starts ('YYYY-MM-DDTHH:MM') at or after `now`, looking at most
 * `horizonDays` ahead. For the group list, so staff see when a group meets next.
 */
export function nextOccurrences(schedule: GroupSchedule, now: Date, count = 5, horizonDays = 120): string[] {
  const today = localDateOf(now, schedule.timeZone);
  return expandOccurrences(schedule, today, addDays(today, horizonDays))
    .filter((o) => o.startsAt.getTime() >= now.getTime())
    .slice(0, count)
    .map((o) => `${o.localDate}T${o.localStart}`);
}
