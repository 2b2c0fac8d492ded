/**
 * Observed dosing over HTTP: the day's list at a facility, recording each dose once (missed
 * and refused raise an alert with it), and the patient's dose log for clinical readers.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import { type MonitoringWorld, addPatient, alertRows, auditRows, monitoringWorld } from '../checkins/test-fixtures.ts';
import { recordMissedDoses } from './missed-doses.ts';

let world: MonitoringWorld;
// Tuesday 2026-11-24, 10:00 in New York.
const NOW = '2026-11-24T15:00:00Z';
const methadone = { name: 'Methadone', dose: '80 mg', route: 'oral', frequency: 'once daily', prescriber: 'Dr. Amaka Eze', startedOn: '2026-11-02', observedWeekdays: [1, 2, 3, 4, 5] };

async function prescribe(patientId: string, change: Record<string, unknown> = {}): Promise<string> {
  const response = await world.medical.post(`/api/patients/${patientId}/medications`, { ...methadone, ...change });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().medicationId;
}
const doseCount = async (medicationId: string) =>
  Number((await world.ctx.deps.db.selectFrom('dose_administrations').select((eb) => eb.fn.countAll().as('n')).where('medication_id', '=', medicationId).executeTakeFirstOrThrow()).n);
const dosingUrl = (date?: string) => `/api/facilities/${world.facilityId}/dosing${date ? `?date=${date}` : ''}`;

before(async () => {
  world = await monitoringWorld();
});
beforeEach(() => world.ctx.clock.set(NOW));

describe('the day’s dosing list', () => {
  it('lists observed doses due today at this facility only, by patient name, with what was recorded, and audits who was shown', async () => {
    const ann = await addPatient(world, { given: 'Ann', family: 'Abbott' });
    const zoe = await addPatient(world, { given: 'Zoe', family: 'Zimmer', preferred: 'Zee' });
    const west = await addPatient(world, { given: 'Wes', family: 'West', admitTo: world.westProgram });
    const gone = await addPatient(world, { given: 'Gil', family: 'Gone', admittedOn: '2026-10-01', dischargedOn: '2026-11-20' });
    const annDose = await prescribe(ann.patientId);
    const zoeDose = await prescribe(zoe.patientId, { name: 'Buprenorphine', dose: '16 mg', route: 'sublingual' });
    await prescribe(zoe.patientId, { name: 'Sertraline', dose: '50 mg', observedWeekdays: null });
    await prescribe(zoe.patientId, { name: 'Naltrexone', addictionMedication: 'maud', observedWeekdays: [6, 7] });
    await prescribe(west.patientId);
    await prescribe(gone.patientId, { startedOn: '2026-10-01' });
    const given = await world.medical.post(`/api/medications/${annDose}/doses`, { scheduledOn: '2026-11-24', outcome: 'given' });
    assert.equal(given.statusCode, 201, given.body);

    const response = await world.medical.get(dosingUrl());
    assert.equal(response.statusCode, 200, response.body);
    const day = response.json();
    assert.deepEqual([day.facilityId, day.date], [world.facilityId, '2026-11-24']);
    assert.deepEqual(day.doses.map((d: { medicationId: string; patient: { displayName: string }; recorded: { outcome: string } | null }) => [d.patient.displayName, d.medicationId, d.recorded?.outcome ?? null]), [
      ['Ann Abbott', annDose, 'given'],
      ['Zee (Zoe) Zimmer', zoeDose, null],
    ]);
    assert.deepEqual(day.doses[1].addictionMedication, 'moud');
    const read = (await auditRows(world, 'dose_administration')).filter((a) => a.action === 'read').at(-1)!;
    assert.deepEqual(read.details, { date: '2026-11-24', patientIds: [ann.patientId, zoe.patientId] });

    const sunday = (await world.medical.get(dosingUrl('2026-11-22'))).json();
    assert.ok(!sunday.doses.some((d: { medicationId: string }) => d.medicationId === annDose), 'no observed dose on a Sunday');
    const beforeDischarge = (await world.medical.get(dosingUrl('2026-11-20'))).json();
    assert.ok(beforeDischarge.doses.some((d: { patient: { patientId: string } }) => d.patient.patientId === gone.patientId), 'on the day of discharge the dose was still due');
  });

  it('is for medical staff and the clinical director of the facility', async () => {
    assert.equal((await world.director.get(dosingUrl())).statusCode, 200);
    for (const caller of [world.clinician, world.frontDesk, world.billing]) assert.equal((await caller.get(dosingUrl())).json().error.code, 'forbidden');
    const westMedical = await world.staff(['medical'], [world.westFacilityId]);
    assert.equal((await westMedical.get(dosingUrl())).json().error.code, 'facility_forbidden');
    assert.equal((await world.medical.get('/api/facilities/00000000-0000-4000-8000-000000000000/dosing')).statusCode, 404);
    assert.equal((await world.medical.get(dosingUrl('2026-13-01'))).statusCode, 400);
  });
});

describe('recording an observed dose', () => {
  it('records a given dose with the prescribed amount and now by default, audited, raising nothing', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    const response = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'given', patientResponse: 'Tolerated well' });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual({ ...(response.json() as Record<string, unknown>), doseId: undefined }, {
      doseId: undefined, medicationId, medicationName: 'Methadone', patientId, scheduledOn: '2026-11-24', outcome: 'given', doseGiven: '80 mg',
      givenAt: '2026-11-24T15:00:00.000Z', recordedBy: { staffId: world.medical.staffId, fullName: 'Staff medical' }, patientResponse: 'Tolerated well', note: null,
      createdAt: '2026-11-24T15:00:00.000Z',
    });
    const audit = await auditRows(world, 'dose_administration', patientId);
    assert.deepEqual(audit.map((a) => [a.action, a.details]), [['create', { medicationId, scheduledOn: '2026-11-24', outcome: 'given', facilityId: world.facilityId }]]);
    assert.deepEqual(await alertRows(world, patientId), []);
  });

  const alerting: [string, Record<string, unknown>][] = [
    ['a refused dose', { outcome: 'refused', note: 'Declined at the window' }],
    ['a missed dose', { outcome: 'missed' }],
  ];
  for (const [sentence, body] of alerting) {
    it(`raises the missed-dose alert for ${sentence}, at the program’s facility, in the same transaction`, async () => {
      const { patientId, episodeId } = await addPatient(world);
      const medicationId = await prescribe(patientId);
      const response = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-23', ...body });
      assert.equal(response.statusCode, 201, response.body);
      const [alert] = await alertRows(world, patientId);
      assert.deepEqual([alert!.rule, alert!.severity, alert!.episode_id, alert!.facility_id, alert!.source_entity, alert!.source_id], [
        'missed_observed_dose', 'medium', episodeId, world.facilityId, 'dose_administration', response.json().doseId,
      ]);
      assert.deepEqual(alert!.details, { medicationId, scheduledOn: '2026-11-23', outcome: body['outcome'], addictionMedication: 'moud' });
    });
  }

  it('does not raise an alert for a dose held on clinical grounds', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    const response = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'held', note: 'Sedated on arrival' });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(await alertRows(world, patientId), []);
  });

  it('records each dose once: a second answer for the day is 409', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    assert.equal((await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'given' })).statusCode, 201);
    const again = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'refused', note: 'x' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'dose_already_recorded');
    assert.equal(await doseCount(medicationId), 1);
    assert.deepEqual(await alertRows(world, patientId), []);
  });

  describe('a late entry for a day the end-of-day job marked missed', () => {
    const markDayMissed = (date: string) => world.ctx.deps.db.transaction().execute((trx) =>
      recordMissedDoses(trx, { orgId: world.org.orgId, occurredAt: world.ctx.clock.now(), actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' }, { orgId: world.org.orgId, facilityId: world.facilityId, date, now: world.ctx.clock.now() }));
    // Wednesday 25 Nov, 08:00 in New York: Tuesday was marked missed just after midnight.
    const NEXT_MORNING = '2026-11-25T13:00:00Z';

    it('replaces the system’s “missed” with the given dose, and the nurse resolves the missed-dose alert', async () => {
      const { patientId } = await addPatient(world);
      const medicationId = await prescribe(patientId);
      world.ctx.clock.set(NEXT_MORNING);
      await markDayMissed('2026-11-24');
      const [systemDose] = await world.ctx.deps.db.selectFrom('dose_administrations').select(['dose_id', 'outcome', 'recorded_by']).where('medication_id', '=', medicationId).execute();
      assert.deepEqual([systemDose!.outcome, systemDose!.recorded_by], ['missed', null]);
      assert.deepEqual((await alertRows(world, patientId)).map((a) => [a.rule, a.state]), [['missed_observed_dose', 'open']]);

      const late = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'given', givenAt: '2026-11-24T14:05:00Z' });
      assert.equal(late.statusCode, 201, late.body);
      assert.deepEqual([late.json().doseId, late.json().outcome, late.json().recordedBy.staffId], [systemDose!.dose_id, 'given', world.medical.staffId]);
      assert.equal(await doseCount(medicationId), 1);

      const [alert] = await alertRows(world, patientId);
      assert.deepEqual([alert!.state, alert!.acknowledged_by, alert!.resolved_by, alert!.resolution_note], ['resolved', world.medical.staffId, world.medical.staffId, 'Dose recorded late: given']);
      assert.equal(alert!.resolved_at?.toISOString(), new Date(NEXT_MORNING).toISOString());

      const doseAudit = (await auditRows(world, 'dose_administration', patientId)).filter((a) => a.action === 'update');
      assert.deepEqual(doseAudit.map((a) => [a.entity_id, a.actor_id, (a.details as { before: unknown }).before, (a.details as { after: unknown }).after]), [
        [systemDose!.dose_id, world.medical.staffId, { outcome: 'missed', recordedBy: 'end_of_day' }, { outcome: 'given' }],
      ]);
      const alertAudit = await auditRows(world, 'alert', patientId);
      assert.deepEqual(alertAudit.map((a) => [a.action, a.actor_id, (a.details as { change: string }).change]), [['create', null, undefined], ['update', world.medical.staffId, 'acknowledged'], ['update', world.medical.staffId, 'resolved']]);
    });

    it('a dose held on clinical grounds also resolves it; a refusal keeps it open, now recorded by the nurse', async () => {
      const held = await addPatient(world);
      const refused = await addPatient(world);
      const heldMed = await prescribe(held.patientId);
      const refusedMed = await prescribe(refused.patientId);
      world.ctx.clock.set(NEXT_MORNING);
      await markDayMissed('2026-11-24');
      assert.equal((await world.medical.post(`/api/medications/${heldMed}/doses`, { scheduledOn: '2026-11-24', outcome: 'held', note: 'Sedated on arrival' })).statusCode, 201);
      assert.equal((await world.medical.post(`/api/medications/${refusedMed}/doses`, { scheduledOn: '2026-11-24', outcome: 'refused', note: 'Declined' })).statusCode, 201);
      assert.deepEqual((await alertRows(world, held.patientId)).map((a) => [a.state, a.resolution_note]), [['resolved', 'Dose recorded late: held']]);
      assert.deepEqual((await alertRows(world, refused.patientId)).map((a) => [a.state, a.resolved_by]), [['open', null]]);
      const row = await world.ctx.deps.db.selectFrom('dose_administrations').select(['outcome', 'recorded_by']).where('medication_id', '=', refusedMed).executeTakeFirstOrThrow();
      assert.deepEqual([row.outcome, row.recorded_by], ['refused', world.medical.staffId]);
    });

    it('a dose a nurse recorded as missed is final: a later entry is 409 dose_already_recorded', async () => {
      const { patientId } = await addPatient(world);
      const medicationId = await prescribe(patientId);
      assert.equal((await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'missed' })).statusCode, 201);
      world.ctx.clock.set(NEXT_MORNING);
      await markDayMissed('2026-11-24');
      const late = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'given', givenAt: '2026-11-24T14:05:00Z' });
      assert.deepEqual([late.statusCode, late.json().error.code], [409, 'dose_already_recorded']);
      assert.deepEqual((await alertRows(world, patientId)).map((a) => a.state), ['open']);
    });
  });

  const refused: [string, Record<string, unknown>, Record<string, unknown>, number, string][] = [
    ['a self-administered medication', { observedWeekdays: null }, { scheduledOn: '2026-11-24', outcome: 'given' }, 422, 'not_observed_dosing'],
    ['a day that is not an observed weekday (Sunday)', {}, { scheduledOn: '2026-11-22', outcome: 'given', givenAt: '2026-11-22T15:00:00Z' }, 422, 'not_observed_dosing'],
    ['a day before the prescription started', { startedOn: '2026-11-24' }, { scheduledOn: '2026-11-23', outcome: 'missed' }, 422, 'not_observed_dosing'],
    ['tomorrow', {}, { scheduledOn: '2026-11-25', outcome: 'missed' }, 422, 'date_out_of_range'],
    ['more than 30 days back', { startedOn: '2026-09-01' }, { scheduledOn: '2026-10-23', outcome: 'missed' }, 422, 'date_out_of_range'],
    ['a refusal with no reason', {}, { scheduledOn: '2026-11-24', outcome: 'refused' }, 422, 'validation_failed'],
    ['a missed dose with an amount', {}, { scheduledOn: '2026-11-24', outcome: 'missed', doseGiven: '80 mg' }, 422, 'validation_failed'],
    ['a given time on another day', {}, { scheduledOn: '2026-11-24', outcome: 'given', givenAt: '2026-11-23T15:00:00Z' }, 422, 'validation_failed'],
    ['yesterday’s dose given with no time', {}, { scheduledOn: '2026-11-23', outcome: 'given' }, 422, 'validation_failed'],
    ['an unknown outcome', {}, { scheduledOn: '2026-11-24', outcome: 'skipped' }, 400, 'validation_failed'],
    ['no day', {}, { outcome: 'missed' }, 400, 'validation_failed'],
    ['a blank amount', {}, { scheduledOn: '2026-11-24', outcome: 'given', doseGiven: ' ' }, 400, 'validation_failed'],
    ['a note as null', {}, { scheduledOn: '2026-11-24', outcome: 'held', note: null }, 400, 'validation_failed'],
  ];
  for (const [sentence, prescription, body, status, code] of refused) {
    it(`refuses ${sentence} (${status} ${code}) and writes nothing`, async () => {
      const { patientId } = await addPatient(world);
      const medicationId = await prescribe(patientId, prescription);
      const response = await world.medical.post(`/api/medications/${medicationId}/doses`, body);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.equal(await doseCount(medicationId), 0);
      assert.deepEqual(await auditRows(world, 'dose_administration', patientId), []);
      assert.deepEqual(await alertRows(world, patientId), []);
    });
  }

  it('refuses a dose of a stopped medication (409)', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    await world.medical.post(`/api/medications/${medicationId}/stop`, { stoppedOn: '2026-11-24', reason: 'Tapered' });
    const response = await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-24', outcome: 'given' });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'medication_stopped');
    assert.equal((await world.medical.post(`/api/medications/${medicationId}/doses`, { scheduledOn: '2026-11-23', outcome: 'given', givenAt: '2026-11-23T14:00:00Z' })).statusCode, 201, 'the day before it stopped');
  });

  it('is for medical staff only, at a facility where the patient is treated', async () => {
    const registeredHereTreatedWest = await addPatient(world, { admitTo: world.westProgram });
    const westMedical = await world.staff(['medical'], [world.westFacilityId]);
    const medicationId = (await westMedical.post(`/api/patients/${registeredHereTreatedWest.patientId}/medications`, methadone)).json().medicationId;
    const body = { scheduledOn: '2026-11-24', outcome: 'missed' };
    for (const caller of [world.director, world.clinician, world.frontDesk, world.billing]) assert.equal((await caller.post(`/api/medications/${medicationId}/doses`, body)).json().error.code, 'forbidden');
    const here = await world.medical.post(`/api/medications/${medicationId}/doses`, body);
    assert.equal(here.statusCode, 403, 'reaches the patient through the registering facility, but the dose is given in the West program');
    assert.equal(here.json().error.code, 'facility_forbidden');
    const elsewhere = await addPatient(world, { registeredAt: world.westFacilityId, admitTo: world.westProgram });
    const elsewhereMed = (await westMedical.post(`/api/patients/${elsewhere.patientId}/medications`, methadone)).json().medicationId;
    assert.equal((await world.medical.post(`/api/medications/${elsewhereMed}/doses`, body)).json().error.code, 'patient_forbidden');
    const unknown = await world.medical.post('/api/medications/00000000-0000-4000-8000-000000000000/doses', body);
    assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'medication_not_found']);
    assert.equal(await doseCount(medicationId), 0);
    assert.equal((await westMedical.post(`/api/medications/${medicationId}/doses`, body)).statusCode, 201);
  });
});

describe('the dose log and adherence', () => {
  it('lists the patient’s doses newest first over a range, audited, and adherence counts them (held not against)', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId, { startedOn: '2026-11-16' });
    const entries: Record<string, unknown>[] = [
      { scheduledOn: '2026-11-16', outcome: 'given', givenAt: '2026-11-16T14:00:00Z' },
      { scheduledOn: '2026-11-17', outcome: 'missed' },
      { scheduledOn: '2026-11-18', outcome: 'held', note: 'QTc review' },
      { scheduledOn: '2026-11-19', outcome: 'given', givenAt: '2026-11-19T14:00:00Z', doseGiven: '60 mg' },
      { scheduledOn: '2026-11-20', outcome: 'refused', note: 'Declined' },
      { scheduledOn: '2026-11-23', outcome: 'given', givenAt: '2026-11-23T14:00:00Z' },
    ];
    for (const entry of entries) assert.equal((await world.medical.post(`/api/medications/${medicationId}/doses`, entry)).statusCode, 201);
    const log = await world.clinician.get(`/api/patients/${patientId}/doses?from=2026-11-17&to=2026-11-24`);
    assert.equal(log.statusCode, 200, log.body);
    assert.deepEqual(log.json().doses.map((d: { scheduledOn: string; outcome: string }) => [d.scheduledOn, d.outcome]), [
      ['2026-11-23', 'given'], ['2026-11-20', 'refused'], ['2026-11-19', 'given'], ['2026-11-18', 'held'], ['2026-11-17', 'missed'],
    ]);
    const read = (await auditRows(world, 'dose_administration', patientId)).filter((a) => a.action === 'read');
    assert.deepEqual(read.map((r) => (r.details as { doseIds: string[] }).doseIds.length), [5]);

    const [medication] = (await world.clinician.get(`/api/patients/${patientId}/medications`)).json().medications;
    assert.deepEqual(medication.adherence, { windowDays: 30, from: '2026-10-26', to: '2026-11-24', scheduled: 6, given: 3, missed: 1, refused: 1, held: 1, unrecorded: 0, percent: 60 });

    for (const caller of [world.frontDesk, world.billing]) assert.equal((await caller.get(`/api/patients/${patientId}/doses`)).statusCode, 403);
    assert.equal((await world.westClinician.get(`/api/patients/${patientId}/doses`)).json().error.code, 'patient_forbidden');
    assert.equal((await world.clinician.get(`/api/patients/${patientId}/doses?from=2026-11-24&to=2026-11-01`)).json().error.code, 'date_out_of_range');
    assert.equal((await world.clinician.get(`/api/patients/${patientId}/doses?from=2026-11-31`)).statusCode, 400);
  });
});
