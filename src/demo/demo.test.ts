import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { openTestDatabase } from '../../test/support/database.ts';
import { verifyAuditTrail } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { addDays } from '../time/local-time.ts';
import { continuous } from './behaviour.ts';
import { type Course, phq9Answers, planCourses, scoreOn } from './clinical-course.ts';
import { demoOrganization } from './demo.store.ts';
import { demoSettings, summary } from './demo.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, GROUPS, STAFF } from './organization.ts';
import { demoPatients } from './people.ts';
import { planContent, uuidFrom } from './plan-content.ts';
import { Prng } from './prng.ts';
import { type SeedResult, seedDemo } from './seed.ts';
import { FULL_DEMO, type Timeline, planTimeline } from './timeline.ts';

test('the demo is the same every time: same people, same admissions, same bad weeks', () => {
  const plan = () => planTimeline(new Prng(7).fork('timeline'), FULL_DEMO, demoPatients(new Prng(7).fork('people'), 40, 20, '2026-11-24'), '2026-11-24');
  assert.deepEqual(plan(), plan());
  const timeline = plan();
  assert.equal(timeline.patients.length, 60);
  assert.ok(timeline.patients.every((p) => p.admittedOn < '2026-11-24'), 'every admission is in the past');
  assert.equal(timeline.patients.filter((p) => p.badWeeks.length > 0).length, 6);
  assert.equal(timeline.patients.filter((p) => p.extraWeeks.length > 0).length, 2);
  const worsening = timeline.patients.filter((p) => p.severeMoodFrom !== null);
  assert.equal(worsening.length, 1, 'one patient’s mood worsens last week');
  assert.equal(worsening[0]!.severeMoodFrom, timeline.lastWeek);
  assert.ok(worsening[0]!.perfectAttendance && worsening[0]!.badWeeks.length === 0 && worsening[0]!.extraWeeks.length === 0);
  const ready = timeline.patients.filter((p) => p.readyForStepDown);
  assert.equal(ready.length, 2, 'two patients finish their fourth full week last week');
  assert.ok(ready.every((p) => p.perfectAttendance && p.discharge === null && p.admittedOn > addDays(timeline.lastWeek, -28) && p.admittedOn < addDays(timeline.lastWeek, -21)));
});

test('demo courses: scores fall for most, rare item 9 and C-SSRS positives, and only the chosen patient reaches the severe band after admission', () => {
  const today = '2026-11-24';
  const timeline = planTimeline(new Prng(7).fork('timeline'), FULL_DEMO, demoPatients(new Prng(7).fork('people'), 40, 20, today), today);
  const courses = planCourses(new Prng(7).fork('courses'), timeline);
  const all = [...courses.values()];
  assert.ok(all.filter((c) => c.kind === 'improving').length >= 35, 'most improve');
  assert.ok(all.some((c) => c.kind === 'flat') && all.some((c) => c.kind === 'worsening'), 'a few stay flat or worsen');
  assert.equal(all.filter((c) => c.item9AtAdmission).length, 2);
  assert.equal(all.filter((c) => c.cssrsLowRisk).length, 2);
  for (const patient of timeline.patients) {
    const course = courses.get(patient.profile.key)!;
    for (let day = 14; day <= 70; day += 14) {
      const on = addDays(patient.admittedOn, day);
      const phq9 = scoreOn(new Prng(day), course, 'phq9', patient.admittedOn, on);
      if (course.kind === 'rising' && on >= timeline.lastWeek) assert.ok(phq9 >= 20, `${patient.profile.key}: severe from last week`);
      else assert.ok(phq9 <= 19, `${patient.profile.key} day ${day}: ${phq9} stays below severe`);
      assert.ok(scoreOn(new Prng(day), course, 'gad7', patient.admittedOn, on) <= 14);
    }
  }
  const phq9 = phq9Answers(new Prng(1), 17, true);
  assert.equal(phq9.length, 9);
  assert.equal(phq9.reduce<number>((a, b) => a + Number(b), 0), 17);
  assert.equal(phq9[8], 1, 'item 9: several days');
  assert.equal(new Set(planContentKinds(timeline, courses)).size, 5, 'plans use every metric kind');
});

test('a patient staying from one group into the next is checked out and in at the changeover', () => {
  const s = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });
  const [first, second] = continuous([
    { session: s('09:00', '10:30'), turnout: { kind: 'attend', arrive: -5, leave: -30 } as const },
    { session: s('10:30', '12:00'), turnout: { kind: 'attend', arrive: 4, leave: 3 } as const },
  ]);
  assert.deepEqual(first!.turnout, { kind: 'attend', arrive: -5, leave: 0 });
  assert.deepEqual(second!.turnout, { kind: 'attend', arrive: 0, leave: -30 }, 'leaving early moves to the second group');
});

test('the demo keeps its own data directory and never uses DATABASE_URL unless told to', () => {
  const base = loadConfig({ DATABASE_URL: 'postgres://real@db.internal/cairn', DATA_DIR: '/var/lib/cairn' });
  const plain = demoSettings(base);
  assert.equal(plain.config.databaseUrl, undefined);
  assert.equal(plain.config.dataDir, './data-demo');
  assert.match(plain.notes.join(' '), /DATABASE_URL is ignored/);
  const chosen = demoSettings(loadConfig({ DATABASE_URL: 'postgres://real@db.internal/cairn', CAIRN_DEMO_DATABASE_URL: 'postgres://demo@localhost/demo', CAIRN_DEMO_DATA_DIR: '/tmp/demo' }));
  assert.equal(chosen.config.databaseUrl, 'postgres://demo@localhost/demo');
  assert.equal(chosen.config.dataDir, '/tmp/demo');
  assert.equal(chosen.notes.length, 0);
  assert.equal(demoSettings(loadConfig({ CAIRN_ADMIN_EMAIL: 'me@example.org', CAIRN_ADMIN_PASSWORD: 'quiet-harbor-lantern-9' })).ownAdmin, true);
});

test('a small demo organization is seeded through the API: intake, admissions, instruments, signed plans, step-down proposals, discharges and 8 weeks of attendance', async () => {
  const database = await openTestDatabase();
  try {
    // Wednesday 15:00 in Hartford, noon in Pasadena: this week is under way at both.
    const now = new Date('2026-11-25T20:00:00Z');
    const config = { ...loadConfig({}), publicUrl: 'http://cairn.test' };
    const result = await seedDemo(database, config, {
      size: { weeks: 8, adults: 4, adolescents: 2 },
      now,
      organizationName: 'Demo test',
      admin: { email: DEMO_ADMIN.email, password: DEMO_PASSWORD, fullName: DEMO_ADMIN.fullName },
    });
    const c = result.counts;
    assert.equal(c.staff, STAFF.length + 1);
    assert.equal(c.patients, 6);
    assert.equal(c.activeEpisodes + c.dischargedEpisodes, 6);
    assert.ok(c.dischargedEpisodes >= 1 && result.stats.discharges === c.dischargedEpisodes, 'the earliest admissions have been discharged');
    assert.equal(c.groups, GROUPS.length);
    assert.ok(c.enrollments >= 6 * 4, `enrollments: ${c.enrollments}`);
    assert.ok(c.sessions > 20, `sessions: ${c.sessions}`);
    assert.ok(c.attendance > 100, `attendance: ${c.attendance}`);
    assert.ok((c.attendanceByStatus['present'] ?? 0) > c.attendance * 0.7, JSON.stringify(c.attendanceByStatus));
    for (const status of ['late', 'excused_absence', 'unexcused_absence']) assert.ok((c.attendanceByStatus[status] ?? 0) > 0, `some ${status}: ${JSON.stringify(c.attendanceByStatus)}`);
    assert.ok(c.auditEvents > c.attendance, 'every check-in, check-out and read is audited');
    // Every check-in has its check-out, except in a session still running at `now`.
    assert.ok(result.stats.checkOuts <= result.stats.checkIns && result.stats.checkIns - result.stats.checkOuts <= 3, JSON.stringify(result.stats));

    const statuses = new Set([...Object.keys(result.hours[result.thisWeek] ?? {}), ...Object.keys(result.hours[result.lastWeek] ?? {})]);
    assert.ok(statuses.size >= 2, `a mix of weekly-hours statuses: ${JSON.stringify(result.hours)}`);
    assert.ok(statuses.has('on_track'), JSON.stringify(result.hours));
    assert.ok(['at_risk', 'below_minimum', 'above_maximum'].some((s) => statuses.has(s)), JSON.stringify(result.hours));

    // Completing the program or stepping down needs an aftercare plan: each such discharge has one, with three follow-ups.
    const handedOn = await database.db.selectFrom('episodes').select('episode_id').where('discharge_reason', 'in', ['completed', 'stepped_down_to_outpatient']).execute();
    const plans = await database.db.selectFrom('aftercare_plans').select('episode_id').execute();
    assert.ok(handedOn.length >= 1, 'a completed discharge');
    assert.deepEqual(plans.map((p) => p.episode_id).sort(), handedOn.map((e) => e.episode_id).sort());
    assert.equal((await database.db.selectFrom('aftercare_followups').select('followup_id').execute()).length, 3 * plans.length);

    await assertCare(database.db, result, '2026-11-25');

    const audit = await verifyAuditTrail(database.db);
    assert.ok(audit.ok, audit.problems.join('; '));
    const org = await demoOrganization(database.db);
    assert.equal(org?.name, 'Demo test', 'the seeding marker is removed at the end');
  } finally {
    await database.close();
  }
});

/** The metric kinds the demo's plans use, over every patient of a timeline. */
function planContentKinds(timeline: Timeline, courses: ReadonlyMap<string, Course>): string[] {
  const rng = new Prng(3);
  const id = () => uuidFrom(rng);
  return timeline.patients.flatMap((patient) => {
    const course = courses.get(patient.profile.key)!;
    const { content } = planContent(rng, {
      teen: patient.profile.track === 'afternoon',
      course,
      diagnosis: { code: 'F10.20', description: 'Alcohol dependence, uncomplicated' },
      admittedOn: patient.admittedOn,
      phaseIds: [id(), id(), id()],
      admissionScores: { phq9: course.phq9.base, gad7: course.gad7.base },
      staff: { clinician: id(), groups: id(), nurse: id(), family: id() },
    });
    return content.problems.flatMap((p) => p.goals.flatMap((g) => g.objectives.map((o) => o.metric.kind)));
  });
}

/** Issue 4 in the seeded demo: intake, instruments on the cadence, signed plans, a step-down queue with proposals. */
async function assertCare(db: Kysely<Database>, result: SeedResult, today: string): Promise<void> {
  const episodes = await db.selectFrom('episodes').select(['episode_id', 'patient_id', 'admitted_on', 'status']).execute();
  const assessments = await db.selectFrom('intake_assessments').select(['patient_id', 'assessed_on', 'decision', 'override_reason', 'recommended_level', 'placed_level']).execute();
  for (const episode of episodes) {
    const own = assessments.filter((a) => a.patient_id === episode.patient_id);
    assert.equal(own.length, 1, 'every admitted patient was screened once');
    assert.ok(own[0]!.assessed_on <= episode.admitted_on && own[0]!.assessed_on >= addDays(episode.admitted_on, -7), `screened on ${own[0]!.assessed_on}, admitted ${episode.admitted_on}`);
  }
  const overridden = assessments.filter((a) => a.decision === 'overridden');
  assert.ok(overridden.length >= 1 && overridden.length <= 2, `a couple of overrides: ${overridden.length}`);
  for (const o of overridden) assert.ok(o.override_reason && o.override_reason.length > 40 && o.recommended_level !== o.placed_level && o.placed_level === '2.1');

  const responses = await db.selectFrom('instrument_responses').select(['episode_id', 'instrument', 'total_score', 'administered_on', 'flags', 'source']).orderBy('administered_at').execute();
  for (const episode of episodes) {
    const own = (instrument: string) => responses.filter((r) => r.episode_id === episode.episode_id && r.instrument === instrument);
    for (const instrument of ['phq9', 'gad7', 'bam', 'cssrs_screener']) {
      assert.equal(own(instrument)[0]?.administered_on, episode.admitted_on, `${instrument} at admission`);
    }
    // Every 2 weeks: someone in treatment for 5 weeks has had at least three PHQ-9s.
    if (episode.status === 'active' && addDays(episode.admitted_on, 35) <= today) assert.ok(own('phq9').length >= 3, `PHQ-9 every 2 weeks: ${own('phq9').length}`);
  }
  const item9 = responses.filter((r) => r.flags.includes('phq9_item9_positive'));
  assert.ok(item9.length <= 2, `item 9 positives are rare: ${item9.length}`);
  const phq9s = responses.filter((r) => r.instrument === 'phq9');
  assert.ok(phq9s.length >= 3 * episodes.length - 6, `PHQ-9s: ${phq9s.length} for ${episodes.length} episodes`);
  assert.ok(phq9s.every((r) => r.total_score !== null && r.total_score >= 0 && r.total_score <= 27));
  assert.ok(responses.some((r) => r.source === 'portal'), 'some questionnaires completed in the portal');
  assert.ok(responses.some((r) => r.instrument === 'audit' || r.instrument === 'dast10'), 'a screening instrument at intake');

  const versions = await db.selectFrom('treatment_plan_versions').select(['episode_id', 'status', 'patient_signed_name', 'content']).execute();
  const active = episodes.filter((e) => e.status === 'active' && addDays(e.admitted_on, 7) <= today);
  for (const episode of active) assert.ok(versions.some((v) => v.episode_id === episode.episode_id), 'a plan for everyone admitted a week ago');
  assert.ok(versions.filter((v) => v.status === 'active' && v.patient_signed_name).length >= Math.ceil(active.length / 2), 'most plans are signed by the patient in the portal');
  assert.ok((await db.selectFrom('objective_measurements').select('measurement_id').execute()).length >= 1, 'a counted objective has measurements');

  // The queue today: the patient whose PHQ-9 rose into the severe band last week is proposed for more intensive care.
  const queued = Object.values(result.care.stepDownQueue).reduce((a, b) => a + b, 0);
  assert.ok(queued >= 1 && (result.care.stepDownQueue['intensify'] ?? 0) === 1, JSON.stringify(result.care.stepDownQueue));
  assert.equal(result.care.stepDownWeek, result.lastWeek);
  assert.match(summary(result), new RegExp(`step-down queue today \\(week of ${result.lastWeek}\\): ${queued} `));
  assert.match(summary(result), /instruments due today: \d+/);
  assert.match(summary(result), /plan reviews needing attention: \d+/);
}
