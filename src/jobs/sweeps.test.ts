/**
 * The facility sweeps the job runner plans: sessions nobody recorded become absences an hour
 * after they end, a week that cannot reach its minimum is flagged from mid-week, and a plan
 * review past its date is flagged the next day. Each raises once, however often it runs.
 * Facility in New York; the week starts on Monday 2026-11-23.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { Transaction } from 'kysely';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type SeededGroup, insertAttendance, insertEnrollment, insertEpisode, insertGroup, insertPatient } from '../attendance/test-fixtures.ts';
import type { Database } from '../db/schema.ts';
import { absenceSweep } from './absence-sweep.ts';
import { hoursAtRiskSweep } from './hours-at-risk.ts';
import { planReviewSweep } from './plan-reviews.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let programId: string;
let phaseId: string;
let clinicianId: string;
let hourGroup: SeededGroup;
let longGroup: SeededGroup;

type Sweep = (trx: Transaction<Database>, job: { orgId: string; jobId: string; payload: Record<string, unknown>; now: Date }) => Promise<void>;
const run = (sweep: Sweep, iso: string) =>
  ctx.deps.db.transaction().execute((trx) => sweep(trx, { orgId: org.orgId, jobId: randomUUID(), payload: { facilityId }, now: new Date(iso) }));
const alertsOf = (patientId: string, rule: string) =>
  ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', org.orgId).where('patient_id', '=', patientId).where('rule', '=', rule).execute();

async function admitted(given: string, group: SeededGroup | null, admittedOn = '2026-11-16'): Promise<{ patientId: string; episodeId: string }> {
  const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given, family: 'Lindqvist' });
  const episodeId = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId, clinicianId, admittedOn, phases: [{ effectiveOn: admittedOn, phaseId }] });
  if (group) await insertEnrollment(ctx.deps.db, org.orgId, { groupId: group.groupId, patientId, episodeId, startsOn: admittedOn, createdBy: clinicianId });
  return { patientId, episodeId };
}

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  programId = program.programId;
  phaseId = program.phases[0].phaseId; // Engagement: 12–15 h a week
  clinicianId = (await createStaffMember(ctx, org, ['clinician'], [facilityId])).staffId;
  // 08:00–09:00 every weekday (5 h a week at most), and 13:00–16:00 every weekday (15 h).
  hourGroup = await insertGroup(ctx.deps.db, org.orgId, { facilityId, facilitatorId: clinicianId, name: 'Early check-in group', startsOn: '2026-11-16', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '08:00', durationMinutes: 60 });
  longGroup = await insertGroup(ctx.deps.db, org.orgId, { facilityId, facilitatorId: clinicianId, name: 'Afternoon IOP', startsOn: '2026-11-16', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '13:00', durationMinutes: 180 });
});

describe('the absence sweep', () => {
  it('two sessions nobody recorded raise the alert only once the second ended an hour ago', async () => {
    const { patientId } = await admitted('Ada', hourGroup, '2026-11-23');
    // Tuesday's session ended at 09:00 New York (14:00Z).
    await run(absenceSweep, '2026-11-24T14:59:00Z');
    assert.deepEqual(await alertsOf(patientId, 'consecutive_unexcused_absences'), []);
    await run(absenceSweep, '2026-11-24T15:00:00Z');
    const [alert, ...more] = await alertsOf(patientId, 'consecutive_unexcused_absences');
    assert.deepEqual(more, []);
    assert.deepEqual(alert!.details['sessionIds'], [hourGroup.sessions.get('2026-11-23'), hourGroup.sessions.get('2026-11-24')]);
    assert.equal(alert!.details['unrecorded'], 2);
    const audit = await ctx.deps.db.selectFrom('audit_events').selectAll().where('entity', '=', 'alert').where('entity_id', '=', alert!.alert_id).executeTakeFirstOrThrow();
    assert.deepEqual([audit.actor_id, audit.actor_role], [null, 'system']);
    // Wednesday the run grows by one: still the same alert.
    await run(absenceSweep, '2026-11-25T15:05:00Z');
    assert.equal((await alertsOf(patientId, 'consecutive_unexcused_absences')).length, 1);
  });

  it('a patient who came on Monday and was not recorded on Tuesday has one absence: nothing', async () => {
    const { patientId } = await admitted('Bo', hourGroup, '2026-11-23');
    await insertAttendance(ctx.deps.db, org.orgId, { sessionId: hourGroup.sessions.get('2026-11-23')!, patientId, minutes: 60 });
    await run(absenceSweep, '2026-11-24T15:10:00Z');
    assert.deepEqual(await alertsOf(patientId, 'consecutive_unexcused_absences'), []);
  });

  it('runs from before the sweep’s two-day window are not raised after the fact', async () => {
    const { patientId } = await admitted('Cy', hourGroup, '2026-11-16');
    // Absent (blank) on the 16th and 17th, then present every day since.
    for (const day of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']) {
      await insertAttendance(ctx.deps.db, org.orgId, { sessionId: hourGroup.sessions.get(day)!, patientId, minutes: 60 });
    }
    await run(absenceSweep, '2026-11-24T15:10:00Z');
    assert.deepEqual(await alertsOf(patientId, 'consecutive_unexcused_absences'), []);
  });
});

describe('the hours-at-risk sweep', () => {
  it('from Wednesday, a week that cannot reach 12 hours raises one medium alert; on Tuesday nothing is judged', async () => {
    const { patientId, episodeId } = await admitted('Dora', hourGroup);
    for (const day of ['2026-11-23', '2026-11-24']) await insertAttendance(ctx.deps.db, org.orgId, { sessionId: hourGroup.sessions.get(day)!, patientId, minutes: 60 });
    await run(hoursAtRiskSweep, '2026-11-24T22:00:00Z');
    assert.deepEqual(await alertsOf(patientId, 'weekly_hours_at_risk'), []);
    await run(hoursAtRiskSweep, '2026-11-25T17:00:00Z');
    const alerts = await alertsOf(patientId, 'weekly_hours_at_risk');
    assert.equal(alerts.length, 1);
    assert.deepEqual([alerts[0]!.severity, alerts[0]!.condition_key, alerts[0]!.details['requiredMinutes']], ['medium', `${episodeId}:2026-11-23`, 720]);
    await run(hoursAtRiskSweep, '2026-11-26T17:00:00Z');
    assert.equal((await alertsOf(patientId, 'weekly_hours_at_risk')).length, 1);
  });

  it('a patient on course for 15 hours raises nothing', async () => {
    const { patientId } = await admitted('Eli', longGroup);
    for (const day of ['2026-11-23', '2026-11-24']) await insertAttendance(ctx.deps.db, org.orgId, { sessionId: longGroup.sessions.get(day)!, patientId, minutes: 180 });
    await run(hoursAtRiskSweep, '2026-11-25T17:00:00Z');
    assert.deepEqual(await alertsOf(patientId, 'weekly_hours_at_risk'), []);
  });
});

describe('the plan review sweep', () => {
  async function activePlan(given: string, reviewDueOn: string): Promise<string> {
    const { patientId, episodeId } = await admitted(given, null);
    const now = new Date('2026-11-02T15:00:00Z');
    await ctx.deps.db.insertInto('treatment_plan_versions').values({
      org_id: org.orgId, episode_id: episodeId, version: 1, patient_id: patientId, status: 'active', content: JSON.stringify({ problems: [] }),
      created_by: clinicianId, created_at: now, updated_at: now, clinician_signed_by: clinicianId, clinician_signed_at: now,
      patient_signed_at: now, patient_signed_name: `${given} Lindqvist`, effective_on: '2026-11-02', review_due_on: reviewDueOn,
    }).execute();
    return patientId;
  }

  it('a review due yesterday raises one low alert; due today, nothing yet', async () => {
    const late = await activePlan('Fen', '2026-11-23');
    const dueToday = await activePlan('Gus', '2026-11-24');
    await run(planReviewSweep, '2026-11-24T15:00:00Z');
    await run(planReviewSweep, '2026-11-24T16:00:00Z');
    const alerts = await alertsOf(late, 'plan_review_overdue');
    assert.deepEqual(alerts.map((a) => [a.severity, a.details['reviewDueOn']]), [['low', '2026-11-23']]);
    assert.deepEqual(await alertsOf(dueToday, 'plan_review_overdue'), []);
    await run(planReviewSweep, '2026-11-25T15:00:00Z');
    assert.equal((await alertsOf(dueToday, 'plan_review_overdue')).length, 1);
  });
});
