/** Medication list (catalog, add, edit, stop) and observed dosing (registered from here). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CLINICAL_READERS, MEDICATION_MANAGERS, STAFF_ROLES } from '../staff/roles.ts';
import { dosingRoutes } from './dosing.routes.ts';
import { medicationPatient } from './medication-access.ts';
import { addMedication, catalogView, editMedication, listMedications, stopMedicationOn } from './medications.ts';
import { Catalog, Medication, MedicationEdit, MedicationInput, MedicationParams, Medications, PatientParams, StopInput } from './medications.schemas.ts';

const tags = ['Medications'];

/** Medication list, observed dosing log, adherence. */
export async function medicationsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  // Every role by name (not 'any'): the catalog is reference data, not patient data.
  app.get('/api/medications/catalog', {
    config: { access: allow.organization(STAFF_ROLES, 'treatment') },
    schema: { tags, summary: 'Medications Cairn recognises by name or brand: MOUD/MAUD and the drug-test analytes each explains; and the analyte codes', response: { 200: Catalog, ...staffErrors } },
  }, async () => catalogView());

  app.get('/api/patients/:patientId/medications', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s medications, in force first, with 30-day adherence for observed ones', params: PatientParams, response: { 200: Medications, ...staffErrors } },
  }, async (request) => listMedications(deps, audit(request), request.params.patientId));

  app.post('/api/patients/:patientId/medications', {
    config: { access: allow.patient(MEDICATION_MANAGERS, patientInPath) },
    schema: {
      tags,
      summary: 'Add a medication; MOUD/MAUD and expected analytes default from the catalog',
      params: PatientParams,
      body: MedicationInput,
      response: { 201: Medication, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await addMedication(deps, actorOf(request), audit(request), request.params.patientId, request.body)));

  app.put('/api/medications/:medicationId', {
    config: { access: allow.patient(MEDICATION_MANAGERS, medicationPatient) },
    schema: { tags, summary: 'Edit a medication in force (every field stated)', params: MedicationParams, body: MedicationEdit, response: { 200: Medication, ...staffErrors, 422: ErrorResponse } },
  }, async (request) => editMedication(deps, audit(request), request.params.medicationId, request.body));

  app.post('/api/medications/:medicationId/stop', {
    config: { access: allow.patient(MEDICATION_MANAGERS, medicationPatient) },
    schema: { tags, summary: 'Stop a medication from a day on (the first day it is no longer taken)', params: MedicationParams, body: StopInput, response: { 200: Medication, ...staffErrors, 422: ErrorResponse } },
  }, async (request) => stopMedicationOn(deps, audit(request), request.params.medicationId, request.body));

  await dosingRoutes(root, deps);
}
