/** Portal: the patient reads their treatment plans and signs the version awaiting them. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { portalAuditContextOf } from '../audit/record.ts';
import { allow, patientActorOf } from '../http/access.ts';
import { ErrorResponse } from '../http/schemas.ts';
import { EpisodePlanParams, PortalPlan, PortalPlanSignInput, PortalPlans } from '../plans/plans.schemas.ts';
import { portalPlans, signPlanAsPatient } from '../plans/portal-plans.ts';

const tags = ['Patient portal'];

export async function portalPlanRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/portal/plans', {
    config: { access: allow.portal() },
    schema: { tags, summary: 'My treatment plans: the one in force, one awaiting my signature, and progress toward my goals', response: { 200: PortalPlans, 401: ErrorResponse } },
  }, async (request) => portalPlans(deps, patientActorOf(request), portalAuditContextOf(request, deps.clock.now())));

  app.post('/api/portal/plans/:episodeId/sign', {
    config: { access: allow.portal() },
    schema: {
      tags,
      summary: 'Sign the plan awaiting my signature by typing my full name; it takes effect today',
      params: EpisodePlanParams,
      body: PortalPlanSignInput,
      response: { 200: PortalPlan, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
    },
  }, async (request) => signPlanAsPatient(deps, patientActorOf(request), portalAuditContextOf(request, deps.clock.now()), request.params.episodeId, request.body));
}
