/**
 * The front-desk kiosk: a patient in a program here finds themself by last name and birthday
 * and checks in; anyone else gets the same "no match", and the tablet never shows answers.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type MonitoringWorld, addPatient, alertRows, auditRows, monitoringWorld } from './test-fixtures.ts';

let world: MonitoringWorld;
let kiosk: MonitoringWorld['frontDesk'];
const calm = { craving: 1, mood: 4, sleepHours: 8, sleepQuality: 4, usedSinceLast: false, substances: [], medicationTaken: 'none_prescribed' };
const identifyUrl = () => `/api/facilities/${world.facilityId}/kiosk/identify`;
const checkinUrl = () => `/api/facilities/${world.facilityId}/kiosk/checkins`;

const checkinCount = async (patientId: string) =>
  Number((await world.ctx.deps.db.selectFrom('daily_checkins').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', patientId).executeTakeFirstOrThrow()).n);

before(async () => {
  world = await monitoringWorld();
  kiosk = world.frontDesk;
});

describe('identifying at the kiosk', () => {
  it('finds the patient in a program here by last name, accents and case aside, and greets them by first name only', async () => {
    const { patientId } = await addPatient(world, { given: 'Olivia', preferred: 'Liv', family: 'García-López', dateOfBirth: '1988-07-03' });
    const response = await kiosk.post(identifyUrl(), { lastName: 'garcia lopez', dateOfBirth: '1988-07-03' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { patientId, greetingName: 'Liv', checkedInToday: false });
    const audit = await auditRows(world, 'kiosk_identification', patientId);
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id, a.details]), [['read', kiosk.staffId, { facilityId: world.facilityId }]]);
  });

  it('gives the same 404 for every non-match: wrong birthday, unknown name, another facility’s patient, discharged, no episode, a namesake twin', async () => {
    await addPatient(world, { family: 'Mensah', dateOfBirth: '1975-01-20' });
    await addPatient(world, { family: 'Westbrook', dateOfBirth: '1982-09-09', admitTo: world.westProgram });
    await addPatient(world, { family: 'Former', dateOfBirth: '1970-02-02', admittedOn: '2026-09-01', dischargedOn: '2026-11-20' });
    await addPatient(world, { family: 'Unadmitted', dateOfBirth: '1991-03-03', admitTo: null });
    await addPatient(world, { family: 'Reyes', dateOfBirth: '1999-12-12', given: 'Ana' });
    await addPatient(world, { family: 'Reyes', dateOfBirth: '1999-12-12', given: 'Eva' });
    const attempts = [
      { lastName: 'Mensah', dateOfBirth: '1975-01-21' },
      { lastName: 'Nobody', dateOfBirth: '1975-01-20' },
      { lastName: 'Westbrook', dateOfBirth: '1982-09-09' },
      { lastName: 'Former', dateOfBirth: '1970-02-02' },
      { lastName: 'Unadmitted', dateOfBirth: '1991-03-03' },
      { lastName: 'Reyes', dateOfBirth: '1999-12-12' },
      { lastName: 'Mensa', dateOfBirth: '1975-01-20' },
    ];
    const auditedBefore = (await auditRows(world, 'kiosk_identification')).length;
    const answers = await Promise.all(attempts.map((body) => kiosk.post(identifyUrl(), body)));
    for (const answer of answers) assert.equal(answer.statusCode, 404, answer.body);
    assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'every non-match reads the same');
    assert.equal(answers[0]!.json().error.code, 'kiosk_no_match');
    assert.equal((await auditRows(world, 'kiosk_identification')).length, auditedBefore, 'a non-match names nobody, so nothing is written');
  });

  it('says when the patient already checked in today', async () => {
    const { patientId } = await addPatient(world, { family: 'Adeyemi', dateOfBirth: '1993-05-05' });
    assert.equal((await kiosk.post(checkinUrl(), { patientId, ...calm })).statusCode, 201);
    assert.equal((await kiosk.post(identifyUrl(), { lastName: 'ADEYEMI', dateOfBirth: '1993-05-05' })).json().checkedInToday, true);
  });

  const badInput: [string, Record<string, unknown>][] = [
    ['no date of birth', { lastName: 'Mensah' }],
    ['a date of birth that does not exist', { lastName: 'Mensah', dateOfBirth: '1975-02-30' }],
    ['a date of birth as a timestamp', { lastName: 'Mensah', dateOfBirth: '1975-01-20T00:00:00Z' }],
    ['a blank last name', { lastName: '   ', dateOfBirth: '1975-01-20' }],
    ['a last name as null', { lastName: null, dateOfBirth: '1975-01-20' }],
    ['an extra field', { lastName: 'Mensah', dateOfBirth: '1975-01-20', mrn: 'T-1' }],
  ];
  for (const [sentence, body] of badInput) {
    it(`refuses ${sentence} as a 400`, async () => {
      const response = await kiosk.post(identifyUrl(), body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
    });
  }
});

describe('checking in at the kiosk', () => {
  it('records today’s check-in as the kiosk’s, audited, with a receipt that carries no answers', async () => {
    const { patientId, episodeId } = await addPatient(world);
    const response = await kiosk.post(checkinUrl(), { patientId, ...calm, usedSinceLast: true, substances: ['alcohol'], note: 'hard weekend' });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { checkinOn: '2026-11-24', replaced: false });
    const row = await world.ctx.deps.db.selectFrom('daily_checkins').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
    assert.deepEqual([row.source, row.recorded_by, row.episode_id, row.note], ['kiosk', kiosk.staffId, episodeId, 'hard weekend']);
    assert.deepEqual((await auditRows(world, 'daily_checkin', patientId)).map((a) => [a.action, a.actor_id]), [['create', kiosk.staffId]]);
    const [alert] = await alertRows(world, patientId);
    assert.equal(alert!.rule, 'reported_substance_use');
  });

  it('refuses a patient who is not in a program here with the same 404, writing nothing', async () => {
    const elsewhere = await addPatient(world, { admitTo: world.westProgram });
    const discharged = await addPatient(world, { admittedOn: '2026-09-01', dischargedOn: '2026-11-20' });
    for (const patientId of [elsewhere.patientId, discharged.patientId, '00000000-0000-4000-8000-000000000000']) {
      const response = await kiosk.post(checkinUrl(), { patientId, ...calm });
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(response.json().error.code, 'kiosk_no_match');
    }
    assert.equal(await checkinCount(elsewhere.patientId), 0);
    assert.equal(await checkinCount(discharged.patientId), 0);
  });

  it('refuses bad answers (400/422) and writes nothing', async () => {
    const { patientId } = await addPatient(world);
    assert.equal((await kiosk.post(checkinUrl(), { patientId, ...calm, mood: 9 })).statusCode, 400);
    assert.equal((await kiosk.post(checkinUrl(), { ...calm })).statusCode, 400, 'no patient');
    assert.equal((await kiosk.post(checkinUrl(), { patientId: 'not-a-uuid', ...calm })).statusCode, 400);
    assert.equal((await kiosk.post(checkinUrl(), { patientId, ...calm, usedSinceLast: true })).statusCode, 422);
    assert.equal(await checkinCount(patientId), 0);
  });
});

describe('who may use the kiosk', () => {
  it('refuses billing, a kiosk assigned to another facility, and an unknown facility', async () => {
    const { patientId } = await addPatient(world, { family: 'Kiosk', dateOfBirth: '1980-08-08' });
    const body = { lastName: 'Kiosk', dateOfBirth: '1980-08-08' };
    assert.equal((await world.billing.post(identifyUrl(), body)).json().error.code, 'forbidden');
    assert.equal((await world.billing.post(checkinUrl(), { patientId, ...calm })).json().error.code, 'forbidden');
    const westKiosk = await world.staff(['front_desk'], [world.westFacilityId]);
    const west = await westKiosk.post(identifyUrl(), body);
    assert.equal(west.statusCode, 403);
    assert.equal(west.json().error.code, 'facility_forbidden');
    assert.equal((await westKiosk.post(checkinUrl(), { patientId, ...calm })).json().error.code, 'facility_forbidden');
    assert.equal((await kiosk.post('/api/facilities/00000000-0000-4000-8000-000000000000/kiosk/identify', body)).statusCode, 404);
    assert.equal(await checkinCount(patientId), 0);
  });

  it('the front desk that records at the kiosk cannot read the history it recorded', async () => {
    const { patientId } = await addPatient(world);
    assert.equal((await kiosk.post(checkinUrl(), { patientId, ...calm })).statusCode, 201);
    assert.equal((await kiosk.get(`/api/patients/${patientId}/checkins`)).statusCode, 403);
  });
});
