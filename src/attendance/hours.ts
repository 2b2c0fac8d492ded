/**
 * Weekly hours compliance: is a patient getting the hours of the level of care they were
 * admitted to? Pure: no I/O, no clock; `now` and the facility's time zone are arguments.
 *
 * - A week is the facility's week (DESIGN.md "Data"), local days `start`..`end` inclusive;
 *   its edges are local midnights in the facility's zone, so a DST week is 167 or 169 hours.
 * - Durations are measured between instants, so a 3 h session on a DST Sunday counts 3 h.
 * - Sessions count on their local day (`localDate`), never on their UTC date.
 * - The band is the episode's phase in force on the week's first covered day
 *   (ASAM level 2.1 adult: 9 to under 20 h/week; each phase narrows it, domain-rules.md).
 * - H0015 is per diem: a day qualifies only with ≥ 3 h (180 min) of service (domain-rules.md).
 */
import type { AttendanceStatus } from '../db/schema.ts';
import { type LocalDate, type LocalWeek, addDays, compareDates, minutesBetween, startOfLocalDay } from '../time/local-time.ts';

/** H0015 "at least 3 hours/day" (domain-rules.md, Billing). */
export const H0015_DAY_MINUTES = 180;

export interface PhaseBand {
  readonly name: string;
  readonly minHoursPerWeek: number;
  readonly maxHoursPerWeek: number;
  readonly requiredDaysPerWeek: number;
}

export interface SessionHours {
  /** The session's local day in its facility's zone. */
  readonly localDate: LocalDate;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: 'scheduled' | 'cancelled';
  readonly attendance: { readonly status: AttendanceStatus; readonly minutesAttended: number } | null;
}

/** The episode covering a week, with the band in force for it. */
export interface WeekCoverage {
  readonly admittedOn: LocalDate;
  readonly dischargedOn: LocalDate | null;
  readonly band: PhaseBand;
}

export interface WeekHoursInput {
  readonly week: LocalWeek;
  readonly now: Date;
  readonly timeZone: string;
  /** The patient's sessions; those outside the week are ignored. */
  readonly sessions: readonly SessionHours[];
  /** null: no episode covers any day of the week. */
  readonly coverage: WeekCoverage | null;
}

export type WeeklyHoursStatus =
  /** Attended more than the phase's maximum: receiving a higher level of care than admitted to. */
  | { readonly kind: 'above_maximum'; readonly hoursOver: number }
  /** The week is over and attended hours fell short of the minimum. */
  | { readonly kind: 'below_minimum'; readonly hoursShort: number }
  /** The week is not over and even every remaining scheduled session cannot reach the minimum. */
  | { readonly kind: 'at_risk'; readonly hoursShort: number }
  | { readonly kind: 'on_track' }
  /** Admitted or discharged within the week: not judged. */
  | { readonly kind: 'partial_week'; readonly admittedInWeek: boolean; readonly dischargedInWeek: boolean }
  | { readonly kind: 'not_in_program' }
  /** The week has not started. */
  | { readonly kind: 'upcoming' };

export type WeeklyHoursStatusKind = WeeklyHoursStatus['kind'];

export interface WeekHours {
  readonly weekStart: LocalDate;
  readonly weekEnd: LocalDate;
  readonly weekOver: boolean;
  readonly scheduledHours: number;
  readonly attendedHours: number;
  readonly remainingScheduledHours: number;
  readonly daysAttended: number;
  readonly daysWithThreeHours: number;
  /** null when no band applies. */
  readonly meetsRequiredDays: boolean | null;
  readonly band: PhaseBand | null;
  readonly status: WeeklyHoursStatus;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const ABSENT: ReadonlySet<AttendanceStatus> = new Set(['excused_absence', 'unexcused_absence']);
const inWeek = (week: LocalWeek, date: LocalDate) => compareDates(week.start, date) <= 0 && compareDates(date, week.end) <= 0;

interface Tally {
  scheduledMinutes: number;
  attendedMinutes: number;
  remainingMinutes: number;
  attendedByDay: Map<LocalDate, number>;
}

function tally(input: WeekHoursInput): Tally {
  const t: Tally = { scheduledMinutes: 0, attendedMinutes: 0, remainingMinutes: 0, attendedByDay: new Map() };
  for (const session of input.sessions) {
    // A cancelled session neither counts as scheduled nor as attended.
    if (session.status === 'cancelled' || !inWeek(input.week, session.localDate)) continue;
    const length = minutesBetween(session.startsAt, session.endsAt);
    const attended = session.attendance?.minutesAttended ?? 0;
    t.scheduledMinutes += length;
    t.attendedMinutes += attended;
    if (attended > 0) t.attendedByDay.set(session.localDate, (t.attendedByDay.get(session.localDate) ?? 0) + attended);
    // Still to come: not yet ended and not marked absent. A session under way counts what is not yet recorded.
    const absent = session.attendance !== null && ABSENT.has(session.attendance.status);
    if (session.endsAt.getTime() > input.now.getTime() && !absent) t.remainingMinutes += Math.max(0, length - attended);
  }
  return t;
}

function judge(input: WeekHoursInput, t: Tally, weekOver: boolean): WeeklyHoursStatus {
  const { week, coverage, now } = input;
  if (!coverage) return { kind: 'not_in_program' };
  if (now.getTime() < startOfLocalDay(week.start, input.timeZone).getTime()) return { kind: 'upcoming' };
  const admittedInWeek = compareDates(coverage.admittedOn, week.start) > 0;
  const dischargedInWeek = coverage.dischargedOn !== null && compareDates(coverage.dischargedOn, week.end) < 0;
  if (admittedInWeek || dischargedInWeek) return { kind: 'partial_week', admittedInWeek, dischargedInWeek };
  // Bands are in half hours, so comparing whole minutes is exact at the boundaries.
  const minMinutes = Math.round(coverage.band.minHoursPerWeek * 60);
  const maxMinutes = Math.round(coverage.band.maxHoursPerWeek * 60);
  if (t.attendedMinutes > maxMinutes) return { kind: 'above_maximum', hoursOver: hours(t.attendedMinutes - maxMinutes) };
  if (weekOver) {
    return t.attendedMinutes < minMinutes ? { kind: 'below_minimum', hoursShort: hours(minMinutes - t.attendedMinutes) } : { kind: 'on_track' };
  }
  const reachable = t.attendedMinutes + t.remainingMinutes;
  return reachable < minMinutes ? { kind: 'at_risk', hoursShort: hours(minMinutes - reachable) } : { kind: 'on_track' };
}

/** One facility week of a patient's hours, judged against the band in force. */
export function weeklyHours(input: WeekHoursInput): WeekHours {
  const t = tally(input);
  const weekOver = input.now.getTime() >= startOfLocalDay(addDays(input.week.end, 1), input.timeZone).getTime();
  const days = [...t.attendedByDay.values()];
  const band = input.coverage?.band ?? null;
  return {
    weekStart: input.week.start,
    weekEnd: input.week.end,
    weekOver,
    scheduledHours: hours(t.scheduledMinutes),
    attendedHours: hours(t.attendedMinutes),
    remainingScheduledHours: hours(t.remainingMinutes),
    daysAttended: days.length,
    daysWithThreeHours: days.filter((m) => m >= H0015_DAY_MINUTES).length,
    meetsRequiredDays: band ? days.length >= band.requiredDaysPerWeek : null,
    band,
    status: judge(input, t, weekOver),
  };
}

/** Worst first, for compliance lists: over the band, then short, then at risk. */
export const STATUS_SEVERITY: Record<WeeklyHoursStatusKind, number> = {
  above_maximum: 0,
  below_minimum: 1,
  at_risk: 2,
  on_track: 3,
  partial_week: 4,
  upcoming: 5,
  not_in_program: 6,
};
