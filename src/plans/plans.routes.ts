/** Treatment plan routes (staff): read, write and sign, the patient's signature in the clinic, review, custom measurements, the review worklist; and the portal's. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { episodePatient } from '../episodes/episode-access.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { portalPlanRoutes } from '../portal/portal-plan.routes.ts';
import { CLINICAL_READERS, PLAN_AUTHORS } from '../staff/roles.ts';
import { facilityPlanReviews, getPlanView, recordInPersonSignature, recordMeasurement, reviewPlan, savePlanDraft, signPlanAsClinician } from './plans.ts';
import {
  EpisodePlanParams,
  FacilityPlanParams,
  InPersonSignatureInput,
  MeasurementInput,
  ObjectiveParams,
  ObjectiveProgress,
  PlanDraftInput,
  PlanReviewInput,
  PlanReviewWorklist,
  PlanSignInput,
  PlanVersion,
  PlanView,
} from './plans.schemas.ts';

const tags = ['Treatment plans'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function plansRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());
  const writeErrors = { ...staffErrors, 422: ErrorResponse };

  app.get('/api/episodes/:episodeId/plan', {
    config: { access: allow.patient(CLINICAL_READERS, episodePatient) },
    schema: { tags, summary: 'The plan in force, the version being written or awaiting the patient, objective progress, reviews and history', params: EpisodePlanParams, response: { 200: PlanView, ...staffErrors } },
  }, async (request) => getPlanView(deps, actorOf(request), audit(request), request.params.episodeId));

  app.put('/api/episodes/:episodeId/plan/draft', {
    config: { access: allow.patient(PLAN_AUTHORS, episodePatient) },
    schema: {
      tags,
      summary: 'Save the plan being written: replaces the open version (one awaiting the patient returns to draft) or starts the next version',
      params: EpisodePlanParams,
      body: PlanDraftInput,
      response: { 200: PlanVersion, ...writeErrors },
    },
  }, async (request) => savePlanDraft(deps, actorOf(request), audit(request), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/plan/sign', {
    config: { access: allow.patient(PLAN_AUTHORS, episodePatient) },
    schema: { tags, summary: 'The clinician signs the draft; it then awaits the patient’s signature in the portal', params: EpisodePlanParams, body: PlanSignInput, response: { 200: PlanVersion, ...writeErrors } },
  }, async (request) => signPlanAsClinician(deps, actorOf(request), audit(request), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/plan/patient-signature', {
    config: { access: allow.patient(PLAN_AUTHORS, episodePatient) },
    schema: {
      tags,
      summary: 'The patient signs in the clinic, the clinician attesting it: same checks as the portal signature; the version takes effect today',
      params: EpisodePlanParams,
      body: InPersonSignatureInput,
      response: { 200: PlanVersion, ...writeErrors },
    },
  }, async (request) => recordInPersonSignature(deps, actorOf(request), audit(request), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/plan/reviews', {
    config: { access: allow.patient(PLAN_AUTHORS, episodePatient) },
    schema: { tags, summary: 'Review the plan in force without changing it; the next review falls due after the program’s interval', params: EpisodePlanParams, body: PlanReviewInput, response: { 200: PlanView, ...writeErrors } },
  }, async (request) => reviewPlan(deps, actorOf(request), audit(request), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/plan/objectives/:objectiveId/measurements', {
    config: { access: allow.patient(PLAN_AUTHORS, episodePatient) },
    schema: { tags, summary: 'Record a value for a custom objective; returns the objective’s progress', params: ObjectiveParams, body: MeasurementInput, response: { 200: ObjectiveProgress, ...writeErrors } },
  }, async (request) => recordMeasurement(deps, actorOf(request), audit(request), request.params.episodeId, request.params.objectiveId, request.body));

  app.get('/api/facilities/:facilityId/plan-reviews', {
    config: { access: allow.facility(CLINICAL_READERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Active episodes whose plan needs attention: no plan, unsigned, review overdue or due within 7 days', params: FacilityPlanParams, response: { 200: PlanReviewWorklist, ...staffErrors } },
  }, async (request) => facilityPlanReviews(deps, actorOf(request), audit(request), request.params.facilityId));

  // The patient's side lives with the portal's routes; registered here so the app wires plans in one place.
  await portalPlanRoutes(root, deps);
}
