import type { EnrollmentCheck } from '../api/types.ts';
import { formatDay, formatTimeRange, weekdayName } from '../time/dates.ts';

export type Conflict = EnrollmentCheck['conflicts'][number];

/** What the server's description adds to the structured fields: the window (label, times) or the other session's title. */
const AVAILABILITY = /falls in the patient’s (.*) hours \((\d{1,2}:\d{2})–(\d{1,2}:\d{2})\)\.?$/;
const OTHER_SESSION = /overlaps “(.*)” \d{1,2}:\d{2}–\d{1,2}:\d{2}\.?$/;
const CLINICIAN_BUSY = /Clinician has another session/i;

/** "Work" → "work"; "ER shift" stays as written. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/**
 * One plain sentence per clash, with times in the viewer's 12- or 24-hour style:
 *   "On Wednesdays, 6:30–8:00 PM is during the patient’s work hours (6:00–10:00 PM)."
 *   "On Wed, Nov 25, this overlaps “Morning process group” (8:00–11:00 AM)."
 * `onDate` names the day of a one-off booking (availability clashes carry only the weekday).
 */
export function conflictSentence(c: Conflict, onDate?: string): string {
  const times = formatTimeRange(c.localStart, c.localEnd);
  const day = c.localDate ?? onDate;
  if (c.kind === 'availability') {
    const when = day ? `On ${formatDay(day)}` : `On ${weekdayName(c.dayOfWeek)}s`;
    const window = c.description.match(AVAILABILITY);
    if (window) {
      const label = window[1]!.trim();
      const what = !label || label === 'unavailable' ? 'a time the patient said they are unavailable' : `the patient’s ${lowerFirst(label)} hours`;
      return `${when}, ${times} is during ${what} (${formatTimeRange(window[2]!, window[3]!)}).`;
    }
    return `${when}, ${times} is during the patient’s work or school hours.`;
  }
  const when = day ? `On ${formatDay(day)}` : `On ${weekdayName(c.dayOfWeek)}s`;
  const other = c.description.match(OTHER_SESSION);
  if (other) return `${when}, this overlaps “${other[1]}” (${times}).`;
  if (CLINICIAN_BUSY.test(c.description)) return `${when}, the clinician has another session (${times}).`;
  return `${when}, this overlaps another session (${times}).`;
}
