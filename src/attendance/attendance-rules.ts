/**
 * Front-desk attendance rules: when check-in opens, what counts as late or leaving early,
 * how minutes are derived, and when a change is a correction that needs a reason.
 * Pure: `now` and the facility's time zone are arguments. Thresholds are data with defaults.
 */
import type { AttendanceStatus } from '../db/schema.ts';
import type { ErrorCode } from '../http/errors.ts';
import { type LocalDate, compareDates, localDateOf, minutesBetween } from '../time/local-time.ts';

export interface AttendancePolicy {
  /** Check-in opens this long before the session starts. */
  readonly checkInOpensMinutes: number;
  /** Arriving more than this after the start is late. */
  readonly lateAfterMinutes: number;
  /** Leaving more than this before the end is leaving early. */
  readonly leftEarlyMinutes: number;
}

export const DEFAULT_POLICY: AttendancePolicy = { checkInOpensMinutes: 60, lateAfterMinutes: 10, leftEarlyMinutes: 15 };

export interface SessionTimes {
  readonly localDate: LocalDate;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const ABSENCES: readonly AttendanceStatus[] = ['excused_absence', 'unexcused_absence'];
export const isAbsence = (status: AttendanceStatus) => ABSENCES.includes(status);
export const isAttending = (status: AttendanceStatus) => !isAbsence(status);

const MINUTE = 60_000;
export const sessionMinutes = (s: SessionTimes) => minutesBetween(s.startsAt, s.endsAt);

/** After the session's local day, changes are corrections and need a reason. */
export function isPastDay(session: SessionTimes, now: Date, timeZone: string): boolean {
  return compareDates(localDateOf(now, timeZone), session.localDate) > 0;
}

export type CheckInDecision =
  | { readonly kind: 'check_in'; readonly status: 'present' | 'late' }
  | { readonly kind: 'too_early'; readonly opensAt: Date }
  /** The session's day is over: record it as a correction, with a reason. */
  | { readonly kind: 'day_over' };

export function checkInDecision(session: SessionTimes, now: Date, timeZone: string, policy = DEFAULT_POLICY): CheckInDecision {
  const opensAt = new Date(session.startsAt.getTime() - policy.checkInOpensMinutes * MINUTE);
  if (now.getTime() < opensAt.getTime()) return { kind: 'too_early', opensAt };
  if (isPastDay(session, now, timeZone)) return { kind: 'day_over' };
  const late = now.getTime() - session.startsAt.getTime() > policy.lateAfterMinutes * MINUTE;
  return { kind: 'check_in', status: late ? 'late' : 'present' };
}

/**
 * Minutes attended between check-in and check-out, counting only the session's own time:
 * arriving early or staying after does not add minutes.
 */
export function minutesBetweenCheckInAndOut(session: SessionTimes, checkedInAt: Date, checkedOutAt: Date): number {
  const from = Math.max(checkedInAt.getTime(), session.startsAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), session.endsAt.getTime());
  return Math.min(sessionMinutes(session), Math.max(0, Math.floor((to - from) / MINUTE)));
}

export function leftEarly(session: SessionTimes, checkedOutAt: Date, policy = DEFAULT_POLICY): boolean {
  return session.endsAt.getTime() - checkedOutAt.getTime() > policy.leftEarlyMinutes * MINUTE;
}

/** Check-out: minutes derived; leaving early outranks having arrived late. */
export function checkOutResult(session: SessionTimes, checkedInAt: Date, checkedOutAt: Date, previous: AttendanceStatus, policy = DEFAULT_POLICY) {
  const status: AttendanceStatus = leftEarly(session, checkedOutAt, policy) ? 'left_early' : previous === 'left_early' ? 'present' : previous;
  return { status, minutesAttended: minutesBetweenCheckInAndOut(session, checkedInAt, checkedOutAt) };
}

export interface AttendanceEntry {
  readonly status: AttendanceStatus;
  readonly minutesAttended?: number | undefined;
  readonly checkedInAt?: Date | undefined;
  readonly checkedOutAt?: Date | undefined;
  readonly reason?: string | undefined;
}

export interface ResolvedEntry {
  readonly status: AttendanceStatus;
  readonly minutesAttended: number;
  readonly checkedInAt: Date | null;
  readonly checkedOutAt: Date | null;
  readonly correctionReason: string | null;
}

export interface EntryProblem {
  readonly code: Extract<ErrorCode, 'correction_reason_required' | 'attendance_times_invalid' | 'validation_failed'>;
  readonly path: string;
  readonly message: string;
}

/**
 * An attendance entry set by staff. Absences carry no minutes and no times. Minutes not
 * given come from the check-in and check-out times, or the whole session for 'present'.
 */
export function resolveEntry(session: SessionTimes, entry: AttendanceEntry, now: Date, timeZone: string, policy = DEFAULT_POLICY): { ok: true; value: ResolvedEntry } | { ok: false; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const reason = entry.reason?.trim() || null;
  if (!reason && isPastDay(session, now, timeZone)) {
    problems.push({ code: 'correction_reason_required', path: 'reason', message: 'is required to change attendance after the session’s day' });
  }
  if (isAbsence(entry.status)) {
    return problems.length ? { ok: false, problems } : { ok: true, value: { status: entry.status, minutesAttended: 0, checkedInAt: null, checkedOutAt: null, correctionReason: reason } };
  }
  const { checkedInAt, checkedOutAt } = entry;
  // RFC 3339 allows a leap second (23:59:60Z); a JavaScript Date cannot hold one and is Invalid Date.
  const unusable = (['checkedInAt', 'checkedOutAt'] as const).filter((field) => entry[field] && Number.isNaN(entry[field].getTime()));
  if (unusable.length) {
    return { ok: false, problems: [...problems, ...unusable.map((path) => ({ code: 'attendance_times_invalid' as const, path, message: 'is not a time that can be recorded (no leap seconds, 23:59:60)' }))] };
  }
  const earliest = session.startsAt.getTime() - policy.checkInOpensMinutes * MINUTE;
  if (checkedInAt && checkedInAt.getTime() < earliest) problems.push({ code: 'attendance_times_invalid', path: 'checkedInAt', message: `is more than ${policy.checkInOpensMinutes} minutes before the session starts` });
  if (checkedInAt && checkedInAt.getTime() > now.getTime()) problems.push({ code: 'attendance_times_invalid', path: 'checkedInAt', message: 'is in the future' });
  if (checkedOutAt && checkedOutAt.getTime() > now.getTime()) problems.push({ code: 'attendance_times_invalid', path: 'checkedOutAt', message: 'is in the future' });
  if (checkedOutAt && !checkedInAt) problems.push({ code: 'attendance_times_invalid', path: 'checkedInAt', message: 'is required with checkedOutAt' });
  if (checkedInAt && checkedOutAt && checkedOutAt.getTime() < checkedInAt.getTime()) problems.push({ code: 'attendance_times_invalid', path: 'checkedOutAt', message: 'is before checkedInAt' });
  const length = sessionMinutes(session);
  if (entry.minutesAttended !== undefined && entry.minutesAttended > length) problems.push({ code: 'validation_failed', path: 'minutesAttended', message: `is more than the session’s ${length} minutes` });
  let minutes = entry.minutesAttended;
  if (minutes === undefined && checkedInAt && checkedOutAt) minutes = minutesBetweenCheckInAndOut(session, checkedInAt, checkedOutAt);
  if (minutes === undefined && entry.status === 'present') minutes = length;
  // Late and still there (no check-out): from arrival to the session's end.
  if (minutes === undefined && entry.status === 'late' && checkedInAt && !checkedOutAt) minutes = minutesBetweenCheckInAndOut(session, checkedInAt, session.endsAt);
  if (minutes === undefined) problems.push({ code: 'validation_failed', path: 'minutesAttended', message: 'is required for late or left early without check-in and check-out times' });
  if (problems.length || minutes === undefined) return { ok: false, problems };
  return { ok: true, value: { status: entry.status, minutesAttended: minutes, checkedInAt: checkedInAt ?? null, checkedOutAt: checkedOutAt ?? null, correctionReason: reason } };
}

/** How staff see a patient's name: "Preferred (Legal) Family" when a preferred name differs. */
export function displayName(p: { legalGivenName: string; legalFamilyName: string; preferredName: string | null }): string {
  const preferred = p.preferredName?.trim();
  return preferred && preferred !== p.legalGivenName ? `${preferred} (${p.legalGivenName}) ${p.legalFamilyName}` : `${p.legalGivenName} ${p.legalFamilyName}`;
}

/**
 * Minutes a session counts toward the week. A patient checked in and not (yet) checked out
 * is credited from arrival to now, or to the session's end once it is over: front desks
 * often check people in and never out, and a patient in the room is attending.
 */
export function creditedMinutes(
  session: SessionTimes,
  attendance: { status: AttendanceStatus; minutesAttended: number; checkedInAt: Date | null; checkedOutAt: Date | null },
  now: Date,
): number {
  if (isAbsence(attendance.status) || !attendance.checkedInAt || attendance.checkedOutAt) return attendance.minutesAttended;
  const until = new Date(Math.min(now.getTime(), session.endsAt.getTime()));
  return Math.max(attendance.minutesAttended, until <= attendance.checkedInAt ? 0 : minutesBetweenCheckInAndOut(session, attendance.checkedInAt, until));
}
