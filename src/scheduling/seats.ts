/**
 * Seats in a group, counted day by day. A place holds a seat from the day the patient was
 * seated (seated_on) through its last day (ends_on, or open): an enrolment ended on a
 * future day keeps its seat until then, and the patient promoted into that seat is seated
 * the day after. A waitlist place, or one that ended before it was seated, never holds a
 * seat. Pure: callers pass the places and the facility's today.
 *
 * The rule that keeps every day within capacity: a new place open from day S fits when
 * the busiest day from S onward still has a free seat (seatsTakenFrom). Checking only S
 * would let a seat promised to someone later in the future be given away twice.
 */
import { Temporal } from 'temporal-polyfill';
import { type LocalDate, addDays, compareDates } from '../time/local-time.ts';

/** One place that holds (or held) a seat: [seatedOn, endsOn], open when endsOn is null. */
export interface SeatInterval {
  readonly seatedOn: LocalDate;
  readonly endsOn: LocalDate | null;
}

/** How far ahead an enrolment's end may be set: a year from the facility's today. */
export const MAX_END_YEARS_AHEAD = 1;

export function latestEndDay(today: LocalDate): LocalDate {
  return Temporal.PlainDate.from(today).add({ years: MAX_END_YEARS_AHEAD }).toString();
}

const holdsOn = (seat: SeatInterval, day: LocalDate) => compareDates(seat.seatedOn, day) <= 0 && (seat.endsOn === null || compareDates(seat.endsOn, day) >= 0);

/** Seats taken on one day. */
export function seatsTakenOn(seats: readonly SeatInterval[], day: LocalDate): number {
  return seats.filter((seat) => holdsOn(seat, day)).length;
}

/** The days from `from` on which the count can change: `from`, each later seating, each day after a later end. */
function changeDays(seats: readonly SeatInterval[], from: LocalDate): LocalDate[] {
  const days = new Set<LocalDate>([from]);
  for (const seat of seats) {
    if (compareDates(seat.seatedOn, from) > 0) days.add(seat.seatedOn);
    if (seat.endsOn !== null && compareDates(seat.endsOn, from) >= 0) days.add(addDays(seat.endsOn, 1));
  }
  return [...days].sort(compareDates);
}

/** The most seats taken on any day from `from` onward (the count a place open from `from` must fit beside). */
export function seatsTakenFrom(seats: readonly SeatInterval[], from: LocalDate): number {
  return Math.max(0, ...changeDays(seats, from).map((day) => seatsTakenOn(seats, day)));
}

/**
 * The first day on or after `from` from which a seat stays free for good (so a place open
 * from then never overfills a day), or null when the group stays full indefinitely.
 */
export function firstFreeSeatDay(seats: readonly SeatInterval[], capacity: number, from: LocalDate): LocalDate | null {
  const days = changeDays(seats, from);
  let free: LocalDate | null = null;
  for (const day of days) {
    if (seatsTakenOn(seats, day) >= capacity) free = null;
    else free ??= day;
  }
  return free;
}
