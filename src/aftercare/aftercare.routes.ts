import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { episodePatient } from '../episodes/episode-access.ts';
import { EpisodeParams } from '../episodes/episodes.schemas.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CLINICAL_READERS, STAY_MANAGERS } from '../staff/roles.ts';
import { dischargeSummary, followupsDue, readAftercare, recordFollowup } from './aftercare.ts';
import { Aftercare, DischargeSummary, FacilityParams, FollowupInput, FollowupParams, FollowupsDue } from './aftercare.schemas.ts';

const tags = ['Discharge and aftercare'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function aftercareRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/episodes/:episodeId/discharge-summary', {
    config: { access: allow.patient(CLINICAL_READERS, episodePatient) },
    schema: {
      tags,
      summary: 'The stay in figures: days, phase reached, hours and sessions attended, instrument change, objectives met (as saved at discharge, or as of today)',
      params: EpisodeParams,
      response: { 200: DischargeSummary, ...staffErrors },
    },
  }, async (request) => dischargeSummary(deps, audit(request), request.params.episodeId));

  app.get('/api/episodes/:episodeId/aftercare', {
    config: { access: allow.patient(CLINICAL_READERS, episodePatient) },
    schema: { tags, summary: 'The aftercare plan recorded at discharge, the summary as it stood, and the 30/60/90-day follow-ups', params: EpisodeParams, response: { 200: Aftercare, ...staffErrors } },
  }, async (request) => readAftercare(deps, audit(request), request.params.episodeId));

  app.post('/api/episodes/:episodeId/followups/:followupId', {
    config: { access: allow.patient(STAY_MANAGERS, episodePatient) },
    schema: { tags, summary: 'Record how a follow-up contact went (again to correct it)', params: FollowupParams, body: FollowupInput, response: { 200: Aftercare, ...staffErrors, 422: ErrorResponse } },
  }, async (request) => recordFollowup(deps, actorOf(request), audit(request), request.params.episodeId, request.params.followupId, request.body));

  app.get('/api/facilities/:facilityId/followups-due', {
    config: { access: allow.facility(CLINICAL_READERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Follow-up contacts due or overdue (a week past due) without an outcome, overdue first', params: FacilityParams, response: { 200: FollowupsDue, ...staffErrors } },
  }, async (request) => followupsDue(deps, audit(request), request.params.facilityId));
}
