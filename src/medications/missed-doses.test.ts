/**
 * The end-of-day job's missed doses: every observed dose due at the facility on a past day
 * and not recorded becomes "missed" (by the system) with its alert, once, however often it runs.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AuditContext } from '../audit/record.ts';
import { type MonitoringWorld, addPatient, alertRows, auditRows, monitoringWorld } from '../checkins/test-fixtures.ts';
import { type MissedDosesResult, recordMissedDoses } from './missed-doses.ts';

let world: MonitoringWorld;
// Tuesday 2026-11-24, 10:00 in New York.
const NOW = new Date('2026-11-24T15:00:00Z');
const methadone = { name: 'Methadone', dose: '80 mg', route: 'oral', frequency: 'once daily', prescriber: 'Dr. Amaka Eze', startedOn: '2026-11-02', observedWeekdays: [1, 2, 3, 4, 5] };

const system = (): AuditContext => ({ orgId: world.org.orgId, occurredAt: NOW, actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' });
const run = (date: string, facilityId = world.facilityId, now = NOW): Promise<MissedDosesResult> =>
  world.ctx.deps.db.transaction().execute((trx) => recordMissedDoses(trx, system(), { orgId: world.org.orgId, facilityId, date, now }));
const dosesOf = (medicationId: string) =>
  world.ctx.deps.db.selectFrom('dose_administrations').select(['scheduled_on', 'outcome', 'recorded_by']).where('medication_id', '=', medicationId).orderBy('scheduled_on').execute();

/**
 * Prescribes through the API, then dates the entry to `enteredAt` (default: the morning of
 * the start day), as if it had been entered in Cairn then: days before the entry are never missed.
 */
async function prescribe(patientId: string, change: Record<string, unknown> = {}, enteredAt?: string): Promise<string> {
  const body = { ...methadone, ...change };
  const response = await world.medical.post(`/api/patients/${patientId}/medications`, body);
  assert.equal(response.statusCode, 201, response.body);
  const medicationId = response.json().medicationId as string;
  await world.ctx.deps.db.updateTable('medications').set({ created_at: new Date(enteredAt ?? `${body.startedOn}T14:00:00Z`) }).where('medication_id', '=', medicationId).execute();
  return medicationId;
}

before(async () => {
  world = await monitoringWorld();
});

describe('recording missed doses at the end of a day', () => {
  it('records each unrecorded due dose as missed by the system, raises its alert, and leaves recorded doses alone', async () => {
    const absent = await addPatient(world);
    const present = await addPatient(world);
    const absentMed = await prescribe(absent.patientId);
    const presentMed = await prescribe(present.patientId);
    const selfMed = await prescribe(absent.patientId, { name: 'Sertraline', observedWeekdays: null });
    assert.equal((await world.medical.post(`/api/medications/${presentMed}/doses`, { scheduledOn: '2026-11-23', outcome: 'given', givenAt: '2026-11-23T14:00:00Z' })).statusCode, 201);

    const result = await run('2026-11-23');
    assert.equal(result.status, 'done');
    assert.deepEqual(await dosesOf(absentMed), [{ scheduled_on: '2026-11-23', outcome: 'missed', recorded_by: null }]);
    assert.deepEqual((await dosesOf(presentMed)).map((d) => d.outcome), ['given']);
    assert.deepEqual(await dosesOf(selfMed), []);
    assert.ok(result.status === 'done' && result.recordedDoseIds.length >= 1 && result.alertsRaised === result.recordedDoseIds.length);

    const [alert] = await alertRows(world, absent.patientId);
    assert.deepEqual([alert!.rule, alert!.episode_id, alert!.facility_id, alert!.details], [
      'missed_observed_dose', absent.episodeId, world.facilityId, { medicationId: absentMed, scheduledOn: '2026-11-23', outcome: 'missed', addictionMedication: 'moud' },
    ]);
    assert.deepEqual(await alertRows(world, present.patientId), []);
    const audit = (await auditRows(world, 'dose_administration', absent.patientId)).filter((a) => a.action === 'create');
    assert.deepEqual(audit.map((a) => [a.actor_id, a.actor_role, (a.details as { recordedBy: string }).recordedBy]), [[null, 'system', 'end_of_day']]);
  });

  it('is idempotent: running the same day again records and raises nothing more', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    const first = await run('2026-11-20');
    const second = await run('2026-11-20');
    assert.ok(first.status === 'done' && first.recordedDoseIds.length > 0);
    assert.deepEqual(second, { status: 'done', date: '2026-11-20', recordedDoseIds: [], alertsRaised: 0 });
    assert.equal((await dosesOf(medicationId)).length, 1);
    assert.equal((await alertRows(world, patientId)).length, 1);
  });

  it('skips a day that is not over at the facility, and records nothing on a day no dose is due', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    assert.deepEqual(await run('2026-11-24'), { status: 'skipped', date: '2026-11-24', reason: 'day_not_over' });
    // 04:30 UTC on the 25th is still 23:30 on the 24th in New York.
    assert.deepEqual(await run('2026-11-24', world.facilityId, new Date('2026-11-25T04:30:00Z')), { status: 'skipped', date: '2026-11-24', reason: 'day_not_over' });
    await run('2026-11-22'); // Sunday
    assert.deepEqual(await dosesOf(medicationId), []);
    assert.deepEqual(await run('2026-11-20', '00000000-0000-4000-8000-000000000000'), { status: 'skipped', date: '2026-11-20', reason: 'facility_not_found' });
  });

  it('only touches patients treated at the facility on that day', async () => {
    const west = await addPatient(world, { admitTo: world.westProgram });
    const discharged = await addPatient(world, { admittedOn: '2026-10-01', dischargedOn: '2026-11-18' });
    const notYet = await addPatient(world, { admittedOn: '2026-11-20' });
    const westMed = await prescribe(west.patientId);
    const dischargedMed = await prescribe(discharged.patientId, { startedOn: '2026-10-01' });
    const notYetMed = await prescribe(notYet.patientId);
    await run('2026-11-19');
    assert.deepEqual(await dosesOf(westMed), [], 'treated at the other facility');
    assert.deepEqual(await dosesOf(dischargedMed), [], 'discharged the day before');
    assert.deepEqual(await dosesOf(notYetMed), [], 'not admitted yet');
    await run('2026-11-19', world.westFacilityId);
    assert.deepEqual((await dosesOf(westMed)).map((d) => d.outcome), ['missed']);
  });

  it('does not mark missed the days before the medication was entered in Cairn, only from the facility-local day of entry on', async () => {
    const { patientId } = await addPatient(world);
    // Started on 2 Nov on paper, entered in Cairn on Thursday 19 Nov at 21:30 New York (02:30 UTC on the 20th).
    const medicationId = await prescribe(patientId, {}, '2026-11-20T02:30:00Z');
    await run('2026-11-17');
    await run('2026-11-18');
    assert.deepEqual(await dosesOf(medicationId), []);
    await run('2026-11-19');
    await run('2026-11-20');
    assert.deepEqual((await dosesOf(medicationId)).map((d) => [d.scheduled_on, d.outcome]), [['2026-11-19', 'missed'], ['2026-11-20', 'missed']]);
    assert.equal((await alertRows(world, patientId)).length, 2);
  });

  it('raises nothing when the rollback of the caller’s transaction undoes the doses', async () => {
    const { patientId } = await addPatient(world);
    const medicationId = await prescribe(patientId);
    await assert.rejects(world.ctx.deps.db.transaction().execute(async (trx) => {
      await recordMissedDoses(trx, system(), { orgId: world.org.orgId, facilityId: world.facilityId, date: '2026-11-17', now: NOW });
      throw new Error('job crashed');
    }));
    assert.deepEqual(await dosesOf(medicationId), []);
    assert.deepEqual(await alertRows(world, patientId), []);
  });
});
