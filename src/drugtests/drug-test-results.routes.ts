/** Drug-test results, specimen validity, medical review, HL7 ORU^R01 import, chart reads. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, type PatientResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CLINICAL_READERS, DRUG_TEST_RESULT_ENTRY, DRUG_TEST_REVIEWERS } from '../staff/roles.ts';
import {
  DrugTestDetail,
  FacilityDrugTests,
  FacilityParams,
  Hl7ImportInput,
  Hl7ImportResponse,
  PatientDrugTests,
  PatientParams,
  ResultsInput,
  ResultsResponse,
  ReviewInput,
  TestParams,
} from './drug-test-results.schemas.ts';
import { facilityWorklist, listPatientTests, readTest } from './drug-tests-read.ts';
import { importHl7 } from './hl7-import.ts';
import { enterResults, reviewTest } from './results.ts';
import { testOwner } from './results.store.ts';

const tags = ['Drug tests'];

/** Work queues are for whoever enters results and whoever signs them. */
const RESULT_WORKERS = [...new Set([...DRUG_TEST_REVIEWERS, ...DRUG_TEST_RESULT_ENTRY])];

async function ownerOf(request: { params: unknown }, db: Parameters<FacilityResolver>[1], orgId: string) {
  const owner = await testOwner(db, orgId, (request.params as { testId: string }).testId);
  if (!owner) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
  return owner;
}
/** Writes act at the test's facility. */
const facilityOfTest: FacilityResolver = async (request, db, actor) => (await ownerOf(request, db, actor.orgId)).facility_id;
/** Reads are of the test's patient's chart. */
const patientOfTest: PatientResolver = async (request, db, actor) => (await ownerOf(request, db, actor.orgId)).patient_id;
const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function drugTestResultsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.post('/api/drug-tests/:testId/results', {
    config: { access: allow.facility(DRUG_TEST_RESULT_ENTRY, facilityOfTest, 'treatment') },
    schema: {
      tags,
      summary: 'Enter a cup or laboratory result by hand: validity, readings interpreted against the patient’s prescriptions, outcome; replaces earlier readings of the same methods until signed',
      params: TestParams,
      body: ResultsInput,
      response: { 200: ResultsResponse, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => enterResults(deps, actorOf(request), audit(request), request.params.testId, request.body));

  app.post('/api/drug-tests/:testId/review', {
    config: { access: allow.facility(DRUG_TEST_REVIEWERS, facilityOfTest, 'treatment') },
    schema: { tags, summary: 'Medical review: sign the results (they cannot change afterwards)', params: TestParams, body: ReviewInput, response: { 200: DrugTestDetail, ...staffErrors } },
  }, async (request) => reviewTest(deps, actorOf(request), audit(request), request.params.testId, request.body));

  app.post('/api/drug-tests/hl7', {
    config: { access: allow.facilities(DRUG_TEST_RESULT_ENTRY, 'treatment') },
    schema: {
      tags,
      summary: 'Import a laboratory HL7 v2 ORU^R01: matched to the collected specimen and its patient, all or nothing; a resent message control id is refused',
      body: Hl7ImportInput,
      response: { 201: Hl7ImportResponse, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => reply.status(201).send(await importHl7(deps, actorOf(request), audit(request), request.body)));

  app.get('/api/drug-tests/:testId', {
    config: { access: allow.patient(CLINICAL_READERS, patientOfTest) },
    schema: { tags, summary: 'One drug test in full: collection, custody, validity, readings with interpretation, review', params: TestParams, response: { 200: DrugTestDetail, ...staffErrors } },
  }, async (request) => readTest(deps, actorOf(request), audit(request), request.params.testId));

  app.get('/api/patients/:patientId/drug-tests', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s drug tests, newest first (tests not yet collected are not shown)', params: PatientParams, response: { 200: PatientDrugTests, ...staffErrors } },
  }, async (request) => ({ patientId: request.params.patientId, tests: await listPatientTests(deps, audit(request), request.params.patientId) }));

  app.get('/api/facilities/:facilityId/drug-tests/review-queue', {
    config: { access: allow.facility(RESULT_WORKERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Resulted tests awaiting a medical signature, oldest first', params: FacilityParams, response: { 200: FacilityDrugTests, ...staffErrors } },
  }, async (request) => ({ facilityId: request.params.facilityId, tests: await facilityWorklist(deps, audit(request), request.params.facilityId, 'review_queue') }));

  app.get('/api/facilities/:facilityId/drug-tests/awaiting-results', {
    config: { access: allow.facility(RESULT_WORKERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Collected specimens with no results yet, oldest first', params: FacilityParams, response: { 200: FacilityDrugTests, ...staffErrors } },
  }, async (request) => ({ facilityId: request.params.facilityId, tests: await facilityWorklist(deps, audit(request), request.params.facilityId, 'awaiting_results') }));
}
