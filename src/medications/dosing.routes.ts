/** Observed dosing: the day's list at a facility, recording a dose, a patient's dose log. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CLINICAL_READERS, DOSE_RECORDERS, type StaffRole } from '../staff/roles.ts';
import { doseLog, dosingDay, recordDose } from './doses.ts';
import { medicationPatient } from './medication-access.ts';
import { DoseInput, DoseLog, DoseRangeQuery, DoseRecord, DosingDay, DosingQuery, FacilityParams, MedicationParams, PatientParams } from './medications.schemas.ts';

const tags = ['Medications'];

/** Who sees the day's dosing list: those who dose, and the clinical director who oversees them. */
const DOSING_LIST_READERS: readonly StaffRole[] = [...DOSE_RECORDERS, 'clinical_director'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function dosingRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/facilities/:facilityId/dosing', {
    config: { access: allow.facility(DOSING_LIST_READERS, facilityInPath, 'treatment') },
    schema: {
      tags,
      summary: 'Observed doses due at the facility on a day (default today), with what was recorded',
      params: FacilityParams,
      querystring: DosingQuery,
      response: { 200: DosingDay, ...staffErrors },
    },
  }, async (request) => dosingDay(deps, audit(request), request.params.facilityId, request.query.date));

  app.post('/api/medications/:medicationId/doses', {
    config: { access: allow.patient(DOSE_RECORDERS, medicationPatient) },
    schema: {
      tags,
      summary: 'Record an observed dose: given, missed, refused or held; missed and refused raise an alert',
      params: MedicationParams,
      body: DoseInput,
      response: { 201: DoseRecord, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await recordDose(deps, actorOf(request), audit(request), request.params.medicationId, request.body)));

  app.get('/api/patients/:patientId/doses', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: {
      tags,
      summary: 'A patient’s recorded doses over a range of days (default the last 30), newest first',
      params: PatientParams,
      querystring: DoseRangeQuery,
      response: { 200: DoseLog, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request) => doseLog(deps, audit(request), request.params.patientId, request.query));
}
