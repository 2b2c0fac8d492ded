/** Daily check-ins: staff entry and the trend read; registers the kiosk and portal routes too. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CHECKIN_RECORDERS, CLINICAL_READERS } from '../staff/roles.ts';
import { patientCheckins, recordStaffCheckin } from './checkins.ts';
import { CheckinCreated, CheckinInput, CheckinsQuery, PatientCheckins, PatientParams } from './checkins.schemas.ts';
import { kioskRoutes } from './kiosk.routes.ts';
import { portalCheckinsRoutes } from './portal-checkins.routes.ts';

const tags = ['Check-ins'];

/** Daily check-ins: portal, front-desk kiosk, staff entry, trends. */
export async function checkinsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.post('/api/patients/:patientId/checkins', {
    config: { access: allow.patient(CHECKIN_RECORDERS, patientInPath) },
    schema: {
      tags,
      summary: 'Enter today’s check-in for a patient (read over the phone); replaces an earlier one the same day',
      params: PatientParams,
      body: CheckinInput,
      response: { 201: CheckinCreated, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await recordStaffCheckin(deps, actorOf(request), audit(request), request.params.patientId, request.body)));

  app.get('/api/patients/:patientId/checkins', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: {
      tags,
      summary: 'A patient’s check-ins over a range of facility-local days (default the last 30), oldest first, with a summary for trend charts',
      params: PatientParams,
      querystring: CheckinsQuery,
      response: { 200: PatientCheckins, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request) => patientCheckins(deps, audit(request), request.params.patientId, request.query));

  await kioskRoutes(root, deps);
  await portalCheckinsRoutes(root, deps);
}
