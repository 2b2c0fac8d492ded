/**
 * Intake assessment types, derived from the server's TypeBox schemas (type-only imports:
 * no server code reaches the bundle).
 */
import type { Static } from 'typebox';
import type {
  Candidacy as CandidacySchema,
  IntakeAssessment as IntakeAssessmentSchema,
  IntakeAssessmentInput as IntakeAssessmentInputSchema,
  PlacementDimensions as PlacementDimensionsSchema,
  PlacementPreviewInput as PlacementPreviewInputSchema,
  Recommendation as RecommendationSchema,
} from '../../../src/intake/intake.schemas.ts';

export type Candidacy = Static<typeof CandidacySchema>;
export type Recommendation = Static<typeof RecommendationSchema>;
export type PreviewInput = Static<typeof PlacementPreviewInputSchema>;
export type IntakeAssessmentInput = Static<typeof IntakeAssessmentInputSchema>;
export type IntakeAssessment = Static<typeof IntakeAssessmentSchema>;
export type PlacementDimensions = Static<typeof PlacementDimensionsSchema>;
export type PlacementDimension = PlacementDimensions['dimensions'][number];
