import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PATIENT_READERS, PATIENT_REGISTRARS } from '../staff/roles.ts';
import { editPatient, readPatient, registerPatient, searchPatients } from './patients.ts';
import { Patient, PatientCreateInput, PatientInput, PatientParams, PatientSearchQuery, PatientSummary } from './patients.schemas.ts';

const tags = ['Patients'];

/** The facility a new patient is registered at (checked again, for existence, inside the transaction). */
const bodyFacility: FacilityResolver = async (request) => (request.body as { facilityId: string }).facilityId;

export async function patientsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/patients', {
    config: { access: allow.facilities(PATIENT_READERS, 'treatment') },
    schema: {
      tags,
      summary: 'Find patients at your facilities by name (typos tolerated), MRN or date of birth; without q, a facility’s patients',
      querystring: PatientSearchQuery,
      response: { 200: Type.Array(PatientSummary), ...staffErrors },
    },
  }, async (request) => searchPatients(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.query));

  app.post('/api/patients', {
    config: { access: allow.facility(PATIENT_REGISTRARS, bodyFacility, 'treatment') },
    schema: {
      tags,
      summary: 'Register a patient; a same-name, same-birth-date match answers 409 possible_duplicate unless acknowledged',
      body: PatientCreateInput,
      response: { 201: Patient, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => {
    const patient = await registerPatient(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.body);
    return reply.status(201).send(patient);
  });

  app.get('/api/patients/:patientId', {
    config: { access: allow.patient(PATIENT_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s chart: demographics, diagnoses, availability and episodes of care', params: PatientParams, response: { 200: Patient, ...staffErrors } },
  }, async (request) => readPatient(deps, auditContextOf(request, deps.clock.now()), request.params.patientId));

  app.put('/api/patients/:patientId', {
    config: { access: allow.patient(PATIENT_REGISTRARS, patientInPath) },
    schema: {
      tags,
      summary: 'Replace a patient’s registration details (the MRN is kept when left out)',
      params: PatientParams,
      body: PatientInput,
      response: { 200: Patient, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => editPatient(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body));
}
