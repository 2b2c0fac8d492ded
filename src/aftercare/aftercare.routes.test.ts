import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { insertAttendance, insertEnrollment, insertGroup } from '../attendance/test-fixtures.ts';
import { insertActivePlan, insertMeasurement, insertScore } from '../stepdown/test-fixtures.ts';

/*
 * Northside runs a Monday/Wednesday/Friday block, 09:00–12:00, from 2 November. The clock is
 * Tuesday 24 November 2026, 10:00 in New York.
 *   Rosa, admitted Monday 2 November: 10 sessions held through today (Monday 23rd at noon
 *   was the last); absent on the 6th, nothing recorded on the 13th, left after 90 minutes on
 *   the 18th: 8 attended, 22.5 h. PHQ-9 17 → 8, GAD-7 11 once. Two plan objectives, one met.
 */
let ctx: TestContext;
let org: TestOrg;
let northside: string;
let program: { programId: string; phases: { phaseId: string; name: string }[] };
let clinician: Client & { staffId: string };
let admissions: Client & { staffId: string };

const aftercare = {
  outpatientReferral: { provider: ' Capitol Region Counseling ', contact: '(860) 555-0188', appointmentOn: '2026-12-01' },
  meetings: [
    { fellowship: 'AA', name: 'Step Up Group', dayOfWeek: 2, time: '19:00', location: 'First Congregational Church, 12 Elm St' },
    { fellowship: 'SMART', dayOfWeek: 4, time: '18:30', location: 'Hartford Public Library' },
  ],
  soberLiving: null,
  alumniProgram: true,
  medicationContinuity: 'Sertraline continued with the primary care physician.',
  relapsePlan: 'Call the sponsor the same day, go to a meeting, call the counselor; 988 in a crisis.',
};

const newPatient = async (given: string) => {
  const response = await clinician.post('/api/patients', { facilityId: northside, legalGivenName: given, legalFamilyName: 'After', dateOfBirth: '1988-03-03', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home' });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().patientId as string;
};
const admit = async (patientId: string, admittedOn: string) => {
  const response = await clinician.post(`/api/patients/${patientId}/episodes`, { programId: program.programId, admittedOn, referralSource: 'Self', phaseId: program.phases[0]!.phaseId, primaryClinicianId: clinician.staffId });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().episodeId as string;
};
const discharge = (episodeId: string, body: Record<string, unknown>) => clinician.post(`/api/episodes/${episodeId}/discharge`, { summary: 'Transition plan reviewed with the patient.', ...body });
const auditOf = (patientId: string) =>
  ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'details']).where('org_id', '=', org.orgId).where('patient_id', '=', patientId).where('action', '<>', 'read').orderBy('seq').execute();

let rosa: { patientId: string; episodeId: string };

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  const db = ctx.deps.db;
  northside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Northside'))).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(northside, { name: 'Northside IOP' }))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [northside]);
  admissions = await createStaffMember(ctx, org, ['admissions'], [northside]);
  const patientId = await newPatient('Rosa');
  const episodeId = await admit(patientId, '2026-11-02');
  rosa = { patientId, episodeId };
  const block = await insertGroup(db, org.orgId, { facilityId: northside, facilitatorId: clinician.staffId, name: 'IOP block', startsOn: '2026-11-02', endsOn: '2026-11-27', days: [1, 3, 5], startTime: '09:00', durationMinutes: 180 });
  await insertEnrollment(db, org.orgId, { groupId: block.groupId, patientId, episodeId, startsOn: '2026-11-02', createdBy: clinician.staffId });
  for (const day of ['2026-11-02', '2026-11-04', '2026-11-09', '2026-11-11', '2026-11-16', '2026-11-20', '2026-11-23']) {
    await insertAttendance(db, org.orgId, { sessionId: block.sessions.get(day)!, patientId, minutes: 180 });
  }
  await insertAttendance(db, org.orgId, { sessionId: block.sessions.get('2026-11-18')!, patientId, minutes: 90, status: 'left_early' });
  await insertAttendance(db, org.orgId, { sessionId: block.sessions.get('2026-11-06')!, patientId, minutes: 0, status: 'unexcused_absence' });
  await insertScore(db, org.orgId, { patientId, episodeId, instrument: 'phq9', on: '2026-11-02', score: 17, severity: 'moderately_severe', staffId: clinician.staffId });
  await insertScore(db, org.orgId, { patientId, episodeId, instrument: 'phq9', on: '2026-11-23', score: 8, severity: 'mild', staffId: clinician.staffId });
  await insertScore(db, org.orgId, { patientId, episodeId, instrument: 'gad7', on: '2026-11-02', score: 11, severity: 'moderate', staffId: clinician.staffId });
  const [met, unmet] = [randomUUID(), randomUUID()];
  await insertActivePlan(db, org.orgId, {
    episodeId, patientId, staffId: clinician.staffId, effectiveOn: '2026-11-04',
    objectives: [{ objectiveId: met, description: 'Attend two mutual-help meetings', phaseId: null, target: 2 }, { objectiveId: unmet, description: 'Five sober-support calls', phaseId: null, target: 5 }],
  });
  await insertMeasurement(db, org.orgId, { episodeId, objectiveId: met, on: '2026-11-12', value: 2, staffId: clinician.staffId });
});

const EXPECTED_SUMMARY = {
  admittedOn: '2026-11-02',
  through: '2026-11-24',
  daysInProgram: 22,
  phaseReached: { phaseId: '', name: 'Engagement' },
  hoursAttended: 22.5,
  sessionsAttended: 8,
  sessionsScheduled: 10,
  attendancePercent: 80,
  instruments: [
    { instrument: 'phq9', name: 'PHQ-9', first: { score: 17, severity: 'moderately_severe', on: '2026-11-02' }, last: { score: 8, severity: 'mild', on: '2026-11-23' }, change: -9 },
    { instrument: 'gad7', name: 'GAD-7', first: { score: 11, severity: 'moderate', on: '2026-11-02' }, last: null, change: null },
  ],
  goals: { objectivesTotal: 2, objectivesMet: 1, objectives: [{ description: 'Attend two mutual-help meetings', met: true }, { description: 'Five sober-support calls', met: false }] },
};

describe('the discharge summary', () => {
  it('previews the stay in figures before discharge: hours, sessions, instrument change and objectives met', async () => {
    const response = await clinician.get(`/api/episodes/${rosa.episodeId}/discharge-summary`);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { ...EXPECTED_SUMMARY, phaseReached: { phaseId: program.phases[0]!.phaseId, name: 'Engagement' } });
    const event = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'patient_id']).where('org_id', '=', org.orgId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(event, { action: 'read', entity: 'discharge_summary', patient_id: rosa.patientId });
  });

  it('is clinical: not for the front desk', async () => {
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [northside]);
    assert.equal((await frontDesk.get(`/api/episodes/${rosa.episodeId}/discharge-summary`)).statusCode, 403);
  });
});

describe('discharge with an aftercare plan', () => {
  for (const reason of ['completed', 'stepped_down_to_outpatient']) {
    it(`is required when the reason is ${reason} (422 aftercare_required); nothing is written`, async () => {
      const response = await discharge(rosa.episodeId, { dischargedOn: '2026-11-24', reason });
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'aftercare_required');
      assert.deepEqual(response.json().error.details, [{ path: 'aftercare', message: `is required when the reason is ${reason}` }]);
      const episode = (await clinician.get(`/api/patients/${rosa.patientId}`)).json().episodes[0];
      assert.equal(episode.status, 'active');
      assert.deepEqual(await ctx.deps.db.selectFrom('aftercare_plans').select('episode_id').where('org_id', '=', org.orgId).execute(), []);
    });
  }

  const invalid: [string, Record<string, unknown>, number, string, string][] = [
    ['a meeting of another fellowship without a name', { ...aftercare, meetings: [{ fellowship: 'other', dayOfWeek: 5, time: '12:00', location: 'Online' }] }, 422, 'validation_failed', 'aftercare.meetings[0].name'],
    ['an outpatient appointment before the discharge', { ...aftercare, outpatientReferral: { provider: 'Capitol Region Counseling', appointmentOn: '2026-11-20' } }, 422, 'date_out_of_range', 'aftercare.outpatientReferral.appointmentOn'],
    ['a meeting time that is not HH:MM', { ...aftercare, meetings: [{ ...aftercare.meetings[0], time: '7pm' }] }, 400, 'validation_failed', 'aftercare.meetings[0].time'],
    ['no relapse plan', { ...aftercare, relapsePlan: ' ' }, 400, 'validation_failed', 'aftercare.relapsePlan'],
  ];
  for (const [sentence, plan, status, code, path] of invalid) {
    it(`refuses ${sentence} (${status} ${code} at ${path})`, async () => {
      const response = await discharge(rosa.episodeId, { dischargedOn: '2026-11-24', reason: 'completed', aftercare: plan });
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.ok(response.json().error.details.some((d: { path: string }) => d.path === path), JSON.stringify(response.json().error.details));
      assert.equal((await clinician.get(`/api/patients/${rosa.patientId}`)).json().episodes[0].status, 'active');
    });
  }

  it('saves the plan, the summary as it stood and follow-ups 30, 60 and 90 days after discharge, in the discharge’s transaction', async () => {
    const response = await discharge(rosa.episodeId, { dischargedOn: '2026-11-24', reason: 'completed', aftercare });
    assert.equal(response.statusCode, 200, response.body);
    const saved = await clinician.get(`/api/episodes/${rosa.episodeId}/aftercare`);
    assert.equal(saved.statusCode, 200, saved.body);
    const view = saved.json();
    assert.deepEqual([view.dischargedOn, view.dischargeReason, view.createdBy], ['2026-11-24', 'completed', { staffId: clinician.staffId, fullName: 'Staff clinician' }]);
    assert.deepEqual(view.summary, { ...EXPECTED_SUMMARY, phaseReached: { phaseId: program.phases[0]!.phaseId, name: 'Engagement' } });
    assert.deepEqual(view.plan, {
      ...aftercare,
      outpatientReferral: { provider: 'Capitol Region Counseling', contact: '(860) 555-0188', appointmentOn: '2026-12-01' },
      meetings: [{ ...aftercare.meetings[0] }, { ...aftercare.meetings[1], name: null }],
    });
    assert.deepEqual(view.followups.map((f: { daysAfter: number; dueOn: string; status: string; outcome: null }) => [f.daysAfter, f.dueOn, f.status, f.outcome]), [
      [30, '2026-12-24', 'upcoming', null],
      [60, '2027-01-23', 'upcoming', null],
      [90, '2027-02-22', 'upcoming', null],
    ]);
    const events = await auditOf(rosa.patientId);
    assert.deepEqual(events.slice(-2).map((e) => `${e.action} ${e.entity}`), ['update episode', 'create aftercare_plan']);
    assert.equal((events.at(-2)!.details as { aftercare: boolean }).aftercare, true);
    assert.deepEqual((events.at(-1)!.details as { followups: { dueOn: string }[] }).followups.map((f) => f.dueOn), ['2026-12-24', '2027-01-23', '2027-02-22']);
  });

  it('keeps the summary as it stood at discharge, whatever is recorded later', async () => {
    await insertScore(ctx.deps.db, org.orgId, { patientId: rosa.patientId, episodeId: rosa.episodeId, instrument: 'phq9', on: '2026-11-24', score: 3, severity: 'minimal', staffId: clinician.staffId });
    const summary = (await clinician.get(`/api/episodes/${rosa.episodeId}/discharge-summary`)).json();
    assert.equal(summary.instruments[0].last.score, 8);
  });

  it('is optional when the patient leaves against advice', async () => {
    const episodeId = await admit(await newPatient('Lia'), '2026-11-02');
    assert.equal((await discharge(episodeId, { dischargedOn: '2026-11-24', reason: 'left_against_advice' })).statusCode, 200);
    const missing = await clinician.get(`/api/episodes/${episodeId}/aftercare`);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'aftercare_not_found');
  });
});

describe('follow-up contacts', () => {
  // Discharged 1 September: due 1 October and 31 October (both more than a week ago), 30 November (not yet).
  // Discharged 21 October: due 20 November (four days ago), then 20 December and 19 January.
  let early: { patientId: string; episodeId: string };
  let later: { patientId: string; episodeId: string };
  before(async () => {
    const make = async (given: string, admittedOn: string, dischargedOn: string) => {
      const patientId = await newPatient(given);
      const episodeId = await admit(patientId, admittedOn);
      const response = await discharge(episodeId, { dischargedOn, reason: 'stepped_down_to_outpatient', aftercare: { ...aftercare, outpatientReferral: null } });
      assert.equal(response.statusCode, 200, response.body);
      return { patientId, episodeId };
    };
    early = await make('Ines', '2026-08-03', '2026-09-01');
    later = await make('Jun', '2026-08-24', '2026-10-21');
  });

  const due = async () => {
    const response = await clinician.get(`/api/facilities/${northside}/followups-due`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { today: string; items: { followupId: string; patientName: string; daysAfter: number; dueOn: string; status: string }[] };
  };

  it('are listed from their due day, overdue a week later, overdue first', async () => {
    const list = await due();
    assert.equal(list.today, '2026-11-24');
    assert.deepEqual(list.items.map((i) => `${i.patientName} ${i.daysAfter} ${i.dueOn} ${i.status}`), [
      'Ines After 30 2026-10-01 overdue',
      'Ines After 60 2026-10-31 overdue',
      'Jun After 30 2026-11-20 due',
    ]);
    const summary = (await clinician.get(`/api/episodes/${early.episodeId}/discharge-summary`)).json();
    assert.deepEqual([summary.sessionsScheduled, summary.attendancePercent, summary.daysInProgram], [0, null, 29]);
  });

  it('record their outcome (a clinician), which takes them off the list, and can be corrected; audited', async () => {
    const list = await due();
    const first = list.items[0]!;
    const response = await clinician.post(`/api/episodes/${early.episodeId}/followups/${first.followupId}`, { outcome: 'no_answer', completedOn: '2026-11-23' });
    assert.equal(response.statusCode, 200, response.body);
    const corrected = await clinician.post(`/api/episodes/${early.episodeId}/followups/${first.followupId}`, { outcome: 'reached', note: ' Attending AA twice a week; working. ', completedOn: '2026-11-24' });
    const followup = corrected.json().followups[0];
    assert.deepEqual(followup, {
      followupId: first.followupId, daysAfter: 30, dueOn: '2026-10-01', status: 'completed', outcome: 'reached', note: 'Attending AA twice a week; working.', completedOn: '2026-11-24',
      completedBy: { staffId: clinician.staffId, fullName: 'Staff clinician' },
    });
    assert.deepEqual((await due()).items.map((i) => i.dueOn), ['2026-10-31', '2026-11-20']);
    const events = (await auditOf(early.patientId)).filter((e) => e.entity === 'aftercare_followup');
    assert.deepEqual(events.map((e) => e.details), [
      { episodeId: early.episodeId, daysAfter: 30, outcome: 'no_answer', completedOn: '2026-11-23', correction: false },
      { episodeId: early.episodeId, daysAfter: 30, outcome: 'reached', completedOn: '2026-11-24', correction: true },
    ]);
  });

  it('refuses a contact in the future or before the discharge, another episode’s follow-up, and staff who do not manage stays', async () => {
    const item = (await due()).items.find((i) => i.patientName === 'Jun After')!;
    const path = `/api/episodes/${later.episodeId}/followups/${item.followupId}`;
    for (const completedOn of ['2026-11-25', '2026-10-20']) {
      const response = await clinician.post(path, { outcome: 'reached', completedOn });
      assert.equal(response.statusCode, 422, completedOn);
      assert.deepEqual([response.json().error.code, response.json().error.details[0].path], ['date_out_of_range', 'completedOn']);
    }
    const elsewhere = await clinician.post(`/api/episodes/${early.episodeId}/followups/${item.followupId}`, { outcome: 'reached', completedOn: '2026-11-24' });
    assert.equal(elsewhere.statusCode, 404);
    assert.equal(elsewhere.json().error.code, 'followup_not_found');
    assert.equal((await admissions.post(path, { outcome: 'reached', completedOn: '2026-11-24' })).statusCode, 403);
    assert.equal((await clinician.post(path, { outcome: 'maybe', completedOn: '2026-11-24' })).statusCode, 400);
    assert.equal((await due()).items.find((i) => i.followupId === item.followupId)?.status, 'due', 'still open');
  });
});
