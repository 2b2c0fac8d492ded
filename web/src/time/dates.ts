/**
 * Local days ('YYYY-MM-DD') and times ('HH:MM') in a facility's time zone, with the same
 * rules the server uses (src/time/local-time.ts), plus how they read on screen.
 */
import { addDays, compareDates, daysBetween, isoWeekday, localDateOf, localTimeOf, weekStartOf } from '../../../src/time/local-time.ts';

export { addDays, compareDates, daysBetween, isoWeekday, localDateOf, localTimeOf, weekStartOf };

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS = [
  { value: 1, short: 'Mon', long: 'Monday', rrule: 'MO' },
  { value: 2, short: 'Tue', long: 'Tuesday', rrule: 'TU' },
  { value: 3, short: 'Wed', long: 'Wednesday', rrule: 'WE' },
  { value: 4, short: 'Thu', long: 'Thursday', rrule: 'TH' },
  { value: 5, short: 'Fri', long: 'Friday', rrule: 'FR' },
  { value: 6, short: 'Sat', long: 'Saturday', rrule: 'SA' },
  { value: 7, short: 'Sun', long: 'Sunday', rrule: 'SU' },
] as const;

export function weekdayName(day: number, style: 'short' | 'long' = 'long'): string {
  return WEEKDAYS[day - 1]?.[style] ?? String(day);
}

/** Today in the zone; the browser's own zone when none is given. */
export function todayIn(timeZone?: string): string {
  return localDateOf(new Date(), timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Tue 24 Nov" */
export function formatDay(date: string): string {
  return asUtc(date).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "Tuesday, 24 November 2026" */
export function formatLongDate(date: string): string {
  return asUtc(date).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "24 Nov 2026" */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  return asUtc(date).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const WEEK_FORMAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

/**
 * A week's days as the viewer's locale writes a range: "Nov 23–29, 2026",
 * "Nov 30–Dec 6, 2026", "Dec 28, 2026–Jan 3, 2027" in US English ("23–29 Nov 2026" in British).
 */
export function formatWeek(start: string, end: string): string {
  const a = asUtc(start);
  const b = asUtc(end);
  const format = new Intl.DateTimeFormat(undefined, WEEK_FORMAT);
  if (typeof format.formatRange === 'function') {
    // ICU spaces the dash ("Nov 23 – 29, 2026"); a closed-up en dash reads better in a label.
    return format.formatRange(a, b).replace(/\s+–\s+/, '–');
  }
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
  const en = { ...WEEK_FORMAT, year: undefined } as Intl.DateTimeFormatOptions;
  const first = a.toLocaleDateString('en-US', sameYear ? en : WEEK_FORMAT);
  const last = sameMonth ? `${b.getUTCDate()}, ${b.getUTCFullYear()}` : b.toLocaleDateString('en-US', WEEK_FORMAT);
  return `${first}–${last}`;
}

/** "9:30 AM" from '09:30', in the viewer's locale. */
export function formatTime(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}

/** A clock time of an instant in the facility's zone: "9:42 AM". */
export function formatInstantTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone });
}

/** Whole years from the date of birth to the day. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Minutes since midnight of 'HH:MM'. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** '1 h 30 min', '45 min', '3 h'. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Hours with at most one decimal: 9, 9.5. */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10}`;
}

/** "9:00–10:30 AM", or "11:30 AM–1:00 PM" when the halves of the day differ. */
export function formatTimeRange(start: string, end: string): string {
  const a = formatTime(start);
  const b = formatTime(end);
  const suffix = /\s?(AM|PM)$/i;
  const sa = a.match(suffix)?.[0];
  const sb = b.match(suffix)?.[0];
  return sa && sb && sa.trim() === sb.trim() ? `${a.replace(suffix, '')}–${b}` : `${a}–${b}`;
}

/** "6 PM", "6:30 PM": the minutes only when there are some (for narrow labels). */
function formatShortTime(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)).toLocaleTimeString(undefined, { hour: 'numeric', ...(m ? { minute: '2-digit' } : {}), timeZone: 'UTC' });
}

/** "6–10 PM", "8:30–11 AM", "11:30 AM–1 PM": formatTimeRange without ":00", for narrow day cards. */
export function formatCompactTimeRange(start: string, end: string): string {
  const a = formatShortTime(start);
  const b = formatShortTime(end);
  const suffix = /\s?(AM|PM)$/i;
  const sa = a.match(suffix)?.[0];
  const sb = b.match(suffix)?.[0];
  return sa && sb && sa.trim() === sb.trim() ? `${a.replace(suffix, '')}–${b}` : `${a}–${b}`;
}
