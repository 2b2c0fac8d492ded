/** The patient's questionnaires in the portal: what is due, and completing one. Scores stay with the care team. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { portalAuditContextOf } from '../audit/record.ts';
import { allow, patientActorOf } from '../http/access.ts';
import { ErrorResponse } from '../http/schemas.ts';
import { portalDue } from '../instruments/due-lists.ts';
import { submitQuestionnaire } from '../instruments/instruments.ts';
import { PortalQuestionnaireInput, PortalQuestionnaireReceipt, PortalQuestionnaires } from '../instruments/instruments.schemas.ts';

const tags = ['Patient portal'];

export async function portalQuestionnairesRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/portal/questionnaires', {
    config: { access: allow.portal() },
    schema: { tags, summary: 'My questionnaires due now, with the questions', response: { 200: PortalQuestionnaires, 401: ErrorResponse } },
  }, async (request) => {
    const patient = patientActorOf(request);
    return portalDue(deps, portalAuditContextOf(request, deps.clock.now()), patient.patientId);
  });

  app.post('/api/portal/questionnaires', {
    config: { access: allow.portal() },
    schema: {
      tags,
      summary: 'Complete a questionnaire of my program; says whether to show crisis resources (988) now',
      body: PortalQuestionnaireInput,
      response: { 201: PortalQuestionnaireReceipt, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
    },
  }, async (request, reply) => {
    const patient = patientActorOf(request);
    const receipt = await submitQuestionnaire(deps, portalAuditContextOf(request, deps.clock.now()), patient.patientId, request.body);
    return reply.status(201).send(receipt);
  });
}
