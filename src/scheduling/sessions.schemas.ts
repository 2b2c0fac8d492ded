import { Type, type Static } from 'typebox';
import { Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { LocalDateSchema, LocalTimeSchema, Room, VideoUrl } from './groups.schemas.ts';

export const CalendarSession = Type.Object({
  sessionId: Uuid,
  kind: Type.Union([Type.Literal('group'), Type.Literal('individual'), Type.Literal('family')]),
  groupId: Nullable(Uuid),
  title: Type.String(),
  groupType: Nullable(Type.String()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  localDate: Type.String(),
  localStart: Type.String(),
  localEnd: Type.String(),
  room: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  clinicianId: Uuid,
  clinicianName: Type.String(),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  statusReason: Nullable(Type.String()),
  moved: Type.Boolean(),
  patientId: Nullable(Uuid),
  patientName: Nullable(Type.String()),
  enrolledCount: Nullable(Type.Integer()),
  capacity: Nullable(Type.Integer()),
});
export type CalendarSession = Static<typeof CalendarSession>;

export const AttendanceSummary = Type.Object({
  status: Type.String(),
  checkedInAt: Nullable(Timestamp),
  checkedOutAt: Nullable(Timestamp),
  minutesAttended: Type.Integer(),
  method: Type.String(),
  telehealth: Type.Boolean(),
  correctionReason: Nullable(Type.String()),
});
export type AttendanceSummary = Static<typeof AttendanceSummary>;

export const AvailabilityWindowSchema = Type.Object({
  dayOfWeek: Type.Integer(),
  start: Type.String(),
  end: Type.String(),
  label: Type.String(),
});

export const ScheduledSession = Type.Object({
  ...CalendarSession.properties,
  attendance: Nullable(AttendanceSummary),
  enrollmentId: Nullable(Uuid),
});
export type ScheduledSession = Static<typeof ScheduledSession>;

export const PatientSchedule = Type.Object({
  weekStart: Type.String(),
  weekEnd: Type.String(),
  timeZone: Type.String(),
  scheduledMinutes: Type.Integer({ description: 'Minutes of the week’s sessions that are not cancelled' }),
  sessions: Type.Array(ScheduledSession),
  availability: Type.Array(AvailabilityWindowSchema),
});
export type PatientSchedule = Static<typeof PatientSchedule>;

export const CalendarParams = Type.Object({ facilityId: Uuid });
export const CalendarQuery = Type.Object({
  from: Type.Optional(LocalDateSchema),
  to: Type.Optional(LocalDateSchema),
});
export const SessionParams = Type.Object({ sessionId: Uuid });
export const PatientParams = Type.Object({ patientId: Uuid });
export const ScheduleQuery = Type.Object({ weekOf: Type.Optional(LocalDateSchema) });

export const CancelInput = Type.Object({ reason: Name(500) }, { additionalProperties: false });
export type CancelInput = Static<typeof CancelInput>;

export const MoveInput = Type.Object(
  {
    date: LocalDateSchema,
    startTime: LocalTimeSchema,
    durationMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 720 })),
    room: Type.Optional(Nullable(Room)),
    reason: Name(500),
  },
  { additionalProperties: false },
);
export type MoveInput = Static<typeof MoveInput>;

export const IndividualSessionInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('individual'), Type.Literal('family')]),
    clinicianId: Uuid,
    date: LocalDateSchema,
    startTime: LocalTimeSchema,
    durationMinutes: Type.Integer({ minimum: 15, maximum: 720 }),
    title: Type.Optional(Nullable(Name(200))),
    room: Type.Optional(Nullable(Room)),
    videoUrl: Type.Optional(Nullable(VideoUrl)),
    facilityId: Type.Optional(Uuid),
    acknowledgeConflicts: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'facilityId defaults to the facility of the patient’s active episode, else their registering facility' },
);
export type IndividualSessionInput = Static<typeof IndividualSessionInput>;
