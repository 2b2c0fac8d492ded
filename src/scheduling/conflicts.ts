/**
 * Schedule conflicts for a patient: a group's (or session's) meetings against the
 * patient's work/school hours and against sessions they already attend. Pure.
 * Staff may book over a conflict once they have seen it (acknowledgeConflicts).
 */
import type { AvailabilityWindow } from '../db/schema.ts';
import type { LocalDate, LocalTime } from '../time/local-time.ts';

/** One meeting the patient would be asked to attend. */
export interface PlannedMeeting {
  readonly localDate: LocalDate;
  /** ISO weekday of localDate, 1 = Monday. */
  readonly dayOfWeek: number;
  readonly localStart: LocalTime;
  readonly durationMinutes: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * A session already booked: one the patient is rostered on (another group, an individual
 * session), or one the clinician leads. A clinician's other sessions carry no title (null):
 * they may be other patients' sessions, whose titles are not this patient's staff's to read.
 */
export interface BookedSession {
  readonly title: string | null;
  readonly localDate: LocalDate;
  readonly localStart: LocalTime;
  readonly localEnd: LocalTime;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface ScheduleConflict {
  readonly kind: 'availability' | 'session';
  /** The day of the clash (session conflicts); availability conflicts recur weekly. */
  readonly localDate?: LocalDate;
  readonly dayOfWeek: number;
  readonly localStart: LocalTime;
  readonly localEnd: LocalTime;
  readonly description: string;
}

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const minutesOfDay = (time: LocalTime): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** 'HH:MM' of a minute of the day; a meeting running past midnight ends at 24:00 for comparison. */
export const timeOfMinutes = (minutes: number): LocalTime => {
  const capped = Math.min(minutes, 24 * 60);
  return `${String(Math.floor(capped / 60)).padStart(2, '0')}:${String(capped % 60).padStart(2, '0')}`;
};

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/**
 * Every clash of the planned meetings with the patient's availability windows (once per
 * weekday, time and window: the pattern repeats weekly) and with booked sessions (each
 * clash on its day; compared as instants, so facilities in other zones compare correctly).
 */
export function scheduleConflicts(planned: readonly PlannedMeeting[], availability: readonly AvailabilityWindow[], booked: readonly BookedSession[]): ScheduleConflict[] {
  const conflicts: ScheduleConflict[] = [];
  const seen = new Set<string>();
  for (const meeting of planned) {
    const start = minutesOfDay(meeting.localStart);
    const end = start + meeting.durationMinutes;
    const localEnd = timeOfMinutes(end);
    for (const window of availability) {
      if (window.dayOfWeek !== meeting.dayOfWeek || !overlaps(start, end, minutesOfDay(window.start), minutesOfDay(window.end))) continue;
      const key = `${meeting.dayOfWeek}|${meeting.localStart}|${localEnd}|${window.start}|${window.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      conflicts.push({
        kind: 'availability',
        dayOfWeek: meeting.dayOfWeek,
        localStart: meeting.localStart,
        localEnd,
        description: `${DAY_NAMES[meeting.dayOfWeek]} ${meeting.localStart}–${localEnd} falls in the patient’s ${window.label || 'unavailable'} hours (${window.start}–${window.end}).`,
      });
    }
    for (const session of booked) {
      if (!overlaps(meeting.startsAt.getTime(), meeting.endsAt.getTime(), session.startsAt.getTime(), session.endsAt.getTime())) continue;
      conflicts.push({
        kind: 'session',
        localDate: meeting.localDate,
        dayOfWeek: meeting.dayOfWeek,
        localStart: session.localStart,
        localEnd: session.localEnd,
        description: session.title === null
          ? `${DAY_NAMES[meeting.dayOfWeek]} ${meeting.localDate}: Clinician has another session ${session.localStart}–${session.localEnd}.`
          : `${DAY_NAMES[meeting.dayOfWeek]} ${meeting.localDate}: overlaps “${session.title}” ${session.localStart}–${session.localEnd}.`,
      });
    }
  }
  return conflicts;
}
