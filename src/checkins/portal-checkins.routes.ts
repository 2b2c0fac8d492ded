/** The patient's own daily check-in in the portal. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { portalAuditContextOf } from '../audit/record.ts';
import { allow, patientActorOf } from '../http/access.ts';
import { ErrorResponse } from '../http/schemas.ts';
import { portalCheckins, recordPortalCheckin } from './checkins.ts';
import { CheckinCreated, CheckinInput, PortalCheckins, PortalCheckinsQuery } from './checkins.schemas.ts';

const tags = ['Patient portal'];

export async function portalCheckinsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/portal/checkins', {
    config: { access: allow.portal() },
    schema: {
      tags,
      summary: 'My check-ins of the last `days` days (default 14), newest first, and today’s if done',
      querystring: PortalCheckinsQuery,
      response: { 200: PortalCheckins, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => portalCheckins(deps, portalAuditContextOf(request, deps.clock.now()), patientActorOf(request).patientId, request.query.days));

  app.post('/api/portal/checkins', {
    config: { access: allow.portal() },
    schema: {
      tags,
      summary: 'Check in for today; a second check-in the same day replaces the first',
      body: CheckinInput,
      response: { 201: CheckinCreated, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
    },
  }, async (request, reply) => {
    const patient = patientActorOf(request);
    return reply.status(201).send(await recordPortalCheckin(deps, portalAuditContextOf(request, deps.clock.now()), patient.patientId, request.body));
  });
}
