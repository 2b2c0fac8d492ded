/** Intake assessment and level-of-care placement: request and response shapes. */
import { Type, type Static } from 'typebox';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

/*
 * The count of dimensions and each rating's range are checked by placement.ts
 * (dimensionProblems), so a wrong value is a 422 naming `dimensions[2].rating`. A rating
 * may arrive null (not rated yet) and is refused there: as a plain number, the app's Ajv
 * would coerce null to 0 and an unrated dimension would read as "no risk".
 */
export const DimensionInput = Type.Object(
  {
    rating: Type.Unsafe<number | null>({ type: ['number', 'null'], description: 'Risk rating, a whole number from 0 (none) to 4 (severe or imminent)' }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const Candidacy = Type.Object(
  {
    steppedDownFromHigherLevel: Type.Boolean({ description: 'Coming from residential or partial hospitalization' }),
    hasOutsideCommitments: Type.Boolean({ description: 'Work, school or family commitments to keep' }),
    hasCopingSkills: Type.Boolean(),
    hasSupportAtHome: Type.Boolean(),
    hasCoverageOrBudget: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Dimensions = Type.Array(DimensionInput, { maxItems: 20, description: 'Dimensions 1 to 6 in order: exactly six' });

export const PlacementPreviewInput = Type.Object(
  {
    programId: Type.Optional(Uuid),
    dimensions: Dimensions,
    candidacy: Candidacy,
  },
  { additionalProperties: false },
);
export type PlacementPreviewInput = Static<typeof PlacementPreviewInput>;

export const PlacementDecisionInput = Type.Union([
  Type.Object({ kind: Type.Literal('accept') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('override'),
      placedLevel: Type.String({ minLength: 1, maxLength: 8, description: 'Level code of the organization’s ASAM edition' }),
      reason: Type.Optional(Type.String({ maxLength: 4000, description: 'Required: why the recommendation is overridden' })),
    },
    { additionalProperties: false },
  ),
]);

export const IntakeAssessmentInput = Type.Object(
  {
    programId: Type.Optional(Uuid),
    assessedOn: LocalDay(),
    dimensions: Dimensions,
    candidacy: Candidacy,
    decision: PlacementDecisionInput,
  },
  { additionalProperties: false },
);
export type IntakeAssessmentInput = Static<typeof IntakeAssessmentInput>;

export const Recommendation = Type.Object({
  levelCode: Type.String(),
  levelName: Type.String(),
  route: Type.Union([Type.Literal('level_of_care'), Type.Literal('withdrawal_management'), Type.Literal('emergency')]),
  reasons: Type.Array(Type.Object({ code: Type.String(), text: Type.String(), dimension: Nullable(Type.Integer({ minimum: 1, maximum: 6 })) })),
});

export const IntakeAssessment = Type.Object({
  assessmentId: Uuid,
  patientId: Uuid,
  programId: Nullable(Uuid),
  programName: Nullable(Type.String()),
  edition: Type.Union([Type.Literal('3'), Type.Literal('4')]),
  population: Type.Union([Type.Literal('adult'), Type.Literal('adolescent')]),
  dimensions: Type.Array(Type.Object({ number: Type.Integer(), name: Type.String(), rating: Type.Integer(), notes: Type.String() })),
  candidacy: Candidacy,
  recommendation: Recommendation,
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('overridden')]),
  placedLevel: Type.String(),
  placedLevelName: Type.String(),
  overrideReason: Nullable(Type.String()),
  assessedOn: Type.String({ format: 'date' }),
  assessedBy: Type.Object({ staffId: Uuid, fullName: Type.String() }),
  createdAt: Timestamp,
});
export type IntakeAssessment = Static<typeof IntakeAssessment>;

export const IntakeAssessmentList = Type.Object({ assessments: Type.Array(IntakeAssessment, { description: 'Newest first' }) });

export const PlacementDimensions = Type.Object({
  edition: Type.Union([Type.Literal('3'), Type.Literal('4')]),
  dimensions: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      anchors: Type.Array(Type.Object({ rating: Type.Integer(), label: Type.String(), text: Type.String() }), { description: 'Ratings 0 to 4' }),
    }),
  ),
  levels: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: 'Levels of care of the edition, for an override' }),
});
export type PlacementDimensions = Static<typeof PlacementDimensions>;
