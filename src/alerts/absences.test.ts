/**
 * Marking a second unexcused absence in a row raises the high alert in the same transaction
 * as the attendance write; an excused absence between them, or a single one, does not.
 * The test clock is Tuesday 2026-11-24 10:00 in New York; the group meets 08:30–09:30, so today's session ended
 * half an hour ago: not yet counted when nobody recorded it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type SeededGroup, insertAttendance, insertEnrollment, insertEpisode, insertGroup, insertIndividualSession, insertPatient } from '../attendance/test-fixtures.ts';
import { absenceSweep } from '../jobs/absence-sweep.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let phaseId: string;
let programId: string;
let clinician: Awaited<ReturnType<typeof createStaffMember>>;
let group: SeededGroup;

async function patientInGroup(given: string, presentOn: string[]): Promise<string> {
  const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given, family: 'Ortiz' });
  const episodeId = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId, clinicianId: clinician.staffId, admittedOn: '2026-11-16', phases: [{ effectiveOn: '2026-11-16', phaseId }] });
  await insertEnrollment(ctx.deps.db, org.orgId, { groupId: group.groupId, patientId, episodeId, startsOn: '2026-11-16', createdBy: clinician.staffId });
  for (const day of presentOn) await insertAttendance(ctx.deps.db, org.orgId, { sessionId: group.sessions.get(day)!, patientId, minutes: 60 });
  return patientId;
}

const mark = (patientId: string, day: string, status: string) =>
  clinician.put(`/api/sessions/${group.sessions.get(day)}/attendance/${patientId}`, { status, ...(day < '2026-11-24' ? { reason: 'Entered late from the paper sheet' } : {}) });

const alertsOf = (patientId: string) => ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', org.orgId).where('patient_id', '=', patientId).execute();

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  programId = program.programId;
  phaseId = program.phases[0].phaseId;
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  group = await insertGroup(ctx.deps.db, org.orgId, { facilityId, facilitatorId: clinician.staffId, name: 'Morning process', startsOn: '2026-11-16', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '08:30', durationMinutes: 60 });
});

describe('unexcused absences marked at the board', () => {
  it('one unexcused absence raises nothing; the second in a row raises one high alert to the primary clinician', async () => {
    const patientId = await patientInGroup('Ines', ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    assert.equal((await mark(patientId, '2026-11-23', 'unexcused_absence')).statusCode, 200);
    assert.deepEqual(await alertsOf(patientId), []);
    assert.equal((await mark(patientId, '2026-11-24', 'unexcused_absence')).statusCode, 200);
    const alerts = await alertsOf(patientId);
    assert.equal(alerts.length, 1);
    assert.deepEqual([alerts[0]!.rule, alerts[0]!.severity, alerts[0]!.source_id], ['consecutive_unexcused_absences', 'high', group.sessions.get('2026-11-24')]);
    assert.deepEqual(alerts[0]!.details['sessionIds'], [group.sessions.get('2026-11-23'), group.sessions.get('2026-11-24')]);
    const recipients = await ctx.deps.db.selectFrom('alert_recipients').selectAll().where('alert_id', '=', alerts[0]!.alert_id).execute();
    assert.deepEqual(recipients.map((r) => [r.staff_id, r.reason]), [[clinician.staffId, 'primary_clinician']]);
    // Marking the same session again, or a correction, does not raise a second alert.
    assert.equal((await mark(patientId, '2026-11-24', 'unexcused_absence')).statusCode, 200);
    assert.equal((await alertsOf(patientId)).length, 1);
  });

  it('an excused absence between two unexcused ones raises nothing', async () => {
    const patientId = await patientInGroup('Jo', ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']);
    // Entered in this order: had Monday still been blank, Friday and Monday would already be a run.
    await mark(patientId, '2026-11-23', 'excused_absence');
    await mark(patientId, '2026-11-20', 'unexcused_absence');
    await mark(patientId, '2026-11-24', 'unexcused_absence');
    assert.deepEqual(await alertsOf(patientId), []);
  });

  it('a session nobody recorded, ended over an hour ago, counts toward the run', async () => {
    // Monday the 23rd was never recorded; Tuesday is marked unexcused.
    const patientId = await patientInGroup('Kai', ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    await mark(patientId, '2026-11-24', 'unexcused_absence');
    const alerts = await alertsOf(patientId);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.details['unrecorded'], 1);
  });
});

describe('a patient treated at two facilities', () => {
  it('two missed New York sessions raise one alert, owned by the New York team, whether marked or found by the sweep', async () => {
    const westFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend West', 'America/Los_Angeles'))).json().facilityId;
    const west = (await org.admin.post('/api/programs', programInput(westFacilityId, { name: 'West Adult IOP' }))).json();
    const westClinician = await createStaffMember(ctx, org, ['clinician'], [westFacilityId]);
    const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given: 'Lior', family: 'Ortiz' });
    const nyEpisode = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId, clinicianId: clinician.staffId, admittedOn: '2026-11-16', phases: [{ effectiveOn: '2026-11-16', phaseId }] });
    await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId: west.programId, clinicianId: westClinician.staffId, admittedOn: '2026-11-10', phases: [{ effectiveOn: '2026-11-10', phaseId: west.phases[0].phaseId }] });
    const monday = await insertIndividualSession(ctx.deps.db, org.orgId, { facilityId, clinicianId: clinician.staffId, patientId, date: '2026-11-23', startTime: '07:00', durationMinutes: 60 });
    const tuesday = await insertIndividualSession(ctx.deps.db, org.orgId, { facilityId, clinicianId: clinician.staffId, patientId, date: '2026-11-24', startTime: '07:00', durationMinutes: 60 });
    await ctx.deps.db.transaction().execute((trx) => absenceSweep(trx, { orgId: org.orgId, jobId: randomUUID(), payload: { facilityId }, now: ctx.clock.now() }));
    await ctx.deps.db.transaction().execute((trx) => absenceSweep(trx, { orgId: org.orgId, jobId: randomUUID(), payload: { facilityId: westFacilityId }, now: ctx.clock.now() }));
    const alerts = await alertsOf(patientId);
    assert.deepEqual(alerts.map((a) => [a.rule, a.facility_id, a.episode_id, a.details['sessionIds']]), [['consecutive_unexcused_absences', facilityId, nyEpisode, [monday, tuesday]]]);
    const recipients = await ctx.deps.db.selectFrom('alert_recipients').select('staff_id').where('alert_id', '=', alerts[0]!.alert_id).execute();
    assert.deepEqual(recipients.map((r) => r.staff_id), [clinician.staffId]);
  });
});
