/** Request and response shapes of drug-test policy, today's list, orders, collection and custody. */
import { Type, type Static } from 'typebox';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const SpecimenTypeSchema = Type.Union([Type.Literal('urine'), Type.Literal('oral_fluid')]);
const IsoWeekdaySchema = Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' });
const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });
export const PatientRef = Type.Object({ patientId: Uuid, displayName: Type.String(), mrn: Type.String() });

export const ProgramParams = Type.Object({ programId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });
export const PatientParams = Type.Object({ patientId: Uuid });
export const TestParams = Type.Object({ testId: Uuid });

// ── Policy and panels ──────────────────────────────────────────────────────────────────

export const PanelSchema = Type.Object({
  panelId: Type.String(),
  name: Type.String(),
  specimenTypes: Type.Array(SpecimenTypeSchema),
  analytes: Type.Array(
    Type.Object({
      analyte: Type.String(),
      name: Type.String(),
      drugClass: Type.String(),
      initialCutoff: Type.Number(),
      confirmationCutoff: Type.Number(),
      unit: Type.Literal('ng/mL'),
      verify: Type.Boolean({ description: 'A vendor cut-off, not a federal standard: check it with the lab' }),
      aliases: Type.Array(Type.String()),
    }),
  ),
});

export const Policy = Type.Object({
  active: Type.Boolean(),
  testsPerWeek: Type.Number(),
  eligibleWeekdays: Type.Array(IsoWeekdaySchema),
  specimenTypes: Type.Array(SpecimenTypeSchema, { description: 'The first is the type a random test is collected as' }),
  panelId: Type.String(),
  updatedAt: Timestamp,
  updatedBy: StaffRef,
});
export type Policy = Static<typeof Policy>;

export const PolicyResponse = Type.Object({ programId: Uuid, policy: Nullable(Policy), panels: Type.Array(PanelSchema) });
export type PolicyResponse = Static<typeof PolicyResponse>;

export const PolicyInput = Type.Object(
  {
    active: Type.Boolean(),
    testsPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 7, description: 'Average random tests per patient per week (up to two decimals)' }),
    eligibleWeekdays: Type.Array(IsoWeekdaySchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
    specimenTypes: Type.Array(SpecimenTypeSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
    panelId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type PolicyInput = Static<typeof PolicyInput>;

// ── Tests ──────────────────────────────────────────────────────────────────────────────

export const DrugTestSummary = Type.Object({
  testId: Uuid,
  facilityId: Uuid,
  selectedOn: Type.String({ description: 'The facility day the test is for' }),
  patient: PatientRef,
  reason: Type.Union([Type.Literal('random'), Type.Literal('for_cause'), Type.Literal('scheduled')]),
  reasonNote: Nullable(Type.String()),
  specimenType: SpecimenTypeSchema,
  panelId: Type.String(),
  panelName: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('collected'), Type.Literal('refused'), Type.Literal('not_collected'), Type.Literal('resulted'), Type.Literal('reviewed')]),
  specimenId: Nullable(Type.String()),
  observed: Nullable(Type.Boolean()),
  collectedAt: Nullable(Timestamp),
  temperatureC: Nullable(Type.Number()),
  temperatureInRange: Nullable(Type.Boolean({ description: 'Urine read 32–38 °C within 4 minutes of collection (domain-rules.md)' })),
  collectionNote: Nullable(Type.String()),
  notCollectedReason: Nullable(Type.String()),
  sessionsToday: Type.Array(Type.Object({ sessionId: Uuid, title: Type.String(), startsAt: Timestamp, endsAt: Timestamp }), {
    description: 'The patient’s non-cancelled sessions at the facility that day, to find them',
  }),
});
export type DrugTestSummary = Static<typeof DrugTestSummary>;

export const TodayQuery = Type.Object({ date: Type.Optional(LocalDay('Must be the facility’s today if given')) }, { additionalProperties: false });
export type TodayQuery = Static<typeof TodayQuery>;

export const TodayList = Type.Object({
  facilityId: Uuid,
  date: Type.String(),
  selection: Type.Object({
    ranAt: Timestamp,
    scheduledCount: Type.Integer({ description: 'Patients scheduled today under an active policy: those the day’s draw was among' }),
    selectedCount: Type.Integer(),
  }),
  tests: Type.Array(DrugTestSummary, { description: 'The day’s tests, random and for-cause, pending first, by patient name' }),
});
export type TodayList = Static<typeof TodayList>;

export const ForCauseInput = Type.Object(
  {
    facilityId: Uuid,
    reasonNote: Text(1000),
    specimenType: Type.Optional(SpecimenTypeSchema),
    panelId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ForCauseInput = Static<typeof ForCauseInput>;

export const CollectionInput = Type.Object(
  {
    specimenId: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(.*\\S)?$', description: 'The label on the cup or swab' }),
    observed: Type.Boolean({ description: 'Collection was directly observed' }),
    collectedAt: Type.Optional(Timestamp),
    temperatureC: Type.Optional(Type.Number({ description: 'Urine temperature in °C, read within 4 minutes; required for urine' })),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type CollectionInput = Static<typeof CollectionInput>;

export const RefusalInput = Type.Object({ note: Text(1000) }, { additionalProperties: false });
export type RefusalInput = Static<typeof RefusalInput>;

export const NotCollectedInput = Type.Object({ reason: Text(1000) }, { additionalProperties: false });
export type NotCollectedInput = Static<typeof NotCollectedInput>;

export const CustodyEventKind = Type.Union([
  Type.Literal('sealed'),
  Type.Literal('sent_to_lab'),
  Type.Literal('received_by_lab'),
  Type.Literal('resulted'),
  Type.Literal('disposed'),
  Type.Literal('other'),
], { description: '"collected" is written by the collection itself' });

export const CustodyInput = Type.Object(
  {
    event: CustodyEventKind,
    occurredAt: Type.Optional(Timestamp),
    party: Type.Optional(Text(200)),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type CustodyInput = Static<typeof CustodyInput>;

export const CustodyEvent = Type.Object({
  eventId: Uuid,
  testId: Uuid,
  event: Type.Union([Type.Literal('collected'), CustodyEventKind]),
  occurredAt: Timestamp,
  staff: Nullable(StaffRef),
  party: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type CustodyEvent = Static<typeof CustodyEvent>;
