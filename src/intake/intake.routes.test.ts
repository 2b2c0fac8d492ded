import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';

type Staff = Awaited<ReturnType<typeof createStaffMember>>;

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let otherFacilityId: string;
let programId: string;
let otherProgramId: string;
let clinician: Staff;
let admissions: Staff;
let medical: Staff;
let frontDesk: Staff;
let adult: string;
let adolescent: string;
let elsewhere: string;

const newPatient = async (facility: string, given: string, dateOfBirth = '1990-05-05') => {
  const response = await org.admin.post('/api/patients', {
    facilityId: facility, legalGivenName: given, legalFamilyName: 'Okafor', dateOfBirth, sexAtBirth: 'male', genderIdentity: 'man', residence: 'home',
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().patientId as string;
};

const GOOD_CANDIDATE = { steppedDownFromHigherLevel: false, hasOutsideCommitments: true, hasCopingSkills: true, hasSupportAtHome: true, hasCoverageOrBudget: true };
const dims = (ratings: number[]) => ratings.map((rating, i) => ({ rating, notes: i === 2 ? '  Low mood, no plan or intent.  ' : '' }));
const preview = (ratings: number[], extra: Record<string, unknown> = {}) => ({ dimensions: dims(ratings), candidacy: GOOD_CANDIDATE, ...extra });
const assessment = (ratings: number[], decision: unknown = { kind: 'accept' }, extra: Record<string, unknown> = {}) => ({
  programId,
  assessedOn: '2026-11-24',
  dimensions: dims(ratings),
  candidacy: GOOD_CANDIDATE,
  decision,
  ...extra,
});

const countRows = async () => (await ctx.deps.db.selectFrom('intake_assessments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const countAudit = async () => (await ctx.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const paths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  otherFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Shoreline'))).json().facilityId;
  programId = (await org.admin.post('/api/programs', programInput(facilityId))).json().programId;
  otherProgramId = (await org.admin.post('/api/programs', programInput(otherFacilityId))).json().programId;
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  admissions = await createStaffMember(ctx, org, ['admissions'], [facilityId]);
  medical = await createStaffMember(ctx, org, ['medical'], [facilityId]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
  adult = await newPatient(facilityId, 'Tobi');
  adolescent = await newPatient(facilityId, 'Ada', '2010-03-01');
  elsewhere = await newPatient(otherFacilityId, 'Kemi');
});

describe('dimensions for the wizard', () => {
  it('lists the six dimensions of the organization’s edition with an anchor for every rating 0–4', async () => {
    const response = await clinician.get('/api/placement/dimensions');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.edition, '3');
    assert.deepEqual(body.dimensions.map((d: { number: number }) => d.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(body.dimensions[3].name, 'Readiness to change');
    assert.deepEqual(body.dimensions[2].anchors.map((a: { rating: number; label: string }) => `${a.rating} ${a.label}`), ['0 None', '1 Mild', '2 Moderate', '3 Substantial', '4 Severe or imminent']);
    assert.match(body.dimensions[2].anchors[4].text, /Imminent danger to self or others/);
    assert.ok(body.levels.some((l: { code: string; name: string }) => l.code === '2.1' && l.name === 'Intensive outpatient'));
  });

  it('are not for the front desk', async () => {
    assert.equal((await frontDesk.get('/api/placement/dimensions')).statusCode, 403);
  });
});

describe('preview', () => {
  it('recommends a level with its reasons, stores no assessment, and audits reading the patient', async () => {
    const [rows, events] = [await countRows(), await countAudit()];
    const response = await admissions.post(`/api/patients/${adult}/intake-assessments/preview`, preview([1, 0, 2, 1, 2, 1]));
    assert.equal(response.statusCode, 200, response.body);
    const recommendation = response.json();
    assert.equal(recommendation.levelCode, '2.1');
    assert.equal(recommendation.levelName, 'Intensive outpatient');
    assert.equal(recommendation.route, 'level_of_care');
    assert.deepEqual(recommendation.reasons.map((r: { code: string }) => r.code), ['moderate_risk', 'keeps_commitments', 'hours']);
    assert.deepEqual([await countRows(), await countAudit()], [rows, events + 1]);
    const event = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'patient_id', 'details']).where('entity', '=', 'placement_preview').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.entity, event.patient_id], ['read', 'placement_preview', adult]);
    assert.deepEqual(event.details, { programId: null, recommendedLevel: '2.1', route: 'level_of_care' });
  });

  it('refuses an unanswered candidacy question rather than reading it as "no"', async () => {
    const response = await admissions.post(`/api/patients/${adult}/intake-assessments/preview`, preview([1, 0, 2, 1, 2, 1], { candidacy: { ...GOOD_CANDIDATE, hasSupportAtHome: null } }));
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.body, /hasSupportAtHome/);
  });

  it('routes imminent danger (dimension 3 rated 4) to emergency care', async () => {
    const recommendation = (await clinician.post(`/api/patients/${adult}/intake-assessments/preview`, preview([0, 0, 4, 0, 0, 0]))).json();
    assert.deepEqual([recommendation.route, recommendation.levelCode], ['emergency', '4']);
  });

  it('takes the population from the patient’s age, or from the program when one is named', async () => {
    const byAge = (await clinician.post(`/api/patients/${adolescent}/intake-assessments/preview`, preview([0, 0, 2, 0, 0, 0]))).json();
    assert.equal(byAge.reasons.at(-1).text, 'Adolescent level 2.1 (Intensive outpatient) is 6 to under 20 hours per week.');
    const byProgram = (await clinician.post(`/api/patients/${adolescent}/intake-assessments/preview`, preview([0, 0, 2, 0, 0, 0], { programId }))).json();
    assert.equal(byProgram.reasons.at(-1).text, 'Adult level 2.1 (Intensive outpatient) is 9 to under 20 hours per week.');
  });

  it('refuses a rating out of range with its path (422)', async () => {
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments/preview`, preview([0, 0, 5, 0, 0, 0]));
    assert.equal(response.statusCode, 422);
    assert.deepEqual(paths(response.json()), ['dimensions[2].rating']);
  });
});

describe('recording an assessment', () => {
  it('accepting keeps the recommendation and places the patient at it, with the dimensions named and the notes trimmed', async () => {
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([1, 0, 2, 1, 2, 1]));
    assert.equal(response.statusCode, 201, response.body);
    const a = response.json();
    assert.equal(a.patientId, adult);
    assert.deepEqual([a.programId, a.programName], [programId, 'Adult Substance Use IOP']);
    assert.deepEqual([a.edition, a.population, a.assessedOn], ['3', 'adult', '2026-11-24']);
    assert.deepEqual([a.decision, a.placedLevel, a.placedLevelName, a.overrideReason], ['accepted', '2.1', 'Intensive outpatient', null]);
    assert.equal(a.recommendation.levelCode, '2.1');
    assert.deepEqual(a.dimensions[2], { number: 3, name: 'Emotional, behavioral or cognitive conditions and complications', rating: 2, notes: 'Low mood, no plan or intent.' });
    assert.deepEqual(a.candidacy, GOOD_CANDIDATE);
    assert.deepEqual(a.assessedBy, { staffId: clinician.staffId, fullName: 'Staff clinician' });

    const event = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity_id', 'patient_id', 'details']).where('entity', '=', 'intake_assessment').where('action', '=', 'create').executeTakeFirstOrThrow();
    assert.deepEqual(event, {
      action: 'create',
      entity_id: a.assessmentId,
      patient_id: adult,
      details: { programId, edition: '3', recommendedLevel: '2.1', route: 'level_of_care', decision: 'accepted', placedLevel: '2.1' },
    });
  });

  it('overriding with a reason places the patient elsewhere and keeps the recommendation beside the decision', async () => {
    ctx.clock.advanceMinutes(1);
    const response = await admissions.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'override', placedLevel: '2.5', reason: ' Failed IOP twice in the past year. ' }));
    assert.equal(response.statusCode, 201, response.body);
    const a = response.json();
    assert.deepEqual([a.decision, a.placedLevel, a.placedLevelName, a.overrideReason], ['overridden', '2.5', 'Partial hospitalization', 'Failed IOP twice in the past year.']);
    assert.equal(a.recommendation.levelCode, '2.1');
  });

  it('an override needs a reason (422), and nothing is saved', async () => {
    const before = await countRows();
    for (const decision of [{ kind: 'override', placedLevel: '2.5' }, { kind: 'override', placedLevel: '2.5', reason: '   ' }]) {
      const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], decision));
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'override_reason_required');
      assert.deepEqual(paths(response.json()), ['decision.reason']);
    }
    assert.equal(await countRows(), before);
  });

  it('an override to a level that is not in the organization’s edition is refused (422)', async () => {
    for (const placedLevel of ['9.9', '2.7']) {
      const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'override', placedLevel, reason: 'Clinical judgement' }));
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'level_of_care_unknown');
      assert.deepEqual(paths(response.json()), ['decision.placedLevel']);
    }
  });

  it('an override to the recommended level itself is refused: accept instead', async () => {
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'override', placedLevel: '2.1', reason: 'Same' }));
    assert.equal(response.statusCode, 422);
    assert.deepEqual(paths(response.json()), ['decision.placedLevel']);
  });

  it('ratings out of range are refused with the path of each (422)', async () => {
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 7, 0, -1, 0]));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'validation_failed');
    assert.deepEqual(paths(response.json()), ['dimensions[2].rating', 'dimensions[4].rating']);
  });

  it('a dimension not rated yet (null) is refused, never read as "no risk"', async () => {
    const body = assessment([0, 0, 0, 0, 0, 0]);
    body.dimensions[1] = { rating: null as unknown as number, notes: '' };
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, body);
    assert.equal(response.statusCode, 422, response.body);
    assert.deepEqual(paths(response.json()), ['dimensions[1].rating']);
  });

  it('exactly six dimensions are required', async () => {
    for (const ratings of [[0, 0, 2, 0, 0], [0, 0, 2, 0, 0, 0, 0]]) {
      const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment(ratings));
      assert.equal(response.statusCode, 422);
      assert.deepEqual(paths(response.json()), ['dimensions']);
    }
  });

  it('an assessment dated tomorrow is refused', async () => {
    const response = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'accept' }, { assessedOn: '2026-11-25' }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'date_out_of_range');
    assert.deepEqual(paths(response.json()), ['assessedOn']);
  });

  it('without a program, the population is the patient’s by age on the day', async () => {
    const response = await clinician.post(`/api/patients/${adolescent}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'accept' }, { programId: undefined }));
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().population, response.json().programId, response.json().programName], ['adolescent', null, null]);
  });

  it('a program that does not exist is refused (422); one at a facility the caller is not assigned to is forbidden', async () => {
    const missing = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'accept' }, { programId: '00000000-0000-4000-8000-000000000000' }));
    assert.deepEqual([missing.statusCode, missing.json().error.code], [422, 'program_not_found']);
    const foreign = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'accept' }, { programId: otherProgramId }));
    assert.deepEqual([foreign.statusCode, foreign.json().error.code], [403, 'facility_forbidden']);
  });
});

describe('who may assess and read', () => {
  it('the front desk may neither preview, record nor read assessments', async () => {
    assert.equal((await frontDesk.post(`/api/patients/${adult}/intake-assessments/preview`, preview([0, 0, 2, 0, 0, 0]))).statusCode, 403);
    assert.equal((await frontDesk.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0]))).statusCode, 403);
    assert.equal((await frontDesk.get(`/api/patients/${adult}/intake-assessments`)).statusCode, 403);
  });

  it('medical staff read assessments but do not record them', async () => {
    assert.equal((await medical.get(`/api/patients/${adult}/intake-assessments`)).statusCode, 200);
    assert.equal((await medical.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0]))).statusCode, 403);
  });

  it('a patient at a facility the clinician is not assigned to is forbidden', async () => {
    const response = await clinician.post(`/api/patients/${elsewhere}/intake-assessments`, assessment([0, 0, 2, 0, 0, 0], { kind: 'accept' }, { programId: undefined }));
    assert.deepEqual([response.statusCode, response.json().error.code], [403, 'patient_forbidden']);
    assert.equal((await clinician.get(`/api/patients/${elsewhere}/intake-assessments`)).statusCode, 403);
    assert.equal((await clinician.post(`/api/patients/${elsewhere}/intake-assessments/preview`, preview([0, 0, 2, 0, 0, 0]))).statusCode, 403);
  });
});

describe('the history', () => {
  it('lists a patient’s assessments newest first and audits the read', async () => {
    const response = await clinician.get(`/api/patients/${adult}/intake-assessments`);
    assert.equal(response.statusCode, 200);
    const { assessments } = response.json();
    assert.deepEqual(assessments.map((a: { decision: string; placedLevel: string }) => `${a.decision} ${a.placedLevel}`), ['overridden 2.5', 'accepted 2.1']);
    const reads = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'patient_id', 'details'])
      .where('entity', '=', 'intake_assessment')
      .where('action', '=', 'read')
      .where('actor_id', '=', clinician.staffId)
      .execute();
    assert.deepEqual(reads.at(-1), { actor_id: clinician.staffId, patient_id: adult, details: { assessmentIds: assessments.map((a: { assessmentId: string }) => a.assessmentId) } });
  });
});

describe('an organization on the 4th edition', () => {
  it('names the 4th-edition dimensions and levels, and accepts 4th-edition override levels', async () => {
    await org.admin.put('/api/organization', { asamEdition: '4' });
    try {
      const low = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([1, 0, 1, 0, 0, 0]));
      assert.equal(low.statusCode, 201, low.body);
      assert.deepEqual([low.json().edition, low.json().placedLevel, low.json().placedLevelName], ['4', '1.5', 'Outpatient therapy']);
      assert.equal(low.json().dimensions[5].name, 'Person-centered considerations');
      const override = await clinician.post(`/api/patients/${adult}/intake-assessments`, assessment([0, 2, 0, 0, 0, 0], { kind: 'override', placedLevel: '2.7', reason: 'Needs medical management on site' }));
      assert.equal(override.statusCode, 201, override.body);
      assert.equal(override.json().placedLevelName, 'Medically managed intensive outpatient');
      assert.equal((await clinician.get('/api/placement/dimensions')).json().dimensions[4].name, 'Recovery environment interactions');
    } finally {
      await org.admin.put('/api/organization', { asamEdition: '3' });
    }
  });
});
