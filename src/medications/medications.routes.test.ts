/**
 * The medication list over HTTP: the catalog fills MOUD/MAUD and expected analytes, only the
 * prescribing roles change it, clinical readers see it with adherence, and stopped is final.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type MonitoringWorld, addPatient, auditRows, monitoringWorld } from '../checkins/test-fixtures.ts';

let world: MonitoringWorld;
// Tuesday 2026-11-24 in New York.
const suboxone = { name: 'Suboxone 8 mg/2 mg film', dose: '16 mg', route: 'sublingual', frequency: 'once daily', prescriber: 'Dr. Amaka Eze', startedOn: '2026-11-02', observedWeekdays: [5, 1, 3, 2, 4] };
const sertraline = { name: 'Sertraline', dose: '50 mg', route: 'oral', frequency: 'once daily', prescriber: 'Dr. Amaka Eze', startedOn: '2026-10-01' };

const medicationCount = async (patientId: string) =>
  Number((await world.ctx.deps.db.selectFrom('medications').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', patientId).executeTakeFirstOrThrow()).n);

before(async () => {
  world = await monitoringWorld();
});

describe('the medication catalog', () => {
  it('is served to any staff member, with the analyte codes of the drug-test panels', async () => {
    const response = await world.frontDesk.get('/api/medications/catalog');
    assert.equal(response.statusCode, 200, response.body);
    const catalog = response.json();
    const methadone = catalog.medications.find((m: { name: string }) => m.name === 'methadone');
    assert.deepEqual(methadone, { name: 'methadone', brands: ['Dolophine', 'Methadose', 'Diskets'], addictionMedication: 'moud', addictionMedicationOptions: [], expectedAnalytes: ['methadone', 'eddp'] });
    const naltrexone = catalog.medications.find((m: { name: string }) => m.name === 'naltrexone');
    assert.deepEqual([naltrexone.addictionMedication, naltrexone.addictionMedicationOptions], [null, ['moud', 'maud']]);
    assert.ok(catalog.analytes.some((a: { analyte: string }) => a.analyte === 'eddp'));
  });
});

describe('adding a medication', () => {
  it('fills MOUD and the expected analyte from the catalog, keeps observed weekdays in order, and audits ids only', async () => {
    const { patientId } = await addPatient(world);
    const response = await world.medical.post(`/api/patients/${patientId}/medications`, suboxone);
    assert.equal(response.statusCode, 201, response.body);
    const medication = response.json();
    assert.deepEqual({ ...medication, medicationId: undefined, createdAt: undefined, updatedAt: undefined, adherence: undefined }, {
      medicationId: undefined, createdAt: undefined, updatedAt: undefined, adherence: undefined,
      patientId, name: 'Suboxone 8 mg/2 mg film', dose: '16 mg', route: 'sublingual', frequency: 'once daily', prescriber: 'Dr. Amaka Eze',
      startedOn: '2026-11-02', stoppedOn: null, stopReason: null, active: true, addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'],
      observedWeekdays: [1, 2, 3, 4, 5], createdBy: { staffId: world.medical.staffId, fullName: 'Staff medical' },
    });
    // 2–23 Nov: 16 weekdays before today, none recorded.
    assert.deepEqual([medication.adherence.scheduled, medication.adherence.unrecorded, medication.adherence.percent], [16, 16, 0]);
    const [audit] = await auditRows(world, 'medication', patientId);
    assert.deepEqual([audit!.action, audit!.entity_id, audit!.details], ['create', medication.medicationId, { addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'], observed: true, startedOn: '2026-11-02' }]);
  });

  it('takes the prescriber’s own choices over the catalog, and a self-administered medication has no adherence', async () => {
    const { patientId } = await addPatient(world);
    const response = await world.director.post(`/api/patients/${patientId}/medications`, { ...sertraline, name: 'Methadone', addictionMedication: null, expectedAnalytes: ['methadone'] });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().addictionMedication, response.json().expectedAnalytes, response.json().observedWeekdays, response.json().adherence], [null, ['methadone'], null, null]);
  });

  it('asks which disorder naltrexone treats, then takes the answer', async () => {
    const { patientId } = await addPatient(world);
    const vivitrol = { name: 'Vivitrol', dose: '380 mg', route: 'injection_im', frequency: 'every 4 weeks', prescriber: 'Dr. Amaka Eze', startedOn: '2026-11-20' };
    const asked = await world.medical.post(`/api/patients/${patientId}/medications`, vivitrol);
    assert.equal(asked.statusCode, 422, asked.body);
    assert.equal(asked.json().error.code, 'validation_failed');
    assert.deepEqual(asked.json().error.details.map((d: { path: string }) => d.path), ['addictionMedication']);
    assert.equal(await medicationCount(patientId), 0);
    const answered = await world.medical.post(`/api/patients/${patientId}/medications`, { ...vivitrol, addictionMedication: 'maud' });
    assert.equal(answered.statusCode, 201, answered.body);
    assert.equal(answered.json().addictionMedication, 'maud');
  });

  const refused: [string, Record<string, unknown>, number, string, string][] = [
    ['an analyte no panel tests', { expectedAnalytes: ['buprenorphine', 'kratom'] }, 422, 'analyte_unknown', 'expectedAnalytes[1]'],
    ['a start more than a year ahead', { startedOn: '2027-12-01' }, 422, 'validation_failed', 'startedOn'],
    ['a blank name', { name: '   ' }, 400, 'validation_failed', 'name'],
    ['no dose', { dose: undefined }, 400, 'validation_failed', 'dose'],
    ['a route not on the list', { route: 'iv' }, 400, 'validation_failed', 'route'],
    ['weekday 0', { observedWeekdays: [0, 1] }, 400, 'validation_failed', 'observedWeekdays[0]'],
    ['a repeated weekday', { observedWeekdays: [1, 1] }, 400, 'validation_failed', 'observedWeekdays'],
    ['no weekdays (use null for self-administered)', { observedWeekdays: [] }, 400, 'validation_failed', 'observedWeekdays'],
    ['a start day that does not exist', { startedOn: '2026-02-30' }, 400, 'validation_failed', 'startedOn'],
    ['a prescriber as null', { prescriber: null }, 400, 'validation_failed', 'prescriber'],
    ['an unknown MOUD/MAUD value', { addictionMedication: 'both' }, 400, 'validation_failed', 'addictionMedication'],
    ['a field the form does not have', { stoppedOn: '2026-12-01' }, 400, 'validation_failed', 'stoppedOn'],
  ];
  for (const [sentence, change, status, code, path] of refused) {
    it(`refuses ${sentence} (${status} ${code}) and writes nothing`, async () => {
      const { patientId } = await addPatient(world);
      const response = await world.medical.post(`/api/patients/${patientId}/medications`, { ...suboxone, ...change });
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.ok(response.json().error.details.some((d: { path: string }) => d.path === path), response.body);
      assert.equal(await medicationCount(patientId), 0);
      assert.deepEqual(await auditRows(world, 'medication', patientId), []);
    });
  }

  it('is for the medical staff and clinical director only; staff of another facility are refused', async () => {
    const { patientId } = await addPatient(world);
    for (const caller of [world.clinician, world.frontDesk, world.billing, world.org.admin]) {
      const response = await caller.post(`/api/patients/${patientId}/medications`, suboxone);
      assert.equal(response.statusCode, 403, response.body);
      assert.equal(response.json().error.code, 'forbidden');
    }
    const westMedical = await world.staff(['medical'], [world.westFacilityId]);
    assert.equal((await westMedical.post(`/api/patients/${patientId}/medications`, suboxone)).json().error.code, 'patient_forbidden');
    assert.equal(await medicationCount(patientId), 0);
  });
});

describe('reading the medication list', () => {
  it('shows medications in force first, with adherence for observed ones, to clinical readers only, and audits the read', async () => {
    const { patientId } = await addPatient(world);
    const stoppedOne = (await world.medical.post(`/api/patients/${patientId}/medications`, { ...sertraline, name: 'Lorazepam', startedOn: '2026-09-01' })).json();
    assert.equal((await world.medical.post(`/api/medications/${stoppedOne.medicationId}/stop`, { stoppedOn: '2026-10-01', reason: 'Taper complete' })).statusCode, 200);
    const observed = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    const own = (await world.medical.post(`/api/patients/${patientId}/medications`, sertraline)).json();
    const response = await world.clinician.get(`/api/patients/${patientId}/medications`);
    assert.equal(response.statusCode, 200, response.body);
    const list = response.json().medications;
    assert.deepEqual(list.map((m: { medicationId: string }) => m.medicationId), [observed.medicationId, own.medicationId, stoppedOne.medicationId]);
    assert.deepEqual(list.map((m: { active: boolean }) => m.active), [true, true, false]);
    assert.equal(list[0].adherence.windowDays, 30);
    assert.equal(list[1].adherence, null);
    const reads = (await auditRows(world, 'medication', patientId)).filter((a) => a.action === 'read');
    assert.deepEqual(reads.map((r) => r.details), [{ medicationIds: list.map((m: { medicationId: string }) => m.medicationId) }]);

    for (const caller of [world.frontDesk, world.billing]) assert.equal((await caller.get(`/api/patients/${patientId}/medications`)).statusCode, 403);
    assert.equal((await world.westClinician.get(`/api/patients/${patientId}/medications`)).json().error.code, 'patient_forbidden');
  });
});

describe('editing and stopping a medication', () => {
  it('replaces every field and audits which fields changed (never their text)', async () => {
    const { patientId } = await addPatient(world);
    const created = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    const edit = { ...suboxone, dose: '24 mg', addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'], observedWeekdays: [1, 3, 5] };
    const response = await world.director.put(`/api/medications/${created.medicationId}`, edit);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().dose, response.json().observedWeekdays], ['24 mg', [1, 3, 5]]);
    const update = (await auditRows(world, 'medication', patientId)).find((a) => a.action === 'update');
    assert.deepEqual(update!.details, { changed: ['dose', 'observedWeekdays'] });
  });

  it('refuses an edit that leaves fields out (an edit states every field), an unknown analyte, and an unknown medication', async () => {
    const { patientId } = await addPatient(world);
    const created = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    const partial = await world.medical.put(`/api/medications/${created.medicationId}`, { ...suboxone, dose: '24 mg' });
    assert.equal(partial.statusCode, 400, partial.body);
    const unknownAnalyte = await world.medical.put(`/api/medications/${created.medicationId}`, { ...suboxone, addictionMedication: 'moud', expectedAnalytes: ['kratom'], observedWeekdays: null });
    assert.equal(unknownAnalyte.json().error.code, 'analyte_unknown');
    const missing = await world.medical.put('/api/medications/00000000-0000-4000-8000-000000000000', { ...suboxone, addictionMedication: 'moud', expectedAnalytes: [], observedWeekdays: null });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'medication_not_found');
    const row = await world.ctx.deps.db.selectFrom('medications').selectAll().where('medication_id', '=', created.medicationId).executeTakeFirstOrThrow();
    assert.deepEqual([row.dose, row.observed_weekdays], ['16 mg', [1, 2, 3, 4, 5]]);
    assert.deepEqual((await auditRows(world, 'medication', patientId)).map((a) => a.action), ['create']);
  });

  it('stops from a day on, then refuses to edit or stop it again', async () => {
    const { patientId } = await addPatient(world);
    const created = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    const early = await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-01', reason: 'Entered in error' });
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().error.code, 'date_out_of_range');
    const blank = await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-24', reason: ' ' });
    assert.equal(blank.statusCode, 400);
    const stopped = await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-24', reason: 'Transferred to Sublocade' });
    assert.equal(stopped.statusCode, 200, stopped.body);
    assert.deepEqual([stopped.json().stoppedOn, stopped.json().stopReason, stopped.json().active], ['2026-11-24', 'Transferred to Sublocade', false]);
    const again = await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-25', reason: 'Again' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'medication_stopped');
    const edit = await world.medical.put(`/api/medications/${created.medicationId}`, { ...suboxone, addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'] });
    assert.equal(edit.json().error.code, 'medication_stopped');
    const audit = await auditRows(world, 'medication', patientId);
    assert.deepEqual(audit.map((a) => [a.action, a.details]), [
      ['create', { addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'], observed: true, startedOn: '2026-11-02' }],
      ['update', { changed: ['stoppedOn', 'stopReason'], stoppedOn: '2026-11-24' }],
    ]);
  });

  it('refuses to stop before a dose already recorded', async () => {
    const { patientId } = await addPatient(world);
    const created = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    assert.equal((await world.medical.post(`/api/medications/${created.medicationId}/doses`, { scheduledOn: '2026-11-23', outcome: 'given', givenAt: '2026-11-23T14:00:00Z' })).statusCode, 201);
    const response = await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-23', reason: 'Entered in error' });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal((await world.medical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-24', reason: 'Tapered' })).statusCode, 200);
  });

  it('is refused to clinicians, billing and staff of another facility', async () => {
    const { patientId } = await addPatient(world);
    const created = (await world.medical.post(`/api/patients/${patientId}/medications`, suboxone)).json();
    const edit = { ...suboxone, addictionMedication: 'moud', expectedAnalytes: [], observedWeekdays: null };
    assert.equal((await world.clinician.put(`/api/medications/${created.medicationId}`, edit)).json().error.code, 'forbidden');
    assert.equal((await world.billing.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-24', reason: 'x' })).json().error.code, 'forbidden');
    const westMedical = await world.staff(['medical'], [world.westFacilityId]);
    assert.equal((await westMedical.put(`/api/medications/${created.medicationId}`, edit)).json().error.code, 'patient_forbidden');
    assert.equal((await westMedical.post(`/api/medications/${created.medicationId}/stop`, { stoppedOn: '2026-11-24', reason: 'x' })).json().error.code, 'patient_forbidden');
    const row = await world.ctx.deps.db.selectFrom('medications').selectAll().where('medication_id', '=', created.medicationId).executeTakeFirstOrThrow();
    assert.deepEqual([row.stopped_on, row.observed_weekdays], [null, [1, 2, 3, 4, 5]]);
  });
});
