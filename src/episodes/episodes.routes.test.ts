import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let program: { programId: string; phases: { phaseId: string; name: string }[]; tracks: { trackId: string; name: string }[] };
let otherProgram: typeof program;
let clinician: Awaited<ReturnType<typeof createStaffMember>>;
let frontDesk: Awaited<ReturnType<typeof createStaffMember>>;

const newPatient = async (given: string, family = 'Rivera') => {
  const response = await org.admin.post('/api/patients', {
    facilityId, legalGivenName: given, legalFamilyName: family, dateOfBirth: '1990-05-05', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().patientId as string;
};

/** A transition plan: a discharge that completes the program or steps down needs one. */
const aftercare = {
  outpatientReferral: { provider: 'Hartford Behavioral Health', contact: '(860) 555-0199', appointmentOn: '2026-11-30' },
  meetings: [{ fellowship: 'NA', name: 'Clean and Serene', dayOfWeek: 3, time: '19:30', location: 'Grace Church hall' }],
  soberLiving: null,
  alumniProgram: true,
  medicationContinuity: null,
  relapsePlan: 'Call the sponsor and the clinic the same day; 988 in a crisis.',
};

const admission = (overrides: Record<string, unknown> = {}) => ({
  programId: program.programId,
  admittedOn: '2026-11-02',
  referralSource: 'Self',
  phaseId: program.phases[0]!.phaseId,
  trackId: program.tracks[0]!.trackId,
  primaryClinicianId: clinician.staffId,
  ...overrides,
});

const admit = async (patientId: string, overrides: Record<string, unknown> = {}) => {
  const response = await clinician.post(`/api/patients/${patientId}/episodes`, admission(overrides));
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
};

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  otherProgram = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'Co-occurring IOP' }))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
});

describe('admission', () => {
  it('opens an episode in the first phase with its history row and hours band, and shows it on the chart', async () => {
    const patientId = await newPatient('Ana');
    const episode = await admit(patientId);
    assert.equal(episode.status, 'active');
    assert.equal(episode.programName, 'Adult Substance Use IOP');
    assert.equal(episode.facilityId, facilityId);
    assert.equal(episode.levelOfCare, '2.1', 'defaults to the program’s level');
    assert.equal(episode.trackName, 'Morning');
    assert.equal(episode.primaryClinicianName, 'Staff clinician');
    assert.deepEqual(episode.band, { minHoursPerWeek: 12, maxHoursPerWeek: 15, requiredDaysPerWeek: 4 });
    assert.deepEqual(episode.phaseHistory, [{ effectiveOn: '2026-11-02', phaseId: program.phases[0]!.phaseId, phaseName: 'Engagement', reason: null, changedByName: 'Staff clinician' }]);
    const chart = (await clinician.get(`/api/patients/${patientId}`)).json();
    assert.deepEqual(chart.episodes, [episode]);
  });

  it('allows one active episode per program, but another program at the same time', async () => {
    const patientId = await newPatient('Bea');
    await admit(patientId);
    const again = await clinician.post(`/api/patients/${patientId}/episodes`, admission());
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'episode_already_active');
    await admit(patientId, { programId: otherProgram.programId, phaseId: otherProgram.phases[0]!.phaseId, trackId: null });
  });

  const refusals: [string, () => Record<string, unknown>, string, string][] = [
    ['a phase of another program', () => ({ phaseId: otherProgram.phases[1]!.phaseId }), 'phase_not_found', 'phaseId'],
    ['a track of another program', () => ({ trackId: otherProgram.tracks[0]!.trackId }), 'phase_not_found', 'trackId'],
    ['an unknown program', () => ({ programId: randomUUID() }), 'program_not_found', 'programId'],
    ['a primary clinician who is not a clinician', () => ({ primaryClinicianId: frontDesk.staffId }), 'clinician_not_found', 'primaryClinicianId'],
    ['an admission more than a year ago', () => ({ admittedOn: '2025-11-23' }), 'date_out_of_range', 'admittedOn'],
    ['an admission more than 30 days ahead', () => ({ admittedOn: '2026-12-25' }), 'date_out_of_range', 'admittedOn'],
    ['an unknown level of care', () => ({ levelOfCare: '9.9' }), 'level_of_care_unknown', 'levelOfCare'],
  ];
  for (const [sentence, overrides, code, path] of refusals) {
    it(`refuses ${sentence} with 422 ${code}`, async () => {
      const patientId = await newPatient('Refused', sentence);
      const response = await clinician.post(`/api/patients/${patientId}/episodes`, admission(overrides()));
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, code);
      assert.deepEqual(response.json().error.details.map((d: { path: string }) => d.path), [path]);
      assert.deepEqual((await clinician.get(`/api/patients/${patientId}`)).json().episodes, []);
    });
  }

  it('is not for front desk staff, and not for an unknown patient', async () => {
    const patientId = await newPatient('Cora');
    assert.equal((await frontDesk.post(`/api/patients/${patientId}/episodes`, admission())).statusCode, 403);
    assert.equal((await clinician.post(`/api/patients/${randomUUID()}/episodes`, admission())).statusCode, 404);
  });
});

describe('phase changes', () => {
  it('record the new phase from a day, keep the history in order and update the band', async () => {
    const episode = await admit(await newPatient('Dana'));
    const response = await clinician.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-16', reason: 'Met engagement goals' });
    assert.equal(response.statusCode, 200, response.body);
    const changed = response.json();
    assert.equal(changed.phaseName, 'Early recovery');
    assert.deepEqual(changed.band, { minHoursPerWeek: 9, maxHoursPerWeek: 12, requiredDaysPerWeek: 3 });
    assert.deepEqual(changed.phaseHistory.map((h: { effectiveOn: string; phaseName: string; reason: string | null }) => [h.effectiveOn, h.phaseName, h.reason]), [
      ['2026-11-02', 'Engagement', null],
      ['2026-11-16', 'Early recovery', 'Met engagement goals'],
    ]);
    const backdated = await clinician.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: program.phases[2]!.phaseId, effectiveOn: '2026-11-15' });
    assert.equal(backdated.statusCode, 422);
    assert.equal(backdated.json().error.code, 'date_out_of_range');
    assert.equal(backdated.json().error.details[0].path, 'effectiveOn');
    const future = await clinician.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: program.phases[2]!.phaseId, effectiveOn: '2026-11-25' });
    assert.equal(future.json().error.code, 'date_out_of_range');
    const foreign = await clinician.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: otherProgram.phases[2]!.phaseId, effectiveOn: '2026-11-24' });
    assert.equal(foreign.statusCode, 422);
    assert.equal(foreign.json().error.code, 'phase_not_found');
  });

  it('answer 404 for an unknown episode, 400 for a malformed id, and 403 to staff of another facility', async () => {
    assert.equal((await clinician.post(`/api/episodes/${randomUUID()}/phase`, { phaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-24' })).statusCode, 404);
    assert.equal((await clinician.post('/api/episodes/nope/phase', { phaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-24' })).statusCode, 400);
    const episode = await admit(await newPatient('Eve'));
    const elsewhere = (await org.admin.post('/api/facilities', facilityInput('Riverbend North'))).json().facilityId;
    const stranger = await createStaffMember(ctx, org, ['clinician'], [elsewhere]);
    const response = await stranger.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-24' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'patient_forbidden');
  });
});

describe('discharge', () => {
  it('closes the episode and ends its group places and waitlist places on the discharge day, in one transaction', async () => {
    const patientId = await newPatient('Fay');
    const episode = await admit(patientId);
    const db = ctx.deps.db;
    const now = ctx.clock.now();
    const groupId = randomUUID();
    await db.insertInto('groups').values({
      org_id: org.orgId, group_id: groupId, facility_id: facilityId, program_id: program.programId, track_id: null, name: 'Relapse prevention', group_type: 'relapse_prevention',
      topic: null, facilitator_id: clinician.staffId, room: null, video_url: null, capacity: 12, waitlist_enabled: true, eligible_population: null, eligible_gender: null,
      eligible_specialty: null, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', starts_on: '2026-11-02', ends_on: null, start_time: '09:00', duration_minutes: 90, active: true, created_at: now, updated_at: now,
    }).execute();
    const secondGroup = randomUUID();
    await db.insertInto('groups').values({
      org_id: org.orgId, group_id: secondGroup, facility_id: facilityId, program_id: program.programId, track_id: null, name: 'DBT skills', group_type: 'skills',
      topic: null, facilitator_id: clinician.staffId, room: null, video_url: null, capacity: 1, waitlist_enabled: true, eligible_population: null, eligible_gender: null,
      eligible_specialty: null, rrule: 'FREQ=WEEKLY;BYDAY=TU', starts_on: '2026-11-02', ends_on: null, start_time: '13:00', duration_minutes: 90, active: true, created_at: now, updated_at: now,
    }).execute();
    const enrollment = (id: string, group: string, status: 'enrolled' | 'waitlisted', startsOn: string) => ({
      org_id: org.orgId, enrollment_id: id, group_id: group, patient_id: patientId, episode_id: episode.episodeId, status, starts_on: startsOn, ends_on: null, seated_on: status === 'enrolled' ? startsOn : null,
      override_reason: null, override_by: null, created_by: clinician.staffId, created_at: now, updated_at: now,
    });
    const [enrolled, waitlisted] = [randomUUID(), randomUUID()];
    await db.insertInto('group_enrollments').values([enrollment(enrolled, groupId, 'enrolled', '2026-11-04'), enrollment(waitlisted, secondGroup, 'waitlisted', '2026-11-10')]).execute();

    const response = await clinician.post(`/api/episodes/${episode.episodeId}/discharge`, { dischargedOn: '2026-11-20', reason: 'completed', summary: 'Completed all phases; referred to OP.', aftercare });
    assert.equal(response.statusCode, 200, response.body);
    const discharged = response.json();
    assert.deepEqual([discharged.status, discharged.dischargedOn, discharged.dischargeReason, discharged.dischargeSummary], ['discharged', '2026-11-20', 'completed', 'Completed all phases; referred to OP.']);
    const places = await db.selectFrom('group_enrollments').select(['enrollment_id', 'status', 'ends_on']).where('org_id', '=', org.orgId).where('patient_id', '=', patientId).orderBy('starts_on').execute();
    assert.deepEqual(places.map((p) => [p.enrollment_id, p.status, p.ends_on]), [[enrolled, 'ended', '2026-11-20'], [waitlisted, 'ended', '2026-11-20']]);

    const again = await clinician.post(`/api/episodes/${episode.episodeId}/discharge`, { dischargedOn: '2026-11-21', reason: 'completed', summary: 'again' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'episode_not_active');
    const phase = await clinician.post(`/api/episodes/${episode.episodeId}/phase`, { phaseId: program.phases[1]!.phaseId, effectiveOn: '2026-11-21' });
    assert.equal(phase.statusCode, 409);
    assert.equal(phase.json().error.code, 'episode_not_active');
    // A new episode in the same program may follow.
    await admit(patientId, { admittedOn: '2026-11-24' });
  });

  it('refuses a discharge before the admission or in the future, and leaves the episode active', async () => {
    const episode = await admit(await newPatient('Gia'));
    for (const dischargedOn of ['2026-11-01', '2026-11-25']) {
      const response = await clinician.post(`/api/episodes/${episode.episodeId}/discharge`, { dischargedOn, reason: 'administrative', summary: 'x' });
      assert.equal(response.statusCode, 422, dischargedOn);
      assert.equal(response.json().error.code, 'date_out_of_range');
    }
    const chart = (await clinician.get(`/api/patients/${episode.patientId}`)).json();
    assert.equal(chart.episodes[0].status, 'active');
  });

  it('is a clinical decision: admissions staff may admit but not discharge', async () => {
    const admissions = await createStaffMember(ctx, org, ['admissions'], [facilityId]);
    const episode = await admit(await newPatient('Hana'));
    const response = await admissions.post(`/api/episodes/${episode.episodeId}/discharge`, { dischargedOn: '2026-11-24', reason: 'completed', summary: 'x' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
  });
});

describe('length of stay', () => {
  it('starts at the program’s expected length (84 days) and shows where the patient is in it', async () => {
    const episode = await admit(await newPatient('Lena', 'Stay'));
    assert.equal(episode.expectedDischargeOn, '2027-01-25');
    // Tuesday 24 November: day 23 of the stay, 62 days to go.
    assert.deepEqual(episode.lengthOfStay, { dayOfStay: 23, expectedDays: 84, daysRemaining: 62, overdueBy: 0 });
    assert.deepEqual(episode.extensions, []);
  });

  it('is extended with a reason by a clinician, which moves the expected discharge, keeps the history and is audited', async () => {
    const episode = await admit(await newPatient('Mona', 'Stay'));
    const response = await clinician.post(`/api/episodes/${episode.episodeId}/extend-stay`, { newExpectedOn: '2027-02-22', reason: ' Relapse in week 3; payer authorized four more weeks. ' });
    assert.equal(response.statusCode, 200, response.body);
    const extended = response.json();
    assert.equal(extended.expectedDischargeOn, '2027-02-22');
    assert.deepEqual(extended.lengthOfStay, { dayOfStay: 23, expectedDays: 112, daysRemaining: 90, overdueBy: 0 });
    assert.deepEqual(extended.extensions, [{
      previousExpectedOn: '2027-01-25', newExpectedOn: '2027-02-22', reason: 'Relapse in week 3; payer authorized four more weeks.',
      extendedBy: { staffId: clinician.staffId, fullName: 'Staff clinician' }, createdAt: '2026-11-24T15:00:00.000Z',
    }]);
    const again = (await clinician.post(`/api/episodes/${episode.episodeId}/extend-stay`, { newExpectedOn: '2027-03-08', reason: 'Family sessions not finished.' })).json();
    assert.deepEqual(again.extensions.map((x: { previousExpectedOn: string; newExpectedOn: string }) => [x.previousExpectedOn, x.newExpectedOn]), [['2027-01-25', '2027-02-22'], ['2027-02-22', '2027-03-08']]);
    const chart = (await clinician.get(`/api/patients/${episode.patientId}`)).json();
    assert.deepEqual(chart.episodes[0], again);
    const event = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'patient_id', 'details']).where('org_id', '=', org.orgId).where('entity_id', '=', episode.episodeId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(event, { action: 'update', entity: 'episode', entity_id: episode.episodeId, patient_id: episode.patientId, details: { change: 'extend_stay', previousExpectedOn: '2027-02-22', newExpectedOn: '2027-03-08' } });
  });

  it('counts the days past the expected discharge once it is overdue', async () => {
    // Back-entered: admitted 1 August, expected 24 October; today is 24 November.
    const episode = await admit(await newPatient('Nell', 'Stay'), { admittedOn: '2026-08-01' });
    assert.equal(episode.expectedDischargeOn, '2026-10-24');
    assert.deepEqual(episode.lengthOfStay, { dayOfStay: 116, expectedDays: 84, daysRemaining: 0, overdueBy: 31 });
  });

  const refusals: [string, Record<string, unknown>, number, string][] = [
    ['the same day as now expected', { newExpectedOn: '2027-01-25', reason: 'More time' }, 422, 'date_out_of_range'],
    ['an earlier day', { newExpectedOn: '2027-01-04', reason: 'Doing well' }, 422, 'date_out_of_range'],
    ['more than two years after admission', { newExpectedOn: '2028-11-02', reason: 'Long stay' }, 422, 'date_out_of_range'],
    ['a blank reason', { newExpectedOn: '2027-02-22', reason: '   ' }, 400, 'validation_failed'],
    ['no reason', { newExpectedOn: '2027-02-22' }, 400, 'validation_failed'],
  ];
  for (const [sentence, body, status, code] of refusals) {
    it(`refuses ${sentence} (${status} ${code}) and leaves the stay as it was`, async () => {
      const episode = await admit(await newPatient('Refused', `Stay ${sentence}`));
      const response = await clinician.post(`/api/episodes/${episode.episodeId}/extend-stay`, body);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      const chart = (await clinician.get(`/api/patients/${episode.patientId}`)).json();
      assert.deepEqual([chart.episodes[0].expectedDischargeOn, chart.episodes[0].extensions], ['2027-01-25', []]);
    });
  }

  it('is for clinicians and clinical directors, and not for a discharged episode', async () => {
    const admissions = await createStaffMember(ctx, org, ['admissions'], [facilityId]);
    const episode = await admit(await newPatient('Opal', 'Stay'));
    const body = { newExpectedOn: '2027-02-22', reason: 'More time' };
    assert.equal((await admissions.post(`/api/episodes/${episode.episodeId}/extend-stay`, body)).statusCode, 403);
    assert.equal((await frontDesk.post(`/api/episodes/${episode.episodeId}/extend-stay`, body)).statusCode, 403);
    await clinician.post(`/api/episodes/${episode.episodeId}/discharge`, { dischargedOn: '2026-11-24', reason: 'administrative', summary: 'Insurance ended.' });
    const response = await clinician.post(`/api/episodes/${episode.episodeId}/extend-stay`, body);
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'episode_not_active');
  });
});

describe('an episode at another facility', () => {
  it('may be changed or discharged only by staff of the program’s facility, even when they can open the chart', async () => {
    const harbor = (await org.admin.post('/api/facilities', facilityInput('Riverbend Harbor'))).json().facilityId;
    const harborProgram = (await org.admin.post('/api/programs', programInput(harbor, { name: 'Harbor IOP' }))).json();
    const harborClinician = await createStaffMember(ctx, org, ['clinician'], [harbor]);
    // Registered here, in a program there: our clinician reaches the chart through the registration.
    const patientId = await newPatient('Iris');
    const admitted = await org.admin.post(`/api/patients/${patientId}/episodes`, {
      programId: harborProgram.programId, admittedOn: '2026-11-02', referralSource: 'Self', phaseId: harborProgram.phases[0].phaseId, primaryClinicianId: harborClinician.staffId,
    });
    assert.equal(admitted.statusCode, 201, admitted.body);
    const episodeId = admitted.json().episodeId;
    assert.equal((await clinician.get(`/api/patients/${patientId}`)).statusCode, 200);
    const eventsBefore = await ctx.deps.db.selectFrom('audit_events').select('seq').where('org_id', '=', org.orgId).where('entity', '=', 'episode').where('entity_id', '=', episodeId).execute();

    const attempts = [
      ['phase change', `/api/episodes/${episodeId}/phase`, { phaseId: harborProgram.phases[1].phaseId, effectiveOn: '2026-11-24' }],
      ['discharge', `/api/episodes/${episodeId}/discharge`, { dischargedOn: '2026-11-24', reason: 'administrative', summary: 'x' }],
    ] as const;
    for (const [what, path, body] of attempts) {
      const response = await clinician.post(path, body);
      assert.equal(response.statusCode, 403, `${what}: ${response.body}`);
      assert.equal(response.json().error.code, 'facility_forbidden', what);
    }
    const untouched = (await org.admin.get(`/api/patients/${patientId}`)).json().episodes[0];
    assert.deepEqual([untouched.status, untouched.phaseId, untouched.phaseHistory.length], ['active', harborProgram.phases[0].phaseId, 1]);
    const eventsAfter = await ctx.deps.db.selectFrom('audit_events').select('seq').where('org_id', '=', org.orgId).where('entity', '=', 'episode').where('entity_id', '=', episodeId).execute();
    assert.equal(eventsAfter.length, eventsBefore.length, 'nothing recorded');

    for (const [what, path, body] of attempts) assert.equal((await harborClinician.post(path, body)).statusCode, 200, what);
  });
});

describe('program census', () => {
  it('counts active patients by phase and track, recent admissions and discharges by reason, and audits who was listed', async () => {
    const fresh = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'Census IOP' }))).json();
    const inProgram = (o: Record<string, unknown>) => ({ programId: fresh.programId, phaseId: fresh.phases[0].phaseId, trackId: fresh.tracks[0].trackId, ...o });
    const a = await admit(await newPatient('Ivy', 'Census'), inProgram({ admittedOn: '2026-10-01' }));
    const b = await admit(await newPatient('Jo', 'Census'), inProgram({ admittedOn: '2026-11-20', trackId: null }));
    const c = await admit(await newPatient('Kim', 'Census'), inProgram({ admittedOn: '2026-11-10' }));
    await clinician.post(`/api/episodes/${a.episodeId}/phase`, { phaseId: fresh.phases[1].phaseId, effectiveOn: '2026-11-01' });
    await clinician.post(`/api/episodes/${c.episodeId}/discharge`, { dischargedOn: '2026-11-23', reason: 'left_against_advice', summary: 'Stopped attending.' });

    const response = await clinician.get(`/api/programs/${fresh.programId}/census`);
    assert.equal(response.statusCode, 200, response.body);
    const census = response.json();
    assert.equal(census.programName, 'Census IOP');
    assert.equal(census.activeCount, 2);
    assert.deepEqual(census.byPhase.map((p: { phaseName: string; count: number }) => [p.phaseName, p.count]), [['Engagement', 1], ['Early recovery', 1], ['Maintenance', 0]]);
    assert.deepEqual(census.byTrack.map((t: { trackName: string | null; count: number }) => [t.trackName, t.count]), [['Morning', 1], ['Evening (working patients)', 0], [null, 1]]);
    assert.equal(census.admittedLast30Days, 2);
    assert.deepEqual(census.dischargedLast30Days, { total: 1, byReason: { left_against_advice: 1 } });
    assert.deepEqual(census.patients.map((p: { name: string; daysInProgram: number; phaseName: string }) => [p.name, p.daysInProgram, p.phaseName]), [
      ['Ivy Census', 54, 'Early recovery'],
      ['Jo Census', 4, 'Engagement'],
    ]);
    const event = await ctx.deps.db.selectFrom('audit_events').selectAll().where('org_id', '=', org.orgId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(`${event.action} ${event.entity} ${event.entity_id}`, `read program_census ${fresh.programId}`);
    assert.deepEqual((event.details as { patientIds: string[] }).patientIds, [a.patientId, b.patientId]);

    const elsewhere = (await org.admin.post('/api/facilities', facilityInput('Riverbend East'))).json().facilityId;
    const stranger = await createStaffMember(ctx, org, ['clinical_director'], [elsewhere]);
    assert.equal((await stranger.get(`/api/programs/${fresh.programId}/census`)).statusCode, 403);
    assert.equal((await clinician.get(`/api/programs/${randomUUID()}/census`)).statusCode, 404);
  });
});
