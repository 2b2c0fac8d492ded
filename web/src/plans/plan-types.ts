/**
 * Treatment plan types, derived from the server's TypeBox schemas (type-only imports: no
 * server code reaches the bundle).
 */
import type { Static } from 'typebox';
import type {
  InPersonSignatureInput as InPersonSignatureInputSchema,
  Intervention as InterventionSchema,
  MeasuredInstrument as MeasuredInstrumentSchema,
  MeasurementInput as MeasurementInputSchema,
  Metric as MetricSchema,
  Objective as ObjectiveSchema,
  ObjectiveProgress as ObjectiveProgressSchema,
  PlanContent as PlanContentSchema,
  PlanReview as PlanReviewSchema,
  PlanStatus as PlanStatusSchema,
  PlanVersion as PlanVersionSchema,
  PlanView as PlanViewSchema,
  SessionKind as SessionKindSchema,
} from '../../../src/plans/plans.schemas.ts';

export type PlanInstrument = Static<typeof MeasuredInstrumentSchema>;
export type SessionKind = Static<typeof SessionKindSchema>;
export type Metric = Static<typeof MetricSchema>;
export type MetricKind = Metric['kind'];
export type Intervention = Static<typeof InterventionSchema>;
export type Objective = Static<typeof ObjectiveSchema>;
export type PlanContent = Static<typeof PlanContentSchema>;
export type PlanStatus = Static<typeof PlanStatusSchema>;
export type PlanVersion = Static<typeof PlanVersionSchema>;
export type ObjectiveProgress = Static<typeof ObjectiveProgressSchema>;
export type PlanReview = Static<typeof PlanReviewSchema>;
export type PlanView = Static<typeof PlanViewSchema>;
export type MeasurementInput = Static<typeof MeasurementInputSchema>;
export type InPersonSignatureInput = Static<typeof InPersonSignatureInputSchema>;
