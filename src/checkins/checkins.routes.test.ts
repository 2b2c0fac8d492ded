/**
 * Check-ins entered by staff and read as trends: one per facility-local day, replaced by a
 * second the same day, use reported raises one alert, and only clinical readers see history.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, beforeEach, describe, it } from 'node:test';
import { type MonitoringWorld, addPatient, alertRows, auditRows, monitoringWorld } from './test-fixtures.ts';

let world: MonitoringWorld;
// The test clock: Tuesday 2026-11-24, 10:00 in New York.
const NOON_UTC = '2026-11-24T15:00:00Z';
const calm = { craving: 2, mood: 4, sleepHours: 7.5, sleepQuality: 4, usedSinceLast: false, substances: [], medicationTaken: 'yes' };

const checkinCount = async (patientId: string) =>
  Number((await world.ctx.deps.db.selectFrom('daily_checkins').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', patientId).executeTakeFirstOrThrow()).n);

/** A second active episode for the patient, in another program. */
async function addEpisode(patientId: string, program: { programId: string; phaseId: string }, admittedOn: string): Promise<string> {
  const db = world.ctx.deps.db;
  const now = world.ctx.clock.now();
  const episodeId = randomUUID();
  await db.insertInto('episodes').values({
    org_id: world.org.orgId, episode_id: episodeId, patient_id: patientId, program_id: program.programId, status: 'active', admitted_on: admittedOn,
    expected_discharge_on: '2027-01-10', referral_source: 'self', level_of_care: '2.1', phase_id: program.phaseId, track_id: null,
    primary_clinician_id: world.westClinician.staffId, discharged_on: null, discharge_reason: null, discharge_summary: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('episode_phases').values({ org_id: world.org.orgId, episode_id: episodeId, effective_on: admittedOn, phase_id: program.phaseId, changed_by: world.westClinician.staffId, changed_at: now, reason: null }).execute();
  return episodeId;
}

before(async () => {
  world = await monitoringWorld();
});
beforeEach(() => world.ctx.clock.set(NOON_UTC));

describe('a check-in entered by staff', () => {
  it('is kept for the facility-local day with who entered it, and audited', async () => {
    const { patientId, episodeId } = await addPatient(world);
    const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, note: 'Called from work' });
    assert.equal(response.statusCode, 201, response.body);
    const { checkin, replaced } = response.json();
    assert.equal(replaced, false);
    assert.deepEqual({ ...checkin, checkinId: undefined }, {
      checkinId: undefined, patientId, episodeId, checkinOn: '2026-11-24', submittedAt: '2026-11-24T15:00:00.000Z', source: 'staff',
      recordedBy: { staffId: world.clinician.staffId, fullName: 'Staff clinician' },
      craving: 2, mood: 4, sleepHours: 7.5, sleepQuality: 4, usedSinceLast: false, substances: [], medicationTaken: 'yes', note: 'Called from work',
    });
    const audit = await auditRows(world, 'daily_checkin', patientId);
    assert.deepEqual(audit.map((a) => [a.action, a.entity_id, a.actor_id]), [['create', checkin.checkinId, world.clinician.staffId]]);
    assert.deepEqual(audit[0]!.details, { checkinOn: '2026-11-24', source: 'staff', episodeId, facilityId: world.facilityId }, 'ids and codes only, never the answers');
    assert.deepEqual(await alertRows(world, patientId), [], 'no use reported, no alert');
  });

  it('a second the same day replaces the first (same id, audited as an update)', async () => {
    const { patientId } = await addPatient(world);
    const first = (await world.clinician.post(`/api/patients/${patientId}/checkins`, calm)).json().checkin;
    world.ctx.clock.advanceMinutes(120);
    const second = await world.frontDesk.post(`/api/patients/${patientId}/checkins`, { ...calm, craving: 6 });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().replaced, true);
    assert.equal(second.json().checkin.checkinId, first.checkinId);
    assert.equal(second.json().checkin.craving, 6);
    assert.equal(second.json().checkin.recordedBy.staffId, world.frontDesk.staffId);
    assert.equal(await checkinCount(patientId), 1);
    assert.deepEqual((await auditRows(world, 'daily_checkin', patientId)).map((a) => a.action), ['create', 'update']);
  });

  it('at 23:30 in New York belongs to that New York day, not the UTC one', async () => {
    const { patientId } = await addPatient(world);
    world.ctx.clock.set('2026-11-25T04:30:00Z');
    const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, calm);
    assert.equal(response.json().checkin.checkinOn, '2026-11-24');
    world.ctx.clock.set('2026-11-25T05:00:00Z');
    const afterMidnight = await world.clinician.post(`/api/patients/${patientId}/checkins`, calm);
    assert.equal(afterMidnight.json().checkin.checkinOn, '2026-11-25');
    assert.equal(afterMidnight.json().replaced, false);
  });

  it('takes the day of the patient’s program facility (Los Angeles), not the registering one', async () => {
    const { patientId, episodeId } = await addPatient(world, { admitTo: world.westProgram });
    world.ctx.clock.set('2026-11-25T06:30:00Z'); // 01:30 in New York, 22:30 the evening before in Los Angeles
    const director = await world.staff(['clinical_director'], [world.facilityId, world.westFacilityId]);
    const checkin = (await director.post(`/api/patients/${patientId}/checkins`, calm)).json().checkin;
    assert.deepEqual([checkin.checkinOn, checkin.episodeId], ['2026-11-24', episodeId]);
  });

  it('reporting use raises one alert for the day, at the program’s facility, in the same transaction; a correction does not raise another', async () => {
    const { patientId, episodeId } = await addPatient(world);
    const used = await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, usedSinceLast: true, substances: ['cannabis', 'alcohol'] });
    assert.equal(used.statusCode, 201, used.body);
    const again = await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, usedSinceLast: true, substances: ['alcohol'] });
    assert.equal(again.statusCode, 201, again.body);
    const alerts = await alertRows(world, patientId);
    assert.equal(alerts.length, 1);
    assert.deepEqual([alerts[0]!.rule, alerts[0]!.severity, alerts[0]!.episode_id, alerts[0]!.facility_id, alerts[0]!.source_entity, alerts[0]!.source_id], [
      'reported_substance_use', 'medium', episodeId, world.facilityId, 'daily_checkin', used.json().checkin.checkinId,
    ]);
    assert.deepEqual(alerts[0]!.details, { checkinOn: '2026-11-24', substances: ['alcohol', 'cannabis'] });
    assert.equal((await auditRows(world, 'alert', patientId)).length, 1);
  });

  it('for a patient with no episode belongs to the registering facility and still raises its alert there', async () => {
    const { patientId } = await addPatient(world, { admitTo: null });
    const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, usedSinceLast: true, substances: ['opioids'] });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().checkin.episodeId, null);
    const [alert] = await alertRows(world, patientId);
    assert.deepEqual([alert!.facility_id, alert!.episode_id], [world.facilityId, null]);
  });
});

describe('a check-in with bad answers', () => {
  const refused: [string, Record<string, unknown>, number, string][] = [
    ['craving above 10', { craving: 11 }, 400, 'craving'],
    ['craving below 0', { craving: -1 }, 400, 'craving'],
    ['craving as text', { craving: '5' }, 400, 'craving'],
    ['craving null (no coercion to 0)', { craving: null }, 400, 'craving'],
    ['mood of 0', { mood: 0 }, 400, 'mood'],
    ['mood of 6', { mood: 6 }, 400, 'mood'],
    ['sleep of 24.5 hours', { sleepHours: 24.5 }, 400, 'sleepHours'],
    ['sleep in quarter hours', { sleepHours: 7.25 }, 400, 'sleepHours'],
    ['negative sleep', { sleepHours: -0.5 }, 400, 'sleepHours'],
    ['sleep quality of 0', { sleepQuality: 0 }, 400, 'sleepQuality'],
    ['a substance not on the list', { usedSinceLast: true, substances: ['kratom'] }, 400, 'substances[0]'],
    ['the same substance twice', { usedSinceLast: true, substances: ['alcohol', 'alcohol'] }, 400, 'substances'],
    ['an unknown medication answer', { medicationTaken: 'maybe' }, 400, 'medicationTaken'],
    ['a note over 1000 characters', { note: 'x'.repeat(1001) }, 400, 'note'],
    ['a field the form does not have', { patientId: '00000000-0000-4000-8000-000000000000' }, 400, 'patientId'],
    ['use reported with no substance named', { usedSinceLast: true, substances: [] }, 422, 'substances'],
    ['substances named with no use reported', { usedSinceLast: false, substances: ['alcohol'] }, 422, 'substances'],
  ];
  for (const [sentence, change, status, path] of refused) {
    it(`refuses ${sentence} (${status}) and writes nothing`, async () => {
      const { patientId } = await addPatient(world);
      const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, ...change });
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
      assert.ok(response.json().error.details.some((d: { path: string }) => d.path === path), response.body);
      assert.equal(await checkinCount(patientId), 0);
      assert.deepEqual(await auditRows(world, 'daily_checkin', patientId), []);
      assert.deepEqual(await alertRows(world, patientId), []);
    });
  }
  it('refuses a missing answer', async () => {
    const { patientId } = await addPatient(world);
    const { mood: _mood, ...withoutMood } = calm;
    const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, withoutMood);
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(await checkinCount(patientId), 0);
  });
});

describe('who may enter and read check-ins', () => {
  it('refuses billing and administrators, and staff of another facility', async () => {
    const { patientId } = await addPatient(world);
    assert.equal((await world.billing.post(`/api/patients/${patientId}/checkins`, calm)).json().error.code, 'forbidden');
    assert.equal((await world.org.admin.post(`/api/patients/${patientId}/checkins`, calm)).json().error.code, 'forbidden');
    const other = await world.westClinician.post(`/api/patients/${patientId}/checkins`, calm);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'patient_forbidden');
    assert.equal((await world.westClinician.get(`/api/patients/${patientId}/checkins`)).statusCode, 403);
    assert.equal(await checkinCount(patientId), 0);
  });

  it('refuses staff who reach the patient through the registering facility when the program is at another (facility_forbidden)', async () => {
    const { patientId } = await addPatient(world, { registeredAt: world.facilityId, admitTo: world.westProgram });
    const response = await world.clinician.post(`/api/patients/${patientId}/checkins`, calm);
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.json().error.code, 'facility_forbidden');
    assert.equal(await checkinCount(patientId), 0);
  });

  it('lets a clinician at the patient’s second facility record a phone check-in there, with that episode, day and alert', async () => {
    const { patientId } = await addPatient(world, { admittedOn: '2026-11-02' });
    const westEpisodeId = await addEpisode(patientId, world.westProgram, '2026-11-10');
    // 06:30 UTC on the 25th: 01:30 on the 25th in New York, still 22:30 on the 24th in Los Angeles.
    world.ctx.clock.set('2026-11-25T06:30:00Z');
    const response = await world.westClinician.post(`/api/patients/${patientId}/checkins`, { ...calm, usedSinceLast: true, substances: ['alcohol'] });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().checkin.episodeId, response.json().checkin.checkinOn], [westEpisodeId, '2026-11-24'], 'the West episode and the Los Angeles day (New York is already on the 25th)');
    const audit = await auditRows(world, 'daily_checkin', patientId);
    assert.equal((audit[0]!.details as { facilityId: string }).facilityId, world.westFacilityId);
    assert.deepEqual((await alertRows(world, patientId)).map((a) => [a.facility_id, a.episode_id]), [[world.westFacilityId, westEpisodeId]]);
  });

  it('a clinician assigned to both facilities records at the first the patient was admitted to', async () => {
    const { patientId, episodeId } = await addPatient(world, { admittedOn: '2026-11-02' });
    await addEpisode(patientId, world.westProgram, '2026-11-10');
    const both = await world.staff(['clinician'], [world.westFacilityId, world.facilityId]);
    const response = await both.post(`/api/patients/${patientId}/checkins`, calm);
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().checkin.episodeId, episodeId);
  });

  it('answers 404 for a patient who does not exist', async () => {
    const response = await world.clinician.post('/api/patients/00000000-0000-4000-8000-000000000000/checkins', calm);
    assert.equal(response.statusCode, 404);
  });

  it('lets the front desk record but not read history; billing reads nothing', async () => {
    const { patientId } = await addPatient(world);
    assert.equal((await world.frontDesk.post(`/api/patients/${patientId}/checkins`, calm)).statusCode, 201);
    const read = await world.frontDesk.get(`/api/patients/${patientId}/checkins`);
    assert.equal(read.statusCode, 403);
    assert.equal(read.json().error.code, 'forbidden');
    assert.equal((await world.billing.get(`/api/patients/${patientId}/checkins`)).statusCode, 403);
    assert.equal((await world.medical.get(`/api/patients/${patientId}/checkins`)).statusCode, 200);
  });
});

describe('the check-in trend', () => {
  it('lists the range oldest first with a summary, and audits which check-ins were read', async () => {
    const { patientId } = await addPatient(world);
    const days: [string, Record<string, unknown>][] = [
      ['2026-11-20T14:00:00Z', { craving: 3, mood: 2 }],
      ['2026-11-22T14:00:00Z', { craving: 7, mood: 3, usedSinceLast: true, substances: ['alcohol'], medicationTaken: 'no' }],
      ['2026-11-24T14:00:00Z', { craving: 5, mood: 4, sleepHours: 6 }],
    ];
    for (const [at, change] of days) {
      world.ctx.clock.set(at);
      assert.equal((await world.clinician.post(`/api/patients/${patientId}/checkins`, { ...calm, ...change })).statusCode, 201);
    }
    world.ctx.clock.set(NOON_UTC);
    const response = await world.clinician.get(`/api/patients/${patientId}/checkins?from=2026-11-21&to=2026-11-24`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(body.checkins.map((c: { checkinOn: string }) => c.checkinOn), ['2026-11-22', '2026-11-24']);
    assert.deepEqual(body.summary, {
      from: '2026-11-21', to: '2026-11-24', days: 2, averageCraving: 6, maxCraving: 7, averageMood: 3.5, averageSleepHours: 6.8, averageSleepQuality: 4,
      useDays: 1, substances: [{ substance: 'alcohol', days: 1 }], medicationMissedDays: 1,
    });
    const reads = (await auditRows(world, 'daily_checkin', patientId)).filter((a) => a.action === 'read');
    assert.deepEqual(reads.map((r) => r.details), [{ from: '2026-11-21', to: '2026-11-24', checkinIds: body.checkins.map((c: { checkinId: string }) => c.checkinId) }]);

    const defaults = (await world.clinician.get(`/api/patients/${patientId}/checkins`)).json();
    assert.deepEqual([defaults.summary.from, defaults.summary.to, defaults.checkins.length], ['2026-10-26', '2026-11-24', 3]);
  });

  const badRanges: [string, string, number, string][] = [
    ['a range that starts after it ends', '?from=2026-11-24&to=2026-11-01', 422, 'date_out_of_range'],
    ['more than a year at once', '?from=2024-01-01&to=2026-11-24', 422, 'date_out_of_range'],
    ['a day that does not exist', '?from=2026-02-30', 400, 'validation_failed'],
    ['a day in the year 9999', '?to=9999-12-31', 400, 'validation_failed'],
    ['an unknown query parameter', '?days=3', 400, 'validation_failed'],
  ];
  for (const [sentence, query, status, code] of badRanges) {
    it(`refuses ${sentence} with ${status} ${code}`, async () => {
      const { patientId } = await addPatient(world);
      const response = await world.clinician.get(`/api/patients/${patientId}/checkins${query}`);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.deepEqual(await auditRows(world, 'daily_checkin', patientId), []);
    });
  }
});
