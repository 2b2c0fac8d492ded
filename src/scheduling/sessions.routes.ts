import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PATIENT_READERS, SCHEDULERS } from '../staff/roles.ts';
import { bookPatientSession, loadPatientSchedule } from './patient-sessions.ts';
import { cancelSession, loadCalendar, moveSession } from './sessions.ts';
import {
  CalendarParams,
  CalendarQuery,
  CalendarSession,
  CancelInput,
  IndividualSessionInput,
  MoveInput,
  PatientParams,
  PatientSchedule,
  ScheduleQuery,
  SessionParams,
} from './sessions.schemas.ts';
import { sessionFacilityId } from './sessions.store.ts';

const tags = ['Sessions'];

/** The facility in the path, if it is the caller's organization's. */
const facilityInPath: FacilityResolver = async (request, db, actor) => (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

/** The facility of the session named in the path. */
const sessionFacility: FacilityResolver = async (request, db, actor) => sessionFacilityId(db, actor.orgId, (request.params as { sessionId: string }).sessionId);

export async function sessionsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/facilities/:facilityId/sessions', {
    config: { access: allow.facility(PATIENT_READERS, facilityInPath) },
    schema: {
      tags,
      summary: 'The facility calendar: group occurrences and individual sessions over at most 42 days (default: this week)',
      params: CalendarParams,
      querystring: CalendarQuery,
      response: { 200: Type.Array(CalendarSession), 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => loadCalendar(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.facilityId, request.query));

  app.post('/api/sessions/:sessionId/cancel', {
    config: { access: allow.facility(SCHEDULERS, sessionFacility) },
    schema: { tags, summary: 'Cancel one session (a holiday, an absence), keeping it on the calendar with the reason', params: SessionParams, body: CancelInput, response: { 200: CalendarSession, ...staffErrors } },
  }, async (request) => cancelSession(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.sessionId, request.body.reason));

  app.post('/api/sessions/:sessionId/move', {
    config: { access: allow.facility(SCHEDULERS, sessionFacility) },
    schema: { tags, summary: 'Move one session to another day, time, length or room', params: SessionParams, body: MoveInput, response: { 200: CalendarSession, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => moveSession(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.sessionId, request.body));

  app.post('/api/patients/:patientId/sessions', {
    config: { access: allow.patient(SCHEDULERS, patientInPath) },
    schema: {
      tags,
      summary: 'Book an individual or family session; clashes need acknowledgeConflicts',
      params: PatientParams,
      body: IndividualSessionInput,
      response: { 201: CalendarSession, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) =>
    reply.status(201).send(await bookPatientSession(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body)));

  app.get('/api/patients/:patientId/schedule', {
    config: { access: allow.patient(PATIENT_READERS, patientInPath) },
    schema: { tags, summary: 'The patient’s sessions in one facility week, with attendance where recorded', params: PatientParams, querystring: ScheduleQuery, response: { 200: PatientSchedule, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => loadPatientSchedule(deps, actorOf(request).orgId, auditContextOf(request, deps.clock.now()), request.params.patientId, request.query.weekOf));
}
