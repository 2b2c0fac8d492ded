import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PatientParams } from '../patients/patients.schemas.ts';
import { CLINICAL_READERS, PLACEMENT_ASSESSORS } from '../staff/roles.ts';
import { listIntakeAssessments, placementDimensions, previewPlacement, recordIntakeAssessment } from './intake.ts';
import { IntakeAssessment, IntakeAssessmentInput, IntakeAssessmentList, PlacementDimensions, PlacementPreviewInput, Recommendation } from './intake.schemas.ts';

const tags = ['Intake and placement'];

export async function intakeRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const errors = { 422: ErrorResponse, ...staffErrors };

  app.get('/api/placement/dimensions', {
    config: { access: allow.organization(CLINICAL_READERS, 'treatment') },
    schema: { tags, summary: 'The six assessment dimensions of the organization’s ASAM edition, with rating anchors 0–4 and its levels of care', response: { 200: PlacementDimensions, ...staffErrors } },
  }, async (request) => placementDimensions(deps.db, actorOf(request).orgId));

  app.post('/api/patients/:patientId/intake-assessments/preview', {
    config: { access: allow.patient(PLACEMENT_ASSESSORS, patientInPath) },
    schema: {
      tags,
      summary: 'The placement recommendation for ratings and candidacy answers as they stand; records nothing',
      params: PatientParams,
      body: PlacementPreviewInput,
      response: { 200: Recommendation, ...errors },
    },
  }, async (request) => previewPlacement(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body));

  app.post('/api/patients/:patientId/intake-assessments', {
    config: { access: allow.patient(PLACEMENT_ASSESSORS, patientInPath) },
    schema: {
      tags,
      summary: 'Record an intake assessment with the recommendation and the clinician’s decision (accept, or override with a reason)',
      params: PatientParams,
      body: IntakeAssessmentInput,
      response: { 201: IntakeAssessment, ...errors },
    },
  }, async (request, reply) => {
    const assessment = await recordIntakeAssessment(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId, request.body);
    return reply.status(201).send(assessment);
  });

  app.get('/api/patients/:patientId/intake-assessments', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s intake assessments, newest first', params: PatientParams, response: { 200: IntakeAssessmentList, ...staffErrors } },
  }, async (request) => ({ assessments: await listIntakeAssessments(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.patientId) }));
}
