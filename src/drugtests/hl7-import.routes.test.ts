/**
 * Laboratory results over HL7 v2 ORU^R01: a screen with reflex confirmation and specimen
 * validity imported into the collected test it names, once; and every way a message can be
 * wrong answered with its own 4xx code, writing nothing at all.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { insertEpisode, insertPatient } from '../attendance/test-fixtures.ts';
import { hl7, screenAndConfirmation } from './hl7-test-messages.ts';
import { insertDrugTest, insertMedication } from './test-fixtures.ts';

type Staff = Awaited<ReturnType<typeof createStaffMember>>;

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let program: { programId: string; phases: { phaseId: string }[] };
let clinician: Staff;
let medical: Staff;
let director: Staff;
let frontDesk: Staff;
let otherMedical: Staff;

let sequence = 0;
const nextControlId = () => `NETOX-${String(++sequence).padStart(6, '0')}`;

/** A patient on Suboxone with a collected urine specimen; returns what a lab message needs. */
async function specimen(given: string, prescribed: string[] = ['buprenorphine']) {
  const mrn = `RB-${given.toUpperCase()}-${sequence}`;
  const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given, family: 'Okafor', mrn });
  const episodeId = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId: program.programId, clinicianId: clinician.staffId, admittedOn: '2026-11-02', phases: [{ effectiveOn: '2026-11-02', phaseId: program.phases[0]!.phaseId }] });
  if (prescribed.length) await insertMedication(ctx.deps.db, org.orgId, { patientId, createdBy: medical.staffId, name: 'Suboxone', expectedAnalytes: prescribed, startedOn: '2026-11-02' });
  const { testId, specimenId } = await insertDrugTest(ctx.deps.db, org.orgId, { patientId, facilityId, episodeId, collectedBy: frontDesk.staffId });
  return { patientId, episodeId, testId, specimenId: specimenId!, mrn };
}

const importMessage = (message: unknown, by: Staff = medical) => by.post('/api/drug-tests/hl7', { message });

/** Row counts of everything an import could write, organization-wide. */
async function snapshot() {
  const db = ctx.deps.db;
  const n = async (table: 'drug_test_results' | 'hl7_imports' | 'alerts' | 'alert_recipients' | 'drug_test_custody_events' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', org.orgId).executeTakeFirstOrThrow()).n);
  const resulted = await db.selectFrom('drug_tests').select(['test_id', 'status', 'updated_at']).where('org_id', '=', org.orgId).orderBy('test_id').execute();
  return {
    results: await n('drug_test_results'),
    imports: await n('hl7_imports'),
    alerts: await n('alerts'),
    recipients: await n('alert_recipients'),
    custody: await n('drug_test_custody_events'),
    audit: await n('audit_events'),
    tests: resulted.map((t) => `${t.test_id}:${t.status}:${t.updated_at.toISOString()}`),
  };
}

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const otherFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  medical = await createStaffMember(ctx, org, ['medical'], [facilityId]);
  director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
  otherMedical = await createStaffMember(ctx, org, ['medical'], [otherFacilityId]);
});

describe('importing a laboratory report', () => {
  it('imports a screen with reflex confirmation and validity: a negative confirmation overrides the opiate screen, buprenorphine is expected', async () => {
    const s = await specimen('Amara');
    const controlId = nextControlId();
    const message = screenAndConfirmation({ controlId, mrn: s.mrn, specimenId: s.specimenId });
    const response = await importMessage(message);
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.testId, s.testId);
    assert.equal(body.messageControlId, controlId);
    assert.deepEqual([body.status, body.validity, body.outcome], ['resulted', 'valid', 'expected_only']);
    assert.deepEqual(body.results.map((r: { analyte: string; method: string; detected: boolean; interpretation: string; supersededBy: string | null; source: string }) => [r.analyte, r.method, r.detected, r.interpretation, r.supersededBy, r.source]), [
      ['buprenorphine', 'lab_confirmation', true, 'expected', null, 'hl7'],
      ['buprenorphine', 'lab_initial', true, 'expected', 'lab_confirmation', 'hl7'],
      ['cocaine', 'lab_initial', false, 'negative', null, 'hl7'],
      ['fentanyl', 'lab_initial', false, 'negative', null, 'hl7'],
      ['opiates', 'lab_confirmation', false, 'negative', null, 'hl7'],
      ['opiates', 'lab_initial', true, 'positive', 'lab_confirmation', 'hl7'],
      ['thc', 'lab_initial', false, 'negative', null, 'hl7'],
    ]);
    assert.deepEqual(body.skipped, [{ sequence: 12, code: 'COMMENT', reason: 'comment' }]);
    assert.deepEqual(body.alertsRaised, []);

    // The receipt keeps the raw message; the test shows it, the laboratory as the custody party, and the validity inputs.
    const receipt = await ctx.deps.db.selectFrom('hl7_imports').selectAll().where('import_id', '=', body.importId).executeTakeFirstOrThrow();
    assert.deepEqual([receipt.message_control_id, receipt.sending_facility, receipt.test_id, receipt.received_by, receipt.raw_message], [controlId, 'NORTHEAST TOXICOLOGY', s.testId, medical.staffId, message]);
    const detail = (await clinician.get(`/api/drug-tests/${s.testId}`)).json();
    assert.deepEqual(detail.validityInputs, { creatinineMgDl: 112.4, specificGravity: 1.018, ph: 6.2, oxidantsPresent: false });
    assert.deepEqual(detail.custody.map((c: { event: string; party: string | null }) => [c.event, c.party]), [['collected', null], ['resulted', 'NORTHEAST TOXICOLOGY']]);
    assert.deepEqual(detail.hl7Imports.map((i: { messageControlId: string }) => i.messageControlId), [controlId]);

    const audit = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'patient_id', 'details']).where('actor_id', '=', medical.staffId).where('patient_id', '=', s.patientId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => [a.action, a.entity, a.entity_id]), [['update', 'drug_test', s.testId], ['create', 'hl7_import', body.importId]]);
    assert.deepEqual(audit[1]!.details, { testId: s.testId, messageControlId: controlId, readings: 7, skipped: 1 });
  });

  it('a resent message is refused as a duplicate (409) and changes nothing', async () => {
    const s = await specimen('Bea');
    const message = screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: s.specimenId });
    const first = await importMessage(message);
    assert.equal(first.statusCode, 201, first.body);
    const before = await snapshot();
    const again = await importMessage(message);
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'hl7_duplicate');
    assert.equal(again.json().error.details.importId, first.json().importId);
    assert.equal(again.json().error.details.testId, s.testId);
    assert.deepEqual(await snapshot(), before);
  });

  it('two copies of a message arriving together import once', async () => {
    const s = await specimen('Cleo');
    const message = screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: s.specimenId });
    const [a, b] = await Promise.all([importMessage(message), importMessage(message)]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409], `${a.body} ${b.body}`);
    assert.equal((a.statusCode === 409 ? a : b).json().error.code, 'hl7_duplicate');
    const imports = await ctx.deps.db.selectFrom('hl7_imports').select('import_id').where('test_id', '=', s.testId).execute();
    assert.equal(imports.length, 1);
  });

  it('a confirmed fentanyl positive raises one alert; the lab’s corrected report replaces the readings without a second alert', async () => {
    const s = await specimen('Dara');
    const fentanyl = (controlId: string, status: string) => hl7(
      `MSH|^~\\&|TOXLIS|NORTHEAST TOXICOLOGY|CAIRN|RIVERBEND|20261125081500-0500||ORU^R01^ORU_R01|${controlId}|P|2.5.1`,
      `PID|1||${s.mrn}^^^CAIRN^MR||Okafor^Dara||19900412|F`,
      `OBR|1|${s.specimenId}|NT9001^NETOX|TOXCONF^Fentanyl confirmation^L`,
      `OBX|1|NM|FENTANYL^Fentanyl^L||4.2|ng/mL|<1|A|||${status}|||||LCMSMS^LC-MS/MS^L`,
      `OBX|2|NM|NORFEN^Norfentanyl^L||4.2|ng/mL|<1|A|||${status}|||||LCMSMS^LC-MS/MS^L`.replace('NORFEN^Norfentanyl', 'BUP^Buprenorphine'),
    );
    const first = await importMessage(fentanyl(nextControlId(), 'F'));
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().outcome, 'unexpected_positive');
    assert.deepEqual(first.json().alertsRaised.map((a: { rule: string }) => a.rule), ['drug_test_unexpected_positive']);
    const corrected = await importMessage(fentanyl(nextControlId(), 'C'));
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.deepEqual(corrected.json().alertsRaised, []);
    assert.equal(corrected.json().results.length, 2);
    const alerts = await ctx.deps.db.selectFrom('alerts').select(['rule', 'details']).where('source_id', '=', s.testId).execute();
    assert.deepEqual(alerts.map((a) => [a.rule, (a.details as { analytes: string[] }).analytes]), [['drug_test_unexpected_positive', ['fentanyl']]]);
  });

  it('matches the specimen by SPM-2 when the OBR carries only the lab’s accession', async () => {
    const s = await specimen('Esme');
    const response = await importMessage(hl7(
      `MSH|^~\\&|TOXLIS|NORTHEAST TOXICOLOGY|CAIRN|RIVERBEND|20261125081500-0500||ORU^R01^ORU_R01|${nextControlId()}|P|2.5.1`,
      `PID|1||${s.mrn}^^^CAIRN^MR`,
      'OBR|1||NT4242^NETOX|TOXSCR^Drug screen^L',
      'OBX|1|ST|BUP^Buprenorphine^L||POSITIVE||||||F',
      `SPM|1|${s.specimenId}&CAIRN^NT4242&NETOX||UR^Urine^HL70487`,
    ));
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().testId, s.testId);
    assert.equal(response.json().outcome, 'expected_only');
  });
});

describe('a message that cannot be imported writes nothing', () => {
  let s: Awaited<ReturnType<typeof specimen>>;
  let good: (controlId?: string) => string;

  before(async () => {
    s = await specimen('Fern');
    good = (controlId = nextControlId()) => screenAndConfirmation({ controlId, mrn: s.mrn, specimenId: s.specimenId });
  });

  const cases: [string, () => Promise<string>, number, string, Record<string, unknown>][] = [
    ['no MSH segment', async () => good().split('\r').slice(1).join('\r'), 422, 'hl7_malformed', { segment: 'MSH' }],
    ['not HL7 at all', async () => 'Patient tested positive for THC', 422, 'hl7_malformed', { segment: 'MSH' }],
    ['the wrong message type (ADT^A08)', async () => good().replace('ORU^R01^ORU_R01', 'ADT^A08^ADT_A01'), 422, 'hl7_unsupported', { field: 'MSH-9' }],
    ['no OBR (and so no results)', async () => good().split('\r').filter((l) => !l.startsWith('OBR') && !l.startsWith('OBX')).join('\r'), 422, 'hl7_malformed', { segment: 'OBR', field: null }],
    ['results with no OBR to belong to', async () => good().split('\r').filter((l) => !l.startsWith('OBR')).join('\r'), 422, 'hl7_malformed', { segment: 'OBX', sequence: 1 }],
    ['no OBX', async () => good().split('\r').filter((l) => !l.startsWith('OBX')).join('\r'), 422, 'hl7_malformed', { segment: 'OBX' }],
    ['a non-numeric NM value in the confirmation (after valid screens)', async () => good().replace('||45|ng/mL|<5', '||forty-five|ng/mL|<5'), 422, 'hl7_malformed', { segment: 'OBX', sequence: 11, field: 'OBX-5' }],
    ['a reference range too large to be a cut-off', async () => good().replace('||45|ng/mL|<5', '||45|ng/mL|<10000000000'), 422, 'hl7_malformed', { segment: 'OBX', sequence: 11, field: 'OBX-7' }],
    ['an analyte code the panel does not know', async () => good().replace('FEN^Fentanyl screen^L', 'KET^Ketamine screen^L'), 422, 'analyte_unknown', { segment: 'OBX', sequence: 9, field: 'OBX-3', code: 'KET' }],
    ['a specimen id no collected test has', async () => good().replaceAll(`|${s.specimenId}|`, '|SPC-NOPE|'), 422, 'hl7_unmatched', { segment: 'OBR', field: 'OBR-2' }],
    ['an MRN that is not the specimen’s patient', async () => good().replace(`PID|1||${s.mrn}^^^CAIRN^MR~987654^^^NETOX^PI`, 'PID|1||RB-SOMEONE-ELSE^^^CAIRN^MR'), 422, 'hl7_unmatched', { segment: 'PID', field: 'PID-3' }],
    ['two specimens in one message', async () => {
      const other = await specimen('Gia');
      const lines = good().split('\r');
      const second = lines.findIndex((l) => l.startsWith('OBR|2'));
      lines[second] = lines[second]!.replace(`|${s.specimenId}|`, `|${other.specimenId}|`);
      return lines.join('\r');
    }, 422, 'hl7_unsupported', { segment: 'OBR' }],
  ];
  for (const [label, build, status, code, details] of cases) {
    it(`${label}: ${status} ${code}`, async () => {
      const message = await build();
      const before = await snapshot();
      const response = await importMessage(message);
      assert.equal(response.statusCode, status, response.body);
      const error = response.json().error;
      assert.equal(error.code, code);
      assert.equal(typeof error.message, 'string');
      for (const [key, value] of Object.entries(details)) assert.deepEqual(error.details[key], value, `details.${key}: ${JSON.stringify(error.details)}`);
      assert.deepEqual(await snapshot(), before);
    });
  }

  it('a duplicate control id: 409 hl7_duplicate', async () => {
    const controlId = nextControlId();
    assert.equal((await importMessage(good(controlId))).statusCode, 201);
    const before = await snapshot();
    const response = await importMessage(good(controlId).replace('||2450|ng/mL', '||3100|ng/mL'));
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json().error.code, 'hl7_duplicate');
    assert.deepEqual(response.json().error.details.field, 'MSH-10');
    assert.deepEqual(await snapshot(), before);
  });

  it('results for a signed test: 409 already_reviewed', async () => {
    const signedSpecimen = await specimen('Hana');
    const message = (controlId: string) => screenAndConfirmation({ controlId, mrn: signedSpecimen.mrn, specimenId: signedSpecimen.specimenId });
    assert.equal((await importMessage(message(nextControlId()))).statusCode, 201);
    assert.equal((await medical.post(`/api/drug-tests/${signedSpecimen.testId}/review`, {})).statusCode, 200);
    const before = await snapshot();
    const response = await importMessage(message(nextControlId()));
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json().error.code, 'already_reviewed');
    assert.deepEqual(await snapshot(), before);
  });

  it('a request without a message string: 400 validation_failed', async () => {
    for (const body of [{ message: null }, { message: '' }, {}, { message: 'MSH|^~\\&', extra: true }]) {
      const response = await medical.post('/api/drug-tests/hl7', body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
    }
  });
});

describe('who may import', () => {
  it('the front desk and clinicians may not (403); the clinical director may', async () => {
    const s = await specimen('Ines');
    const message = () => screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: s.specimenId });
    for (const who of [frontDesk, clinician]) {
      const response = await importMessage(message(), who);
      assert.equal(response.statusCode, 403, response.body);
      assert.equal(response.json().error.code, 'forbidden');
    }
    const allowed = await importMessage(message(), director);
    assert.equal(allowed.statusCode, 201, allowed.body);
  });

  it('to a nurse of another facility, this facility’s specimen looks like no specimen at all (422 hl7_unmatched), and nothing is written', async () => {
    const s = await specimen('Jo');
    const before = await snapshot();
    const existing = await importMessage(screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: s.specimenId }), otherMedical);
    const unknown = await importMessage(screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: 'SPC-NO-SUCH' }), otherMedical);
    assert.equal(existing.statusCode, 422, existing.body);
    assert.deepEqual([existing.statusCode, existing.json().error.code], [unknown.statusCode, unknown.json().error.code]);
    assert.equal(existing.json().error.code, 'hl7_unmatched');
    const shape = (details: Record<string, unknown>) => ({ ...details, message: undefined });
    assert.deepEqual(shape(existing.json().error.details), shape(unknown.json().error.details));
    assert.ok(!existing.body.includes(s.testId));
    assert.deepEqual(await snapshot(), before);
  });

  it('a resend by a nurse of another facility is a duplicate that names no import, test or time', async () => {
    const s = await specimen('Kit');
    const message = screenAndConfirmation({ controlId: nextControlId(), mrn: s.mrn, specimenId: s.specimenId });
    const first = await importMessage(message);
    assert.equal(first.statusCode, 201, first.body);
    const before = await snapshot();
    const resend = await importMessage(message, otherMedical);
    assert.equal(resend.statusCode, 409, resend.body);
    assert.equal(resend.json().error.code, 'hl7_duplicate');
    assert.deepEqual(resend.json().error.details, { segment: 'MSH', field: 'MSH-10' });
    assert.ok(!resend.body.includes(s.testId) && !resend.body.includes(first.json().importId));
    assert.deepEqual(await snapshot(), before);
  });
});
