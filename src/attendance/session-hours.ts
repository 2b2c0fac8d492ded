/**
 * Rows from hours.store.ts turned into the inputs of the pure hours rules: a phase's band,
 * and a rostered session with the minutes it credits (an open check-in counts to `now`).
 * Shared by weekly hours, plan objectives and step-down, so all three count alike.
 */
import { creditedMinutes } from './attendance-rules.ts';
import type { PhaseBand, SessionHours } from './hours.ts';
import type { RosteredSessionRow } from './hours.store.ts';

export const bandOf = (row: { name: string; min_hours_per_week: number; max_hours_per_week: number; required_days_per_week: number }): PhaseBand => ({
  name: row.name,
  minHoursPerWeek: Number(row.min_hours_per_week),
  maxHoursPerWeek: Number(row.max_hours_per_week),
  requiredDaysPerWeek: row.required_days_per_week,
});

export const toSessionHours = (row: RosteredSessionRow, now: Date): SessionHours => ({
  localDate: row.local_date,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
  attendance: row.attendance
    ? {
        status: row.attendance.status,
        minutesAttended: creditedMinutes(
          { localDate: row.local_date, startsAt: row.starts_at, endsAt: row.ends_at },
          { status: row.attendance.status, minutesAttended: row.attendance.minutes_attended, checkedInAt: row.attendance.checked_in_at, checkedOutAt: row.attendance.checked_out_at },
          now,
        ),
      }
    : null,
});
