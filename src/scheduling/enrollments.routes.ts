import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type PatientResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { ENROLLERS, PATIENT_READERS } from '../staff/roles.ts';
import { checkEnrollment, endEnrollment, enrol, listPatientEnrollments } from './enrollments.ts';
import { EndEnrollmentInput, Enrollment, EnrollmentCheck, EnrollmentCheckInput, EnrollmentInput, EnrollmentParams } from './enrollments.schemas.ts';
import { enrollmentPatientId } from './enrollments.store.ts';
import { PatientParams } from './sessions.schemas.ts';

const tags = ['Enrolment'];

/** The patient whose enrolment is named in the path. */
const enrollmentPatient: PatientResolver = async (request, db, actor) => enrollmentPatientId(db, actor.orgId, (request.params as { enrollmentId: string }).enrollmentId);

export async function enrollmentsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/patients/:patientId/enrollments/check', {
    config: { access: allow.patient(ENROLLERS, patientInPath) },
    schema: {
      tags,
      summary: 'Preview an enrolment: eligibility, seats left, and conflicts over the first four weeks',
      params: PatientParams,
      body: EnrollmentCheckInput,
      response: { 200: EnrollmentCheck, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => checkEnrollment(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body));

  app.post('/api/patients/:patientId/enrollments', {
    config: { access: allow.patient(ENROLLERS, patientInPath) },
    schema: {
      tags,
      summary: 'Enrol a patient in a group (or its waitlist); ineligible needs an override reason, conflicts an acknowledgement',
      params: PatientParams,
      body: EnrollmentInput,
      response: { 201: Enrollment, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => reply.status(201).send(await enrol(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body)));

  app.get('/api/patients/:patientId/enrollments', {
    config: { access: allow.patient(PATIENT_READERS, patientInPath) },
    schema: { tags, summary: 'The patient’s group enrolments, current first', params: PatientParams, response: { 200: Type.Array(Enrollment), ...staffErrors } },
  }, async (request) => listPatientEnrollments(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId));

  app.post('/api/enrollments/:enrollmentId/end', {
    config: { access: allow.patient(ENROLLERS, enrollmentPatient) },
    schema: { tags, summary: 'End an enrolment; a freed seat goes to the first patient on the waitlist', params: EnrollmentParams, body: EndEnrollmentInput, response: { 200: Enrollment, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => endEnrollment(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.enrollmentId, request.body.endsOn));
}
