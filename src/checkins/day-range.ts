/** A range of facility-local days asked for in a query (trend reads, dose logs): pure. */
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';

/** Longest range one read answers (a year and a day, for leap years). */
export const MAX_RANGE_DAYS = 366;

/**
 * `from`/`to` as asked, defaulting to `defaultDays` days ending today (or starting at `from`);
 * 422 date_out_of_range when it runs backwards or spans more than a year.
 */
export function dayRange(query: { from?: LocalDate | undefined; to?: LocalDate | undefined }, today: LocalDate, defaultDays: number): { from: LocalDate; to: LocalDate } {
  const to = query.to ?? (query.from ? addDays(query.from, defaultDays - 1) : today);
  const from = query.from ?? addDays(to, -(defaultDays - 1));
  if (compareDates(from, to) > 0) throw new AppError(422, 'date_out_of_range', 'The range starts after it ends.', [{ path: 'querystring.from', message: 'is after to' }]);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw new AppError(422, 'date_out_of_range', 'Ask for at most a year at a time.', [{ path: 'querystring.to', message: `is more than ${MAX_RANGE_DAYS} days after from` }]);
  return { from, to };
}
