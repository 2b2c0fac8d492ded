/** Request and response shapes of the drug-test result, review, HL7 import and chart routes. */
import { Type, type Static } from 'typebox';
import type { AnalyteInterpretation, CustodyEvent, DrugTestOutcome, DrugTestReason, DrugTestStatus, ResultMethod, SpecimenType, SpecimenValidity } from '../db/schema.ts';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const literalUnion = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

const METHODS: readonly ResultMethod[] = ['poc_cup', 'lab_initial', 'lab_confirmation'];
export const MethodSchema = literalUnion(METHODS, 'poc_cup (point-of-care cup), lab_initial (laboratory screen), lab_confirmation (GC-MS / LC-MS/MS)');
const StatusSchema = literalUnion<DrugTestStatus>(['pending', 'collected', 'refused', 'not_collected', 'resulted', 'reviewed']);
const ReasonSchema = literalUnion<DrugTestReason>(['random', 'for_cause', 'scheduled']);
const SpecimenTypeSchema = literalUnion<SpecimenType>(['urine', 'oral_fluid']);
const ValiditySchema = literalUnion<SpecimenValidity>(['valid', 'dilute', 'substituted', 'adulterated', 'invalid']);
const OutcomeSchema = literalUnion<DrugTestOutcome>(['negative', 'expected_only', 'unexpected_positive', 'missing_expected', 'invalid_specimen', 'refused']);
const InterpretationSchema = literalUnion<AnalyteInterpretation>(['negative', 'positive', 'expected', 'missing_expected']);
const CustodyEventSchema = literalUnion<CustodyEvent>(['collected', 'sealed', 'sent_to_lab', 'received_by_lab', 'resulted', 'disposed', 'other']);

export const TestParams = Type.Object({ testId: Uuid });
export const PatientParams = Type.Object({ patientId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });

// ── Input ───────────────────────────────────────────────────────────────────────────────

export const ValidityInput = Type.Object(
  {
    creatinineMgDl: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'Urine creatinine, mg/dL' })),
    specificGravity: Type.Optional(Type.Number({ minimum: 1, maximum: 1.2, description: 'Urine specific gravity, e.g. 1.0150' })),
    ph: Type.Optional(Type.Number({ minimum: 0, maximum: 14 })),
    oxidantsPresent: Type.Optional(Type.Boolean({ description: 'Oxidants / nitrite found (an adulterant)' })),
  },
  { additionalProperties: false },
);
export type ValidityInput = Static<typeof ValidityInput>;

export const ReadingInput = Type.Object(
  {
    analyte: Type.String({ minLength: 1, maxLength: 40, description: 'An analyte code of the test’s panel (GET /api/programs/:id/drug-test-policy lists panels)' }),
    method: MethodSchema,
    detected: Type.Optional(Type.Boolean({ description: 'Required when no value is given (a cup reading); computed from the value otherwise' })),
    value: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000_000, description: 'Concentration; detected = value ≥ the panel’s cut-off for the method' })),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'ng/mL (the only unit panels use)' })),
  },
  { additionalProperties: false },
);
export type ReadingInput = Static<typeof ReadingInput>;

export const ResultsInput = Type.Object(
  {
    validity: Type.Optional(ValidityInput),
    readings: Type.Array(ReadingInput, { maxItems: 60 }),
  },
  { additionalProperties: false },
);
export type ResultsInput = Static<typeof ResultsInput>;

export const ReviewInput = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' })) },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const Hl7ImportInput = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: 500_000, description: 'One HL7 v2 ORU^R01 message (segments separated by CR; LF is accepted)' }) },
  { additionalProperties: false },
);
export type Hl7ImportInput = Static<typeof Hl7ImportInput>;

// ── Views ───────────────────────────────────────────────────────────────────────────────

const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });
const PatientRef = Type.Object({ patientId: Uuid, displayName: Type.String(), mrn: Type.String() });

const summaryProperties = {
  testId: Uuid,
  patient: PatientRef,
  facilityId: Uuid,
  episodeId: Nullable(Uuid),
  selectedOn: LocalDay(),
  reason: ReasonSchema,
  specimenType: SpecimenTypeSchema,
  panelId: Type.String(),
  panelName: Type.String(),
  status: StatusSchema,
  specimenId: Nullable(Type.String()),
  observed: Nullable(Type.Boolean()),
  collectedAt: Nullable(Timestamp),
  validity: Nullable(ValiditySchema),
  outcome: Nullable(OutcomeSchema),
  resultedAt: Nullable(Timestamp),
  reviewed: Nullable(Type.Object({ by: StaffRef, at: Timestamp })),
};
export const DrugTestSummary = Type.Object(summaryProperties);
export type DrugTestSummary = Static<typeof DrugTestSummary>;

export const ReadingView = Type.Object({
  resultId: Uuid,
  analyte: Type.String(),
  analyteName: Type.String(),
  method: MethodSchema,
  detected: Type.Boolean(),
  value: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  cutoff: Nullable(Type.Number()),
  interpretation: InterpretationSchema,
  supersededBy: Nullable(MethodSchema),
  source: literalUnion(['manual', 'hl7'] as const),
});
export type ReadingView = Static<typeof ReadingView>;

export const AnalyteFindingView = Type.Object({
  analyte: Type.String(),
  name: Type.String(),
  detected: Type.Boolean(),
  interpretation: InterpretationSchema,
  basis: MethodSchema,
});

const detailProperties = {
  ...summaryProperties,
  reasonNote: Nullable(Type.String()),
  collection: Nullable(Type.Object({
    collectedBy: Nullable(StaffRef),
    temperatureC: Nullable(Type.Number()),
    temperatureInRange: Nullable(Type.Boolean()),
    note: Nullable(Type.String()),
  })),
  notCollectedReason: Nullable(Type.String()),
  validityInputs: Type.Object({
    creatinineMgDl: Nullable(Type.Number()),
    specificGravity: Nullable(Type.Number()),
    ph: Nullable(Type.Number()),
    oxidantsPresent: Nullable(Type.Boolean()),
  }),
  expectedAnalytes: Type.Array(Type.String(), { description: 'Analytes the patient’s medications active on the collection day explain' }),
  readings: Type.Array(ReadingView),
  analytes: Type.Array(AnalyteFindingView, { description: 'One per analyte read: the most authoritative reading (confirmation over screen over cup) decides' }),
  custody: Type.Array(Type.Object({
    eventId: Uuid,
    event: CustodyEventSchema,
    occurredAt: Timestamp,
    staff: Nullable(StaffRef),
    party: Nullable(Type.String()),
    note: Nullable(Type.String()),
  })),
  review: Nullable(Type.Object({ by: StaffRef, at: Timestamp, note: Nullable(Type.String()) })),
  hl7Imports: Type.Array(Type.Object({ importId: Uuid, messageControlId: Type.String(), sendingFacility: Nullable(Type.String()), receivedAt: Timestamp })),
};
export const DrugTestDetail = Type.Object(detailProperties);
export type DrugTestDetail = Static<typeof DrugTestDetail>;

export const RaisedAlertView = Type.Object({ alertId: Uuid, rule: Type.String(), severity: Type.String() });

export const ResultsResponse = Type.Object({ ...detailProperties, alertsRaised: Type.Array(RaisedAlertView) });
export type ResultsResponse = Static<typeof ResultsResponse>;

export const Hl7ImportResponse = Type.Object({
  importId: Uuid,
  testId: Uuid,
  messageControlId: Type.String(),
  status: StatusSchema,
  validity: Nullable(ValiditySchema),
  outcome: Nullable(OutcomeSchema),
  results: Type.Array(ReadingView),
  skipped: Type.Array(Type.Object({ sequence: Type.Integer(), code: Type.String(), reason: Type.String() }), { description: 'OBX segments read but not recorded (comments, results the lab could not obtain)' }),
  alertsRaised: Type.Array(RaisedAlertView),
});
export type Hl7ImportResponse = Static<typeof Hl7ImportResponse>;

export const PatientDrugTests = Type.Object({ patientId: Uuid, tests: Type.Array(DrugTestSummary) });
export const FacilityDrugTests = Type.Object({ facilityId: Uuid, tests: Type.Array(DrugTestSummary) });
