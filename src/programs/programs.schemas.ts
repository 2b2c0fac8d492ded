import { Type, type Static } from 'typebox';
import { Name, Timestamp, Uuid } from '../http/schemas.ts';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time at the facility, HH:MM' });
const Hours = Type.Number({ minimum: 0, maximum: 168, multipleOf: 0.5 });

export const TrackInput = Type.Object(
  {
    trackId: Type.Optional(Uuid),
    kind: Type.Union([Type.Literal('morning'), Type.Literal('afternoon'), Type.Literal('evening')]),
    name: Name(100),
    startsAt: Time,
    endsAt: Time,
    daysOfWeek: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays, 1 = Monday' }),
  },
  { additionalProperties: false },
);

export const PhaseInput = Type.Object(
  {
    phaseId: Type.Optional(Uuid),
    name: Name(100),
    requiredDaysPerWeek: Type.Integer({ minimum: 1, maximum: 7 }),
    minHoursPerWeek: Hours,
    maxHoursPerWeek: Hours,
  },
  { additionalProperties: false },
);

export const ProgramInput = Type.Object(
  {
    facilityId: Uuid,
    name: Name(200),
    levelOfCare: Type.String({ minLength: 1, maxLength: 8, description: 'ASAM level code in the organization’s edition, e.g. 2.1' }),
    population: Type.Union([Type.Literal('adult'), Type.Literal('adolescent')]),
    modality: Type.Union([Type.Literal('in_person'), Type.Literal('telehealth'), Type.Literal('hybrid')]),
    expectedLengthOfStayDays: Type.Integer({ minimum: 1, maximum: 730 }),
    tracks: Type.Array(TrackInput, { maxItems: 12 }),
    phases: Type.Array(PhaseInput, { minItems: 1, maxItems: 12, description: 'In order; the first is where patients start' }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProgramInput = Static<typeof ProgramInput>;

export const Track = Type.Object({
  trackId: Uuid,
  kind: Type.String(),
  name: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  daysOfWeek: Type.Array(Type.Integer()),
});

export const Phase = Type.Object({
  phaseId: Uuid,
  position: Type.Integer(),
  name: Type.String(),
  requiredDaysPerWeek: Type.Integer(),
  minHoursPerWeek: Type.Number(),
  maxHoursPerWeek: Type.Number(),
});

export const Program = Type.Object({
  programId: Uuid,
  facilityId: Uuid,
  facilityName: Type.String(),
  name: Type.String(),
  asamEdition: Type.String(),
  levelOfCare: Type.String(),
  levelOfCareName: Type.String(),
  hoursBand: Type.String({ description: 'The level of care’s weekly-hours band in words' }),
  population: Type.String(),
  modality: Type.String(),
  expectedLengthOfStayDays: Type.Integer(),
  active: Type.Boolean(),
  tracks: Type.Array(Track),
  phases: Type.Array(Phase),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Program = Static<typeof Program>;

export const ProgramParams = Type.Object({ programId: Uuid });
export const ProgramListQuery = Type.Object({ facilityId: Type.Optional(Uuid), includeInactive: Type.Optional(Type.Boolean()) });

export const LevelsOfCare = Type.Object({
  edition: Type.String(),
  levels: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      schedulable: Type.Boolean(),
      adult: Type.String(),
      adolescent: Type.String(),
    }),
  ),
});
