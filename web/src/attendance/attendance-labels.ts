/** Words and colours for attendance and weekly-hours statuses. */
import type { AttendanceStatus, HoursStatus } from '../api/types.ts';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, { label: string; color: string }> = {
  present: { label: 'Present', color: 'teal' },
  late: { label: 'Late', color: 'yellow' },
  left_early: { label: 'Left early', color: 'orange' },
  excused_absence: { label: 'Excused absence', color: 'gray' },
  unexcused_absence: { label: 'Unexcused absence', color: 'red' },
};

export function attendanceLabel(status: string): { label: string; color: string } {
  return (ATTENDANCE_LABELS as Record<string, { label: string; color: string }>)[status] ?? { label: status, color: 'gray' };
}

export const HOURS_STATUS: Record<HoursStatus, { label: string; color: string; hint: string }> = {
  on_track: { label: 'On track', color: 'teal', hint: 'Within the phase’s weekly hours.' },
  at_risk: { label: 'At risk', color: 'orange', hint: 'Even attending every remaining session will not reach the minimum.' },
  below_minimum: { label: 'Below minimum', color: 'red', hint: 'The week ended short of the minimum hours.' },
  above_maximum: { label: 'Above maximum', color: 'grape', hint: 'More hours than the level of care allows: review the level of care.' },
  partial_week: { label: 'Partial week', color: 'gray', hint: 'Admitted or discharged during the week: not judged.' },
  not_in_program: { label: 'Not in a program', color: 'gray', hint: 'No episode covered this week.' },
  upcoming: { label: 'Upcoming', color: 'gray', hint: 'The week has not started.' },
};

export function hoursStatus(status: string) {
  return (HOURS_STATUS as Record<string, (typeof HOURS_STATUS)[HoursStatus]>)[status] ?? { label: status, color: 'gray', hint: '' };
}
