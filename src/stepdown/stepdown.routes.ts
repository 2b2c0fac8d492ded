import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { episodePatient } from '../episodes/episode-access.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CLINICAL_READERS, STEP_DOWN_APPROVERS } from '../staff/roles.ts';
import { decideStepDown, episodeStepDown, stepDownQueue } from './stepdown.ts';
import { DecisionInput, DecisionResult, EpisodeParams, EpisodeStepDown, FacilityParams, StepDownQueue } from './stepdown.schemas.ts';

const tags = ['Step-down'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function stepDownRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/facilities/:facilityId/step-down-queue', {
    config: { access: allow.facility(CLINICAL_READERS, facilityInPath, 'treatment') },
    schema: {
      tags,
      summary: 'Patients whose last completed week meets their phase’s criteria (or shows a concern), not yet decided, with the evidence',
      params: FacilityParams,
      response: { 200: StepDownQueue, ...staffErrors },
    },
  }, async (request) => stepDownQueue(deps, audit(request), request.params.facilityId));

  app.get('/api/episodes/:episodeId/step-down', {
    config: { access: allow.patient(CLINICAL_READERS, episodePatient) },
    schema: { tags, summary: 'An episode’s step-down evaluation for the last completed week, and the decisions taken', params: EpisodeParams, response: { 200: EpisodeStepDown, ...staffErrors } },
  }, async (request) => episodeStepDown(deps, audit(request), request.params.episodeId));

  app.post('/api/episodes/:episodeId/step-down/decisions', {
    config: { access: allow.patient(STEP_DOWN_APPROVERS, episodePatient) },
    schema: {
      tags,
      summary: 'Approve or decline the proposal for a week (evaluated again first); an approved move changes the phase from this week',
      params: EpisodeParams,
      body: DecisionInput,
      response: { 201: DecisionResult, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await decideStepDown(deps, actorOf(request), audit(request), request.params.episodeId, request.body)));
}
