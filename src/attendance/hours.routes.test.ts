import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { insertAttendance, insertEnrollment, insertEpisode, insertGroup, insertIndividualSession, insertPatient } from './test-fixtures.ts';

let ctx: TestContext;
let org: TestOrg;
let westside: string;
let director: Client & { staffId: string };
const patients: Record<string, string> = {};

interface Week { weekStart: string; status: string; phaseName: string | null; scheduledHours: number; attendedHours: number; remainingScheduledHours: number; daysAttended: number; daysWithThreeHours: number; hoursShort: number | null; hoursOver: number | null }

/*
 * Westside runs a Monday/Wednesday/Friday 09:00–12:00 block (9 h a week). The clock is
 * Tuesday 24 November 2026, 10:00 in New York.
 *   Gia  admitted 2 Nov in Engagement (12–15 h), Early recovery (9–12 h) from 9 Nov:
 *        wk 2 Nov 9 h → below minimum (Engagement); wk 9 Nov 9 h → on track;
 *        wk 16 Nov 9 h + two 2 h individual sessions = 13 h → above maximum;
 *        wk 23 Nov absent Monday, 6 h left → at risk.
 *   Hal  wk 16 Nov 3 h → below minimum.  Ivy wk 16 Nov 9 h → on track.
 *   Jay  admitted Wednesday 18 Nov → partial week.  Kai discharged 13 Nov → not listed.
 */
before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  const db = ctx.deps.db;
  westside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside'))).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(westside, { name: 'Westside IOP' }))).json();
  const [engagement, earlyRecovery] = program.phases.map((p: { phaseId: string }) => p.phaseId);
  director = await createStaffMember(ctx, org, ['clinical_director'], [westside]);
  const block = await insertGroup(db, org.orgId, { facilityId: westside, facilitatorId: director.staffId, name: 'IOP block', startsOn: '2026-11-02', endsOn: '2026-11-27', days: [1, 3, 5], startTime: '09:00', durationMinutes: 180 });
  const admit = async (key: string, family: string, admittedOn: string, phases: { effectiveOn: string; phaseId: string }[], dischargedOn?: string) => {
    patients[key] = await insertPatient(db, org.orgId, westside, { given: key[0]!.toUpperCase() + key.slice(1), family });
    const episodeId = await insertEpisode(db, org.orgId, { patientId: patients[key]!, programId: program.programId, clinicianId: director.staffId, admittedOn, phases, ...(dischargedOn ? { dischargedOn } : {}) });
    await insertEnrollment(db, org.orgId, { groupId: block.groupId, patientId: patients[key]!, episodeId, startsOn: admittedOn, createdBy: director.staffId, ...(dischargedOn ? { endsOn: dischargedOn, status: 'ended' as const } : {}) });
  };
  const early = (on: string) => [{ effectiveOn: on, phaseId: earlyRecovery }];
  await admit('gia', 'Grant', '2026-11-02', [{ effectiveOn: '2026-11-02', phaseId: engagement }, { effectiveOn: '2026-11-09', phaseId: earlyRecovery }]);
  await admit('hal', 'Hughes', '2026-11-02', early('2026-11-02'));
  await admit('ivy', 'Irwin', '2026-11-02', early('2026-11-02'));
  await admit('jay', 'Jones', '2026-11-18', early('2026-11-18'));
  await admit('kai', 'Kerr', '2026-11-02', early('2026-11-02'), '2026-11-13');
  const attend = (key: string, dates: string[], minutes = 180) =>
    Promise.all(dates.map((d) => insertAttendance(db, org.orgId, { sessionId: block.sessions.get(d)!, patientId: patients[key]!, minutes })));
  await attend('gia', ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13', '2026-11-16', '2026-11-18', '2026-11-20']);
  await insertAttendance(db, org.orgId, { sessionId: block.sessions.get('2026-11-23')!, patientId: patients['gia']!, minutes: 0, status: 'unexcused_absence' });
  for (const date of ['2026-11-17', '2026-11-19']) {
    const sessionId = await insertIndividualSession(db, org.orgId, { facilityId: westside, clinicianId: director.staffId, patientId: patients['gia']!, date, startTime: '13:00', durationMinutes: 120 });
    await insertAttendance(db, org.orgId, { sessionId, patientId: patients['gia']!, minutes: 120 });
  }
  await attend('hal', ['2026-11-16', '2026-11-23']);
  await attend('ivy', ['2026-11-16', '2026-11-18', '2026-11-20', '2026-11-23']);
  await attend('jay', ['2026-11-18', '2026-11-20', '2026-11-23']);
});

const summary = (w: Week) => `${w.weekStart} ${w.status} ${w.phaseName} ${w.scheduledHours}/${w.attendedHours}`;

describe('a patient’s weekly hours', () => {
  it('judges each week against the phase in force then, and the current week against what is still scheduled', async () => {
    const response = await director.get(`/api/patients/${patients['gia']}/hours?from=2026-11-02&to=2026-11-29`);
    assert.equal(response.statusCode, 200, response.body);
    const weeks: Week[] = response.json();
    assert.deepEqual(weeks.map(summary), [
      '2026-11-02 below_minimum Engagement 9/9',
      '2026-11-09 on_track Early recovery 9/9',
      '2026-11-16 above_maximum Early recovery 13/13',
      '2026-11-23 at_risk Early recovery 9/0',
    ]);
    assert.deepEqual([weeks[0]!.hoursShort, weeks[2]!.hoursOver, weeks[3]!.hoursShort, weeks[3]!.remainingScheduledHours], [3, 1, 3, 6]);
    assert.deepEqual([weeks[2]!.daysAttended, weeks[2]!.daysWithThreeHours], [5, 3]);
    const [event] = await ctx.deps.db.selectFrom('audit_events').select(['action', 'patient_id']).where('entity', '=', 'patient_hours').execute();
    assert.deepEqual(event, { action: 'read', patient_id: patients['gia'] });
  });

  it('by default shows the last 8 facility weeks through this one', async () => {
    const weeks: Week[] = (await director.get(`/api/patients/${patients['gia']}/hours`)).json();
    assert.equal(weeks.length, 8);
    assert.deepEqual([weeks[0]!.weekStart, weeks.at(-1)!.weekStart], ['2026-10-05', '2026-11-23']);
    assert.deepEqual(weeks.slice(0, 4).map((w) => w.status), ['not_in_program', 'not_in_program', 'not_in_program', 'not_in_program']);
  });

  it('a discharged patient’s later weeks are not in the program; the week of admission is not judged', async () => {
    const kai: Week[] = (await director.get(`/api/patients/${patients['kai']}/hours?from=2026-11-02&to=2026-11-22`)).json();
    assert.deepEqual(kai.map((w) => w.status), ['below_minimum', 'partial_week', 'not_in_program']);
    const jay: Week[] = (await director.get(`/api/patients/${patients['jay']}/hours?from=2026-11-16&to=2026-11-22`)).json();
    assert.deepEqual(jay.map((w) => w.status), ['partial_week']);
  });

  it('refuses a range that ends before it starts or spans more than 53 weeks, and unknown patients', async () => {
    const inverted = await director.get(`/api/patients/${patients['gia']}/hours?from=2026-11-20&to=2026-11-01`);
    assert.deepEqual([inverted.statusCode, inverted.json().error.code], [422, 'date_out_of_range']);
    const long = await director.get(`/api/patients/${patients['gia']}/hours?from=2025-11-01&to=2026-11-29`);
    assert.deepEqual([long.statusCode, long.json().error.code], [422, 'date_out_of_range']);
    assert.equal((await director.get(`/api/patients/${patients['gia']}/hours?from=2026-02-30`)).statusCode, 400);
    assert.equal((await director.get('/api/patients/00000000-0000-4000-8000-000000000000/hours')).statusCode, 404);
  });

  it('is closed to staff of other facilities', async () => {
    const downtown = (await org.admin.post('/api/facilities', facilityInput('Riverbend Downtown'))).json().facilityId;
    const outsider = await createStaffMember(ctx, org, ['clinician'], [downtown]);
    const response = await outsider.get(`/api/patients/${patients['gia']}/hours`);
    assert.deepEqual([response.statusCode, response.json().error.code], [403, 'patient_forbidden']);
    assert.equal((await outsider.get(`/api/facilities/${westside}/compliance`)).statusCode, 403);
  });
});

describe('the facility compliance list', () => {
  it('lists only weeks off the band, worst first', async () => {
    const response = await director.get(`/api/facilities/${westside}/compliance?weekOf=2026-11-18`);
    assert.equal(response.statusCode, 200, response.body);
    const list = response.json();
    assert.deepEqual([list.weekStart, list.weekEnd], ['2026-11-16', '2026-11-22']);
    assert.deepEqual(list.patients.map((p: { name: string; status: string; attendedHours: number }) => `${p.name} ${p.status} ${p.attendedHours}`), [
      'Gia Grant above_maximum 13',
      'Hal Hughes below_minimum 3',
    ]);
    assert.deepEqual([list.patients[1].minHoursPerWeek, list.patients[1].maxHoursPerWeek, list.patients[1].hoursShort], [9, 12, 6]);
    const event = await ctx.deps.db.selectFrom('audit_events').select('details').where('entity', '=', 'hours_compliance').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(event.details, { weekStart: '2026-11-16', patientIds: [patients['gia'], patients['hal']] });
  });

  it('this week: patients who cannot reach the minimum with the sessions left are at risk', async () => {
    const list = (await director.get(`/api/facilities/${westside}/compliance`)).json();
    assert.equal(list.weekStart, '2026-11-23');
    assert.deepEqual(list.patients.map((p: { name: string; status: string; remainingScheduledHours: number }) => `${p.name} ${p.status} ${p.remainingScheduledHours}`), [
      'Gia Grant at_risk 6',
    ]);
  });
});

describe('hours count only sessions the patient held a seat for', () => {
  it('a waitlist place that ended without a seat schedules no hours', async () => {
    const db = ctx.deps.db;
    const block = await db.selectFrom('groups').select('group_id').where('org_id', '=', org.orgId).where('name', '=', 'IOP block').executeTakeFirstOrThrow();
    const program = await db.selectFrom('programs').select('program_id').where('org_id', '=', org.orgId).where('name', '=', 'Westside IOP').executeTakeFirstOrThrow();
    const phase = await db.selectFrom('program_phases').select('phase_id').where('program_id', '=', program.program_id).orderBy('position').executeTakeFirstOrThrow();
    patients['lou'] = await insertPatient(db, org.orgId, westside, { given: 'Lou', family: 'Lowe' });
    const episodeId = await insertEpisode(db, org.orgId, { patientId: patients['lou']!, programId: program.program_id, clinicianId: director.staffId, admittedOn: '2026-11-02', phases: [{ effectiveOn: '2026-11-02', phaseId: phase.phase_id }] });
    await insertEnrollment(db, org.orgId, { groupId: block.group_id, patientId: patients['lou']!, episodeId, startsOn: '2026-11-02', endsOn: '2026-11-27', status: 'ended', seatedOn: null, createdBy: director.staffId });
    const weeks: Week[] = (await director.get(`/api/patients/${patients['lou']}/hours?from=2026-11-16&to=2026-11-22`)).json();
    assert.deepEqual(weeks.map((w) => [w.weekStart, w.scheduledHours]), [['2026-11-16', 0]]);
  });
});
