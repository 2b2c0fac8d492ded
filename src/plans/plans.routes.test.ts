/**
 * Treatment plans over HTTP: written and signed by the clinician, signed by the patient in
 * the portal, reviewed, and objectives measuring themselves from attendance and a PHQ-9.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type PortalClient, signUpPatient } from '../../test/support/portal.ts';
import { type SeededGroup, insertEnrollment, insertEpisode, insertGroup, insertPatient } from '../attendance/test-fixtures.ts';
import type { Objective, PlanContent } from './plans.schemas.ts';

type Staff = Client & { staffId: string };

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let programId: string;
let engagementPhaseId: string;
let clinician: Staff;
let frontDesk: Staff;
let outsider: Staff;
let group: SeededGroup;

interface Person {
  patientId: string;
  episodeId: string;
  portal: PortalClient;
}

/** A patient registered at the facility, admitted on 2 November to its program (or to another one), with a portal account. */
async function admit(given: string, family: string, o: { preferred?: string; program?: { programId: string; phaseId: string } } = {}): Promise<Person> {
  const db = ctx.deps.db;
  const patientId = await insertPatient(db, org.orgId, facilityId, { given, family, ...(o.preferred ? { preferred: o.preferred } : {}) });
  const program = o.program ?? { programId, phaseId: engagementPhaseId };
  const episodeId = await insertEpisode(db, org.orgId, { patientId, programId: program.programId, clinicianId: clinician.staffId, admittedOn: '2026-11-02', phases: [{ effectiveOn: '2026-11-02', phaseId: program.phaseId }] });
  const portal = await signUpPatient(ctx, org, patientId, `${given.toLowerCase()}-${patientId.slice(0, 6)}@example.org`);
  return { patientId, episodeId, portal };
}

const ids = {
  problem: randomUUID(),
  goal: randomUUID(),
  attendance: randomUUID(),
  weeksMet: randomUUID(),
  phq9: randomUUID(),
  processGroups: randomUUID(),
  meetings: randomUUID(),
};

/** One intervention id per objective, so the same plan written twice is the same plan. */
const interventionIds = new Map<string, string>();
const intervention = (responsibleStaffId: string = clinician.staffId, objectiveId: string = randomUUID()) => {
  if (!interventionIds.has(objectiveId)) interventionIds.set(objectiveId, randomUUID());
  return { interventionId: interventionIds.get(objectiveId)!, service: 'Process group', frequency: '5 times a week', responsibleStaffId };
};

const objective = (objectiveId: string, metric: Objective['metric'], target: number, more: Partial<Objective> = {}): Objective => ({
  objectiveId,
  description: `Objective measuring ${metric.kind}`,
  phaseId: null,
  metric,
  baseline: null,
  target,
  dueOn: '2027-01-31',
  interventions: [intervention(clinician.staffId, objectiveId)],
  ...more,
});

/** A complete plan whose objectives measure themselves from attendance, a PHQ-9, sessions and a custom count. */
const fullPlan = (): PlanContent => ({
  problems: [{
    problemId: ids.problem,
    statement: 'Alcohol use disorder, moderate, with depressive symptoms',
    goals: [{
      goalId: ids.goal,
      statement: 'Engage fully in treatment and reduce depressive symptoms',
      objectives: [
        objective(ids.attendance, { kind: 'attendance_rate', weeks: 1 }, 80, { phaseId: engagementPhaseId }),
        objective(ids.weeksMet, { kind: 'weeks_hours_met' }, 1),
        objective(ids.phq9, { kind: 'instrument_score_below', instrument: 'phq9' }, 10, { baseline: 18 }),
        objective(ids.processGroups, { kind: 'sessions_attended', sessionKind: 'process' }, 2),
        objective(ids.meetings, { kind: 'custom', unit: 'mutual-help meetings' }, 10),
      ],
    }],
  }],
});

const planUrl = (p: Person, rest = '') => `/api/episodes/${p.episodeId}/plan${rest}`;
const progressOf = (body: { progress: { objectiveId: string }[] }, objectiveId: string) => body.progress.find((o) => o.objectiveId === objectiveId) as Record<string, unknown>;

async function auditRows(patientId: string) {
  return ctx.deps.db
    .selectFrom('audit_events')
    .select(['action', 'entity', 'entity_id', 'actor_role', 'details'])
    .where('org_id', '=', org.orgId)
    .where('patient_id', '=', patientId)
    .where('entity', '=', 'treatment_plan')
    .orderBy('seq')
    .execute();
}

const TEST_NOW = '2026-11-24T15:00:00.000Z';

/** The version awaiting the patient's signature as the portal shows it to them, if any. */
async function shownToPatient(p: Person, episodeId = p.episodeId): Promise<{ version: number; updatedAt: string; content: PlanContent } | null> {
  const plans = (await p.portal.request('GET', '/api/portal/plans')).json().plans as { episodeId: string; awaitingSignature: { version: number; updatedAt: string; content: PlanContent } | null }[];
  return plans.find((plan) => plan.episodeId === episodeId)?.awaitingSignature ?? null;
}

/** The patient signs as the portal does: the version with the updatedAt they were shown (any time when none awaits them). */
async function signAsShown(p: Person, body: { version: number; typedName: string }, episodeId = p.episodeId): Promise<LightMyRequestResponse> {
  const updatedAt = (await shownToPatient(p, episodeId))?.updatedAt ?? TEST_NOW;
  return p.portal.request('POST', `/api/portal/plans/${episodeId}/sign`, { ...body, updatedAt });
}

/** Writes, signs and has the patient sign a plan; returns the version now in force. */
async function putInForce(p: Person, content: PlanContent, typedName: string, author: Staff = clinician): Promise<number> {
  const draft = await author.put(planUrl(p, '/draft'), { content });
  assert.equal(draft.statusCode, 200, draft.body);
  const signed = await author.post(planUrl(p, '/sign'), { version: draft.json().version });
  assert.equal(signed.statusCode, 200, signed.body);
  const patientSigned = await signAsShown(p, { version: draft.json().version, typedName });
  assert.equal(patientSigned.statusCode, 200, patientSigned.body);
  return draft.json().version;
}

let jordan: Person;

before(async () => {
  // The review test moves the clock a month on; sign-ins must outlive that.
  ctx = await startTestApp({ sessionIdleMinutes: 90 * 24 * 60, sessionAbsoluteHours: 90 * 24 });
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  programId = program.programId;
  engagementPhaseId = program.phases[0].phaseId;
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
  const otherOrg = await createOrg(ctx, 'Elsewhere Recovery');
  outsider = await createStaffMember(ctx, otherOrg, ['clinician'], []);
  // A process group every weekday morning from Monday 16 November.
  group = await insertGroup(ctx.deps.db, org.orgId, { facilityId, facilitatorId: clinician.staffId, name: 'Morning process group', startsOn: '2026-11-16', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '09:00', durationMinutes: 180 });
  jordan = await admit('Jordan', 'Rivera', { preferred: 'Jo' });
  await insertEnrollment(ctx.deps.db, org.orgId, { groupId: group.groupId, patientId: jordan.patientId, episodeId: jordan.episodeId, startsOn: '2026-11-16', createdBy: clinician.staffId });
});

describe('writing and signing a plan', () => {
  it('draft → clinician signs → patient signs in the portal → in force, review due after the program’s 30 days', async () => {
    const empty = await clinician.get(planUrl(jordan));
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual([empty.json().active, empty.json().pending, empty.json().reviewIntervalDays], [null, null, 30]);

    const draft = await clinician.put(planUrl(jordan, '/draft'), { content: fullPlan() });
    assert.equal(draft.statusCode, 200, draft.body);
    assert.deepEqual([draft.json().version, draft.json().status, draft.json().clinicianSignature], [1, 'draft', null]);
    assert.deepEqual(draft.json().content, fullPlan());
    // Saving again replaces the open draft rather than starting another version.
    assert.equal((await clinician.put(planUrl(jordan, '/draft'), { content: fullPlan() })).json().version, 1);

    // The patient never sees an unsigned draft.
    const beforeSigning = (await jordan.portal.request('GET', '/api/portal/plans')).json();
    assert.deepEqual(beforeSigning.plans.map((p: { awaitingSignature: unknown; active: unknown }) => [p.awaitingSignature, p.active]), [[null, null]]);

    const signed = await clinician.post(planUrl(jordan, '/sign'), { version: 1 });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().status, 'awaiting_patient');
    assert.equal(signed.json().clinicianSignature.staffId, clinician.staffId);

    const portal = (await jordan.portal.request('GET', '/api/portal/plans')).json();
    assert.equal(portal.plans.length, 1);
    assert.equal(portal.plans[0].programName, 'Adult Substance Use IOP');
    assert.equal(portal.plans[0].awaitingSignature.version, 1);
    assert.deepEqual(portal.plans[0].awaitingSignature.responsibleStaff, [{ staffId: clinician.staffId, fullName: 'Staff clinician' }]);

    const wrongName = await signAsShown(jordan, { version: 1, typedName: 'Jordan Riviera' });
    assert.equal(wrongName.statusCode, 422);
    assert.equal(wrongName.json().error.code, 'signature_name_mismatch');
    assert.equal((await clinician.get(planUrl(jordan))).json().pending.status, 'awaiting_patient', 'a wrong name changes nothing');

    const patientSigned = await signAsShown(jordan, { version: 1, typedName: 'jo  rivera' });
    assert.equal(patientSigned.statusCode, 200, patientSigned.body);
    assert.equal(patientSigned.json().active.version, 1);
    assert.equal(patientSigned.json().awaitingSignature, null);

    const view = (await clinician.get(planUrl(jordan))).json();
    assert.equal(view.pending, null);
    assert.equal(view.active.status, 'active');
    assert.equal(view.active.effectiveOn, '2026-11-24');
    assert.equal(view.active.reviewDueOn, '2026-12-24');
    assert.equal(view.active.reviewOverdue, false);
    assert.deepEqual(view.active.patientSignature.name, 'jo rivera');
  });

  it('a patient cannot sign the same version twice', async () => {
    const again = await signAsShown(jordan, { version: 1, typedName: 'Jordan Rivera' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'plan_not_awaiting_signature');
  });

  it('a second version supersedes the first once the patient signs it; the first stays in force until then', async () => {
    const content = fullPlan();
    content.problems[0]!.goals[0]!.statement = 'Engage fully in treatment';
    const draft = await clinician.put(planUrl(jordan, '/draft'), { content });
    assert.equal(draft.json().version, 2);
    await clinician.post(planUrl(jordan, '/sign'), { version: 2 });
    const meanwhile = (await clinician.get(planUrl(jordan))).json();
    assert.deepEqual([meanwhile.active.version, meanwhile.pending.version, meanwhile.pending.status], [1, 2, 'awaiting_patient']);

    const signed = await signAsShown(jordan, { version: 2, typedName: 'Jordan Rivera' });
    assert.equal(signed.statusCode, 200, signed.body);
    const view = (await clinician.get(planUrl(jordan))).json();
    assert.equal(view.active.version, 2);
    assert.deepEqual(view.history.map((h: { version: number; status: string }) => [h.version, h.status]), [[2, 'active'], [1, 'superseded']]);
  });

  it('editing a version awaiting the patient returns it to draft and clears the clinician’s signature', async () => {
    const draft = await clinician.put(planUrl(jordan, '/draft'), { content: fullPlan() });
    assert.equal(draft.json().version, 3);
    assert.equal((await clinician.post(planUrl(jordan, '/sign'), { version: 3 })).json().status, 'awaiting_patient');
    const edited = await clinician.put(planUrl(jordan, '/draft'), { content: fullPlan() });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual([edited.json().version, edited.json().status, edited.json().clinicianSignature], [3, 'draft', null]);
    const tooSoon = await signAsShown(jordan, { version: 3, typedName: 'Jordan Rivera' });
    assert.equal(tooSoon.statusCode, 409);
    assert.equal(tooSoon.json().error.code, 'plan_not_awaiting_signature');
    assert.equal((await clinician.get(planUrl(jordan))).json().active.version, 2, 'the plan in force is unchanged');
  });

  it('the patient signs only what they read: a version changed and signed again since they opened it is refused with 409 plan_changed', async () => {
    const mia = await admit('Mia', 'Torres');
    await clinician.put(planUrl(mia, '/draft'), { content: fullPlan() });
    await clinician.post(planUrl(mia, '/sign'), { version: 1 });
    const opened = await shownToPatient(mia);
    assert.equal(opened?.version, 1);
    const signAs = (body: Record<string, unknown>) => mia.portal.request('POST', `/api/portal/plans/${mia.episodeId}/sign`, { version: 1, typedName: 'Mia Torres', ...body });

    const unsaid = await signAs({});
    assert.equal(unsaid.statusCode, 400, 'the portal must say which state of the version the patient read');
    assert.deepEqual(unsaid.json().error.details.map((d: { path: string }) => d.path), ['updatedAt']);
    try {
      // While Mia reads, her clinician rewrites the goal and signs again: still version 1, awaiting her.
      const changed = fullPlan();
      changed.problems[0]!.goals[0]!.statement = 'Come to every group this month';
      ctx.clock.set('2026-11-24T15:05:00Z');
      assert.equal((await clinician.put(planUrl(mia, '/draft'), { content: changed })).statusCode, 200);
      ctx.clock.set('2026-11-24T15:06:00Z');
      assert.equal((await clinician.post(planUrl(mia, '/sign'), { version: 1 })).json().status, 'awaiting_patient');

      const stale = await signAs({ updatedAt: opened!.updatedAt });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'plan_changed');
      assert.deepEqual(stale.json().error.details.map((d: { path: string }) => d.path), ['updatedAt']);
      const untouched = (await clinician.get(planUrl(mia))).json();
      assert.deepEqual([untouched.active, untouched.pending.status, untouched.pending.patientSignature], [null, 'awaiting_patient', null], 'nothing was signed');

      // Read again, the plan signs.
      const reread = await shownToPatient(mia);
      assert.equal(reread?.content.problems[0]!.goals[0]!.statement, 'Come to every group this month');
      const signed = await signAs({ updatedAt: reread!.updatedAt });
      assert.equal(signed.statusCode, 200, signed.body);
      assert.equal(signed.json().active.content.problems[0].goals[0].statement, 'Come to every group this month');
    } finally {
      ctx.clock.set('2026-11-24T15:00:00Z');
    }
  });

  it('signing an incomplete plan is refused with the path of each missing part', async () => {
    const sam = await admit('Sam', 'Okafor');
    const content: PlanContent = {
      problems: [{
        problemId: randomUUID(),
        statement: 'Opioid use disorder',
        goals: [
          { goalId: randomUUID(), statement: 'Stay in treatment', objectives: [objective(randomUUID(), { kind: 'weeks_hours_met' }, 4)] },
          { goalId: randomUUID(), statement: 'Build a support network', objectives: [objective(randomUUID(), { kind: 'custom', unit: 'meetings' }, 8, { interventions: [] })] },
          { goalId: randomUUID(), statement: 'Reduce cravings', objectives: [] },
        ],
      }],
    };
    const draft = await clinician.put(planUrl(sam, '/draft'), { content });
    assert.equal(draft.statusCode, 200, 'an incomplete plan saves as a draft');
    const signed = await clinician.post(planUrl(sam, '/sign'), { version: 1 });
    assert.equal(signed.statusCode, 422);
    assert.equal(signed.json().error.code, 'plan_incomplete');
    assert.deepEqual(signed.json().error.details.map((d: { path: string }) => d.path), [
      'content.problems[0].goals[1].objectives[0].interventions',
      'content.problems[0].goals[2].objectives',
    ]);
    assert.equal((await clinician.get(planUrl(sam))).json().pending.status, 'draft');
  });

  it('responsible staff from another organization cannot be named, nor a phase of another program', async () => {
    const lee = await admit('Lee', 'Park');
    const content = fullPlan();
    content.problems[0]!.goals[0]!.objectives[1]!.interventions = [intervention(outsider.staffId)];
    content.problems[0]!.goals[0]!.objectives[2]!.phaseId = randomUUID();
    await clinician.put(planUrl(lee, '/draft'), { content });
    const signed = await clinician.post(planUrl(lee, '/sign'), { version: 1 });
    assert.equal(signed.statusCode, 422);
    assert.equal(signed.json().error.code, 'plan_incomplete');
    assert.deepEqual(signed.json().error.details.map((d: { path: string }) => d.path), [
      'content.problems[0].goals[0].objectives[1].interventions[0].responsibleStaffId',
      'content.problems[0].goals[0].objectives[2].phaseId',
    ]);
  });

  it('a plan whose targets are impossible for their metric, or whose ids repeat, is not saved', async () => {
    const kai = await admit('Kai', 'Nguyen');
    const content = fullPlan();
    content.problems[0]!.goals[0]!.objectives[0]!.target = 120;
    content.problems[0]!.goals[0]!.objectives[1]!.objectiveId = ids.attendance;
    const saved = await clinician.put(planUrl(kai, '/draft'), { content });
    assert.equal(saved.statusCode, 422);
    assert.equal(saved.json().error.code, 'plan_invalid');
    assert.deepEqual(saved.json().error.details.map((d: { path: string }) => d.path), ['content.problems[0].goals[0].objectives[1].objectiveId', 'content.problems[0].goals[0].objectives[0].target']);
    assert.equal((await clinician.get(planUrl(kai))).json().pending, null, 'nothing was written');
  });
});

describe('the portal keeps to the patient’s own plans', () => {
  it('signing someone else’s plan answers 404 and changes nothing', async () => {
    const ana = await admit('Ana', 'Alvarez');
    await clinician.put(planUrl(ana, '/draft'), { content: fullPlan() });
    await clinician.post(planUrl(ana, '/sign'), { version: 1 });
    const attempt = await jordan.portal.request('POST', `/api/portal/plans/${ana.episodeId}/sign`, { version: 1, typedName: 'Ana Alvarez', updatedAt: (await clinician.get(planUrl(ana))).json().pending.updatedAt });
    assert.equal(attempt.statusCode, 404);
    assert.equal((await clinician.get(planUrl(ana))).json().pending.status, 'awaiting_patient');
    const mine = (await jordan.portal.request('GET', '/api/portal/plans')).json();
    assert.deepEqual(mine.plans.map((p: { episodeId: string }) => p.episodeId), [jordan.episodeId]);
    // An episode that does not exist answers the same.
    assert.equal((await jordan.portal.request('POST', `/api/portal/plans/${randomUUID()}/sign`, { version: 1, typedName: 'Jordan Rivera', updatedAt: TEST_NOW })).statusCode, 404);
  });

  it('staff sessions cannot use the portal route, nor the patient staff routes', async () => {
    assert.equal((await clinician.get('/api/portal/plans')).statusCode, 401);
    assert.equal((await jordan.portal.request('GET', planUrl(jordan))).statusCode, 401);
  });
});

describe('who may read and write plans', () => {
  it('the front desk may neither read nor write a plan', async () => {
    assert.equal((await frontDesk.get(planUrl(jordan))).statusCode, 403);
    assert.equal((await frontDesk.put(planUrl(jordan, '/draft'), { content: fullPlan() })).statusCode, 403);
    assert.equal((await frontDesk.get(`/api/facilities/${facilityId}/plan-reviews`)).statusCode, 403);
  });

  it('only staff of the facility running the episode’s program change its plan: North’s clinician cannot write, sign, review or measure a South episode of a patient registered at North', async () => {
    const south = (await org.admin.post('/api/facilities', facilityInput('South'))).json().facilityId;
    const southProgram = (await org.admin.post('/api/programs', programInput(south, { name: 'South IOP' }))).json();
    const southPhaseId: string = southProgram.phases[0].phaseId;
    const southClinician = await createStaffMember(ctx, org, ['clinician'], [south]);
    const eli = await admit('Eli', 'Moss', { program: { programId: southProgram.programId, phaseId: southPhaseId } });
    // South's clinician puts a plan in force (with a custom objective to measure) and starts version 2.
    const content = fullPlan();
    content.problems[0]!.goals[0]!.objectives[0]!.phaseId = southPhaseId;
    await putInForce(eli, content, 'Eli Moss', southClinician);
    assert.equal((await southClinician.put(planUrl(eli, '/draft'), { content })).json().version, 2);
    const written = async () => ({
      versions: await ctx.deps.db.selectFrom('treatment_plan_versions').selectAll().where('org_id', '=', org.orgId).where('episode_id', '=', eli.episodeId).orderBy('version').execute(),
      reviews: await ctx.deps.db.selectFrom('treatment_plan_reviews').selectAll().where('org_id', '=', org.orgId).where('episode_id', '=', eli.episodeId).execute(),
      measurements: await ctx.deps.db.selectFrom('objective_measurements').selectAll().where('org_id', '=', org.orgId).where('episode_id', '=', eli.episodeId).execute(),
      changes: (await auditRows(eli.patientId)).filter((r) => r.action !== 'read'),
    });
    const unchanged = await written();

    // Eli is registered at North, so North's clinician reaches his chart and may read the plan...
    assert.equal((await clinician.get(planUrl(eli))).statusCode, 200);
    // ...but changing it belongs to the facility running his program, as for every change to an episode.
    const attempts = {
      draft: await clinician.put(planUrl(eli, '/draft'), { content }),
      sign: await clinician.post(planUrl(eli, '/sign'), { version: 2 }),
      review: await clinician.post(planUrl(eli, '/reviews'), { note: 'Reviewed from North.' }),
      measurement: await clinician.post(planUrl(eli, `/objectives/${ids.meetings}/measurements`), { measuredOn: '2026-11-24', value: 2 }),
    };
    assert.deepEqual(
      Object.fromEntries(Object.entries(attempts).map(([action, r]) => [action, [r.statusCode, r.json().error?.code]])),
      { draft: [403, 'facility_forbidden'], sign: [403, 'facility_forbidden'], review: [403, 'facility_forbidden'], measurement: [403, 'facility_forbidden'] },
    );
    assert.deepEqual(await written(), unchanged, 'nothing was written');
    assert.equal((await southClinician.post(planUrl(eli, '/sign'), { version: 2 })).statusCode, 200, 'South’s clinician may');
  });

  it('a plan cannot change once the episode is discharged', async () => {
    const rae = await admit('Rae', 'Singh');
    await ctx.deps.db.updateTable('episodes').set({ status: 'discharged', discharged_on: '2026-11-20', discharge_reason: 'completed' }).where('org_id', '=', org.orgId).where('episode_id', '=', rae.episodeId).execute();
    const saved = await clinician.put(planUrl(rae, '/draft'), { content: fullPlan() });
    assert.equal(saved.statusCode, 409);
    assert.equal(saved.json().error.code, 'episode_not_active');
  });

  it('every read and change is audited with ids and codes, the patient’s signature as the patient', async () => {
    const rows = await auditRows(jordan.patientId);
    const changes = rows.filter((r) => r.action !== 'read').map((r) => [r.action, (r.details as { change: string }).change, (r.details as { version: number }).version, r.actor_role]);
    assert.deepEqual(changes.slice(0, 5), [
      ['create', 'draft_created', 1, 'clinician'],
      ['update', 'draft_updated', 1, 'clinician'],
      ['update', 'clinician_signed', 1, 'clinician'],
      ['update', 'patient_signed', 1, 'patient'],
      ['create', 'draft_created', 2, 'clinician'],
    ]);
    assert.ok(rows.some((r) => r.action === 'read' && r.actor_role === 'clinician' && r.entity_id === jordan.episodeId));
    assert.ok(rows.some((r) => r.action === 'read' && r.actor_role === 'patient'));
    assert.ok(rows.every((r) => !JSON.stringify(r.details).includes('Alcohol')), 'no plan text in the audit trail');
  });
});

describe('objectives measure themselves', () => {
  it('from attendance marked last week and a check-in today', async () => {
    const before = (await clinician.get(planUrl(jordan))).json();
    assert.equal(before.active.version, 2);
    assert.equal(progressOf(before, ids.attendance).current, 0, 'five sessions last week, none attended');
    assert.equal(progressOf(before, ids.weeksMet).current, 0);
    // Present four of last week's five mornings (12 h over 4 days: the Engagement phase's minimum).
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']) {
      const marked = await clinician.put(`/api/sessions/${group.sessions.get(day)}/attendance/${jordan.patientId}`, { status: 'present', reason: 'Paper sign-in sheet entered late' });
      assert.equal(marked.statusCode, 200, marked.body);
    }
    const checkedIn = await clinician.post(`/api/sessions/${group.sessions.get('2026-11-24')}/attendance/${jordan.patientId}/check-in`, {});
    assert.equal(checkedIn.statusCode, 200, checkedIn.body);

    const view = (await clinician.get(planUrl(jordan))).json();
    assert.deepEqual(progressOf(view, ids.attendance), {
      objectiveId: ids.attendance, current: 80, target: 80, baseline: null, met: true, progress: 1,
      explanation: 'Attended 4 of 5 scheduled sessions (80%) over the last 1 completed week; target 80%.', dueOn: '2027-01-31', overdue: false,
    });
    assert.deepEqual([progressOf(view, ids.weeksMet).current, progressOf(view, ids.weeksMet).met], [1, true]);
    // Sessions count from the day the plan first took effect (today): this morning's check-in.
    assert.deepEqual([progressOf(view, ids.processGroups).current, progressOf(view, ids.processGroups).met, progressOf(view, ids.processGroups).progress], [1, false, 0.5]);
    // The patient sees the same progress.
    const portal = (await jordan.portal.request('GET', '/api/portal/plans')).json();
    assert.equal(progressOf(portal.plans[0], ids.attendance).met, true);
  });

  it('from a PHQ-9: nothing to measure before one, met once the latest score is below the target', async () => {
    assert.deepEqual([progressOf((await clinician.get(planUrl(jordan))).json(), ids.phq9).current], [null]);
    const insertPhq9 = (score: number, day: string) =>
      ctx.deps.db.insertInto('instrument_responses').values({
        org_id: org.orgId, response_id: randomUUID(), patient_id: jordan.patientId, episode_id: jordan.episodeId, instrument: 'phq9',
        answers: JSON.stringify([1, 1, 1, 1, 1, 1, 1, 1, 0]), total_score: score, severity: null, subscales: JSON.stringify(null), flags: [],
        administered_on: day, administered_at: new Date(`${day}T15:00:00Z`), source: 'staff', administered_by: clinician.staffId, created_at: new Date(`${day}T15:00:00Z`),
      }).execute();
    await insertPhq9(14, '2026-11-10');
    const moderate = progressOf((await clinician.get(planUrl(jordan))).json(), ids.phq9);
    assert.deepEqual([moderate.current, moderate.met, moderate.progress], [14, false, 4 / 9]);
    await insertPhq9(9, '2026-11-20');
    const mild = progressOf((await clinician.get(planUrl(jordan))).json(), ids.phq9);
    assert.deepEqual([mild.current, mild.met, mild.progress], [9, true, 1]);
  });

  it('a custom objective takes recorded values; one that measures itself does not', async () => {
    const recorded = await clinician.post(planUrl(jordan, `/objectives/${ids.meetings}/measurements`), { measuredOn: '2026-11-22', value: 3, note: 'Two AA, one SMART' });
    assert.equal(recorded.statusCode, 200, recorded.body);
    assert.deepEqual([recorded.json().objectiveId, recorded.json().current, recorded.json().met], [ids.meetings, 3, false]);
    const again = await clinician.post(planUrl(jordan, `/objectives/${ids.meetings}/measurements`), { measuredOn: '2026-11-24', value: 7 });
    assert.deepEqual([again.json().current, again.json().met], [10, true]);

    const notCustom = await clinician.post(planUrl(jordan, `/objectives/${ids.phq9}/measurements`), { measuredOn: '2026-11-24', value: 1 });
    assert.equal(notCustom.statusCode, 422);
    assert.equal(notCustom.json().error.code, 'objective_not_custom');
    const unknown = await clinician.post(planUrl(jordan, `/objectives/${randomUUID()}/measurements`), { measuredOn: '2026-11-24', value: 1 });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'objective_not_found');
    const future = await clinician.post(planUrl(jordan, `/objectives/${ids.meetings}/measurements`), { measuredOn: '2026-11-25', value: 1 });
    assert.equal(future.statusCode, 422);
    assert.equal(future.json().error.code, 'date_out_of_range');
    const count = await ctx.deps.db.selectFrom('objective_measurements').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', org.orgId).where('episode_id', '=', jordan.episodeId).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2, 'refused measurements wrote nothing');
  });
});

describe('plan reviews', () => {
  const worklist = async () => (await clinician.get(`/api/facilities/${facilityId}/plan-reviews`)).json().items as { patientId: string; state: string; reviewDueOn: string | null; version: number | null }[];
  const stateOf = (items: Awaited<ReturnType<typeof worklist>>, p: Person) => items.find((i) => i.patientId === p.patientId);

  it('lists episodes without a plan, unsigned ones, and flags an overdue review once the clock passes the review date', async () => {
    const noPlan = await admit('Noa', 'Levi');
    const now = await worklist();
    assert.deepEqual(stateOf(now, noPlan), { ...stateOf(now, noPlan), state: 'no_plan', version: null, reviewDueOn: null });
    // Jordan's plan in force is not due for review; version 3 is a draft under way.
    assert.deepEqual([stateOf(now, jordan)?.state, stateOf(now, jordan)?.version], ['draft', 3]);
    assert.equal(now[0]!.state, 'no_plan', 'most urgent first');

    const bo = await admit('Bo', 'Berg');
    await putInForce(bo, fullPlan(), 'Bo Berg');
    assert.equal(stateOf(await worklist(), bo), undefined, 'a plan in force with its review a month away needs nothing');

    try {
      ctx.clock.set('2026-12-17T15:00:00Z');
      assert.deepEqual([stateOf(await worklist(), bo)?.state, stateOf(await worklist(), bo)?.reviewDueOn], ['review_due_soon', '2026-12-24']);
      ctx.clock.set('2026-12-25T15:00:00Z');
      const late = await worklist();
      assert.deepEqual([stateOf(late, bo)?.state, stateOf(late, bo)?.version], ['review_overdue', 1]);
      assert.equal(stateOf(late, jordan)?.state, 'review_overdue', 'a draft under way does not hide an overdue review');
      assert.equal((await clinician.get(planUrl(bo))).json().active.reviewOverdue, true);

      const reviewed = await clinician.post(planUrl(bo, '/reviews'), { note: 'Reviewed with the patient; objectives still fit.' });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      assert.equal(reviewed.json().active.reviewDueOn, '2027-01-24');
      assert.equal(reviewed.json().active.reviewOverdue, false);
      assert.deepEqual(reviewed.json().reviews.map((r: { reviewedOn: string; version: number; reviewedBy: { staffId: string } }) => [r.reviewedOn, r.version, r.reviewedBy.staffId]), [['2026-12-25', 1, clinician.staffId]]);
      assert.equal(stateOf(await worklist(), bo), undefined);
    } finally {
      ctx.clock.set('2026-11-24T15:00:00Z');
    }
  });

  it('a review needs a plan in force', async () => {
    const kim = await admit('Kim', 'Cho');
    const response = await clinician.post(planUrl(kim, '/reviews'), { note: 'Nothing to review yet' });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'plan_not_active');
  });
});

describe('the patient signs in the clinic', () => {
  /** A patient with no portal account (no e-mail, no smartphone), admitted on 2 November. */
  async function admitWithoutPortal(given: string, family: string, program = { programId, phaseId: engagementPhaseId }, responsible: Staff = clinician) {
    const patientId = await insertPatient(ctx.deps.db, org.orgId, facilityId, { given, family });
    const episodeId = await insertEpisode(ctx.deps.db, org.orgId, { patientId, programId: program.programId, clinicianId: responsible.staffId, admittedOn: '2026-11-02', phases: [{ effectiveOn: '2026-11-02', phaseId: program.phaseId }] });
    return { patientId, episodeId };
  }
  const url = (p: { episodeId: string }) => `/api/episodes/${p.episodeId}/plan/patient-signature`;
  /** A version written and signed by the clinician, awaiting the patient; returns it as staff see it. */
  async function awaitingPatient(p: { episodeId: string }, author: Staff = clinician, content: PlanContent = fullPlan()): Promise<{ version: number; updatedAt: string }> {
    const draft = await author.put(`/api/episodes/${p.episodeId}/plan/draft`, { content });
    assert.equal(draft.statusCode, 200, draft.body);
    const signed = await author.post(`/api/episodes/${p.episodeId}/plan/sign`, { version: draft.json().version });
    assert.equal(signed.statusCode, 200, signed.body);
    return { version: signed.json().version, updatedAt: signed.json().updatedAt };
  }
  const signedEvents = async (patientId: string) =>
    (await ctx.deps.db.selectFrom('audit_events').select(['actor_id', 'actor_role', 'details']).where('org_id', '=', org.orgId).where('patient_id', '=', patientId).where('entity', '=', 'treatment_plan').orderBy('seq').execute())
      .filter((r) => (r.details as { change?: string }).change === 'patient_signed');

  it('the clinician records the patient’s signature taken in their presence: in force today, review due after 30 days, audited with the clinician as witness', async () => {
    const ruth = await admitWithoutPortal('Ruth', 'Adeyemi');
    const shown = await awaitingPatient(ruth);
    const signed = await clinician.post(url(ruth), { ...shown, typedName: '  ruth   adeyemi ', method: 'in_person' });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.deepEqual(
      [signed.json().version, signed.json().status, signed.json().effectiveOn, signed.json().reviewDueOn, signed.json().patientSignature.name],
      [1, 'active', '2026-11-24', '2026-12-24', 'ruth adeyemi'],
    );
    assert.deepEqual(await signedEvents(ruth.patientId), [
      { actor_id: clinician.staffId, actor_role: 'clinician', details: { change: 'patient_signed', method: 'in_person', version: 1, witnessedBy: clinician.staffId, supersededVersion: null, effectiveOn: '2026-11-24' } },
    ]);

    // The next version signed in the clinic supersedes the first, exactly as in the portal.
    const next = await awaitingPatient(ruth);
    assert.equal((await clinician.post(url(ruth), { ...next, typedName: 'Ruth Adeyemi', method: 'in_person' })).statusCode, 200);
    const view = (await clinician.get(`/api/episodes/${ruth.episodeId}/plan`)).json();
    assert.deepEqual(view.history.map((h: { version: number; status: string }) => [h.version, h.status]), [[2, 'active'], [1, 'superseded']]);
  });

  it('is refused, writing nothing, for a wrong name (422), a version changed since it was shown (409), one not awaiting the patient (409), a clinician of another facility than the program’s and the front desk (403)', async () => {
    // Tomas is registered at North but in East's program: East's clinician runs his plan.
    const east = (await org.admin.post('/api/facilities', facilityInput('East'))).json().facilityId;
    const eastProgram = (await org.admin.post('/api/programs', programInput(east, { name: 'East IOP' }))).json();
    const eastPhase = { programId: eastProgram.programId as string, phaseId: eastProgram.phases[0].phaseId as string };
    const eastClinician = await createStaffMember(ctx, org, ['clinician'], [east]);
    const tomas = await admitWithoutPortal('Tomas', 'Lind', eastPhase, eastClinician);
    const content = fullPlan();
    content.problems[0]!.goals[0]!.objectives[0]!.phaseId = eastPhase.phaseId;
    const shown = await awaitingPatient(tomas, eastClinician, content);
    const written = async () => ({
      versions: await ctx.deps.db.selectFrom('treatment_plan_versions').selectAll().where('org_id', '=', org.orgId).where('episode_id', '=', tomas.episodeId).execute(),
      changes: (await auditRows(tomas.patientId)).filter((r) => r.action !== 'read'),
    });
    const sign = (who: Staff, body: Record<string, unknown> = {}) => who.post(url(tomas), { ...shown, typedName: 'Tomas Lind', method: 'in_person', ...body });
    const answer = (r: LightMyRequestResponse) => {
      const details: unknown = r.json().error?.details;
      return [r.statusCode, r.json().error?.code, Array.isArray(details) ? details.map((d: { path: string }) => d.path) : undefined];
    };

    try {
      // The clinician opened the plan, then it was edited and signed again before the patient signed.
      ctx.clock.set('2026-11-24T15:05:00Z');
      const reshown = await awaitingPatient(tomas, eastClinician, content);
      const unchanged = await written();
      const attempts = {
        wrongName: answer(await sign(eastClinician, { updatedAt: reshown.updatedAt, typedName: 'Thomas Lind' })),
        stale: answer(await sign(eastClinician)),
        notAwaiting: answer(await sign(eastClinician, { ...reshown, version: 2 })),
        otherFacility: answer(await sign(clinician, reshown)),
        frontDesk: answer(await sign(frontDesk, reshown)),
        noAttestation: answer(await sign(eastClinician, { ...reshown, method: 'portal' })),
      };
      assert.deepEqual(attempts, {
        wrongName: [422, 'signature_name_mismatch', ['typedName']],
        stale: [409, 'plan_changed', ['updatedAt']],
        notAwaiting: [409, 'plan_not_awaiting_signature', ['version']],
        otherFacility: [403, 'facility_forbidden', undefined],
        frontDesk: [403, 'forbidden', undefined],
        noAttestation: [400, 'validation_failed', ['method']],
      });
      assert.deepEqual(await written(), unchanged, 'nothing was written');
      assert.equal((await sign(eastClinician, reshown)).statusCode, 200, 'East’s clinician, with the latest version and the right name, may');
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });
});
