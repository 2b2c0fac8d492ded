/**
 * The portal's questionnaire and plan shapes. Plans are derived from src/plans' TypeBox
 * schemas with type-only imports (as web/src/api/types.ts does); the questionnaire shapes
 * follow the issue 4 contract (section A) until src/instruments publishes its schemas.
 */
import type { Static } from 'typebox';
import type {
  ObjectiveProgress as ObjectiveProgressSchema,
  PlanContent as PlanContentSchema,
  PlanVersion as PlanVersionSchema,
  PortalPlan as PortalPlanSchema,
  PortalPlanSignInput as PortalPlanSignInputSchema,
  PortalPlans as PortalPlansSchema,
} from '../../../src/plans/plans.schemas.ts';
import type { InstrumentDefinition, InstrumentId } from '../instruments/instrument-types.ts';

export interface PortalDueQuestionnaire {
  instrument: InstrumentId;
  episodeId: string;
  programName: string;
  reason: 'admission' | 'periodic' | 'discharge';
  dueOn: string;
  status: 'due' | 'overdue';
  definition: InstrumentDefinition;
}

export interface PortalQuestionnaires {
  due: PortalDueQuestionnaire[];
}

export interface PortalQuestionnaireInput {
  instrument: InstrumentId;
  episodeId: string;
  answers: (number | boolean | null)[];
}

export interface PortalQuestionnaireReceipt {
  instrument: InstrumentId;
  administeredOn: string;
  /** The answers call for crisis resources now (PHQ-9 item 9, C-SSRS): the portal shows 988. */
  crisisResources: boolean;
}

export type PlanContent = Static<typeof PlanContentSchema>;
export type PlanObjective = PlanContent['problems'][number]['goals'][number]['objectives'][number];
export type PlanIntervention = PlanObjective['interventions'][number];
export type PlanVersion = Static<typeof PlanVersionSchema>;
export type ObjectiveProgress = Static<typeof ObjectiveProgressSchema>;
export type PortalPlan = Static<typeof PortalPlanSchema>;
export type PortalPlans = Static<typeof PortalPlansSchema>;
export type PortalSignInput = Static<typeof PortalPlanSignInputSchema>;
