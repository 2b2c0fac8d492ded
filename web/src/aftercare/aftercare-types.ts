/** Discharge summary and aftercare API shapes, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type {
  Aftercare as AftercareSchema,
  AftercareInput as AftercareInputSchema,
  AftercarePlan as AftercarePlanSchema,
  DischargeSummary as DischargeSummarySchema,
  Fellowship as FellowshipSchema,
  Followup as FollowupSchema,
  FollowupInput as FollowupInputSchema,
  FollowupOutcome as FollowupOutcomeSchema,
  FollowupsDue as FollowupsDueSchema,
} from '../../../src/aftercare/aftercare.schemas.ts';

export type Fellowship = Static<typeof FellowshipSchema>;
export type FollowupOutcome = Static<typeof FollowupOutcomeSchema>;
export type DischargeSummary = Static<typeof DischargeSummarySchema>;
export type ScorePoint = NonNullable<DischargeSummary['instruments'][number]['first']>;
export type AftercareInput = Static<typeof AftercareInputSchema>;
export type AftercareMeeting = AftercareInput['meetings'][number];
export type AftercarePlan = Static<typeof AftercarePlanSchema>;
export type Followup = Static<typeof FollowupSchema>;
export type FollowupInput = Static<typeof FollowupInputSchema>;
export type Aftercare = Static<typeof AftercareSchema>;
export type FacilityFollowup = Static<typeof FollowupsDueSchema>['items'][number];
