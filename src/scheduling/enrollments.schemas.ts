import { Type, type Static } from 'typebox';
import { Name, Nullable, Uuid } from '../http/schemas.ts';
import { LocalDateSchema } from './groups.schemas.ts';

export const EnrollmentCheckInput = Type.Object(
  {
    groupId: Uuid,
    episodeId: Type.Optional(Uuid),
    startsOn: Type.Optional(LocalDateSchema),
  },
  { additionalProperties: false },
);
export type EnrollmentCheckInput = Static<typeof EnrollmentCheckInput>;

export const EnrollmentInput = Type.Object(
  {
    groupId: Uuid,
    episodeId: Type.Optional(Uuid),
    startsOn: Type.Optional(LocalDateSchema),
    overrideReason: Type.Optional(Name(500)),
    joinWaitlist: Type.Optional(Type.Boolean()),
    acknowledgeConflicts: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'episodeId defaults to the patient’s active episode at the group’s facility; startsOn to today (or the group’s first day)' },
);
export type EnrollmentInput = Static<typeof EnrollmentInput>;

export const Conflict = Type.Object({
  kind: Type.Union([Type.Literal('availability'), Type.Literal('session')]),
  localDate: Type.Optional(Type.String()),
  dayOfWeek: Type.Integer(),
  localStart: Type.String(),
  localEnd: Type.String(),
  description: Type.String(),
});

export const EnrollmentCheck = Type.Object({
  eligible: Type.Boolean(),
  eligibilityProblems: Type.Array(Type.Object({ rule: Type.Union([Type.Literal('population'), Type.Literal('gender'), Type.Literal('specialty')]), message: Type.String() })),
  seatsLeft: Type.Integer(),
  full: Type.Boolean(),
  waitlistAvailable: Type.Boolean(),
  conflicts: Type.Array(Conflict),
});
export type EnrollmentCheck = Static<typeof EnrollmentCheck>;

export const Enrollment = Type.Object({
  enrollmentId: Uuid,
  groupId: Uuid,
  groupName: Type.String(),
  patientId: Uuid,
  patientName: Type.String(),
  episodeId: Uuid,
  status: Type.Union([Type.Literal('enrolled'), Type.Literal('waitlisted'), Type.Literal('ended')]),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  overrideReason: Nullable(Type.String()),
  waitlistPosition: Nullable(Type.Integer({ description: '1 for the next patient to be offered a seat' })),
});
export type Enrollment = Static<typeof Enrollment>;

export const EndEnrollmentInput = Type.Object({ endsOn: LocalDateSchema }, { additionalProperties: false });
export const EnrollmentParams = Type.Object({ enrollmentId: Uuid });
