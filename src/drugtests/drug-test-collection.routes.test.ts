import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import type { AuditContext } from '../audit/record.ts';
import { cancelSession, insertEnrollment, insertEpisode, insertGroup, insertIndividualSession, insertPatient } from '../attendance/test-fixtures.ts';
import { runDailySelection } from './daily-selection.ts';
import { insertDrugTest } from './test-fixtures.ts';

/*
 * Downtown (New York). The clock stands at 10:00 on Tuesday 24 November 2026; the facility
 * week runs Monday 23 to Sunday 29 November. The adult IOP tests 7 times a week on
 * weekdays, so p = min(1, 7 / days) = 1 and every eligible patient is drawn: the HTTP tests
 * are deterministic, and selection.ts / the simulation cover the odds. Eastside runs one
 * test a week and is drawn with a fixed random source.
 */
let ctx: TestContext;
let org: TestOrg;
let downtown: string;
let eastside: string;
let northside: string;
let iop: string;
let mentalHealth: string;
let frontDesk: Client & { staffId: string };
let clinician: Client & { staffId: string };
let director: Client & { staffId: string };
let medical: Client & { staffId: string };
let stranger: Client & { staffId: string };
const patients: Record<string, string> = {};
const TODAY = '2026-11-24';
const at = (date: string, time: string) => `${date}T${time}:00-05:00`;

const policyBody = (overrides: Record<string, unknown> = {}) => ({ active: true, testsPerWeek: 7, eligibleWeekdays: [1, 2, 3, 4, 5], specimenTypes: ['urine'], panelId: 'clinical_12', ...overrides });

async function auditOf(entity: string) {
  return ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'patient_id', 'actor_id', 'details']).where('org_id', '=', org.orgId).where('entity', '=', entity).orderBy('seq').execute();
}
async function testsAt(facilityId: string, date = TODAY) {
  return ctx.deps.db.selectFrom('drug_tests').selectAll().where('org_id', '=', org.orgId).where('facility_id', '=', facilityId).where('selected_on', '=', date).execute();
}
const today = (client: Client, query = '') => client.get(`/api/facilities/${downtown}/drug-tests/today${query}`);
type Summary = { testId: string; patient: { patientId: string; displayName: string }; reason: string; status: string; sessionsToday: { title: string }[] };
const testOf = (list: { tests: Summary[] }, patient: string, reason = 'random') => list.tests.find((t) => t.patient.patientId === patients[patient] && t.reason === reason);

before(async () => {
  ctx = await startTestApp({ sessionIdleMinutes: 7 * 24 * 60, sessionAbsoluteHours: 30 * 24 });
  org = await createOrg(ctx);
  const db = ctx.deps.db;
  downtown = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  eastside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json().facilityId;
  northside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Northside'))).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(downtown))).json();
  iop = program.programId;
  mentalHealth = (await org.admin.post('/api/programs', programInput(downtown, { name: 'Mental Health IOP' }))).json().programId;
  const mhPhase = (await org.admin.get(`/api/programs/${mentalHealth}`)).json().phases[0].phaseId;
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [downtown]);
  clinician = await createStaffMember(ctx, org, ['clinician'], [downtown, eastside]);
  director = await createStaffMember(ctx, org, ['clinical_director'], [downtown]);
  medical = await createStaffMember(ctx, org, ['medical'], [downtown]);
  stranger = await createStaffMember(ctx, org, ['front_desk', 'clinical_director'], [northside]);

  const week = { startsOn: '2026-11-23', endsOn: '2026-11-27' };
  const daily = await insertGroup(db, org.orgId, { facilityId: downtown, facilitatorId: clinician.staffId, name: 'Morning process group', ...week, days: [1, 2, 3, 4, 5], startTime: '09:00', durationMinutes: 180 });
  const mwf = await insertGroup(db, org.orgId, { facilityId: downtown, facilitatorId: clinician.staffId, name: 'Relapse prevention', ...week, days: [1, 3, 5], startTime: '13:00', durationMinutes: 120 });
  const tueThu = await insertGroup(db, org.orgId, { facilityId: downtown, facilitatorId: clinician.staffId, name: 'Skills group', ...week, days: [2, 4], startTime: '14:00', durationMinutes: 120 });
  await cancelSession(db, org.orgId, tueThu.sessions.get(TODAY)!);

  const admit = async (key: string, given: string, family: string, programId: string, phaseId: string, enrolments: { groupId: string; status?: 'enrolled' | 'waitlisted' }[], discharged = false) => {
    patients[key] = await insertPatient(db, org.orgId, downtown, { given, family });
    const episodeId = await insertEpisode(db, org.orgId, { patientId: patients[key]!, programId, clinicianId: clinician.staffId, admittedOn: '2026-11-01', phases: [{ effectiveOn: '2026-11-01', phaseId }], ...(discharged ? { dischargedOn: '2026-11-20' } : {}) });
    for (const e of enrolments) await insertEnrollment(db, org.orgId, { groupId: e.groupId, patientId: patients[key]!, episodeId, startsOn: '2026-11-01', createdBy: clinician.staffId, ...(e.status ? { status: e.status } : {}) });
  };
  const phase = program.phases[0].phaseId;
  await admit('ana', 'Ana', 'Alvarez', iop, phase, [{ groupId: daily.groupId }]);
  await admit('ben', 'Ben', 'Brooks', iop, phase, [{ groupId: daily.groupId }]);
  await insertIndividualSession(db, org.orgId, { facilityId: downtown, clinicianId: clinician.staffId, patientId: patients['ben']!, date: TODAY, startTime: '13:00', durationMinutes: 60 });
  await admit('cara', 'Cara', 'Chen', iop, phase, [{ groupId: mwf.groupId }]); // not scheduled on Tuesdays
  await admit('dan', 'Dan', 'Diaz', iop, phase, [{ groupId: daily.groupId, status: 'waitlisted' }]); // no seat
  await admit('eve', 'Eve', 'Evans', mentalHealth, mhPhase, [{ groupId: daily.groupId }]); // program without a policy
  await admit('fay', 'Fay', 'Fox', iop, phase, []);
  await insertIndividualSession(db, org.orgId, { facilityId: downtown, clinicianId: clinician.staffId, patientId: patients['fay']!, date: TODAY, startTime: '11:00', durationMinutes: 60 });
  await admit('gus', 'Gus', 'Gray', iop, phase, [{ groupId: tueThu.groupId }]); // today's session cancelled
  await admit('hal', 'Hal', 'Hill', iop, phase, [{ groupId: daily.groupId }], true); // discharged
});

describe('a program’s drug-testing policy', () => {
  it('is null until set, with the panels to choose from, for any staff member at the facility', async () => {
    const billing = await createStaffMember(ctx, org, ['billing'], [downtown]);
    const response = await billing.get(`/api/programs/${iop}/drug-test-policy`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().policy, null);
    assert.deepEqual(response.json().panels.map((p: { panelId: string }) => p.panelId).sort(), ['clinical_12', 'oral_fluid_10', 'samhsa_5']);
    assert.equal((await stranger.get(`/api/programs/${iop}/drug-test-policy`)).json().error.code, 'facility_forbidden');
  });

  it('is set by a clinical director, audited, and not by a clinician', async () => {
    assert.equal((await clinician.put(`/api/programs/${iop}/drug-test-policy`, policyBody())).statusCode, 403);
    const response = await director.put(`/api/programs/${iop}/drug-test-policy`, policyBody({ eligibleWeekdays: [5, 1, 2, 3, 4] }));
    assert.equal(response.statusCode, 200, response.body);
    const { policy } = response.json();
    assert.deepEqual({ ...policy, updatedAt: undefined }, { active: true, testsPerWeek: 7, eligibleWeekdays: [1, 2, 3, 4, 5], specimenTypes: ['urine'], panelId: 'clinical_12', updatedAt: undefined, updatedBy: { staffId: director.staffId, fullName: 'Staff clinical_director' } });
    const [event] = await auditOf('drug_test_policy');
    assert.equal(event!.action, 'create');
    assert.equal(event!.entity_id, iop);
    assert.deepEqual((event!.details as { after: unknown }).after, { active: true, testsPerWeek: 7, eligibleWeekdays: [1, 2, 3, 4, 5], specimenTypes: ['urine'], panelId: 'clinical_12' });
  });

  it('refuses an inconsistent policy with a 4xx and keeps the one in force', async () => {
    const cases: [body: Record<string, unknown>, status: number, code: string][] = [
      [policyBody({ panelId: 'clinical_99' }), 422, 'panel_unknown'],
      [policyBody({ testsPerWeek: 1.234 }), 422, 'validation_failed'],
      [policyBody({ specimenTypes: ['urine', 'oral_fluid'] }), 422, 'validation_failed'],
      [policyBody({ testsPerWeek: 0 }), 400, 'validation_failed'],
      [policyBody({ testsPerWeek: 7.5 }), 400, 'validation_failed'],
      [policyBody({ testsPerWeek: '2' }), 400, 'validation_failed'],
      [policyBody({ eligibleWeekdays: [] }), 400, 'validation_failed'],
      [policyBody({ eligibleWeekdays: [0, 8] }), 400, 'validation_failed'],
      [policyBody({ eligibleWeekdays: [1, 1] }), 400, 'validation_failed'],
      [policyBody({ specimenTypes: ['blood'] }), 400, 'validation_failed'],
      [policyBody({ active: null }), 400, 'validation_failed'],
      [policyBody({ extra: true }), 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const response = await director.put(`/api/programs/${iop}/drug-test-policy`, body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json().error.code, code);
    }
    assert.equal((await director.get(`/api/programs/${iop}/drug-test-policy`)).json().policy.testsPerWeek, 7);
    assert.equal((await auditOf('drug_test_policy')).length, 1);
  });
});

describe('today’s list', () => {
  it('draws today’s selection on first opening: scheduled patients under an active policy, with the inputs kept and each draw audited', async () => {
    ctx.clock.set(at(TODAY, '10:00'));
    const response = await today(frontDesk);
    assert.equal(response.statusCode, 200, response.body);
    const list = response.json();
    assert.equal(list.date, TODAY);
    assert.deepEqual({ ...list.selection, ranAt: undefined }, { ranAt: undefined, scheduledCount: 3, selectedCount: 3 });
    assert.deepEqual(list.tests.map((t: Summary) => t.patient.displayName), ['Ana Alvarez', 'Ben Brooks', 'Fay Fox']);
    assert.ok(list.tests.every((t: Summary & { specimenType: string; panelId: string; panelName: string }) => t.reason === 'random' && t.status === 'pending' && t.specimenType === 'urine' && t.panelId === 'clinical_12' && t.panelName.length > 0));
    assert.deepEqual(testOf(list, 'ben')!.sessionsToday.map((s) => s.title), ['Morning process group', 'Individual counseling']);

    const run = await ctx.deps.db.selectFrom('drug_test_selection_runs').selectAll().where('org_id', '=', org.orgId).where('facility_id', '=', downtown).executeTakeFirstOrThrow();
    assert.equal(run.run_by, frontDesk.staffId);
    const inputs = run.inputs as { weekStart: string; candidates: { patientId: string; eligibleScheduledDays: string[]; probability: number; selected: boolean }[]; excluded: { patientId: string; episodeId: string; programId: string; reason: string }[] };
    assert.equal(inputs.weekStart, '2026-11-23');
    const ana = inputs.candidates.find((c) => c.patientId === patients['ana'])!;
    assert.deepEqual(ana.eligibleScheduledDays, ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    assert.equal(ana.probability, 1);
    assert.deepEqual(inputs.candidates.find((c) => c.patientId === patients['fay'])!.eligibleScheduledDays, [TODAY]);
    const eveEpisode = await ctx.deps.db.selectFrom('episodes').select('episode_id').where('org_id', '=', org.orgId).where('patient_id', '=', patients['eve']!).executeTakeFirstOrThrow();
    assert.deepEqual(inputs.excluded, [{ patientId: patients['eve'], episodeId: eveEpisode.episode_id, programId: mentalHealth, reason: 'no_policy' }]);

    const created = (await auditOf('drug_test')).filter((e) => (e.details as { reason: string }).reason === 'random');
    assert.deepEqual(created.map((e) => e.patient_id).sort(), [patients['ana'], patients['ben'], patients['fay']].sort());
    const anaEvent = created.find((e) => e.patient_id === patients['ana'])!;
    assert.equal(anaEvent.action, 'create');
    assert.equal(anaEvent.actor_id, frontDesk.staffId);
    assert.deepEqual((anaEvent.details as { eligibleScheduledDays: string[] }).eligibleScheduledDays.length, 5);
    assert.equal((anaEvent.details as { probability: number }).probability, 1);
    assert.equal((await auditOf('drug_test_selection')).length, 1);
    const [read] = (await auditOf('drug_test_list')).slice(-1);
    assert.equal(read!.action, 'read');
    assert.deepEqual([...(read!.details as { patientIds: string[] }).patientIds].sort(), [patients['ana'], patients['ben'], patients['fay']].sort());
    assert.ok(!JSON.stringify(read!.details).includes('Alvarez'));
  });

  it('draws once a day: opening it again, or running the day again, selects no one new', async () => {
    const first = (await today(director)).json();
    const second = (await today(frontDesk)).json();
    assert.deepEqual(second.tests.map((t: Summary) => t.testId), first.tests.map((t: Summary) => t.testId));
    assert.equal(second.selection.ranAt, first.selection.ranAt);
    const system: AuditContext = { orgId: org.orgId, occurredAt: ctx.clock.now(), actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' };
    const again = await ctx.deps.db.transaction().execute((trx) => runDailySelection(trx, system, { orgId: org.orgId, facilityId: downtown, date: TODAY, now: ctx.clock.now(), runBy: null }));
    assert.deepEqual({ ran: again.ran, scheduledCount: again.scheduledCount, selectedCount: again.selectedCount }, { ran: false, scheduledCount: 3, selectedCount: 3 });
    assert.equal((await testsAt(downtown)).filter((t) => t.reason === 'random').length, 3);
    assert.equal((await auditOf('drug_test_selection')).length, 1);
  });

  it('is today only: another day is 422 not_today, a malformed day 400', async () => {
    assert.equal((await today(frontDesk, `?date=${TODAY}`)).statusCode, 200);
    for (const date of ['2026-11-25', '2026-11-23']) {
      const response = await today(frontDesk, `?date=${date}`);
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'not_today');
    }
    assert.equal((await today(frontDesk, '?date=2026-02-30')).statusCode, 400);
    assert.equal((await testsAt(downtown, '2026-11-25')).length, 0);
  });

  it('is shown to collectors at the facility only: not to a clinician, nor to staff elsewhere', async () => {
    assert.equal((await today(medical)).statusCode, 200);
    const response = await today(clinician);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
    assert.equal((await today(stranger)).json().error.code, 'facility_forbidden');
  });
});

describe('random selection with a known draw', () => {
  it('gives each patient p = tests per week / their eligible scheduled days, drawn independently', async () => {
    const db = ctx.deps.db;
    const program = (await org.admin.post('/api/programs', programInput(eastside))).json();
    assert.equal((await org.admin.put(`/api/programs/${program.programId}/drug-test-policy`, policyBody({ testsPerWeek: 1 }))).statusCode, 200);
    const week = { startsOn: '2026-11-23', endsOn: '2026-11-27' };
    const daily = await insertGroup(db, org.orgId, { facilityId: eastside, facilitatorId: clinician.staffId, name: 'Daily group', ...week, days: [1, 2, 3, 4, 5], startTime: '09:00', durationMinutes: 180 });
    const mwf = await insertGroup(db, org.orgId, { facilityId: eastside, facilitatorId: clinician.staffId, name: 'MWF group', ...week, days: [1, 3, 5], startTime: '09:00', durationMinutes: 180 });
    const enrol = async (key: string, groupId: string) => {
      patients[key] = await insertPatient(db, org.orgId, eastside, { given: key, family: 'Eastside' });
      const episodeId = await insertEpisode(db, org.orgId, { patientId: patients[key]!, programId: program.programId, clinicianId: clinician.staffId, admittedOn: '2026-11-01', phases: [{ effectiveOn: '2026-11-01', phaseId: program.phases[0].phaseId }] });
      await insertEnrollment(db, org.orgId, { groupId, patientId: patients[key]!, episodeId, startsOn: '2026-11-01', createdBy: clinician.staffId });
    };
    await enrol('five', daily.groupId);
    await enrol('three', mwf.groupId);
    const system: AuditContext = { orgId: org.orgId, occurredAt: ctx.clock.now(), actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' };
    // Both draws 0.3: below 1/3 (three days a week), not below 1/5 (five days a week).
    const result = await db.transaction().execute((trx) => runDailySelection(trx, system, { orgId: org.orgId, facilityId: eastside, date: '2026-11-25', now: ctx.clock.now(), runBy: null }, { next: () => 0.3 }));
    assert.deepEqual({ ran: result.ran, scheduledCount: result.scheduledCount, selectedCount: result.selectedCount }, { ran: true, scheduledCount: 2, selectedCount: 1 });
    assert.deepEqual((await testsAt(eastside, '2026-11-25')).map((t) => [t.patient_id, t.reason, t.status, t.selected_by]), [[patients['three'], 'random', 'pending', null]]);
    const run = await db.selectFrom('drug_test_selection_runs').selectAll().where('org_id', '=', org.orgId).where('facility_id', '=', eastside).executeTakeFirstOrThrow();
    assert.equal(run.run_by, null);
    const candidates = (run.inputs as { candidates: { patientId: string; probability: number; draw: number; selected: boolean }[] }).candidates;
    assert.deepEqual(candidates.map((c) => [c.patientId, c.probability, c.draw, c.selected]).sort(), [[patients['five'], 1 / 5, 0.3, false], [patients['three'], 1 / 3, 0.3, true]].sort());
  });

  it('two runs of the same day at once draw once', async () => {
    const system: AuditContext = { orgId: org.orgId, occurredAt: ctx.clock.now(), actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' };
    const run = () => ctx.deps.db.transaction().execute((trx) => runDailySelection(trx, system, { orgId: org.orgId, facilityId: eastside, date: '2026-11-27', now: ctx.clock.now(), runBy: null }, { next: () => 0 }));
    const results = await Promise.all([run(), run()]);
    assert.deepEqual(results.map((r) => r.ran).sort(), [false, true]);
    assert.deepEqual(results.map((r) => r.selectedCount), [2, 2]);
    assert.equal((await testsAt(eastside, '2026-11-27')).length, 2);
  });
});

describe('a for-cause test', () => {
  const order = (client: Client, patient: string, body: Record<string, unknown>) => client.post(`/api/patients/${patients[patient]}/drug-tests`, body);

  it('is ordered by a clinician for today, joins the facility’s list, and is audited without the note', async () => {
    const response = await order(clinician, 'cara', { facilityId: downtown, reasonNote: 'Smelled of alcohol at group' });
    assert.equal(response.statusCode, 201, response.body);
    const test = response.json();
    assert.deepEqual([test.reason, test.reasonNote, test.status, test.selectedOn, test.specimenType, test.panelId], ['for_cause', 'Smelled of alcohol at group', 'pending', TODAY, 'urine', 'clinical_12']);
    assert.ok(testOf((await today(frontDesk)).json(), 'cara', 'for_cause'));
    const [event] = (await auditOf('drug_test')).filter((e) => e.entity_id === test.testId);
    assert.equal(event!.actor_id, clinician.staffId);
    assert.ok(!JSON.stringify(event!.details).includes('alcohol'));
  });

  it('takes a specimen and panel that go together', async () => {
    const response = await order(director, 'ana', { facilityId: downtown, reasonNote: 'Slurred speech', specimenType: 'oral_fluid' });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().specimenType, response.json().panelId], ['oral_fluid', 'oral_fluid_10']);
  });

  it('refuses a bad order with a 4xx and writes nothing', async () => {
    const before = (await testsAt(downtown)).length;
    const cases: [client: Client, patient: string, body: Record<string, unknown>, status: number, code: string][] = [
      [clinician, 'cara', { facilityId: downtown, reasonNote: '   ' }, 400, 'validation_failed'],
      [clinician, 'cara', { facilityId: downtown }, 400, 'validation_failed'],
      [clinician, 'cara', { facilityId: downtown, reasonNote: 'x', specimenType: null }, 400, 'validation_failed'],
      [clinician, 'cara', { facilityId: downtown, reasonNote: 'x', panelId: 'clinical_99' }, 422, 'panel_unknown'],
      [clinician, 'cara', { facilityId: downtown, reasonNote: 'x', specimenType: 'oral_fluid', panelId: 'clinical_12' }, 422, 'validation_failed'],
      [clinician, 'cara', { facilityId: eastside, reasonNote: 'x' }, 422, 'not_scheduled_today'],
      [clinician, 'cara', { facilityId: northside, reasonNote: 'x' }, 403, 'facility_forbidden'],
      [clinician, 'cara', { facilityId: '00000000-0000-4000-8000-000000000000', reasonNote: 'x' }, 422, 'validation_failed'],
      [frontDesk, 'cara', { facilityId: downtown, reasonNote: 'x' }, 403, 'forbidden'],
      [stranger, 'cara', { facilityId: northside, reasonNote: 'x' }, 403, 'patient_forbidden'],
    ];
    for (const [client, patient, body, status, code] of cases) {
      const response = await order(client, patient, body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json().error.code, code);
    }
    assert.equal((await testsAt(downtown)).length, before);
  });
});

describe('collection', () => {
  let list: { tests: Summary[] };
  const collect = (client: Client, patient: string, body: Record<string, unknown>, reason = 'random') => client.post(`/api/drug-tests/${testOf(list, patient, reason)!.testId}/collection`, body);
  before(async () => {
    ctx.clock.set(at(TODAY, '10:30'));
    list = (await today(frontDesk)).json();
  });

  it('refuses incomplete or impossible entries with a 4xx and leaves the test pending', async () => {
    const cases: [body: Record<string, unknown>, status: number, code: string, path?: string][] = [
      [{ specimenId: 'SP-1001', observed: true }, 422, 'validation_failed', 'temperatureC'],
      [{ specimenId: 'SP-1001', observed: true, temperatureC: 98.6 }, 422, 'validation_failed', 'temperatureC'],
      [{ specimenId: 'SP-1001', observed: true, temperatureC: 36.5, collectedAt: '2026-11-23T15:00:00Z' }, 422, 'validation_failed', 'collectedAt'],
      [{ specimenId: 'SP-1001', observed: true, temperatureC: 36.5, collectedAt: '2026-11-24T18:00:00Z' }, 422, 'validation_failed', 'collectedAt'],
      [{ specimenId: 'SP-1001', observed: null, temperatureC: 36.5 }, 400, 'validation_failed'],
      [{ specimenId: ' ', observed: true, temperatureC: 36.5 }, 400, 'validation_failed'],
      [{ specimenId: 'SP-1001', observed: true, temperatureC: '36.5' }, 400, 'validation_failed'],
      [{ observed: true, temperatureC: 36.5 }, 400, 'validation_failed'],
    ];
    for (const [body, status, code, path] of cases) {
      const response = await collect(frontDesk, 'ana', body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json().error.code, code);
      if (path) assert.equal(response.json().error.details[0].path, path);
    }
    const [row] = (await testsAt(downtown)).filter((t) => t.test_id === testOf(list, 'ana')!.testId);
    assert.equal(row!.status, 'pending');
    assert.equal(row!.specimen_id, null);
  });

  it('logs the specimen, observed, with an in-range temperature, starts the chain of custody, and is audited', async () => {
    const response = await collect(frontDesk, 'ana', { specimenId: 'SP-1001', observed: true, temperatureC: 36.5, note: 'Cup sealed in front of patient' });
    assert.equal(response.statusCode, 200, response.body);
    const test = response.json();
    assert.deepEqual([test.status, test.specimenId, test.observed, test.temperatureC, test.temperatureInRange, test.collectedAt], ['collected', 'SP-1001', true, 36.5, true, '2026-11-24T15:30:00.000Z']);
    const custody = await ctx.deps.db.selectFrom('drug_test_custody_events').selectAll().where('test_id', '=', test.testId).execute();
    assert.deepEqual(custody.map((c) => [c.event, c.staff_id, c.occurred_at.toISOString()]), [['collected', frontDesk.staffId, '2026-11-24T15:30:00.000Z']]);
    const [event] = (await auditOf('drug_test')).filter((e) => e.entity_id === test.testId && e.action === 'update');
    assert.equal((event!.details as { status: string }).status, 'collected');
    assert.ok(!JSON.stringify(event!.details).includes('sealed'));
  });

  it('flags a urine temperature outside 32–38 °C', async () => {
    const response = await collect(medical, 'ben', { specimenId: 'SP-1002', observed: false, temperatureC: 31.5, collectedAt: '2026-11-24T15:20:00Z' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().temperatureC, response.json().temperatureInRange, response.json().collectedAt], [31.5, false, '2026-11-24T15:20:00.000Z']);
  });

  it('refuses a second collection (409 test_not_pending) and a label already used (409 specimen_id_taken)', async () => {
    const again = await collect(frontDesk, 'ana', { specimenId: 'SP-1009', observed: true, temperatureC: 36 });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'test_not_pending');
    const taken = await collect(frontDesk, 'fay', { specimenId: 'SP-1001', observed: true, temperatureC: 36 });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'specimen_id_taken');
    assert.equal((await testsAt(downtown)).find((t) => t.test_id === testOf(list, 'fay')!.testId)!.status, 'pending');
  });

  it('takes an oral-fluid swab without a temperature', async () => {
    const response = await collect(frontDesk, 'ana', { specimenId: 'OF-2001', observed: true }, 'for_cause');
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().temperatureC, response.json().temperatureInRange], [null, null]);
  });

  it('is for collectors at the test’s facility, and for a test that exists', async () => {
    const body = { specimenId: 'SP-1003', observed: true, temperatureC: 36 };
    assert.equal((await collect(clinician, 'fay', body)).json().error.code, 'forbidden');
    assert.equal((await collect(stranger, 'fay', body)).json().error.code, 'facility_forbidden');
    const missing = await frontDesk.post('/api/drug-tests/00000000-0000-4000-8000-000000000000/collection', body);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'drug_test_not_found');
  });

  it('is only logged on the test’s day', async () => {
    ctx.clock.set(at('2026-11-25', '09:00'));
    try {
      const response = await collect(frontDesk, 'fay', { specimenId: 'SP-1004', observed: true, temperatureC: 36 });
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'not_today');
    } finally {
      ctx.clock.set(at(TODAY, '10:45'));
    }
  });
});

describe('refusal and not collected', () => {
  let list: { tests: Summary[] };
  before(async () => {
    list = (await today(frontDesk)).json();
  });

  it('a refusal closes the test as refused and alerts the care team in the same transaction', async () => {
    const test = testOf(list, 'cara', 'for_cause')!;
    assert.equal((await frontDesk.post(`/api/drug-tests/${test.testId}/refusal`, { note: ' ' })).statusCode, 400);
    const response = await frontDesk.post(`/api/drug-tests/${test.testId}/refusal`, { note: 'Declined, left the building' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().status, 'refused');
    const row = (await testsAt(downtown)).find((t) => t.test_id === test.testId)!;
    assert.deepEqual([row.status, row.outcome], ['refused', 'refused']);
    const alerts = await ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', org.orgId).where('source_id', '=', test.testId).execute();
    assert.deepEqual(alerts.map((a) => [a.rule, a.patient_id, a.facility_id, a.source_entity, a.state]), [['drug_test_refused', patients['cara'], downtown, 'drug_test', 'open']]);
    assert.ok((await auditOf('alert')).some((e) => e.entity_id === alerts[0]!.alert_id));
    const again = await frontDesk.post(`/api/drug-tests/${test.testId}/refusal`, { note: 'Again' });
    assert.equal(again.json().error.code, 'test_not_pending');
  });

  it('not collected keeps the reason, and needs one', async () => {
    const test = testOf(list, 'fay')!;
    assert.equal((await frontDesk.post(`/api/drug-tests/${test.testId}/not-collected`, {})).statusCode, 400);
    const response = await frontDesk.post(`/api/drug-tests/${test.testId}/not-collected`, { reason: 'Patient absent today' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().status, response.json().notCollectedReason], ['not_collected', 'Patient absent today']);
    assert.equal((await frontDesk.post(`/api/drug-tests/${test.testId}/collection`, { specimenId: 'SP-1005', observed: true, temperatureC: 36 })).json().error.code, 'test_not_pending');
    const [event] = (await auditOf('drug_test')).filter((e) => e.entity_id === test.testId && e.action === 'update');
    assert.deepEqual(event!.details, { status: 'not_collected' });
  });
});

describe('refusal and not collected on another day', () => {
  const pendingOn = async (selectedOn: string, reason: 'random' | 'for_cause' = 'random') =>
    (await insertDrugTest(ctx.deps.db, org.orgId, { patientId: patients['ana']!, facilityId: downtown, collectedBy: clinician.staffId, status: 'pending', selectedOn, reason })).testId;
  const rowOf = (testId: string) => ctx.deps.db.selectFrom('drug_tests').select(['status', 'outcome']).where('test_id', '=', testId).executeTakeFirstOrThrow();

  it('a refusal is recorded on the test’s day only: yesterday’s test is 422 not_today, stays pending and raises nothing', async () => {
    const testId = await pendingOn('2026-11-23');
    const response = await frontDesk.post(`/api/drug-tests/${testId}/refusal`, { note: 'Declined' });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().error.code, 'not_today');
    assert.deepEqual(await rowOf(testId), { status: 'pending', outcome: null });
    assert.equal((await ctx.deps.db.selectFrom('alerts').select('alert_id').where('source_id', '=', testId).execute()).length, 0);
  });

  it('a refusal after the facility’s midnight belongs to the next day: 422 not_today', async () => {
    const testId = await pendingOn(TODAY, 'for_cause');
    ctx.clock.set(at('2026-11-25', '00:05'));
    try {
      const response = await frontDesk.post(`/api/drug-tests/${testId}/refusal`, { note: 'Declined' });
      assert.deepEqual([response.statusCode, response.json().error.code], [422, 'not_today']);
    } finally {
      ctx.clock.set(at(TODAY, '10:45'));
    }
  });

  it('a for-cause test left pending past its day may still be closed as not collected, marked late in the audit', async () => {
    const testId = await pendingOn('2026-11-23', 'for_cause');
    const response = await frontDesk.post(`/api/drug-tests/${testId}/not-collected`, { reason: 'Patient left before collection' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(await rowOf(testId), { status: 'not_collected', outcome: null });
    const [event] = (await auditOf('drug_test')).filter((e) => e.entity_id === testId && e.action === 'update');
    assert.deepEqual(event!.details, { status: 'not_collected', closedAfterDay: true, selectedOn: '2026-11-23' });
  });

  it('a test cannot be closed as not collected before its day: 422 not_today', async () => {
    const testId = await pendingOn('2026-11-25', 'for_cause');
    const response = await frontDesk.post(`/api/drug-tests/${testId}/not-collected`, { reason: 'Patient will be away' });
    assert.deepEqual([response.statusCode, response.json().error.code], [422, 'not_today']);
    assert.deepEqual(await rowOf(testId), { status: 'pending', outcome: null });
  });
});

describe('chain of custody', () => {
  let collected: string;
  let pending: string;
  before(async () => {
    const list = (await today(frontDesk)).json();
    collected = testOf(list, 'ana')!.testId;
    pending = (await clinician.post(`/api/patients/${patients['ben']}/drug-tests`, { facilityId: downtown, reasonNote: 'Observed intoxicated' })).json().testId;
  });

  it('records sealing and hand-over to the lab after collection', async () => {
    const sealed = await medical.post(`/api/drug-tests/${collected}/custody`, { event: 'sealed' });
    assert.equal(sealed.statusCode, 201, sealed.body);
    assert.deepEqual({ ...(sealed.json() as Record<string, unknown>), eventId: undefined }, { eventId: undefined, testId: collected, event: 'sealed', occurredAt: '2026-11-24T15:45:00.000Z', staff: { staffId: medical.staffId, fullName: 'Staff medical' }, party: null, note: null });
    const sent = await frontDesk.post(`/api/drug-tests/${collected}/custody`, { event: 'sent_to_lab', party: 'Quest courier', occurredAt: '2026-11-24T15:40:00Z' });
    assert.equal(sent.statusCode, 201, sent.body);
    const events = await ctx.deps.db.selectFrom('drug_test_custody_events').select(['event', 'party']).where('test_id', '=', collected).orderBy('occurred_at').execute();
    assert.deepEqual(events.map((e) => [e.event, e.party]), [['collected', null], ['sent_to_lab', 'Quest courier'], ['sealed', null]]);
    assert.equal((await auditOf('drug_test_custody')).length, 2);
  });

  it('refuses events before collection, before the specimen existed, in the future, or unexplained', async () => {
    const cases: [testId: () => string, body: Record<string, unknown>, status: number, code: string][] = [
      [() => pending, { event: 'sealed' }, 409, 'test_not_collected'],
      [() => collected, { event: 'sealed', occurredAt: '2026-11-24T15:00:00Z' }, 422, 'validation_failed'],
      [() => collected, { event: 'sealed', occurredAt: '2026-11-24T17:00:00Z' }, 422, 'validation_failed'],
      [() => collected, { event: 'other' }, 422, 'validation_failed'],
      [() => collected, { event: 'collected' }, 400, 'validation_failed'],
      [() => collected, { event: 'sealed', party: '' }, 400, 'validation_failed'],
    ];
    const before = (await auditOf('drug_test_custody')).length;
    for (const [testId, body, status, code] of cases) {
      const response = await medical.post(`/api/drug-tests/${testId()}/custody`, body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json().error.code, code);
    }
    assert.equal((await auditOf('drug_test_custody')).length, before);
  });

  it('is for collectors and result entry staff only', async () => {
    assert.equal((await clinician.post(`/api/drug-tests/${collected}/custody`, { event: 'sealed' })).json().error.code, 'forbidden');
    assert.equal((await stranger.post(`/api/drug-tests/${collected}/custody`, { event: 'sealed' })).json().error.code, 'facility_forbidden');
  });
});
