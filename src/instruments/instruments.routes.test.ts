/**
 * Instruments over HTTP: staff record and read responses (scored at once), due lists from the
 * program's cadence, and the patient completing questionnaires in the portal.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type PortalClient, signUpPatient } from '../../test/support/portal.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let program: { programId: string; phases: { phaseId: string }[] };
let otherProgram: typeof program;
let clinician: Awaited<ReturnType<typeof createStaffMember>>;

// Today in the test clock is Tuesday 2026-11-24 (New York).
const NINE_ONES = [1, 1, 1, 1, 1, 1, 1, 1, 1];
const CALM_PHQ9 = [0, 1, 0, 0, 0, 0, 0, 0, 0];

let registered = 0;
async function newPatient(given: string, sexAtBirth = 'female'): Promise<string> {
  // A different birthday each, so a repeated name is not taken for a duplicate registration.
  registered += 1;
  const dateOfBirth = `${1960 + Math.floor(registered / 28)}-03-${String(1 + (registered % 28)).padStart(2, '0')}`;
  const response = await org.admin.post('/api/patients', {
    facilityId, legalGivenName: given, legalFamilyName: 'Okafor', dateOfBirth, sexAtBirth, genderIdentity: sexAtBirth === 'male' ? 'man' : 'woman', residence: 'home',
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().patientId;
}

async function admit(patientId: string, into = program, admittedOn = '2026-11-02'): Promise<string> {
  const response = await clinician.post(`/api/patients/${patientId}/episodes`, {
    programId: into.programId, admittedOn, referralSource: 'Self', phaseId: into.phases[0]!.phaseId, primaryClinicianId: clinician.staffId,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().episodeId;
}

const record = (patientId: string, body: Record<string, unknown>) => clinician.post(`/api/patients/${patientId}/instrument-responses`, body);
const responseCount = async (patientId: string) =>
  Number((await ctx.deps.db.selectFrom('instrument_responses').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', patientId).executeTakeFirstOrThrow()).n);

function problemsOf(response: LightMyRequestResponse): { code: string; paths: string[] } {
  const error = response.json().error;
  return { code: error.code, paths: (error.details ?? []).map((d: { path: string }) => d.path) };
}

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  otherProgram = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'Co-occurring IOP' }))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
});

describe('instrument definitions', () => {
  it('are served to any staff member, with items, options, skip logic and bands', async () => {
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
    const response = await frontDesk.get('/api/instruments');
    assert.equal(response.statusCode, 200, response.body);
    const definitions = response.json() as { id: string; items: { number: string; askedWhen?: unknown }[]; bands: { key: string }[] }[];
    assert.deepEqual(definitions.map((d) => d.id), ['phq9', 'gad7', 'audit', 'audit_c', 'dast10', 'bam', 'cssrs_screener']);
    const cssrs = definitions.find((d) => d.id === 'cssrs_screener')!;
    assert.deepEqual(cssrs.items[2]!.askedWhen, { item: '2', equals: true });
    assert.deepEqual(definitions[0]!.bands.map((b) => b.key), ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
  });
});

describe('recording a response', () => {
  it('scores it, files it under the only active episode, and reads it back with who gave it', async () => {
    const patientId = await newPatient('Amara');
    const episodeId = await admit(patientId);
    const created = await record(patientId, { instrument: 'phq9', answers: NINE_ONES });
    assert.equal(created.statusCode, 201, created.body);
    const response = created.json();
    assert.deepEqual({ ...response, responseId: undefined }, {
      responseId: undefined,
      patientId,
      episodeId,
      instrument: 'phq9',
      instrumentName: 'PHQ-9',
      answers: NINE_ONES,
      totalScore: 9,
      severity: 'mild',
      severityLabel: 'Mild depression',
      subscales: null,
      flags: ['phq9_item9_positive'],
      administeredOn: '2026-11-24',
      administeredAt: '2026-11-24T15:00:00.000Z',
      source: 'staff',
      administeredBy: { staffId: clinician.staffId, fullName: 'Staff clinician' },
    });
    const stored = await ctx.deps.db.selectFrom('instrument_responses').selectAll().where('response_id', '=', response.responseId).executeTakeFirstOrThrow();
    assert.equal(stored.total_score, 9);
    assert.deepEqual(stored.flags, ['phq9_item9_positive']);

    const list = await clinician.get(`/api/patients/${patientId}/instrument-responses`);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json().responses, [response]);
    assert.deepEqual((await clinician.get(`/api/patients/${patientId}/instrument-responses?instrument=gad7`)).json().responses, []);
  });

  it('keeps BAM subscales and C-SSRS risk as scored', async () => {
    const patientId = await newPatient('Bola');
    await admit(patientId);
    const bam = Array(23).fill(0);
    bam[3] = 2; // item 4: drank on 4–8 days
    const bamResponse = (await record(patientId, { instrument: 'bam', answers: bam })).json();
    assert.deepEqual(bamResponse.subscales, { use: 2, risk: 0, protective: 0 });
    assert.deepEqual(bamResponse.flags, ['bam_use_positive', 'bam_protective_low']);
    const cssrs = (await record(patientId, { instrument: 'cssrs_screener', answers: [true, true, false, true, false, false, null] })).json();
    assert.equal(cssrs.severity, 'high');
    assert.equal(cssrs.severityLabel, 'High risk');
    assert.deepEqual(cssrs.flags, ['cssrs_high_risk']);
  });

  it('takes a back-dated administration on its facility-local day, and lists oldest first', async () => {
    const patientId = await newPatient('Chidi');
    await admit(patientId);
    await record(patientId, { instrument: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3] });
    const earlier = await record(patientId, { instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], administeredAt: '2026-11-20T03:30:00Z' });
    assert.equal(earlier.statusCode, 201, earlier.body);
    assert.equal(earlier.json().administeredOn, '2026-11-19', '22:30 the evening before in New York');
    const list = (await clinician.get(`/api/patients/${patientId}/instrument-responses?instrument=gad7`)).json().responses;
    assert.deepEqual(list.map((r: { totalScore: number; severity: string; flags: string[] }) => [r.totalScore, r.severity, r.flags]), [
      [7, 'mild', []],
      [21, 'severe', ['gad7_positive_screen']],
    ]);
  });

  const timeRefusals: [string, string][] = [
    ['in the future', '2026-11-24T16:00:00Z'],
    ['more than a year ago', '2025-11-23T15:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
  ];
  for (const [sentence, administeredAt] of timeRefusals) {
    it(`refuses an administration time ${sentence} with 422 date_out_of_range`, async () => {
      const patientId = await newPatient('Dayo');
      const response = await record(patientId, { instrument: 'phq9', answers: CALM_PHQ9, administeredAt });
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(problemsOf(response), { code: 'date_out_of_range', paths: ['administeredAt'] });
      assert.equal(await responseCount(patientId), 0);
    });
  }

  const answerRefusals: [string, string, unknown[], string[]][] = [
    ['a missing item', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0], ['answers[8]']],
    ['an out-of-range answer', 'phq9', [0, 0, 0, 4, 0, 0, 0, 0, 0], ['answers[3]']],
    ['a wrong type (text and yes/no on a scaled item)', 'gad7', ['1', true, 0, 0, 0, 0, 0], ['answers[0]', 'answers[1]']],
    ['an answer to an item the skip logic leaves out', 'cssrs_screener', [true, false, true, null, null, false, null], ['answers[2]']],
    ['too many answers', 'audit_c', [0, 0, 0, 0], ['answers[3]']],
    ['an unscorable AUDIT item 9 answer of 1', 'audit', [0, 0, 0, 0, 0, 0, 0, 0, 1, 0], ['answers[8]']],
  ];
  for (const [sentence, instrument, answers, paths] of answerRefusals) {
    it(`refuses ${sentence} with 422 invalid_answers and writes nothing`, async () => {
      const patientId = await newPatient('Ebere');
      await admit(patientId);
      const auditBefore = await ctx.deps.db.selectFrom('audit_events').select('seq').where('org_id', '=', org.orgId).where('entity', '=', 'instrument_response').where('patient_id', '=', patientId).execute();
      const response = await record(patientId, { instrument, answers });
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(problemsOf(response), { code: 'invalid_answers', paths });
      assert.equal(await responseCount(patientId), 0);
      const auditAfter = await ctx.deps.db.selectFrom('audit_events').select('seq').where('org_id', '=', org.orgId).where('entity', '=', 'instrument_response').where('patient_id', '=', patientId).execute();
      assert.equal(auditAfter.length, auditBefore.length);
    });
  }

  it('refuses an unknown instrument at the schema (400)', async () => {
    const patientId = await newPatient('Femi');
    const response = await record(patientId, { instrument: 'k10', answers: [] });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'validation_failed');
  });

  it('asks which episode when the patient is in two programs, and refuses another patient’s episode', async () => {
    const patientId = await newPatient('Gozie');
    await admit(patientId);
    const second = await admit(patientId, otherProgram, '2026-11-16');
    const unsure = await record(patientId, { instrument: 'phq9', answers: CALM_PHQ9 });
    assert.equal(unsure.statusCode, 422, unsure.body);
    assert.deepEqual(problemsOf(unsure), { code: 'episode_required', paths: ['episodeId'] });
    assert.equal(await responseCount(patientId), 0);
    const named = await record(patientId, { instrument: 'phq9', answers: CALM_PHQ9, episodeId: second });
    assert.equal(named.statusCode, 201, named.body);
    assert.equal(named.json().episodeId, second);
    assert.equal((await clinician.get(`/api/patients/${patientId}/instrument-responses?episodeId=${second}`)).json().responses.length, 1);

    const stranger = await newPatient('Hadiza');
    const foreign = await record(stranger, { instrument: 'phq9', answers: CALM_PHQ9, episodeId: second });
    assert.equal(foreign.statusCode, 422);
    assert.deepEqual(problemsOf(foreign), { code: 'validation_failed', paths: ['episodeId'] });
  });

  it('files a response of a patient with no episode under no episode', async () => {
    const patientId = await newPatient('Ifeoma');
    const response = await record(patientId, { instrument: 'audit_c', answers: [2, 1, 0] });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().episodeId, null);
    assert.equal(response.json().severity, 'positive', '3 points is positive for a woman');
    const man = await newPatient('Jide', 'male');
    assert.equal((await record(man, { instrument: 'audit_c', answers: [2, 1, 0] })).json().severity, 'negative', 'but not for a man');
  });
});

describe('who may record and read', () => {
  it('front desk and billing may neither record nor read answers', async () => {
    const patientId = await newPatient('Kemi');
    await admit(patientId);
    for (const roles of [['front_desk'], ['billing']] as const) {
      const staff = await createStaffMember(ctx, org, [...roles], [facilityId]);
      assert.equal((await staff.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: CALM_PHQ9 })).statusCode, 403, roles[0]);
      assert.equal((await staff.get(`/api/patients/${patientId}/instrument-responses`)).statusCode, 403, roles[0]);
      assert.equal((await staff.get(`/api/patients/${patientId}/instruments-due`)).statusCode, 403, roles[0]);
      assert.equal((await staff.get(`/api/facilities/${facilityId}/instruments-due`)).statusCode, 403, roles[0]);
    }
    const nurse = await createStaffMember(ctx, org, ['medical'], [facilityId]);
    assert.equal((await nurse.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: CALM_PHQ9 })).statusCode, 201);
  });

  it('a clinician of another facility gets 403 for the patient and for the worklist', async () => {
    const patientId = await newPatient('Lanre');
    await admit(patientId);
    const elsewhere = (await org.admin.post('/api/facilities', facilityInput('Riverbend North'))).json().facilityId;
    const stranger = await createStaffMember(ctx, org, ['clinician'], [elsewhere]);
    const write = await stranger.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: CALM_PHQ9 });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().error.code, 'patient_forbidden');
    assert.equal((await stranger.get(`/api/patients/${patientId}/instrument-responses`)).statusCode, 403);
    assert.equal((await stranger.get(`/api/facilities/${facilityId}/instruments-due`)).statusCode, 403);
    assert.equal(await responseCount(patientId), 0);
  });
});

describe('due instruments', () => {
  it('lists the program cadence’s admission instruments until they are given', async () => {
    const patientId = await newPatient('Mosun');
    const episodeId = await admit(patientId, program, '2026-11-23');
    const due = (await clinician.get(`/api/patients/${patientId}/instruments-due`)).json().due;
    // The migration's default cadence: PHQ-9, GAD-7, BAM, C-SSRS at admission.
    assert.deepEqual(due.map((d: { instrument: string; reason: string; dueOn: string; status: string }) => [d.instrument, d.reason, d.dueOn, d.status]), [
      ['phq9', 'admission', '2026-11-23', 'due'],
      ['gad7', 'admission', '2026-11-23', 'due'],
      ['bam', 'admission', '2026-11-23', 'due'],
      ['cssrs_screener', 'admission', '2026-11-23', 'due'],
    ]);
    assert.equal(due[0].episodeId, episodeId);
    assert.equal(due[0].programName, 'Adult Substance Use IOP');
    await record(patientId, { instrument: 'phq9', answers: CALM_PHQ9 });
    const after = (await clinician.get(`/api/patients/${patientId}/instruments-due`)).json().due;
    assert.deepEqual(after.map((d: { instrument: string }) => d.instrument), ['gad7', 'bam', 'cssrs_screener']);
  });

  it('the facility worklist puts overdue first and names the patient, set-based over every active episode', async () => {
    const overdue = await newPatient('Nneka');
    await admit(overdue, program, '2026-11-02');
    const fresh = await newPatient('Obi');
    await admit(fresh, program, '2026-11-24');
    for (const instrument of ['gad7', 'bam']) await record(fresh, { instrument, answers: instrument === 'bam' ? Array(23).fill(0) : [0, 0, 0, 0, 0, 0, 0] });
    const response = await clinician.get(`/api/facilities/${facilityId}/instruments-due`);
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { patientId: string; patientName: string; mrn: string; instrument: string; status: string }[];
    const mine = items.filter((i) => i.patientId === overdue || i.patientId === fresh);
    assert.deepEqual(mine.map((i) => [i.patientName, i.instrument, i.status]), [
      ['Nneka Okafor', 'phq9', 'overdue'],
      ['Nneka Okafor', 'gad7', 'overdue'],
      ['Nneka Okafor', 'bam', 'overdue'],
      ['Nneka Okafor', 'cssrs_screener', 'overdue'],
      ['Obi Okafor', 'phq9', 'due'],
      ['Obi Okafor', 'cssrs_screener', 'due'],
    ]);
    assert.ok(mine.every((i) => i.mrn.length > 0));
    const firstDue = items.findIndex((i) => i.status === 'due');
    assert.ok(items.slice(firstDue).every((i) => i.status === 'due'), 'every overdue item comes before every due one');
  });
});

const portalFor = (patientId: string, email: string): Promise<PortalClient> => signUpPatient(ctx, org, patientId, email);

describe('questionnaires in the portal', () => {
  let patientId: string;
  let episodeId: string;
  let portal: PortalClient;

  before(async () => {
    patientId = await newPatient('Peju');
    episodeId = await admit(patientId, program, '2026-11-20');
    portal = await portalFor(patientId, 'peju@example.org');
  });

  it('lists what is due with the questions to draw, and no scores', async () => {
    const response = await portal.request('GET', '/api/portal/questionnaires');
    assert.equal(response.statusCode, 200, response.body);
    const due = response.json().due as { instrument: string; episodeId: string; reason: string; status: string; definition: { id: string; items: unknown[] } }[];
    assert.deepEqual(due.map((d) => [d.instrument, d.reason, d.status]), [
      ['phq9', 'admission', 'overdue'],
      ['gad7', 'admission', 'overdue'],
      ['bam', 'admission', 'overdue'],
      ['cssrs_screener', 'admission', 'overdue'],
    ]);
    assert.equal(due[0]!.episodeId, episodeId);
    assert.equal(due[0]!.definition.id, 'phq9');
    assert.equal(due[0]!.definition.items.length, 9);
  });

  it('takes a PHQ-9, says to show crisis resources for item 9, and the clinician sees it scored', async () => {
    const response = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'phq9', episodeId, answers: [2, 2, 1, 2, 1, 1, 1, 0, 1] });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { instrument: 'phq9', administeredOn: '2026-11-24', crisisResources: true, careTeamAlerted: true });
    const seen = (await clinician.get(`/api/patients/${patientId}/instrument-responses`)).json().responses;
    assert.deepEqual(seen.map((r: { totalScore: number; severity: string; source: string; administeredBy: unknown; flags: string[] }) => [r.totalScore, r.severity, r.source, r.administeredBy, r.flags]), [
      [11, 'moderate', 'portal', null, ['phq9_item9_positive']],
    ]);
    const due = (await portal.request('GET', '/api/portal/questionnaires')).json().due.map((d: { instrument: string }) => d.instrument);
    assert.deepEqual(due, ['gad7', 'bam', 'cssrs_screener']);
  });

  it('says no crisis resources for calm answers', async () => {
    const response = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'gad7', episodeId, answers: [1, 0, 0, 0, 0, 0, 0] });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().crisisResources, false);
  });

  it('refuses an instrument the program does not give (422 instrument_not_assigned)', async () => {
    const response = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'audit', episodeId, answers: Array(10).fill(0) });
    assert.equal(response.statusCode, 422, response.body);
    assert.deepEqual(problemsOf(response), { code: 'instrument_not_assigned', paths: ['instrument'] });
  });

  it('refuses bad answers with their paths, writing nothing', async () => {
    const before = await responseCount(patientId);
    const response = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'cssrs_screener', episodeId, answers: [false, false, null, null, null, true, null] });
    assert.equal(response.statusCode, 422, response.body);
    assert.deepEqual(problemsOf(response), { code: 'invalid_answers', paths: ['answers[6]'] });
    assert.equal(await responseCount(patientId), before);
  });

  it('answers 404 for another patient’s episode', async () => {
    const other = await newPatient('Quadri');
    const theirs = await admit(other);
    const response = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'phq9', episodeId: theirs, answers: CALM_PHQ9 });
    assert.equal(response.statusCode, 404, response.body);
    assert.equal(await responseCount(other), 0);
  });

  it('is for portal sessions only: staff get 401', async () => {
    assert.equal((await clinician.get('/api/portal/questionnaires')).statusCode, 401);
  });
});

describe('the audit trail', () => {
  it('records every write and read of responses and due lists, with ids and codes only', async () => {
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'actor_role', 'details'])
      .where('org_id', '=', org.orgId)
      .where('entity', 'in', ['instrument_response', 'instruments_due'])
      .execute();
    const seen = new Set(events.map((e) => `${e.action}:${e.entity}:${e.actor_role}`));
    for (const expected of [
      'create:instrument_response:clinician',
      'read:instrument_response:clinician',
      'read:instruments_due:clinician',
      'create:instrument_response:patient',
      'read:instruments_due:patient',
    ]) assert.ok(seen.has(expected), `missing ${expected}`);
    const created = events.find((e) => e.action === 'create' && e.entity === 'instrument_response')!;
    assert.deepEqual(Object.keys(created.details as object).sort(), ['administeredOn', 'episodeId', 'instrument', 'source']);
  });
});
