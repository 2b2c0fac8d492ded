import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PatientParams } from '../patients/patients.schemas.ts';
import { getProgramRow } from '../programs/programs.store.ts';
import { DISCHARGERS, EPISODE_MANAGERS, PATIENT_READERS, STAY_MANAGERS } from '../staff/roles.ts';
import { admitPatient, changePhase, dischargePatient, extendStay, programCensus } from './episodes.ts';
import { AdmitInput, Census, CensusParams, DischargeInput, Episode, EpisodeParams, ExtendStayInput, PhaseChangeInput } from './episodes.schemas.ts';
import { episodePatient } from './episode-access.ts';

const tags = ['Episodes of care'];

const programFacility: FacilityResolver = async (request, db, actor) =>
  (await getProgramRow(db, actor.orgId, (request.params as { programId: string }).programId))?.facility_id;

export async function episodesRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const errors = { 422: ErrorResponse, ...staffErrors };

  app.post('/api/patients/:patientId/episodes', {
    config: { access: allow.patient(EPISODE_MANAGERS, patientInPath) },
    schema: { tags, summary: 'Admit a patient to a program (one active episode per program)', params: PatientParams, body: AdmitInput, response: { 201: Episode, ...errors } },
  }, async (request, reply) => {
    const episode = await admitPatient(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body);
    return reply.status(201).send(episode);
  });

  app.post('/api/episodes/:episodeId/phase', {
    config: { access: allow.patient(EPISODE_MANAGERS, episodePatient) },
    schema: { tags, summary: 'Move an active episode to another phase of its program from a day', params: EpisodeParams, body: PhaseChangeInput, response: { 200: Episode, ...errors } },
  }, async (request) => changePhase(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/discharge', {
    config: { access: allow.patient(DISCHARGERS, episodePatient) },
    schema: {
      tags,
      summary: 'Discharge an active episode; its group enrolments and waitlist places end on the discharge day. Completing or stepping down to outpatient needs an aftercare plan (saved with the summary and 30/60/90-day follow-ups)',
      params: EpisodeParams,
      body: DischargeInput,
      response: { 200: Episode, ...errors },
    },
  }, async (request) => dischargePatient(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.episodeId, request.body));

  app.post('/api/episodes/:episodeId/extend-stay', {
    config: { access: allow.patient(STAY_MANAGERS, episodePatient) },
    schema: {
      tags,
      summary: 'Move the expected discharge later, with the reason (at most two years after admission)',
      params: EpisodeParams,
      body: ExtendStayInput,
      response: { 200: Episode, ...errors },
    },
  }, async (request) => extendStay(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.episodeId, request.body));

  app.get('/api/programs/:programId/census', {
    config: { access: allow.facility(PATIENT_READERS, programFacility, 'operations') },
    schema: { tags, summary: 'Who is in a program now, by phase and track, with the last 30 days’ admissions and discharges', params: CensusParams, response: { 200: Census, ...staffErrors } },
  }, async (request) => programCensus(deps, auditContextOf(request, deps.clock.now()), request.params.programId));
}
