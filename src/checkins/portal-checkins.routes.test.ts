/** The patient's own daily check-in in the portal: only ever their own, on their facility's day. */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import { type PortalClient, signUpPatient } from '../../test/support/portal.ts';
import { type MonitoringWorld, addPatient, alertRows, auditRows, monitoringWorld } from './test-fixtures.ts';

let world: MonitoringWorld;
let liv: { patientId: string; episodeId: string | null; portal: PortalClient };
let sam: { patientId: string; episodeId: string | null; portal: PortalClient };
const calm = { craving: 3, mood: 3, sleepHours: 6.5, sleepQuality: 3, usedSinceLast: false, substances: [], medicationTaken: 'partly' };

const checkinCount = async (patientId: string) =>
  Number((await world.ctx.deps.db.selectFrom('daily_checkins').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', patientId).executeTakeFirstOrThrow()).n);

before(async () => {
  world = await monitoringWorld();
  const a = await addPatient(world, { given: 'Olivia', preferred: 'Liv' });
  const b = await addPatient(world, { given: 'Samuel' });
  liv = { ...a, portal: await signUpPatient(world.ctx, world.org, a.patientId, 'liv@example.org') };
  sam = { ...b, portal: await signUpPatient(world.ctx, world.org, b.patientId, 'sam@example.org') };
});
beforeEach(() => world.ctx.clock.set('2026-11-24T15:00:00Z'));

describe('checking in from the portal', () => {
  it('records today’s check-in as the patient’s own, audited with the patient as actor', async () => {
    const response = await liv.portal.request('POST', '/api/portal/checkins', calm);
    assert.equal(response.statusCode, 201, response.body);
    const { checkin, replaced } = response.json();
    assert.equal(replaced, false);
    assert.deepEqual([checkin.patientId, checkin.episodeId, checkin.checkinOn, checkin.source, checkin.recordedBy], [liv.patientId, liv.episodeId, '2026-11-24', 'portal', null]);
    const audit = await auditRows(world, 'daily_checkin', liv.patientId);
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id, a.actor_role]), [['create', liv.patientId, 'patient']]);
  });

  it('shows today’s check-in and the recent ones, newest first, and never another patient’s', async () => {
    world.ctx.clock.set('2026-11-22T15:00:00Z');
    assert.equal((await sam.portal.request('POST', '/api/portal/checkins', calm)).statusCode, 201);
    world.ctx.clock.set('2026-11-23T15:00:00Z');
    assert.equal((await sam.portal.request('POST', '/api/portal/checkins', { ...calm, mood: 2 })).statusCode, 201);
    world.ctx.clock.set('2026-11-24T15:00:00Z');
    assert.equal((await sam.portal.request('POST', '/api/portal/checkins', { ...calm, mood: 5 })).statusCode, 201);
    const mine = (await sam.portal.request('GET', '/api/portal/checkins')).json();
    assert.deepEqual(mine.checkins.map((c: { checkinOn: string }) => c.checkinOn), ['2026-11-24', '2026-11-23', '2026-11-22']);
    assert.equal(mine.today.mood, 5);
    assert.ok(mine.checkins.every((c: { patientId: string }) => c.patientId === sam.patientId));
    const lastTwo = (await sam.portal.request('GET', '/api/portal/checkins?days=2')).json();
    assert.deepEqual(lastTwo.checkins.map((c: { checkinOn: string }) => c.checkinOn), ['2026-11-24', '2026-11-23']);
    const livs = (await liv.portal.request('GET', '/api/portal/checkins')).json();
    assert.ok(livs.checkins.every((c: { patientId: string }) => c.patientId === liv.patientId));
  });

  it('says today is not done yet on a new day', async () => {
    world.ctx.clock.set('2026-11-26T15:00:00Z');
    const body = (await liv.portal.request('GET', '/api/portal/checkins?days=1')).json();
    assert.deepEqual(body, { today: null, checkins: [] });
  });

  it('raises the reported-use alert for the patient’s care team', async () => {
    const patient = await addPatient(world);
    const portal = await signUpPatient(world.ctx, world.org, patient.patientId, 'use@example.org');
    const response = await portal.request('POST', '/api/portal/checkins', { ...calm, usedSinceLast: true, substances: ['fentanyl'] });
    assert.equal(response.statusCode, 201, response.body);
    const [alert] = await alertRows(world, patient.patientId);
    assert.deepEqual([alert!.rule, alert!.episode_id, alert!.facility_id], ['reported_substance_use', patient.episodeId, world.facilityId]);
  });

  const refused: [string, Record<string, unknown>, number][] = [
    ['another patient named in the body', { ...calm, patientId: '00000000-0000-4000-8000-000000000000' }, 400],
    ['a mood out of range', { ...calm, mood: 0 }, 400],
    ['use with no substance', { ...calm, usedSinceLast: true }, 422],
  ];
  for (const [sentence, body, status] of refused) {
    it(`refuses ${sentence} (${status}), writing nothing`, async () => {
      const patient = await addPatient(world);
      const portal = await signUpPatient(world.ctx, world.org, patient.patientId, `p-${patient.patientId.slice(0, 6)}@example.org`);
      const response = await portal.request('POST', '/api/portal/checkins', body);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(await checkinCount(patient.patientId), 0);
    });
  }

  it('refuses a days window outside 1–90', async () => {
    assert.equal((await liv.portal.request('GET', '/api/portal/checkins?days=0')).statusCode, 400);
    assert.equal((await liv.portal.request('GET', '/api/portal/checkins?days=91')).statusCode, 400);
  });

  it('is for signed-in patients only: staff sessions and anonymous callers get 401', async () => {
    assert.equal((await world.clinician.post('/api/portal/checkins', calm)).statusCode, 401);
    assert.equal((await world.clinician.get('/api/portal/checkins')).statusCode, 401);
    const anonymous = await world.ctx.app.inject({ method: 'GET', url: '/api/portal/checkins' });
    assert.equal(anonymous.statusCode, 401);
  });
});
