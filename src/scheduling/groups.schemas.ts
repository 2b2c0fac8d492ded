import { Type, type Static } from 'typebox';
import { Name, Nullable, Uuid } from '../http/schemas.ts';
import { LOCAL_DATE_PATTERN } from '../time/local-time.ts';

export const LocalDateSchema = Type.String({ pattern: LOCAL_DATE_PATTERN, description: 'A calendar day at the facility, YYYY-MM-DD (1900–2199)' });
export const LocalTimeSchema = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time at the facility, HH:MM' });
export const VideoUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
export const Room = Type.String({ maxLength: 100 });

export const GroupTypeSchema = Type.Union([
  Type.Literal('process'),
  Type.Literal('psychoeducation'),
  Type.Literal('relapse_prevention'),
  Type.Literal('skills'),
  Type.Literal('family'),
  Type.Literal('twelve_step_facilitation'),
  Type.Literal('specialty'),
]);

export const GroupInput = Type.Object(
  {
    facilityId: Uuid,
    programId: Type.Optional(Nullable(Uuid)),
    trackId: Type.Optional(Nullable(Uuid)),
    name: Name(200),
    groupType: GroupTypeSchema,
    topic: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    facilitatorId: Uuid,
    room: Type.Optional(Nullable(Room)),
    videoUrl: Type.Optional(Nullable(VideoUrl)),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Seats; default 12 (domain-rules.md: group size)' })),
    waitlistEnabled: Type.Optional(Type.Boolean()),
    eligiblePopulation: Type.Optional(Nullable(Type.Union([Type.Literal('adult'), Type.Literal('adolescent')]))),
    eligibleGender: Type.Optional(Nullable(Type.Union([Type.Literal('women'), Type.Literal('men')]))),
    eligibleSpecialty: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    rrule: Type.String({ minLength: 1, maxLength: 500, description: 'RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,WE,TH' }),
    startsOn: LocalDateSchema,
    endsOn: Type.Optional(Nullable(LocalDateSchema)),
    startTime: LocalTimeSchema,
    durationMinutes: Type.Integer({ minimum: 15, maximum: 720 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type GroupInput = Static<typeof GroupInput>;

export const Group = Type.Object({
  groupId: Uuid,
  facilityId: Uuid,
  facilityName: Type.String(),
  programId: Nullable(Uuid),
  programName: Nullable(Type.String()),
  trackId: Nullable(Uuid),
  trackName: Nullable(Type.String()),
  name: Type.String(),
  groupType: Type.String(),
  topic: Nullable(Type.String()),
  facilitatorId: Uuid,
  facilitatorName: Type.String(),
  room: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  capacity: Type.Integer(),
  waitlistEnabled: Type.Boolean(),
  eligiblePopulation: Nullable(Type.String()),
  eligibleGender: Nullable(Type.String()),
  eligibleSpecialty: Nullable(Type.String()),
  rrule: Type.String(),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  startTime: Type.String(),
  durationMinutes: Type.Integer(),
  active: Type.Boolean(),
  enrolledCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  nextOccurrences: Type.Array(Type.String({ description: 'Local start YYYY-MM-DDTHH:MM' })),
});
export type Group = Static<typeof Group>;

export const GroupParams = Type.Object({ groupId: Uuid });
export const GroupListQuery = Type.Object({ facilityId: Type.Optional(Uuid), includeInactive: Type.Optional(Type.Boolean()) });
