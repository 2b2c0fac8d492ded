/**
 * Treatment plans (issue 4, DESIGN.md "Treatment plan"): problems → goals → measurable
 * objectives → interventions, versioned and signed by the clinician and the patient.
 * One schema for staff, portal and web (web/src derives its types from these).
 */
import { Type, type Static } from 'typebox';
import { LocalDay, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { GroupTypeSchema } from '../scheduling/groups.schemas.ts';

/** At most this many entries at each level of a plan. */
export const MAX_PLAN_ENTRIES = 20;
/** Weekly metrics look back at most this many completed weeks. */
export const MAX_METRIC_WEEKS = 26;

const Text = (max: number) => Name(max);
/*
 * Nullable inputs as one JSON Schema with a type list, not anyOf: the app's Ajv coerces
 * types, and inside anyOf it would coerce a null baseline to 0 (or a 0 to null) in place.
 */
const NullableNumber = (options: { minimum: number; maximum: number }) => Type.Unsafe<number | null>({ type: ['number', 'null'], ...options });
const NullableUuid = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid' });
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });

/** A group type, or a one-off session (sessions.kind). 'family' counts family groups and one-off family sessions. */
export const SessionKind = Type.Union([GroupTypeSchema, Type.Literal('individual')], {
  description: 'A group type, or individual (one-off individual sessions); family counts family groups and one-off family sessions',
});
export type SessionKind = Static<typeof SessionKind>;

export const MeasuredInstrument = Type.Union([Type.Literal('phq9'), Type.Literal('gad7'), Type.Literal('audit'), Type.Literal('dast10')]);
export type MeasuredInstrument = Static<typeof MeasuredInstrument>;

/*
 * What an objective measures, and what its target means. Consecutive negative drug tests
 * join this union with issue 5 (drug tests): a `{ kind: 'negative_tests_in_a_row' }` whose
 * data comes from the drug-test results, measured in objective-progress.ts.
 */
export const Metric = Type.Union([
  Type.Object(
    { kind: Type.Literal('attendance_rate'), weeks: Type.Integer({ minimum: 1, maximum: MAX_METRIC_WEEKS }) },
    { additionalProperties: false, description: 'Target: percent of scheduled sessions attended over the last N completed weeks' },
  ),
  Type.Object({ kind: Type.Literal('weeks_hours_met') }, { additionalProperties: false, description: 'Target: completed weeks in a row with hours and required days met' }),
  Type.Object(
    { kind: Type.Literal('instrument_score_below'), instrument: MeasuredInstrument },
    { additionalProperties: false, description: 'Target: the latest score is below it' },
  ),
  Type.Object({ kind: Type.Literal('sessions_attended'), sessionKind: SessionKind }, { additionalProperties: false, description: 'Target: sessions of the kind attended since the plan took effect' }),
  Type.Object({ kind: Type.Literal('custom'), unit: Text(60) }, { additionalProperties: false, description: 'Target: total of the values staff record (objective measurements)' }),
]);
export type Metric = Static<typeof Metric>;
export type MetricKind = Metric['kind'];

export const Intervention = Type.Object(
  { interventionId: Uuid, service: Text(200), frequency: Text(200), responsibleStaffId: Uuid },
  { additionalProperties: false },
);
export type Intervention = Static<typeof Intervention>;

export const Objective = Type.Object(
  {
    objectiveId: Uuid,
    description: Text(1000),
    phaseId: NullableUuid,
    metric: Metric,
    baseline: NullableNumber({ minimum: 0, maximum: 1_000_000 }),
    target: Type.Number({ minimum: 0, maximum: 1_000_000 }),
    dueOn: LocalDay('The day the objective should be met'),
    interventions: Type.Array(Intervention, { maxItems: MAX_PLAN_ENTRIES }),
  },
  { additionalProperties: false },
);
export type Objective = Static<typeof Objective>;

export const Goal = Type.Object(
  { goalId: Uuid, statement: Text(2000), objectives: Type.Array(Objective, { maxItems: MAX_PLAN_ENTRIES }) },
  { additionalProperties: false },
);
export type Goal = Static<typeof Goal>;

export const Problem = Type.Object(
  { problemId: Uuid, statement: Text(2000), goals: Type.Array(Goal, { maxItems: MAX_PLAN_ENTRIES }) },
  { additionalProperties: false },
);
export type Problem = Static<typeof Problem>;

/** Ids are made by the client (uuid) and kept across versions, so progress follows an objective. */
export const PlanContent = Type.Object({ problems: Type.Array(Problem, { maxItems: MAX_PLAN_ENTRIES }) }, { additionalProperties: false });
export type PlanContent = Static<typeof PlanContent>;

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('awaiting_patient'), Type.Literal('active'), Type.Literal('superseded')]);
export type PlanStatus = Static<typeof PlanStatus>;

const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });

export const PlanVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: PlanStatus,
  content: PlanContent,
  createdBy: StaffRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  clinicianSignature: Nullable(Type.Object({ staffId: Uuid, fullName: Type.String(), signedAt: Timestamp })),
  patientSignature: Nullable(Type.Object({ name: Type.String(), signedAt: Timestamp })),
  effectiveOn: Nullable(Type.String({ description: 'Facility day the patient signed; null until then' })),
  reviewDueOn: Nullable(Type.String()),
  reviewOverdue: Type.Boolean({ description: 'In force and its review date has passed' }),
  responsibleStaff: Type.Array(StaffRef, { description: 'Names of the staff the interventions name (unknown ids are left out)' }),
});
export type PlanVersion = Static<typeof PlanVersion>;

export const ObjectiveProgress = Type.Object({
  objectiveId: Uuid,
  current: Nullable(Type.Number({ description: 'null: nothing to measure yet' })),
  target: Type.Number(),
  baseline: Nullable(Type.Number()),
  met: Type.Boolean(),
  progress: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'From baseline (or zero) to target' })),
  explanation: Type.String(),
  dueOn: Type.String(),
  overdue: Type.Boolean({ description: 'Past its due day and not met' }),
});
export type ObjectiveProgress = Static<typeof ObjectiveProgress>;

export const PlanReview = Type.Object({
  reviewId: Uuid,
  version: Type.Integer(),
  reviewedOn: Type.String(),
  reviewedBy: StaffRef,
  note: Type.String(),
  nextReviewDueOn: Type.String(),
  createdAt: Timestamp,
});
export type PlanReview = Static<typeof PlanReview>;

export const PlanHistoryEntry = Type.Object({
  version: Type.Integer(),
  status: PlanStatus,
  effectiveOn: Nullable(Type.String()),
  clinicianSignedAt: Nullable(Timestamp),
  patientSignedAt: Nullable(Timestamp),
});

export const PlanView = Type.Object({
  episodeId: Uuid,
  patientId: Uuid,
  reviewIntervalDays: Type.Integer({ description: 'The program’s plan review interval' }),
  active: Nullable(PlanVersion),
  pending: Nullable(PlanVersion),
  progress: Type.Array(ObjectiveProgress, { description: 'Objectives of the plan in force, else of the pending version' }),
  reviews: Type.Array(PlanReview, { description: 'Newest first' }),
  history: Type.Array(PlanHistoryEntry, { description: 'Every version, newest first' }),
});
export type PlanView = Static<typeof PlanView>;

export const PlanDraftInput = Type.Object({ content: PlanContent }, { additionalProperties: false });
export type PlanDraftInput = Static<typeof PlanDraftInput>;

export const PlanSignInput = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type PlanSignInput = Static<typeof PlanSignInput>;

export const PlanReviewInput = Type.Object({ note: Text(10_000) }, { additionalProperties: false });
export type PlanReviewInput = Static<typeof PlanReviewInput>;

export const MeasurementInput = Type.Object(
  {
    measuredOn: LocalDay('The facility day measured'),
    value: Type.Number({ minimum: 0, maximum: 99_999_999 }),
    note: Type.Optional(NullableText(1000)),
  },
  { additionalProperties: false },
);
export type MeasurementInput = Static<typeof MeasurementInput>;

export const PlanReviewState = Type.Union([
  Type.Literal('no_plan'),
  Type.Literal('draft'),
  Type.Literal('awaiting_patient'),
  Type.Literal('review_overdue'),
  Type.Literal('review_due_soon'),
]);
export type PlanReviewState = Static<typeof PlanReviewState>;

export const PlanReviewWorklist = Type.Object({
  items: Type.Array(
    Type.Object({
      patientId: Uuid,
      patientName: Type.String(),
      mrn: Type.String(),
      episodeId: Uuid,
      programName: Type.String(),
      state: PlanReviewState,
      reviewDueOn: Nullable(Type.String()),
      version: Nullable(Type.Integer()),
    }),
    { description: 'Active episodes whose plan needs attention, most urgent first' },
  ),
});
export type PlanReviewWorklist = Static<typeof PlanReviewWorklist>;

export const PortalPlan = Type.Object({
  episodeId: Uuid,
  programName: Type.String(),
  awaitingSignature: Nullable(PlanVersion),
  active: Nullable(PlanVersion),
  progress: Type.Array(ObjectiveProgress),
});
export type PortalPlan = Static<typeof PortalPlan>;

export const PortalPlans = Type.Object({ plans: Type.Array(PortalPlan) });
export type PortalPlans = Static<typeof PortalPlans>;

/** What the patient's signature carries, in the portal or in the clinic. */
const patientSignatureFields = {
  version: Type.Integer({ minimum: 1 }),
  updatedAt: Type.String({ format: 'date-time', description: 'The version’s updatedAt as the patient was shown it: a version changed since is not signed (409 plan_changed)' }),
  typedName: Type.String({ minLength: 1, maxLength: 300, description: 'The patient types their full name' }),
};

export const PortalPlanSignInput = Type.Object(patientSignatureFields, { additionalProperties: false });
export type PortalPlanSignInput = Static<typeof PortalPlanSignInput>;

/** The patient signs in the clinic; the clinician sending it attests they saw the patient sign. */
export const InPersonSignatureInput = Type.Object(
  { ...patientSignatureFields, method: Type.Literal('in_person', { description: 'Signed in the clinician’s presence (on paper or a clinic tablet)' }) },
  { additionalProperties: false },
);
export type InPersonSignatureInput = Static<typeof InPersonSignatureInput>;

export const EpisodePlanParams = Type.Object({ episodeId: Uuid });
export const ObjectiveParams = Type.Object({ episodeId: Uuid, objectiveId: Uuid });
export const FacilityPlanParams = Type.Object({ facilityId: Uuid });
