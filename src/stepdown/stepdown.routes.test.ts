import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type SeededGroup, insertAttendance, insertEnrollment, insertEpisode, insertGroup, insertPatient } from '../attendance/test-fixtures.ts';
import { addDays } from '../time/local-time.ts';
import { DEFAULT_CRITERIA, insertActivePlan, insertMeasurement, insertScore, setCriteria } from './test-fixtures.ts';

/*
 * Eastside runs an IOP block Monday–Thursday 09:00–12:00 (12 h on 4 days: Engagement's
 * 12–15 h and 4 days), a Friday block, and a Monday/Wednesday/Friday block (9 h on 3 days:
 * Maintenance's 9–10 h). The clock is Tuesday 24 November 2026, 10:00 in New York, so the
 * evaluated week is 16–22 November and the four weeks the criteria read start 26 October.
 * Every phase: 4 weeks met, 90 % attendance, PHQ-9 −5 or < 10, phase objectives met, ≤ 12 weeks.
 * Each patient has a treatment plan in force since 28 October whose one objective (two
 * mutual-help meetings) is tied to no phase, unless told otherwise.
 *
 *   Ana  Engagement, every session, PHQ-9 16 → 9                      → advance to Early recovery
 *   Ben  as Ana, but only 9 h in the week of 26 Oct                     → 3 weeks: nothing
 *   Cal  as Ana, also on the Friday block and never there: 16 of 20     → 80 %: nothing
 *   Dee  Early recovery since 2 Nov, PHQ-9 14, 19, 20                   → intensify to Engagement
 *   Zed  Engagement, PHQ-9 12, 18, 21                                   → intensify: refer to a higher level
 *   Max  Maintenance, M/W/F block, PHQ-9 8                              → complete
 *   Hal  as Ana, with an Engagement objective unmet (1 of 2 meetings)   → nothing
 *   Ivy  as Ana, with an Engagement objective met (2 of 2 meetings)     → advance
 *   Noa  as Ana, but no treatment plan signed yet                       → nothing
 *   Fay  as Ana, discharged 20 Nov                                      → not listed
 *   Gus  as Ana, at Westside                                            → not in Eastside’s queue
 */
let ctx: TestContext;
let org: TestOrg;
let eastside: string;
let westside: string;
let director: Client & { staffId: string };
let clinician: Client & { staffId: string };
let program: { programId: string; phases: { phaseId: string; name: string }[] };
const patients: Record<string, string> = {};
const episodes: Record<string, string> = {};

const ADMITTED = '2026-10-26';
const PLAN_SIGNED = '2026-10-28';
const objectiveIds: Record<string, string> = {};
const WEEKS = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
const days = (offsets: number[]) => WEEKS.flatMap((w) => offsets.map((d) => addDays(w, d)));
const MON_THU = days([0, 1, 2, 3]);
const FRIDAYS = days([4]);
const MON_WED_FRI = days([0, 2, 4]);

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  const db = ctx.deps.db;
  eastside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json().facilityId;
  westside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside'))).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(eastside, { name: 'Eastside IOP' }))).json();
  const westProgram = (await org.admin.post('/api/programs', programInput(westside, { name: 'Westside IOP' }))).json();
  await setCriteria(db, org.orgId, program.programId, DEFAULT_CRITERIA);
  await setCriteria(db, org.orgId, westProgram.programId, DEFAULT_CRITERIA);
  director = await createStaffMember(ctx, org, ['clinical_director'], [eastside, westside]);
  clinician = await createStaffMember(ctx, org, ['clinician'], [eastside]);
  const [engagement, earlyRecovery, maintenance] = program.phases.map((p) => p.phaseId) as [string, string, string];
  const group = (facilityId: string, name: string, weekdays: number[]) =>
    insertGroup(db, org.orgId, { facilityId, facilitatorId: director.staffId, name, startsOn: '2026-10-19', endsOn: '2026-11-27', days: weekdays, startTime: '09:00', durationMinutes: 180 });
  const block = await group(eastside, 'IOP block', [1, 2, 3, 4]);
  const friday = await group(eastside, 'Friday block', [5]);
  const maintenanceBlock = await group(eastside, 'Maintenance block', [1, 3, 5]);
  const westBlock = await group(westside, 'West IOP block', [1, 2, 3, 4]);

  const admit = async (
    key: string,
    o: { facilityId?: string; programId?: string; phases?: { effectiveOn: string; phaseId: string }[]; groups: SeededGroup[]; attend: [SeededGroup, string[]][]; phq9: [string, number][]; dischargedOn?: string; untiedPlan?: false },
  ) => {
    const patientId = await insertPatient(db, org.orgId, o.facilityId ?? eastside, { given: key, family: 'Step' });
    const episodeId = await insertEpisode(db, org.orgId, {
      patientId, programId: o.programId ?? program.programId, clinicianId: director.staffId, admittedOn: ADMITTED,
      phases: o.phases ?? [{ effectiveOn: ADMITTED, phaseId: engagement }], ...(o.dischargedOn ? { dischargedOn: o.dischargedOn } : {}),
    });
    for (const g of o.groups) await insertEnrollment(db, org.orgId, { groupId: g.groupId, patientId, episodeId, startsOn: ADMITTED, createdBy: director.staffId });
    for (const [g, dates] of o.attend) for (const d of dates) await insertAttendance(db, org.orgId, { sessionId: g.sessions.get(d)!, patientId, minutes: 180 });
    for (const [on, score] of o.phq9) await insertScore(db, org.orgId, { patientId, episodeId, instrument: 'phq9', on, score, staffId: director.staffId });
    if (o.untiedPlan !== false) {
      await insertActivePlan(db, org.orgId, { episodeId, patientId, staffId: director.staffId, effectiveOn: PLAN_SIGNED, objectives: [{ objectiveId: randomUUID(), description: 'Attend two mutual-help meetings', phaseId: null, target: 2 }] });
    }
    patients[key] = patientId;
    episodes[key] = episodeId;
  };
  const steady = { groups: [block], attend: [[block, MON_THU]] as [SeededGroup, string[]][], phq9: [[ADMITTED, 16], ['2026-11-16', 9]] as [string, number][] };

  await admit('Ana', steady);
  await admit('Ben', { ...steady, attend: [[block, MON_THU.filter((d) => d !== '2026-10-26')]] });
  await admit('Cal', { ...steady, groups: [block, friday] });
  await admit('Dee', { ...steady, phases: [{ effectiveOn: ADMITTED, phaseId: engagement }, { effectiveOn: '2026-11-02', phaseId: earlyRecovery }], phq9: [[ADMITTED, 14], ['2026-11-09', 19], ['2026-11-16', 20]] });
  await admit('Zed', { ...steady, phq9: [[ADMITTED, 12], ['2026-11-09', 18], ['2026-11-16', 21]] });
  await admit('Max', { groups: [maintenanceBlock], attend: [[maintenanceBlock, MON_WED_FRI]], phases: [{ effectiveOn: ADMITTED, phaseId: maintenance }], phq9: [[ADMITTED, 8]] });
  await admit('Hal', { ...steady, untiedPlan: false });
  await admit('Ivy', { ...steady, untiedPlan: false });
  await admit('Noa', { ...steady, untiedPlan: false });
  await admit('Fay', { ...steady, dischargedOn: '2026-11-20' });
  await admit('Gus', { ...steady, facilityId: westside, programId: westProgram.programId, phases: [{ effectiveOn: ADMITTED, phaseId: westProgram.phases[0].phaseId }], groups: [westBlock], attend: [[westBlock, MON_THU]] });
  for (const [key, met] of [['Hal', 1], ['Ivy', 2]] as const) {
    const objectiveId = randomUUID();
    await insertActivePlan(db, org.orgId, { episodeId: episodes[key]!, patientId: patients[key]!, staffId: director.staffId, effectiveOn: PLAN_SIGNED, objectives: [{ objectiveId, description: 'Attend two mutual-help meetings', phaseId: engagement, target: 2 }] });
    await insertMeasurement(db, org.orgId, { episodeId: episodes[key]!, objectiveId, on: '2026-11-10', value: met, staffId: director.staffId });
    objectiveIds[key] = objectiveId;
  }
  void FRIDAYS;
});

interface QueueItem { patientName: string; episodeId: string; phase: { name: string }; evaluation: { weekStart: string; direction: string; toPhase: { name: string } | null; criteria: { key: string; met: boolean; actual: string }[]; concerns: { key: string }[] } }
const queue = async (client: Client = director) => {
  const response = await client.get(`/api/facilities/${eastside}/step-down-queue`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { weekStart: string; items: QueueItem[] };
};
const line = (i: QueueItem) => `${i.patientName.replace(' Step', '')} ${i.phase.name} ${i.evaluation.direction} ${i.evaluation.toPhase?.name ?? '-'}`;
const decide = (client: Client, key: string, body: Record<string, unknown>) => client.post(`/api/episodes/${episodes[key]}/step-down/decisions`, { weekStart: '2026-11-16', ...body });
const decisionCount = async () => (await ctx.deps.db.selectFrom('step_down_decisions').select('decision_id').where('org_id', '=', org.orgId).execute()).length;

describe('the step-down queue', () => {
  it('proposes exactly the patients whose histories meet their phase’s criteria, or show a concern, safety first', async () => {
    const { weekStart, items } = await queue();
    assert.equal(weekStart, '2026-11-16');
    assert.deepEqual(items.map(line), [
      'Dee Early recovery intensify Engagement',
      'Zed Engagement intensify -',
      'Max Maintenance complete -',
      'Ana Engagement advance Early recovery',
      'Ivy Engagement advance Early recovery',
    ]);
    const ana = items.find((i) => i.patientName === 'Ana Step')!;
    assert.deepEqual(ana.evaluation.criteria.map((c) => [c.key, c.met, c.actual]), [
      ['consecutive_weeks', true, '4 weeks in a row'],
      ['attendance', true, '16 of 16 sessions (100%)'],
      ['phq9', true, '16 → 9 (improved by 7)'],
      ['objectives', true, 'no plan objectives tied to this phase'],
    ]);
    assert.deepEqual(items.find((i) => i.patientName === 'Ivy Step')!.evaluation.criteria.at(-1), { key: 'objectives', met: true, required: 'every plan objective for Engagement met', actual: '1 of 1 objective met' });
    assert.deepEqual(items[0]!.evaluation.concerns.map((c) => c.key), ['phq9_rising_into_severe']);
  });

  it('shows why the others are not proposed', async () => {
    const evaluation = async (key: string) => (await director.get(`/api/episodes/${episodes[key]}/step-down`)).json().evaluation;
    const actual = (e: QueueItem['evaluation'], key: string) => e.criteria.find((c) => c.key === key)?.actual;
    const ben = await evaluation('Ben');
    assert.deepEqual([ben.direction, actual(ben, 'consecutive_weeks')], [null, '3 weeks in a row']);
    const cal = await evaluation('Cal');
    assert.deepEqual([cal.direction, actual(cal, 'consecutive_weeks'), actual(cal, 'attendance')], [null, '4 weeks in a row', '16 of 20 sessions (80%)']);
    const hal = await evaluation('Hal');
    assert.deepEqual([hal.direction, actual(hal, 'objectives')], [null, '0 of 1 objective met']);
    const noa = await evaluation('Noa');
    assert.deepEqual([noa.direction, noa.criteria.filter((c: { met: boolean }) => !c.met).map((c: { key: string; actual: string }) => [c.key, c.actual])], [null, [['objectives', 'no treatment plan in force']]]);
    const fay = (await director.get(`/api/episodes/${episodes['Fay']}/step-down`)).json();
    assert.deepEqual(fay, { evaluation: null, decisions: [] });
  });

  it('counts only data through the end of the evaluated week: what happens this week waits for next week’s proposal', async () => {
    const evaluation = async (key: string) => (await director.get(`/api/episodes/${episodes[key]}/step-down`)).json().evaluation;
    const objectivesOf = (e: QueueItem['evaluation']) => e.criteria.find((c) => c.key === 'objectives');
    // Hal goes to his second meeting on Monday 23 November: his plan shows the objective met today...
    await insertMeasurement(ctx.deps.db, org.orgId, { episodeId: episodes['Hal']!, objectiveId: objectiveIds['Hal']!, on: '2026-11-23', value: 1, staffId: director.staffId });
    const plan = (await clinician.get(`/api/episodes/${episodes['Hal']}/plan`)).json();
    assert.equal(plan.progress.find((p: { objectiveId: string }) => p.objectiveId === objectiveIds['Hal']).met, true);
    // ...but for the week of 16 November it was not.
    const hal = await evaluation('Hal');
    assert.deepEqual([hal.weekStart, hal.direction, objectivesOf(hal)?.actual], ['2026-11-16', null, '0 of 1 objective met']);
    // Noa signs her first plan on Monday 23 November: none was in force during the week evaluated.
    await insertActivePlan(ctx.deps.db, org.orgId, { episodeId: episodes['Noa']!, patientId: patients['Noa']!, staffId: director.staffId, effectiveOn: '2026-11-23', objectives: [{ objectiveId: randomUUID(), description: 'Attend two mutual-help meetings', phaseId: null, target: 2 }] });
    const noa = await evaluation('Noa');
    assert.deepEqual([noa.direction, objectivesOf(noa)?.actual], [null, 'no treatment plan in force']);
    assert.deepEqual((await queue()).items.map((i) => i.patientName).filter((n) => n === 'Hal Step' || n === 'Noa Step'), []);
  });

  it('is a facility’s own list, audited with the patients it showed', async () => {
    const west = (await director.get(`/api/facilities/${westside}/step-down-queue`)).json();
    assert.deepEqual(west.items.map((i: QueueItem) => i.patientName), ['Gus Step']);
    const event = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'details']).where('org_id', '=', org.orgId).where('entity', '=', 'step_down_queue').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(event, { action: 'read', entity: 'step_down_queue', entity_id: westside, details: { weekStart: '2026-11-16', patientIds: [patients['Gus']] } });
    const outsider = await createStaffMember(ctx, org, ['clinical_director'], [westside]);
    assert.equal((await outsider.get(`/api/facilities/${eastside}/step-down-queue`)).statusCode, 403);
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [eastside]);
    assert.equal((await frontDesk.get(`/api/facilities/${eastside}/step-down-queue`)).statusCode, 403, 'not clinical readers');
  });
});

describe('deciding a proposal', () => {
  it('is for the clinical director: a clinician may read the queue but not approve', async () => {
    assert.equal((await queue(clinician)).items.length, 5);
    const response = await decide(clinician, 'Ana', { direction: 'advance', decision: 'approved' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
    assert.equal(await decisionCount(), 0);
  });

  it('approved: moves the patient to the next phase from this week, so this week’s required hours change; audited; decided once', async () => {
    const response = await decide(director, 'Ana', { direction: 'advance', decision: 'approved' });
    assert.equal(response.statusCode, 201, response.body);
    const result = response.json();
    assert.equal(result.nextStep, 'none');
    assert.deepEqual([result.decision.direction, result.decision.decision, result.decision.fromPhase.name, result.decision.toPhase.name, result.decision.decidedBy.staffId], ['advance', 'approved', 'Engagement', 'Early recovery', director.staffId]);
    assert.equal(result.decision.evidence.criteria.length, 4);
    assert.equal(result.episode.phaseName, 'Early recovery');
    assert.deepEqual(result.episode.phaseHistory.at(-1).effectiveOn, '2026-11-23');
    const hours = (await director.get(`/api/patients/${patients['Ana']}/hours?from=2026-11-16&to=2026-11-29`)).json();
    assert.deepEqual(hours.map((w: { weekStart: string; phaseName: string; band: unknown }) => [w.weekStart, w.phaseName, w.band]), [
      ['2026-11-16', 'Engagement', { minHoursPerWeek: 12, maxHoursPerWeek: 15 }],
      ['2026-11-23', 'Early recovery', { minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
    ]);
    assert.ok(!(await queue()).items.some((i) => i.patientName === 'Ana Step'), 'decided: off the queue');
    const events = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'details']).where('org_id', '=', org.orgId).where('patient_id', '=', patients['Ana']!).where('action', '<>', 'read').orderBy('seq').execute();
    assert.deepEqual(events.map((e) => `${e.action} ${e.entity}`), ['create step_down', 'update episode']);
    assert.deepEqual(events[1]!.details, { change: 'phase', fromPhaseId: program.phases[0]!.phaseId, toPhaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-23', stepDownDecisionId: result.decision.decisionId });
    const again = await decide(director, 'Ana', { direction: 'advance', decision: 'approved' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'already_decided');
    const view = (await director.get(`/api/episodes/${episodes['Ana']}/step-down`)).json();
    assert.deepEqual(view.decisions.map((d: { decisionId: string }) => d.decisionId), [result.decision.decisionId]);
    assert.equal(view.evaluation.direction, null, 'in Early recovery since this week: nothing to propose yet');
  });

  it('declined: needs a reason, then leaves the phase as it was and takes the patient off the queue', async () => {
    const bare = await decide(director, 'Ivy', { direction: 'advance', decision: 'declined', reason: '  ' });
    assert.equal(bare.statusCode, 422);
    assert.equal(bare.json().error.code, 'decline_reason_required');
    assert.ok((await queue()).items.some((i) => i.patientName === 'Ivy Step'), 'still waiting');
    const response = await decide(director, 'Ivy', { direction: 'advance', decision: 'declined', reason: 'Court date next week; keep her in Engagement until it is over.' });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().decision.decision, response.json().decision.reason, response.json().episode.phaseName, response.json().nextStep], ['declined', 'Court date next week; keep her in Engagement until it is over.', 'Engagement', 'none']);
    assert.ok(!(await queue()).items.some((i) => i.patientName === 'Ivy Step'));
  });

  it('refuses a proposal that no longer holds, and writes nothing', async () => {
    const before = await decisionCount();
    for (const [key, body] of [
      ['Ben', { direction: 'advance', decision: 'approved' }],
      ['Dee', { direction: 'advance', decision: 'approved' }],
      ['Zed', { weekStart: '2026-11-09', direction: 'intensify', decision: 'approved' }],
    ] as const) {
      const response = await decide(director, key, body);
      assert.equal(response.statusCode, 409, `${key}: ${response.body}`);
      assert.equal(response.json().error.code, 'proposal_changed', key);
    }
    assert.equal(await decisionCount(), before);
  });

  it('approved intensify goes back a phase; from the first phase it refers to a higher level of care; completing leads to discharge', async () => {
    const dee = (await decide(director, 'Dee', { direction: 'intensify', decision: 'approved' })).json();
    assert.deepEqual([dee.episode.phaseName, dee.episode.phaseHistory.at(-1).effectiveOn, dee.nextStep], ['Engagement', '2026-11-23', 'none']);
    const zed = (await decide(director, 'Zed', { direction: 'intensify', decision: 'approved' })).json();
    assert.deepEqual([zed.episode.phaseName, zed.decision.toPhase, zed.nextStep], ['Engagement', null, 'refer_higher_level']);
    const max = (await decide(director, 'Max', { direction: 'complete', decision: 'approved' })).json();
    assert.deepEqual([max.episode.phaseName, max.episode.status, max.nextStep], ['Maintenance', 'active', 'discharge']);
    assert.deepEqual((await queue()).items, []);
    // Dee’s rise was before her new phase began: approving it does not propose it again.
    assert.equal((await director.get(`/api/episodes/${episodes['Dee']}/step-down`)).json().evaluation.direction, null);
  });

  it('is refused for a discharged episode, an unknown one, and staff of another facility', async () => {
    const discharged = await decide(director, 'Fay', { direction: 'advance', decision: 'approved' });
    assert.equal(discharged.statusCode, 409);
    assert.equal(discharged.json().error.code, 'episode_not_active');
    assert.equal((await director.post(`/api/episodes/${randomUUID()}/step-down/decisions`, { weekStart: '2026-11-16', direction: 'advance', decision: 'approved' })).statusCode, 404);
    const outsider = await createStaffMember(ctx, org, ['clinical_director'], [westside]);
    assert.equal((await decide(outsider, 'Cal', { direction: 'advance', decision: 'approved' })).statusCode, 403);
  });
});
