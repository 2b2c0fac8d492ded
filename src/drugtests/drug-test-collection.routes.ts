import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { getProgramRow } from '../programs/programs.store.ts';
import { DRUG_TEST_COLLECTORS, DRUG_TEST_POLICY_EDITORS, DRUG_TEST_RESULT_ENTRY, FOR_CAUSE_ORDERERS, STAFF_ROLES } from '../staff/roles.ts';
import { orderForCause, recordCollection, recordCustody, recordNotCollected, recordRefusal, todayList } from './collection.ts';
import { facilityOfTest } from './collection.store.ts';
import {
  CollectionInput,
  CustodyEvent,
  CustodyInput,
  DrugTestSummary,
  FacilityParams,
  ForCauseInput,
  NotCollectedInput,
  PatientParams,
  PolicyInput,
  PolicyResponse,
  ProgramParams,
  RefusalInput,
  TestParams,
  TodayList,
  TodayQuery,
} from './drug-test-collection.schemas.ts';
import { loadPolicy, savePolicy } from './policy.ts';

const tags = ['Drug tests'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

const programFacility: FacilityResolver = async (request, db, actor) =>
  (await getProgramRow(db, actor.orgId, (request.params as { programId: string }).programId))?.facility_id;

/** The facility of the test in the path: collection happens there. */
const testFacility: FacilityResolver = async (request, db, actor) => {
  const facilityId = await facilityOfTest(db, actor.orgId, (request.params as { testId: string }).testId);
  if (!facilityId) throw new AppError(404, 'drug_test_not_found', 'No such drug test.');
  return facilityId;
};

const CUSTODY_RECORDERS = [...new Set([...DRUG_TEST_COLLECTORS, ...DRUG_TEST_RESULT_ENTRY])];

/** Drug-test policy, random selection, today's list, for-cause orders, collection and custody. */
export async function drugTestCollectionRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/programs/:programId/drug-test-policy', {
    config: { access: allow.facility(STAFF_ROLES, programFacility) },
    schema: { tags, summary: 'A program’s random drug-testing policy (null when it has none) and the panels to choose from', params: ProgramParams, response: { 200: PolicyResponse, ...staffErrors } },
  }, async (request) => loadPolicy(deps.db, actorOf(request).orgId, request.params.programId));

  app.put('/api/programs/:programId/drug-test-policy', {
    config: { access: allow.facility(DRUG_TEST_POLICY_EDITORS, programFacility, 'administration') },
    schema: {
      tags,
      summary: 'Set a program’s random drug-testing policy: tests per week on average, weekdays, specimen types (the first is collected), panel',
      params: ProgramParams,
      body: PolicyInput,
      response: { 200: PolicyResponse, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => savePolicy(deps, actorOf(request), audit(request), request.params.programId, request.body));

  app.get('/api/facilities/:facilityId/drug-tests/today', {
    config: { access: allow.facility(DRUG_TEST_COLLECTORS, facilityInPath, 'treatment') },
    schema: {
      tags,
      summary: 'Today’s drug tests at the facility (random and for-cause), for collectors only; draws today’s random selection first if it has not run. Any other day: 422 not_today',
      params: FacilityParams,
      querystring: TodayQuery,
      response: { 200: TodayList, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => todayList(deps, actorOf(request), audit(request), request.params.facilityId, request.query));

  app.post('/api/patients/:patientId/drug-tests', {
    config: { access: allow.patient(FOR_CAUSE_ORDERERS, patientInPath) },
    schema: {
      tags,
      summary: 'Order a for-cause test for today at a facility where the patient is in a program; it joins that facility’s list',
      params: PatientParams,
      body: ForCauseInput,
      response: { 201: DrugTestSummary, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => reply.status(201).send(await orderForCause(deps, actorOf(request), audit(request), request.params.patientId, request.body)));

  app.post('/api/drug-tests/:testId/collection', {
    config: { access: allow.facility(DRUG_TEST_COLLECTORS, testFacility, 'treatment') },
    schema: {
      tags,
      summary: 'Log the specimen collected on the test’s day (urine: temperature required, 32–38 °C in range); starts the chain of custody',
      params: TestParams,
      body: CollectionInput,
      response: { 200: DrugTestSummary, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => recordCollection(deps, actorOf(request), audit(request), request.params.testId, request.body));

  app.post('/api/drug-tests/:testId/refusal', {
    config: { access: allow.facility(DRUG_TEST_COLLECTORS, testFacility, 'treatment') },
    schema: { tags, summary: 'The patient refused the test (outcome refused); alerts the care team', params: TestParams, body: RefusalInput, response: { 200: DrugTestSummary, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => recordRefusal(deps, actorOf(request), audit(request), request.params.testId, request.body));

  app.post('/api/drug-tests/:testId/not-collected', {
    config: { access: allow.facility(DRUG_TEST_COLLECTORS, testFacility, 'treatment') },
    schema: { tags, summary: 'No specimen was collected (patient absent, session cancelled), with the reason', params: TestParams, body: NotCollectedInput, response: { 200: DrugTestSummary, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => recordNotCollected(deps, actorOf(request), audit(request), request.params.testId, request.body));

  app.post('/api/drug-tests/:testId/custody', {
    config: { access: allow.facility(CUSTODY_RECORDERS, testFacility, 'treatment') },
    schema: {
      tags,
      summary: 'Record a chain-of-custody event after collection (sealed, sent to lab, received by lab, …)',
      params: TestParams,
      body: CustodyInput,
      response: { 201: CustodyEvent, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => reply.status(201).send(await recordCustody(deps, actorOf(request), audit(request), request.params.testId, request.body)));
}
