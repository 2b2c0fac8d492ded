import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { openTestDatabase } from '../../test/support/database.ts';
import { verifyAuditTrail } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { parseOru } from '../drugtests/hl7-oru.ts';
import { mapObservations } from '../drugtests/hl7-map.ts';
import { PANELS } from '../drugtests/panels.ts';
import { addDays, isoWeekday, localDateOf } from '../time/local-time.ts';
import { continuous } from './behaviour.ts';
import { type Course, phq9Answers, planCourses, scoreOn } from './clinical-course.ts';
import { demoOrganization } from './demo.store.ts';
import { demoSettings, summary } from './demo.ts';
import { cupReadings, labReadings, oruMessage, validityMeasures } from './drug-test-course.ts';
import { checkinAnswers, planMonitoring } from './monitoring-plan.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, FACILITIES, GROUPS, STAFF } from './organization.ts';
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

test('demo monitoring plan: MOUD for patients treated for opioid use, MAUD for alcohol, two reported lapses, one overlooked refusal, today’s item 9 from the sliding patient', () => {
  const today = '2026-11-24';
  const timeline = planTimeline(new Prng(7).fork('timeline'), FULL_DEMO, demoPatients(new Prng(7).fork('people'), 40, 20, today), today);
  const courses = planCourses(new Prng(7).fork('courses'), timeline);
  const plan = () => planMonitoring(new Prng(7), timeline, courses);
  assert.deepEqual(plan(), plan());
  const { medications, lapses, refusal, criticalToday, diversion } = plan();
  const all = [...medications.entries()];
  assert.ok(medications.size >= 10 && medications.size <= 14, `about twelve patients on medications: ${medications.size}`);
  const moud = all.filter(([, meds]) => meds.some((m) => m.kind === 'moud'));
  assert.ok(moud.length >= 5 && moud.length <= 6, `about six on MOUD: ${moud.length}`);
  assert.ok(moud.every(([key]) => courses.get(key)!.substance === 'opioids'), 'MOUD only for opioid use disorder');
  assert.ok(moud.filter(([, meds]) => meds.some((m) => m.kind === 'moud' && m.observedWeekdays)).length >= 2, 'some observed dosing');
  assert.ok(all.filter(([, meds]) => meds.some((m) => m.kind === 'maud')).every(([key]) => courses.get(key)!.substance === 'alcohol'));
  assert.ok(all.some(([, meds]) => meds.some((m) => m.name.startsWith('Clonazepam'))) && all.some(([, meds]) => meds.some((m) => m.name === 'Sertraline')));
  assert.ok(diversion !== null && moud.some(([key]) => key === diversion));
  assert.equal(lapses.size, 2);
  for (const saturday of lapses.values()) assert.equal(isoWeekday(saturday), 6);
  assert.ok(refusal && refusal.on <= addDays(today, -2) && isoWeekday(refusal.on) <= 5);
  assert.equal(criticalToday, timeline.patients.find((p) => p.severeMoodFrom !== null)!.profile.key);
});

test('demo check-ins: craving falls and mood rises for an improving patient; a lapse is reported with its substance', () => {
  const course = { ...planCourses(new Prng(7).fork('courses'), planTimeline(new Prng(7).fork('timeline'), FULL_DEMO, demoPatients(new Prng(7).fork('people'), 40, 20, '2026-11-24'), '2026-11-24')).values().next().value!, kind: 'improving' as const };
  const on = (day: number, used: 'alcohol' | null = null) => checkinAnswers(new Prng(day), { course, admittedOn: '2026-09-01', date: addDays('2026-09-01', day), medicated: false, used });
  const early = [1, 2, 3, 4, 5].map((d) => on(d));
  const late = [60, 61, 62, 63, 64].map((d) => on(d));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(mean(late.map((a) => a.craving)) < mean(early.map((a) => a.craving)) - 3);
  assert.ok(mean(late.map((a) => a.mood)) > mean(early.map((a) => a.mood)));
  assert.ok(early.every((a) => a.medicationTaken === 'none_prescribed' && !a.usedSinceLast && a.substances.length === 0));
  const lapse = on(20, 'alcohol');
  assert.deepEqual([lapse.usedSinceLast, lapse.substances], [true, ['alcohol']]);
});

test('the demo laboratory’s HL7 message reads back as the readings it reports', () => {
  const panel = PANELS['clinical_12']!;
  const rng = new Prng(11);
  const findings = { expected: ['buprenorphine'], positives: ['cocaine'], missing: [], validity: 'valid' as const };
  const readings = labReadings(rng, panel, findings);
  const validity = validityMeasures(rng, 'valid');
  const message = oruMessage({
    controlId: 'NETOX202611240001', mrn: 'MRN-001', familyName: 'Nowak', givenName: 'Katarzyna', dateOfBirth: '1990-04-12', specimenId: 'HH-261124-0001', accession: 'NT700001',
    collectedAt: new Date('2026-11-24T14:10:00Z'), receivedAt: new Date('2026-11-25T00:30:00Z'), reportedAt: new Date('2026-11-25T15:40:00Z'), validity, readings, panel,
  });
  const oru = parseOru(message);
  assert.deepEqual([oru.controlId, oru.patientIdentifiers[0], oru.orders[0]!.placerId], ['NETOX202611240001', 'MRN-001', 'HH-261124-0001']);
  const mapped = mapObservations(oru, panel);
  assert.deepEqual(mapped.readings.filter((r) => r.detected).map((r) => `${r.analyte}/${r.method}`).sort(), ['buprenorphine/lab_initial', 'cocaine/lab_confirmation', 'cocaine/lab_initial']);
  assert.equal(mapped.readings.length, readings.length);
  assert.deepEqual(mapped.validity, validity);
  assert.deepEqual(cupReadings(panel, findings).filter((r) => r.detected).map((r) => r.analyte).sort(), ['buprenorphine', 'cocaine']);
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

test('a small demo organization is seeded through the API: intake, admissions, instruments, signed plans, step-down proposals, discharges, 8 weeks of attendance, drug tests, doses, check-ins and alerts', async () => {
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
    await assertMonitoring(database.db, result, now);

    const audit = await verifyAuditTrail(database.db);
    assert.ok(audit.ok, audit.problems.join('; '));
    const org = await demoOrganization(database.db);
    assert.equal(org?.name, 'Demo test', 'the seeding marker is removed at the end');
  } finally {
    await database.close();
  }
});

/**
 * Issue 5 in the seeded demo: policies, eight weeks of drug tests (today's list not empty),
 * medications and observed doses, check-ins from the portal and the kiosk, on-call now and
 * next week, and alerts worked by the team: an open critical alert today, one overdue and
 * escalated, the rest acknowledged or resolved with notes.
 */
async function assertMonitoring(db: Kysely<Database>, result: SeedResult, now: Date): Promise<void> {
  const m = result.counts.monitoring;
  const staff = await db.selectFrom('staff').select(['staff_id', 'roles']).execute();
  const nurse = staff.find((s) => s.roles.includes('medical'))!.staff_id;

  const policies = await db.selectFrom('drug_test_policies').selectAll().execute();
  assert.equal(policies.length, 2, 'a policy on each program');
  for (const policy of policies) assert.deepEqual([policy.active, Number(policy.tests_per_week), policy.panel_id, [...policy.eligible_weekdays]], [true, 1, 'clinical_12', [1, 2, 3, 4, 5]]);

  const tests = await db.selectFrom('drug_tests').selectAll().execute();
  assert.ok(tests.length >= 15, `drug tests: ${tests.length}`);
  assert.ok((m.drugTestsByStatus['reviewed'] ?? 0) >= tests.length / 2, JSON.stringify(m.drugTestsByStatus));
  assert.ok((m.drugTestsByReason['for_cause'] ?? 0) >= 2 && (m.drugTestsByReason['random'] ?? 0) >= 10, JSON.stringify(m.drugTestsByReason));
  assert.equal(m.drugTestsByStatus['refused'], 1, 'one refusal');
  assert.ok(m.hl7Imports === 1, 'one result imported from the laboratory’s HL7 message');
  const reviews = tests.filter((t) => t.status === 'reviewed');
  assert.ok(reviews.every((t) => t.reviewed_by === nurse), 'signed by the medical staff member');
  const collected = tests.filter((t) => t.specimen_id !== null);
  assert.equal(new Set(collected.map((t) => t.specimen_id)).size, collected.length, 'specimen ids are unique');
  assert.ok(collected.every((t) => t.temperature_c !== null && t.collected_by !== null));
  assert.ok(collected.some((t) => t.temperature_in_range === false), 'a specimen read out of range (and was recollected)');
  assert.ok((m.drugTestsByOutcome['expected_only'] ?? 0) >= 1, `MOUD patients test positive for their medication: ${JSON.stringify(m.drugTestsByOutcome)}`);
  // Today's list: the draw has run at each facility, and the collector's list is not empty.
  for (const [key, facility] of Object.entries(FACILITIES)) {
    const [{ facility_id: facilityId }] = await db.selectFrom('facilities').select('facility_id').where('name', '=', facility.name).execute() as [{ facility_id: string }];
    const today = localDateOf(now, facility.timeZone);
    assert.ok(await db.selectFrom('drug_test_selection_runs').select('selected_on').where('facility_id', '=', facilityId).where('selected_on', '=', today).executeTakeFirst(), `today's draw at ${key}`);
  }
  assert.ok(Object.values(result.monitoring.drugTestsToday).reduce((n, byStatus) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0) >= 1, JSON.stringify(result.monitoring.drugTestsToday));

  assert.ok((m.medicationsByKind['moud'] ?? 0) >= 1 && m.medicatedPatients >= 2, JSON.stringify(m));
  assert.ok(m.observedMedications >= 1 && (m.dosesByOutcome['given'] ?? 0) >= 10, JSON.stringify(m.dosesByOutcome));
  const doses = await db.selectFrom('dose_administrations').select(['outcome', 'recorded_by']).execute();
  assert.ok(doses.some((d) => d.outcome === 'missed' && d.recorded_by === null), 'a dose nobody recorded was marked missed by the job runner');

  const checkins = await db.selectFrom('daily_checkins').select(['checkin_on', 'source']).execute();
  assert.ok(m.checkinsBySource['portal']! > 10 && (m.checkinsBySource['kiosk'] ?? 0) >= 1, JSON.stringify(m.checkinsBySource));
  assert.ok(checkins.every((c) => c.checkin_on >= addDays(localDateOf(now, FACILITIES.hartford.timeZone), -21)), 'the last three weeks');

  for (const at of [now, new Date(now.getTime() + 7 * 24 * 3_600_000)]) {
    const covering = await db.selectFrom('on_call_shifts').select('facility_id').where('starts_at', '<=', at).where('ends_at', '>', at).execute();
    assert.equal(new Set(covering.map((s) => s.facility_id)).size, 2, `someone on call at both facilities at ${at.toISOString()}`);
  }

  const alerts = await db.selectFrom('alerts').selectAll().execute();
  const recipients = await db.selectFrom('alert_recipients').select(['alert_id', 'reason', 'staff_id']).execute();
  const director = staff.find((s) => s.roles.includes('clinical_director'))!.staff_id;
  assert.ok(alerts.every((a) => recipients.some((r) => r.alert_id === a.alert_id)), 'every alert is addressed to someone');
  const critical = alerts.filter((a) => a.rule === 'suicide_risk_phq9' && a.state === 'open' && localDateOf(a.raised_at, FACILITIES.hartford.timeZone) === localDateOf(now, FACILITIES.hartford.timeZone));
  assert.equal(critical.length, 1, 'today’s PHQ-9 item 9 from the portal: an open critical alert');
  assert.ok(result.monitoring.inbox.critical >= 1, JSON.stringify(result.monitoring.inbox));
  const escalated = alerts.filter((a) => a.escalated_at !== null && a.state !== 'resolved' && a.due_by < now);
  assert.ok(escalated.some((a) => a.rule === 'drug_test_refused'), 'the overlooked refusal is overdue and escalated');
  assert.ok(escalated.every((a) => recipients.some((r) => r.alert_id === a.alert_id && r.staff_id === director)), 'escalated to the clinical director');
  const resolved = alerts.filter((a) => a.state === 'resolved');
  assert.ok(resolved.length >= 3 && resolved.every((a) => (a.resolution_note ?? '').length > 20 && a.acknowledged_at !== null), 'resolved with notes after acknowledgement');
  assert.ok(alerts.some((a) => a.rule === 'missed_observed_dose') && alerts.some((a) => a.rule === 'reported_substance_use'), JSON.stringify(m.alertsByRule));
  const failed = await db.selectFrom('jobs').select(['kind', 'last_error']).where('last_error', 'is not', null).execute();
  assert.deepEqual(failed, [], 'every job the seed ran succeeded');
  assert.match(summary(result), /drug tests: \d+ .*\n {2}drug tests on today's lists: /);
}

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
  // Rare: at admission now and then, and today's portal PHQ-9 of the patient whose mood is sliding.
  assert.ok(item9.length <= 3, `item 9 positives are rare: ${item9.length}`);
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
