import { Type, type Static } from 'typebox';
import type { AdvancementCriteria as AdvancementCriteriaShape, InstrumentCadenceEntry as InstrumentCadenceShape, InstrumentId } from '../db/schema.ts';
import { Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

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

/** The standard instruments a program can give (src/db/schema.ts InstrumentId). */
export const INSTRUMENT_IDS = ['phq9', 'gad7', 'audit', 'audit_c', 'dast10', 'bam', 'cssrs_screener'] as const satisfies readonly InstrumentId[];
export const InstrumentIdSchema = Type.Union([
  Type.Literal('phq9'),
  Type.Literal('gad7'),
  Type.Literal('audit'),
  Type.Literal('audit_c'),
  Type.Literal('dast10'),
  Type.Literal('bam'),
  Type.Literal('cssrs_screener'),
]);

/*
 * Care settings. Ranges are checked by program-rules.ts rather than here, so a value out of
 * range is a 422 with its field path beside the other definition problems.
 * A nullable number is one JSON Schema with a type list, not anyOf: the app's Ajv coerces
 * types, and inside anyOf it would turn a null into 0 in place.
 */
const NullableInteger = (description: string) => Type.Unsafe<number | null>({ type: ['integer', 'null'], description });
export const InstrumentCadenceEntry = Type.Object(
  {
    instrument: InstrumentIdSchema,
    atAdmission: Type.Boolean(),
    everyDays: NullableInteger('Repeat every N days (7–180) after the latest response; null: not repeated'),
    atDischarge: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const AdvancementCriteria = Type.Object(
  {
    consecutiveWeeksMet: Type.Integer({ description: 'Completed weeks in a row with hours and required days met (1–26)' }),
    minAttendancePercent: Type.Number({ description: 'Sessions attended over scheduled in those weeks, percent (0–100)' }),
    phq9: Nullable(
      Type.Object(
        {
          improvedBy: Type.Integer({ description: 'PHQ-9 points below the episode’s first score (1–27)' }),
          orBelow: Type.Integer({ description: '…or the latest score below this (1–27)' }),
        },
        { additionalProperties: false },
      ),
    ),
    objectivesMet: Type.Boolean({ description: 'Every plan objective tied to this phase is met' }),
    maxWeeksInPhase: NullableInteger('Longer than this (1–104 weeks) without meeting the criteria proposes more intensive care; null: never'),
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
    advancementCriteria: Type.Optional(
      Type.Union([AdvancementCriteria, Type.Null()], {
        description: 'What it takes to leave this phase; null: no automatic step-down. Omitted: a new phase gets the default, an existing one keeps its criteria',
      }),
    ),
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
    planReviewDays: Type.Optional(Type.Integer({ description: 'Days between treatment plan reviews (7–180). Omitted: 30 on create, unchanged on edit' })),
    instrumentCadence: Type.Optional(
      Type.Array(InstrumentCadenceEntry, {
        maxItems: INSTRUMENT_IDS.length,
        description: 'One entry per instrument the program gives. Omitted: PHQ-9 and GAD-7 at admission, every 14 days and at discharge, BAM every 30 days, C-SSRS screener at admission (create); unchanged (edit)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ProgramInput = Static<typeof ProgramInput>;
export type PhaseInput = Static<typeof PhaseInput>;

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
  advancementCriteria: Type.Union([AdvancementCriteria, Type.Null()]),
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
  planReviewDays: Type.Integer(),
  instrumentCadence: Type.Array(InstrumentCadenceEntry),
  tracks: Type.Array(Track),
  phases: Type.Array(Phase),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Program = Static<typeof Program>;

// The API shapes are the database's JSON shapes (src/db/schema.ts), both ways: a compile-time check.
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export type CadenceMatchesColumn = Interchangeable<Static<typeof InstrumentCadenceEntry>, InstrumentCadenceShape>;
export type CriteriaMatchesColumn = Interchangeable<Static<typeof AdvancementCriteria>, AdvancementCriteriaShape>;
const schemasMatchColumns: [CadenceMatchesColumn, CriteriaMatchesColumn] = [true, true];
void schemasMatchColumns;

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
