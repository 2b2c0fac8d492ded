/** Instrument routes (staff): definitions, recording and reading responses, due lists; and the portal's. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { portalQuestionnairesRoutes } from '../portal/portal-questionnaires.routes.ts';
import { CLINICAL_READERS, INSTRUMENT_ADMINISTRATORS, STAFF_ROLES } from '../staff/roles.ts';
import { INSTRUMENTS, INSTRUMENT_IDS } from './definitions.ts';
import { facilityDue, patientDue } from './due-lists.ts';
import { listResponses, recordResponse } from './instruments.ts';
import {
  FacilityDueInstruments,
  FacilityParams,
  InstrumentDefinitionSchema,
  InstrumentResponse,
  InstrumentResponseInput,
  InstrumentResponses,
  PatientDueInstruments,
  PatientParams,
  ResponsesQuery,
} from './instruments.schemas.ts';

const tags = ['Instruments'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function instrumentsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  // Every role by name (not 'any'): definitions are reference data, not patient data.
  app.get('/api/instruments', {
    config: { access: allow.organization(STAFF_ROLES, 'treatment') },
    schema: { tags, summary: 'The standard instruments: items, answer options, skip logic, severity bands, LOINC', response: { 200: Type.Array(InstrumentDefinitionSchema), ...staffErrors } },
  }, async () => INSTRUMENT_IDS.map((id) => INSTRUMENTS[id]));

  app.post('/api/patients/:patientId/instrument-responses', {
    config: { access: allow.patient(INSTRUMENT_ADMINISTRATORS, patientInPath) },
    schema: {
      tags,
      summary: 'Record a completed instrument: scored at once, kept with who gave it and when',
      params: PatientParams,
      body: InstrumentResponseInput,
      response: { 201: InstrumentResponse, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => {
    const response = await recordResponse(deps, actorOf(request), audit(request), request.params.patientId, request.body);
    return reply.status(201).send(response);
  });

  app.get('/api/patients/:patientId/instrument-responses', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s instrument responses with scores, oldest first', params: PatientParams, querystring: ResponsesQuery, response: { 200: InstrumentResponses, ...staffErrors } },
  }, async (request) => ({ responses: await listResponses(deps, audit(request), request.params.patientId, request.query) }));

  app.get('/api/patients/:patientId/instruments-due', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: { tags, summary: 'Instruments the patient’s active episodes owe now (program cadence), overdue first', params: PatientParams, response: { 200: PatientDueInstruments, ...staffErrors } },
  }, async (request) => patientDue(deps, audit(request), request.params.patientId));

  app.get('/api/facilities/:facilityId/instruments-due', {
    config: { access: allow.facility(CLINICAL_READERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Due and overdue instruments of every active patient of the facility’s programs, worst first', params: FacilityParams, response: { 200: FacilityDueInstruments, ...staffErrors } },
  }, async (request) => facilityDue(deps, audit(request), request.params.facilityId));

  // The patient's side lives with the portal's routes; registered here so the app wires instruments in one place.
  await portalQuestionnairesRoutes(root, deps);
}
