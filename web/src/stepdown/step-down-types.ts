/** Step-down API shapes, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type {
  DecisionInput as DecisionInputSchema,
  DecisionResult as DecisionResultSchema,
  EpisodeStepDown as EpisodeStepDownSchema,
  Evaluation as EvaluationSchema,
  StepDirection as StepDirectionSchema,
  StepDownDecision as StepDownDecisionSchema,
  StepDownQueue as StepDownQueueSchema,
} from '../../../src/stepdown/stepdown.schemas.ts';

export type StepDownDirection = Static<typeof StepDirectionSchema>;
export type Evaluation = Static<typeof EvaluationSchema>;
export type CriterionKey = Evaluation['criteria'][number]['key'];
export type ConcernKey = Evaluation['concerns'][number]['key'];
export type StepDownQueue = Static<typeof StepDownQueueSchema>;
export type StepDownQueueItem = StepDownQueue['items'][number];
export type StepDownDecision = Static<typeof StepDownDecisionSchema>;
export type EpisodeStepDown = Static<typeof EpisodeStepDownSchema>;
export type StepDownDecisionInput = Static<typeof DecisionInputSchema>;
export type StepDownDecisionResult = Static<typeof DecisionResultSchema>;
