/**
 * The portal's questionnaire and plan shapes, derived from the server's TypeBox schemas
 * with type-only imports (as web/src/api/types.ts does): no server code reaches the bundle.
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
import type {
  PortalQuestionnaireInput as PortalQuestionnaireInputSchema,
  PortalQuestionnaireReceipt as PortalQuestionnaireReceiptSchema,
  PortalQuestionnaires as PortalQuestionnairesSchema,
} from '../../../src/instruments/instruments.schemas.ts';

export type PortalQuestionnaires = Static<typeof PortalQuestionnairesSchema>;
export type PortalDueQuestionnaire = PortalQuestionnaires['due'][number];
export type PortalQuestionnaireInput = Static<typeof PortalQuestionnaireInputSchema>;
/** `crisisResources`: the answers call for crisis resources now (PHQ-9 item 9, C-SSRS): the portal shows 988. */
export type PortalQuestionnaireReceipt = Static<typeof PortalQuestionnaireReceiptSchema>;

export type PlanContent = Static<typeof PlanContentSchema>;
export type PlanObjective = PlanContent['problems'][number]['goals'][number]['objectives'][number];
export type PlanIntervention = PlanObjective['interventions'][number];
export type PlanVersion = Static<typeof PlanVersionSchema>;
export type ObjectiveProgress = Static<typeof ObjectiveProgressSchema>;
export type PortalPlan = Static<typeof PortalPlanSchema>;
export type PortalPlans = Static<typeof PortalPlansSchema>;
export type PortalSignInput = Static<typeof PortalPlanSignInputSchema>;
