/** Treatment-plan shapes this area reads, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type {
  ObjectiveProgress as ObjectiveProgressSchema,
  PlanReviewWorklist as PlanReviewWorklistSchema,
  PlanVersion as PlanVersionSchema,
  PlanView as PlanViewSchema,
} from '../../../src/plans/plans.schemas.ts';

export type ObjectiveProgress = Static<typeof ObjectiveProgressSchema>;
export type PlanVersion = Static<typeof PlanVersionSchema>;
export type PlanView = Static<typeof PlanViewSchema>;
export type PlanReviewItem = Static<typeof PlanReviewWorklistSchema>['items'][number];
