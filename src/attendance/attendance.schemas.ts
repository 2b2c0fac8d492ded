import { Type, type Static } from 'typebox';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { CalendarSession } from '../scheduling/sessions.schemas.ts';

export const LocalDateString = LocalDay('A local calendar day at the facility, YYYY-MM-DD');
const AttendanceStatus = Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('left_early'), Type.Literal('excused_absence'), Type.Literal('unexcused_absence')]);

export const FacilityParams = Type.Object({ facilityId: Uuid });
export const SessionParams = Type.Object({ sessionId: Uuid });
export const SessionPatientParams = Type.Object({ sessionId: Uuid, patientId: Uuid });
export const PatientParams = Type.Object({ patientId: Uuid });

export const BoardQuery = Type.Object({ date: Type.Optional(LocalDateString) }, { additionalProperties: false });
export const HoursQuery = Type.Object({ from: Type.Optional(LocalDateString), to: Type.Optional(LocalDateString) }, { additionalProperties: false });
export const ComplianceQuery = Type.Object({ weekOf: Type.Optional(LocalDateString) }, { additionalProperties: false });

export const CheckInInput = Type.Object(
  {
    telehealth: Type.Optional(Type.Boolean({ description: 'Joined by video: method telehealth' })),
    addToSession: Type.Optional(Type.Boolean({ description: 'Check in a patient who is not on the roster (a drop-in)' })),
  },
  { additionalProperties: false },
);
export type CheckInInput = Static<typeof CheckInInput>;

export const AttendanceInput = Type.Object(
  {
    status: AttendanceStatus,
    minutesAttended: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
    checkedInAt: Type.Optional(Timestamp),
    checkedOutAt: Type.Optional(Timestamp),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why attendance is corrected; required after the session’s day' })),
    addToSession: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AttendanceInput = Static<typeof AttendanceInput>;

export const MarkAllInput = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type MarkAllInput = Static<typeof MarkAllInput>;

export const AttendanceSummary = Type.Object({
  status: AttendanceStatus,
  checkedInAt: Nullable(Timestamp),
  checkedOutAt: Nullable(Timestamp),
  minutesAttended: Type.Integer(),
  method: Type.String(),
  telehealth: Type.Boolean(),
  correctionReason: Nullable(Type.String()),
});
export type AttendanceSummary = Static<typeof AttendanceSummary>;

export const RosterEntry = Type.Object({
  patientId: Uuid,
  mrn: Type.String(),
  displayName: Type.String(),
  legalName: Type.String(),
  enrollmentId: Nullable(Uuid),
  attendance: Nullable(AttendanceSummary),
});
export type RosterEntry = Static<typeof RosterEntry>;

/** A calendar session (scheduling's shape) with its roster and attendance counts. */
export const BoardSession = Type.Object({
  ...CalendarSession.properties,
  enrolledCount: Type.Integer(),
  roster: Type.Array(RosterEntry),
  counts: Type.Object({ expected: Type.Integer(), present: Type.Integer(), absent: Type.Integer(), unmarked: Type.Integer() }),
});
export type BoardSession = Static<typeof BoardSession>;

export const Board = Type.Object({ facilityId: Uuid, facilityName: Type.String(), timeZone: Type.String(), date: Type.String(), sessions: Type.Array(BoardSession) });
export type Board = Static<typeof Board>;

const StatusKind = Type.Union([
  Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('below_minimum'), Type.Literal('above_maximum'),
  Type.Literal('partial_week'), Type.Literal('not_in_program'), Type.Literal('upcoming'),
]);

export const WeeklyHours = Type.Object({
  weekStart: Type.String(),
  weekEnd: Type.String(),
  weekOver: Type.Boolean(),
  scheduledHours: Type.Number(),
  attendedHours: Type.Number(),
  remainingScheduledHours: Type.Number(),
  daysAttended: Type.Integer(),
  daysWithThreeHours: Type.Integer({ description: 'Days with ≥ 3 h attended (H0015 per diem)' }),
  requiredDaysPerWeek: Nullable(Type.Integer()),
  meetsRequiredDays: Nullable(Type.Boolean()),
  band: Nullable(Type.Object({ minHoursPerWeek: Type.Number(), maxHoursPerWeek: Type.Number() })),
  phaseName: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  programName: Nullable(Type.String()),
  status: StatusKind,
  hoursShort: Nullable(Type.Number({ description: 'below_minimum / at_risk: hours missing to reach the minimum' })),
  hoursOver: Nullable(Type.Number({ description: 'above_maximum: hours above the maximum' })),
});
export type WeeklyHours = Static<typeof WeeklyHours>;

export const Compliance = Type.Object({
  facilityId: Uuid,
  weekStart: Type.String(),
  weekEnd: Type.String(),
  patients: Type.Array(
    Type.Object({
      patientId: Uuid,
      episodeId: Uuid,
      name: Type.String(),
      mrn: Type.String(),
      programName: Type.String(),
      phaseName: Nullable(Type.String()),
      status: StatusKind,
      scheduledHours: Type.Number(),
      attendedHours: Type.Number(),
      remainingScheduledHours: Type.Number(),
      minHoursPerWeek: Nullable(Type.Number()),
      maxHoursPerWeek: Nullable(Type.Number()),
      hoursShort: Nullable(Type.Number()),
      hoursOver: Nullable(Type.Number()),
    }),
  ),
});
export type Compliance = Static<typeof Compliance>;
