/**
 * Drug-test results over HTTP: entry by hand (validity, readings interpreted against the
 * patient's prescriptions, outcome), alerts raised once in the same transaction, medical
 * review, and the chart's reads and worklists — with who may do what, where.
 * The test clock is Tuesday 2026-11-24 10:00 in New York.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { insertEpisode, insertPatient } from '../attendance/test-fixtures.ts';
import { insertDrugTest, insertMedication } from './test-fixtures.ts';

type Staff = Awaited<ReturnType<typeof createStaffMember>>;

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let otherFacilityId: string;
let program: { programId: string; phases: { phaseId: string }[] };
let clinician: Staff;
let medical: Staff;
let director: Staff;
let frontDesk: Staff;
let otherMedical: Staff;

async function newPatient(given: string): Promise<{ patientId: string; episodeId: string }> {
  const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given, family: 'Okafor' });
  const episodeId = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId: program.programId, clinicianId: clinician.staffId, admittedOn: '2026-11-02', phases: [{ effectiveOn: '2026-11-02', phaseId: program.phases[0]!.phaseId }] });
  return { patientId, episodeId };
}

/** A patient with an active episode and a collected urine specimen on the clinical panel. */
async function collectedTest(given: string, options: { prescribed?: { name: string; analytes: string[] }[]; panelId?: string } = {}) {
  const { patientId, episodeId } = await newPatient(given);
  for (const p of options.prescribed ?? []) {
    await insertMedication(ctx.deps.db, org.orgId, { patientId, createdBy: medical.staffId, name: p.name, expectedAnalytes: p.analytes, startedOn: '2026-11-02' });
  }
  const { testId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, panelId: options.panelId ?? 'clinical_12' });
  return { patientId, episodeId, testId };
}

const cup = (analyte: string, detected: boolean) => ({ analyte, method: 'poc_cup', detected });
const VALID = { creatinineMgDl: 85, specificGravity: 1.015, ph: 6.4, oxidantsPresent: false };
const results = (testId: string, body: unknown, by: Staff = medical) => by.post(`/api/drug-tests/${testId}/results`, body);

const count = async (table: 'drug_test_results' | 'alerts' | 'drug_test_custody_events' | 'hl7_imports', testId: string) => {
  const column = table === 'alerts' ? 'source_id' : 'test_id';
  const row = await ctx.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column as 'test_id', '=', testId).executeTakeFirstOrThrow();
  return Number(row.n);
};
const alertsOf = (testId: string) => ctx.deps.db.selectFrom('alerts').select(['rule', 'severity', 'state', 'details', 'patient_id', 'episode_id']).where('source_id', '=', testId).orderBy('rule').execute();
const testRowOf = (testId: string) => ctx.deps.db.selectFrom('drug_tests').selectAll().where('test_id', '=', testId).executeTakeFirstOrThrow();
const auditOf = (entityId: string) => ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'actor_id', 'patient_id', 'details', 'purpose']).where('entity_id', '=', entityId).orderBy('seq').execute();

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  otherFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  medical = await createStaffMember(ctx, org, ['medical'], [facilityId]);
  director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
  otherMedical = await createStaffMember(ctx, org, ['medical'], [otherFacilityId]);
});

describe('entering results by hand', () => {
  it('buprenorphine detected in a patient prescribed Suboxone is expected, not positive: no alert', async () => {
    const { testId, patientId } = await collectedTest('Amara', { prescribed: [{ name: 'Suboxone', analytes: ['buprenorphine'] }] });
    const response = await results(testId, { validity: VALID, readings: [cup('buprenorphine', true), cup('fentanyl', false), cup('thc', false)] });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.status, 'resulted');
    assert.equal(body.validity, 'valid');
    assert.equal(body.outcome, 'expected_only');
    assert.deepEqual(body.expectedAnalytes, ['buprenorphine']);
    assert.deepEqual(body.analytes.map((a: { analyte: string; interpretation: string }) => [a.analyte, a.interpretation]), [['buprenorphine', 'expected'], ['fentanyl', 'negative'], ['thc', 'negative']]);
    assert.deepEqual(body.readings.map((r: { analyte: string; cutoff: number; source: string }) => [r.analyte, r.cutoff, r.source]), [['buprenorphine', 10, 'manual'], ['fentanyl', 1, 'manual'], ['thc', 50, 'manual']]);
    assert.deepEqual(body.validityInputs, VALID);
    assert.deepEqual(body.alertsRaised, []);
    assert.equal(await count('alerts', testId), 0);
    // Custody shows the specimen's hands: collected at the front desk, resulted by the nurse.
    assert.deepEqual(body.custody.map((c: { event: string; staff: { staffId: string } }) => [c.event, c.staff.staffId]), [['collected', frontDesk.staffId], ['resulted', medical.staffId]]);
    const audit = await auditOf(testId);
    assert.deepEqual(audit.map((a) => [a.action, a.entity, a.actor_id, a.patient_id]), [['update', 'drug_test', medical.staffId, patientId]]);
    assert.equal((audit[0]!.details as { change: string }).change, 'results_entered');
    assert.equal((audit[0]!.details as { outcome: string }).outcome, 'expected_only');
  });

  it('fentanyl in a patient on Suboxone raises one unexpected-positive alert, to the primary clinician, in the same write', async () => {
    const { testId, patientId, episodeId } = await collectedTest('Bea', { prescribed: [{ name: 'Suboxone', analytes: ['buprenorphine'] }] });
    const response = await results(testId, { readings: [cup('buprenorphine', true), cup('fentanyl', true)] });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().outcome, 'unexpected_positive');
    assert.deepEqual(response.json().alertsRaised.map((a: { rule: string; severity: string }) => [a.rule, a.severity]), [['drug_test_unexpected_positive', 'high']]);
    const alerts = await alertsOf(testId);
    assert.equal(alerts.length, 1);
    assert.deepEqual({ ...alerts[0]!, details: undefined }, { rule: 'drug_test_unexpected_positive', severity: 'high', state: 'open', details: undefined, patient_id: patientId, episode_id: episodeId });
    assert.deepEqual((alerts[0]!.details as { analytes: string[] }).analytes, ['fentanyl']);
    const recipients = await ctx.deps.db.selectFrom('alert_recipients as r').innerJoin('alerts as a', (j) => j.onRef('a.alert_id', '=', 'r.alert_id')).select(['r.staff_id', 'r.reason']).where('a.source_id', '=', testId).execute();
    assert.deepEqual(recipients, [{ staff_id: clinician.staffId, reason: 'primary_clinician' }]);
  });

  it('re-entering results before review replaces the readings, does not raise an analyte’s alert again, and alerts on a newly positive analyte', async () => {
    const { testId } = await collectedTest('Cleo');
    assert.equal((await results(testId, { readings: [cup('cocaine', true), cup('thc', false)] })).statusCode, 200);
    const again = await results(testId, { readings: [cup('cocaine', true), cup('amphetamines', true)] });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json().readings.map((r: { analyte: string }) => r.analyte), ['amphetamines', 'cocaine']);
    assert.deepEqual(again.json().alertsRaised.map((a: { rule: string }) => a.rule), ['drug_test_unexpected_positive']);
    const alerts = await alertsOf(testId);
    assert.deepEqual(alerts.map((a) => (a.details as { analytes: string[] }).analytes).sort(), [['amphetamines'], ['cocaine']]);
    assert.equal(await count('drug_test_results', testId), 2);
    // One 'resulted' custody event: the correction is an amendment, not another hand-over.
    assert.equal((await ctx.deps.db.selectFrom('drug_test_custody_events').select('event').where('test_id', '=', testId).where('event', '=', 'resulted').execute()).length, 1);
    assert.deepEqual((await auditOf(testId)).map((a) => (a.details as { change: string }).change), ['results_entered', 'results_replaced']);
  });

  it('a lab confirmation finding fentanyl after the cup’s THC alert was resolved raises a new fentanyl alert', async () => {
    const { testId } = await collectedTest('Cyra');
    assert.equal((await results(testId, { readings: [cup('thc', true)] })).statusCode, 200);
    const [thc] = await ctx.deps.db.selectFrom('alerts').select('alert_id').where('source_id', '=', testId).execute();
    assert.equal((await director.post(`/api/alerts/${thc!.alert_id}/acknowledge`)).statusCode, 200);
    assert.equal((await director.post(`/api/alerts/${thc!.alert_id}/resolve`, { note: 'Discussed THC use in session' })).statusCode, 200);
    const lab = await results(testId, { readings: [{ analyte: 'fentanyl', method: 'lab_confirmation', value: 12 }, { analyte: 'thc', method: 'lab_confirmation', value: 40 }] });
    assert.equal(lab.statusCode, 200, lab.body);
    assert.equal(lab.json().outcome, 'unexpected_positive');
    const alerts = await alertsOf(testId);
    assert.deepEqual(alerts.map((a) => [(a.details as { analytes: string[] }).analytes[0], a.state]).sort(), [['fentanyl', 'open'], ['thc', 'resolved']]);
  });

  it('prescribed methadone absent → missing_expected (possible diversion), with its alert', async () => {
    const { testId } = await collectedTest('Dara', { prescribed: [{ name: 'Methadone', analytes: ['methadone'] }] });
    const response = await results(testId, { readings: [cup('methadone', false), cup('eddp', false), cup('opiates', false)] });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().outcome, 'missing_expected');
    const interpretations = Object.fromEntries(response.json().analytes.map((a: { analyte: string; interpretation: string }) => [a.analyte, a.interpretation]));
    assert.deepEqual(interpretations, { eddp: 'negative', methadone: 'missing_expected', opiates: 'negative' });
    const alerts = await alertsOf(testId);
    assert.deepEqual(alerts.map((a) => [a.rule, (a.details as { analytes: string[] }).analytes]), [['drug_test_missing_expected', ['methadone']]]);
  });

  it('a medication stopped before the collection day no longer explains a positive', async () => {
    const { patientId, episodeId } = await newPatient('Esme');
    await insertMedication(ctx.deps.db, org.orgId, { patientId, createdBy: medical.staffId, name: 'Clonazepam', expectedAnalytes: ['benzodiazepines'], startedOn: '2026-10-01', stoppedOn: '2026-11-20', addictionMedication: null });
    const { testId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId });
    const response = await results(testId, { readings: [cup('benzodiazepines', true)] });
    assert.equal(response.json().outcome, 'unexpected_positive');
    assert.deepEqual(response.json().expectedAnalytes, []);
  });

  it('an adulterated specimen is an invalid specimen whatever it shows, and raises the specimen alert', async () => {
    const { testId } = await collectedTest('Fern');
    const response = await results(testId, { validity: { ...VALID, oxidantsPresent: true }, readings: [cup('thc', false)] });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().validity, response.json().outcome], ['adulterated', 'invalid_specimen']);
    assert.deepEqual((await alertsOf(testId)).map((a) => [a.rule, (a.details as { validity: string }).validity]), [['drug_test_specimen_not_valid', 'adulterated']]);
  });

  it('a substituted specimen may be resulted with no readings; a valid one may not', async () => {
    const { testId } = await collectedTest('Gia');
    const empty = await results(testId, { validity: VALID, readings: [] });
    assert.equal(empty.statusCode, 422, empty.body);
    assert.equal(empty.json().error.code, 'validation_failed');
    const substituted = await results(testId, { validity: { creatinineMgDl: 1.2, specificGravity: 1.0008 }, readings: [] });
    assert.equal(substituted.statusCode, 200, substituted.body);
    assert.deepEqual([substituted.json().validity, substituted.json().outcome], ['substituted', 'invalid_specimen']);
    assert.deepEqual((await alertsOf(testId)).map((a) => a.rule), ['drug_test_specimen_not_valid']);
  });

  it('a dilute specimen is shown as dilute and read as its analytes say, without an alert', async () => {
    const { testId } = await collectedTest('Hana');
    const response = await results(testId, { validity: { creatinineMgDl: 12, specificGravity: 1.002 }, readings: [cup('thc', false)] });
    assert.deepEqual([response.json().validity, response.json().outcome], ['dilute', 'negative']);
    assert.equal(await count('alerts', testId), 0);
  });

  it('computes detected from a laboratory value against the panel’s cut-off for the method', async () => {
    const { testId } = await collectedTest('Ines');
    const response = await results(testId, {
      readings: [
        { analyte: 'opiates', method: 'lab_initial', value: 2450, unit: 'ng/mL' },
        { analyte: 'opiates', method: 'lab_confirmation', value: 850, unit: 'ng/mL' },
        { analyte: 'thc', method: 'lab_initial', value: 50 },
        { analyte: 'thc', method: 'lab_confirmation', value: 14.9 },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const readings = response.json().readings.map((r: { analyte: string; method: string; detected: boolean; cutoff: number; supersededBy: string | null }) => [r.analyte, r.method, r.detected, r.cutoff, r.supersededBy]);
    assert.deepEqual(readings, [
      ['opiates', 'lab_confirmation', false, 2000, null],
      ['opiates', 'lab_initial', true, 2000, 'lab_confirmation'],
      ['thc', 'lab_confirmation', false, 15, null],
      ['thc', 'lab_initial', true, 50, 'lab_confirmation'],
    ]);
    // Negative confirmations of positive screens: the test is negative, and no alert is raised.
    assert.equal(response.json().outcome, 'negative');
    assert.equal(await count('alerts', testId), 0);
  });

  it('judges values as they are stored: creatinine 1.999 is kept as 2.00 (dilute), 9.9996 ng/mL as 10.000 (at the cut-off)', async () => {
    const { testId } = await collectedTest('Ivy', { prescribed: [{ name: 'Suboxone', analytes: ['buprenorphine'] }] });
    const response = await results(testId, { validity: { creatinineMgDl: 1.999, specificGravity: 1.0024 }, readings: [{ analyte: 'buprenorphine', method: 'lab_initial', value: 9.9996 }] });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().validity, response.json().validityInputs.creatinineMgDl], ['dilute', 2]);
    assert.deepEqual([response.json().readings[0].value, response.json().readings[0].detected], [10, true]);
  });

  it('a confirmation entered later keeps the earlier screen and overrides it', async () => {
    const { testId } = await collectedTest('Jo');
    await results(testId, { readings: [{ analyte: 'amphetamines', method: 'lab_initial', value: 900 }, { analyte: 'thc', method: 'lab_initial', value: 0 }] });
    const confirmed = await results(testId, { readings: [{ analyte: 'amphetamines', method: 'lab_confirmation', value: 120 }] });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().readings.length, 3);
    assert.equal(confirmed.json().outcome, 'negative');
    // The screen's alert was raised when the screen came in; it stays for a clinician to resolve.
    assert.equal(await count('alerts', testId), 1);
  });

  it('refuses an analyte the test’s panel does not include, writing nothing', async () => {
    const { testId } = await collectedTest('Kit', { panelId: 'samhsa_5' });
    const response = await results(testId, { readings: [cup('thc', false), cup('buprenorphine', true)] });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().error.code, 'analyte_unknown');
    assert.deepEqual(response.json().error.details, [{ path: 'readings[1].analyte', message: 'is not an analyte of the Federal urine panel (SAMHSA cut-offs)' }]);
    assert.equal(await count('drug_test_results', testId), 0);
    assert.equal((await testRowOf(testId)).status, 'collected');
  });

  const badReadings: [string, unknown, number, string, string][] = [
    ['a value that disagrees with detected', [{ analyte: 'thc', method: 'lab_initial', value: 10, detected: true }], 422, 'validation_failed', 'readings[0].detected'],
    ['neither detected nor a value', [{ analyte: 'thc', method: 'poc_cup' }], 422, 'validation_failed', 'readings[0].detected'],
    ['a unit other than ng/mL', [{ analyte: 'thc', method: 'lab_initial', value: 10, unit: 'mg/dL' }], 422, 'validation_failed', 'readings[0].unit'],
    ['the same analyte and method twice', [cup('thc', false), cup('thc', true)], 422, 'validation_failed', 'readings[1].analyte'],
    ['detected sent as null', [{ analyte: 'thc', method: 'poc_cup', detected: null }], 400, 'validation_failed', 'readings[0].detected'],
    ['detected sent as the string "true" (no coercion)', [{ analyte: 'thc', method: 'poc_cup', detected: 'true' }], 400, 'validation_failed', 'readings[0].detected'],
    ['an unknown method', [{ analyte: 'thc', method: 'dipstick', detected: true }], 400, 'validation_failed', 'readings[0].method'],
    ['a negative value', [{ analyte: 'thc', method: 'lab_initial', value: -1 }], 400, 'validation_failed', 'readings[0].value'],
  ];
  for (const [label, readings, status, code, path] of badReadings) {
    it(`refuses ${label} (${status} ${code}), writing nothing`, async () => {
      const { testId } = await collectedTest('Lou');
      const response = await results(testId, { readings });
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.ok(response.json().error.details.some((d: { path: string }) => d.path === path), JSON.stringify(response.json().error.details));
      assert.equal(await count('drug_test_results', testId), 0);
      assert.equal((await testRowOf(testId)).resulted_at, null);
    });
  }

  it('refuses a specific gravity outside what urine can have and an unknown validity field', async () => {
    const { testId } = await collectedTest('Mia');
    for (const validity of [{ specificGravity: 10 }, { ph: 15 }, { temperature: 35 }]) {
      const response = await results(testId, { validity, readings: [cup('thc', false)] });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.equal(await count('drug_test_results', testId), 0);
  });

  it('refuses results for a test not yet collected (409 test_not_collected) and for no such test (404)', async () => {
    const { patientId, episodeId } = await newPatient('Nia');
    const { testId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, status: 'pending' });
    const pending = await results(testId, { readings: [cup('thc', false)] });
    assert.equal(pending.statusCode, 409, pending.body);
    assert.equal(pending.json().error.code, 'test_not_collected');
    const missing = await results('00000000-0000-4000-8000-000000000000', { readings: [cup('thc', false)] });
    assert.equal(missing.statusCode, 404, missing.body);
    assert.equal(missing.json().error.code, 'drug_test_not_found');
  });
});

describe('who may enter results', () => {
  it('the clinical director may; the front desk and a clinician may not (403)', async () => {
    const { testId } = await collectedTest('Ola');
    for (const [who, status] of [[frontDesk, 403], [clinician, 403], [director, 200]] as const) {
      const response = await results(testId, { readings: [cup('thc', false)] }, who);
      assert.equal(response.statusCode, status, response.body);
    }
  });

  it('a nurse at another facility may not (403 facility_forbidden)', async () => {
    const { testId } = await collectedTest('Pia');
    const response = await results(testId, { readings: [cup('thc', false)] }, otherMedical);
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.json().error.code, 'facility_forbidden');
    assert.equal(await count('drug_test_results', testId), 0);
  });
});

describe('medical review', () => {
  it('only medical staff sign; a signed test cannot be signed again nor its results changed', async () => {
    const { testId, patientId } = await collectedTest('Quinn');
    assert.equal((await results(testId, { readings: [cup('thc', false)] })).statusCode, 200);
    for (const who of [director, clinician, frontDesk]) {
      const refused = await who.post(`/api/drug-tests/${testId}/review`, {});
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(refused.json().error.code, 'forbidden');
    }
    ctx.clock.advanceMinutes(1);
    const signed = await medical.post(`/api/drug-tests/${testId}/review`, { note: 'Negative, consistent with self-report. Continue random testing.' });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().status, 'reviewed');
    assert.equal(signed.json().review.by.staffId, medical.staffId);
    assert.equal(signed.json().review.note, 'Negative, consistent with self-report. Continue random testing.');
    assert.equal(signed.json().reviewed.by.staffId, medical.staffId);

    const again = await medical.post(`/api/drug-tests/${testId}/review`, {});
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'already_reviewed');
    const reentry = await results(testId, { readings: [cup('thc', true)] });
    assert.equal(reentry.statusCode, 409);
    assert.equal(reentry.json().error.code, 'already_reviewed');
    assert.equal(await count('alerts', testId), 0);

    // The review is audited without its free-text note.
    const review = (await auditOf(testId)).at(-1)!;
    assert.equal(review.patient_id, patientId);
    assert.deepEqual(review.details, { change: 'reviewed', outcome: 'negative', validity: null, withNote: true });
  });

  it('a test without results cannot be signed (409 test_not_resulted); a blank note is refused', async () => {
    const { testId } = await collectedTest('Rae');
    const early = await medical.post(`/api/drug-tests/${testId}/review`, {});
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'test_not_resulted');
    await results(testId, { readings: [cup('thc', false)] });
    const blank = await medical.post(`/api/drug-tests/${testId}/review`, { note: '   ' });
    assert.equal(blank.statusCode, 400);
    assert.equal((await testRowOf(testId)).status, 'resulted');
  });

  it('a nurse at another facility cannot sign (403 facility_forbidden)', async () => {
    const { testId } = await collectedTest('Sol');
    await results(testId, { readings: [cup('thc', false)] });
    const response = await otherMedical.post(`/api/drug-tests/${testId}/review`, {});
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'facility_forbidden');
  });
});

describe('reading drug tests in the chart', () => {
  it('the chart lists collected and resulted tests newest first, never a pending one (today’s random selection stays secret)', async () => {
    const { patientId, episodeId } = await newPatient('Tove');
    const older = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, selectedOn: '2026-11-17', collectedAt: new Date('2026-11-17T15:00:00Z') });
    const newer = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, selectedOn: '2026-11-23', collectedAt: new Date('2026-11-23T15:00:00Z') });
    const pending = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, status: 'pending' });
    await results(newer.testId, { readings: [cup('thc', false)] });
    const response = await clinician.get(`/api/patients/${patientId}/drug-tests`);
    assert.equal(response.statusCode, 200, response.body);
    const tests = response.json().tests as { testId: string; status: string; outcome: string | null; patient: { displayName: string } }[];
    assert.deepEqual(tests.map((t) => [t.testId, t.status, t.outcome]), [[newer.testId, 'resulted', 'negative'], [older.testId, 'collected', null]]);
    assert.equal(tests[0]!.patient.displayName, 'Tove Okafor');
    assert.ok(!tests.some((t) => t.testId === pending.testId));
    const audit = await ctx.deps.db.selectFrom('audit_events').select(['action', 'details']).where('entity', '=', 'drug_test').where('patient_id', '=', patientId).where('action', '=', 'read').execute();
    assert.deepEqual(audit.map((a) => (a.details as { testIds: string[] }).testIds), [[newer.testId, older.testId]]);
  });

  it('a clinician opens one test in full: collection, custody, validity, readings, review; the read is audited', async () => {
    const { testId, patientId } = await collectedTest('Uma', { prescribed: [{ name: 'Suboxone', analytes: ['buprenorphine'] }] });
    await results(testId, { validity: VALID, readings: [cup('buprenorphine', true)] });
    const response = await clinician.get(`/api/drug-tests/${testId}`);
    assert.equal(response.statusCode, 200, response.body);
    const detail = response.json();
    assert.equal(detail.collection.collectedBy.staffId, frontDesk.staffId);
    assert.equal(detail.collection.temperatureInRange, true);
    assert.equal(detail.panelName, 'Clinical urine panel (federal + MOUD, benzodiazepines, EtG)');
    assert.deepEqual(detail.analytes, [{ analyte: 'buprenorphine', name: 'Buprenorphine / norbuprenorphine', detected: true, interpretation: 'expected', basis: 'poc_cup' }]);
    assert.equal(detail.review, null);
    assert.deepEqual(detail.hl7Imports, []);
    const read = (await auditOf(testId)).at(-1)!;
    assert.deepEqual([read.action, read.actor_id, read.patient_id, read.purpose], ['read', clinician.staffId, patientId, 'treatment']);
  });

  it('the front desk cannot read results (403), nor a nurse of another facility', async () => {
    const { testId, patientId } = await collectedTest('Vi');
    for (const url of [`/api/drug-tests/${testId}`, `/api/patients/${patientId}/drug-tests`]) {
      const desk = await frontDesk.get(url);
      assert.equal(desk.statusCode, 403, desk.body);
      assert.equal(desk.json().error.code, 'forbidden');
      const elsewhere = await otherMedical.get(url);
      assert.equal(elsewhere.statusCode, 403, elsewhere.body);
      assert.equal(elsewhere.json().error.code, 'patient_forbidden');
    }
    const missing = await clinician.get('/api/drug-tests/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'drug_test_not_found');
  });

  it('a random test still pending is unknown to a clinician (today’s selection stays secret) but not to the clinical director who collects', async () => {
    const { patientId, episodeId } = await newPatient('Xia');
    const { testId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId, status: 'pending' });
    const hidden = await clinician.get(`/api/drug-tests/${testId}`);
    assert.equal(hidden.statusCode, 404, hidden.body);
    assert.equal(hidden.json().error.code, 'drug_test_not_found');
    const collector = await director.get(`/api/drug-tests/${testId}`);
    assert.equal(collector.statusCode, 200, collector.body);
    assert.equal(collector.json().status, 'pending');
  });

  it('a for-cause test the clinician ordered is visible while pending', async () => {
    const { patientId, episodeId } = await newPatient('Yara');
    const { testId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: clinician.staffId, status: 'pending', reason: 'for_cause' });
    const response = await clinician.get(`/api/drug-tests/${testId}`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().reasonNote, 'Observed signs of intoxication in group');
  });

  it('an unknown test id is 404 drug_test_not_found', async () => {
    const missing = await clinician.get('/api/drug-tests/00000000-0000-4000-8000-000000000001');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'drug_test_not_found');
  });
});

describe('facility worklists', () => {
  let queueFacilityId: string;
  let nurse: Staff;

  before(async () => {
    queueFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Northside'))).json().facilityId;
    nurse = await createStaffMember(ctx, org, ['medical'], [queueFacilityId]);
  });

  it('lists specimens awaiting results and results awaiting a signature, oldest first, for those who do that work', async () => {
    const patientId = await insertPatient(ctx.deps.db, org.orgId, queueFacilityId, { given: 'Wren', family: 'Adeyemi' });
    const first = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId: queueFacilityId, collectedBy: nurse.staffId, selectedOn: '2026-11-20', collectedAt: new Date('2026-11-20T14:00:00Z') });
    const second = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId: queueFacilityId, collectedBy: nurse.staffId, selectedOn: '2026-11-23', collectedAt: new Date('2026-11-23T14:00:00Z') });
    const third = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId: queueFacilityId, collectedBy: nurse.staffId, reason: 'for_cause' });
    await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId: queueFacilityId, collectedBy: nurse.staffId, status: 'pending' });

    const awaiting = await nurse.get(`/api/facilities/${queueFacilityId}/drug-tests/awaiting-results`);
    assert.equal(awaiting.statusCode, 200, awaiting.body);
    assert.deepEqual(awaiting.json().tests.map((t: { testId: string }) => t.testId), [first.testId, second.testId, third.testId]);

    await nurse.post(`/api/drug-tests/${second.testId}/results`, { readings: [cup('thc', false)] });
    ctx.clock.advanceMinutes(1);
    await nurse.post(`/api/drug-tests/${first.testId}/results`, { readings: [cup('thc', false)] });
    const queue = await nurse.get(`/api/facilities/${queueFacilityId}/drug-tests/review-queue`);
    assert.equal(queue.statusCode, 200, queue.body);
    assert.deepEqual(queue.json().tests.map((t: { testId: string }) => t.testId), [second.testId, first.testId]);
    const stillAwaiting = await nurse.get(`/api/facilities/${queueFacilityId}/drug-tests/awaiting-results`);
    assert.deepEqual(stillAwaiting.json().tests.map((t: { testId: string }) => t.testId), [third.testId]);

    await nurse.post(`/api/drug-tests/${second.testId}/review`, {});
    const after = await nurse.get(`/api/facilities/${queueFacilityId}/drug-tests/review-queue`);
    assert.deepEqual(after.json().tests.map((t: { testId: string }) => t.testId), [first.testId]);

    const audit = await ctx.deps.db.selectFrom('audit_events').select('details').where('entity', '=', 'drug_test').where('action', '=', 'read').where('actor_id', '=', nurse.staffId).orderBy('seq').execute();
    assert.deepEqual((audit[0]!.details as { list: string; patientIds: string[] }).patientIds, [patientId]);
  });

  it('a clinician and the front desk may not see the worklists; nor staff of another facility', async () => {
    for (const [who, code] of [[clinician, 'forbidden'], [frontDesk, 'forbidden'], [medical, 'facility_forbidden']] as const) {
      for (const list of ['awaiting-results', 'review-queue']) {
        const response = await who.get(`/api/facilities/${queueFacilityId}/drug-tests/${list}`);
        assert.equal(response.statusCode, 403, `${list}: ${response.body}`);
        assert.equal(response.json().error.code, code);
      }
    }
  });
});
