import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
});

describe('facilities', () => {
  it('are created with an IANA time zone and a valid NPI', async () => {
    const response = await org.admin.post('/api/facilities', facilityInput('Riverbend Westside', 'America/Los_Angeles'));
    assert.equal(response.statusCode, 201);
    const facility = response.json();
    assert.equal(facility.timeZone, 'America/Los_Angeles');
    assert.equal(facility.npi, '1234567893');
    assert.equal(facility.weekStartsOn, 1);
  });

  it('reject an unknown time zone, a bad NPI check digit and a duplicate name with clear codes', async () => {
    const zone = await org.admin.post('/api/facilities', { ...facilityInput('Zone'), timeZone: 'EST' });
    assert.equal(zone.statusCode, 400);
    assert.equal(zone.json().error.code, 'invalid_time_zone');
    assert.deepEqual(zone.json().error.details.map((d: { path: string }) => d.path), ['timeZone']);
    const npi = await org.admin.post('/api/facilities', { ...facilityInput('Npi'), npi: '1234567890' });
    assert.equal(npi.json().error.code, 'invalid_npi');
    const dup = await org.admin.post('/api/facilities', facilityInput('riverbend downtown'));
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'duplicate_name');
  });

  it('reject unknown fields and report every missing field by path', async () => {
    const response = await org.admin.post('/api/facilities', { name: 'X', color: 'blue' });
    assert.equal(response.statusCode, 400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    for (const path of ['addressLine1', 'city', 'state', 'postalCode', 'timeZone', 'color']) assert.ok(paths.includes(path), `${path} in ${paths}`);
  });
});

describe('programs', () => {
  it('are created with tracks and ordered phases and described with their level’s band', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId));
    assert.equal(response.statusCode, 201, response.body);
    const program = response.json();
    assert.equal(program.levelOfCareName, 'Intensive outpatient');
    assert.equal(program.hoursBand, 'adult level 2.1 (Intensive outpatient) is 9 to under 20 hours per week');
    assert.deepEqual(program.phases.map((p: { position: number; name: string }) => `${p.position}. ${p.name}`), ['1. Engagement', '2. Early recovery', '3. Maintenance']);
    assert.deepEqual(program.tracks.map((t: { kind: string; startsAt: string; endsAt: string }) => `${t.kind} ${t.startsAt}-${t.endsAt}`), ['morning 09:00-12:00', 'evening 18:00-21:00']);
    const list = (await org.admin.get(`/api/programs?facilityId=${facilityId}`)).json();
    assert.deepEqual(list.map((p: { programId: string }) => p.programId), [program.programId]);
  });

  it('reject a phase outside the level of care’s band, naming the band and the field', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Too light',
      phases: [
        { name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15 },
        { name: 'Step-down', requiredDaysPerWeek: 2, minHoursPerWeek: 6, maxHoursPerWeek: 8 },
      ],
    }));
    assert.equal(response.statusCode, 422);
    const error = response.json().error;
    assert.equal(error.code, 'phase_hours_outside_band');
    assert.match(error.message, /adult level 2\.1 \(Intensive outpatient\) is 9 to under 20 hours per week/);
    assert.equal(error.details[0].path, 'phases[1].minHoursPerWeek');
  });

  it('an adolescent IOP may run from 6 hours a week', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Adolescent IOP',
      population: 'adolescent',
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 6, maxHoursPerWeek: 9 }],
    }));
    assert.equal(response.statusCode, 201, response.body);
    assert.match(response.json().hoursBand, /adolescent level 2\.1 .* is 6 to under 20 hours/);
  });

  it('reject residential levels and unknown levels', async () => {
    const residential = await org.admin.post('/api/programs', programInput(facilityId, { name: 'Res', levelOfCare: '3.5' }));
    assert.equal(residential.json().error.code, 'level_of_care_without_hours');
    const unknown = await org.admin.post('/api/programs', programInput(facilityId, { name: 'Unknown', levelOfCare: '9.9' }));
    assert.equal(unknown.json().error.code, 'level_of_care_unknown');
  });

  it('reject hours that are not in half-hour steps, with the field path', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Odd',
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 8, minHoursPerWeek: 9.25, maxHoursPerWeek: 12 }],
    }));
    assert.equal(response.statusCode, 400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['phases[0].minHoursPerWeek', 'phases[0].requiredDaysPerWeek']);
  });

  it('keep their phase ids when edited, so reordering and renaming do not orphan patients', async () => {
    const created = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'Editable' }))).json();
    const [engagement, early, maintenance] = created.phases;
    const edited = await org.admin.put(`/api/programs/${created.programId}`, programInput(facilityId, {
      name: 'Editable (renamed)',
      tracks: created.tracks.slice(0, 1).map((t: Record<string, unknown>) => ({ ...t, name: 'Morning block' })),
      phases: [
        { phaseId: engagement.phaseId, name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 16 },
        { phaseId: maintenance.phaseId, name: 'Maintenance', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 10 },
        { name: 'Community integration', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 9.5 },
      ],
    }));
    assert.equal(edited.statusCode, 200, edited.body);
    const program = edited.json();
    assert.equal(program.name, 'Editable (renamed)');
    assert.deepEqual(program.phases.map((p: { phaseId: string }) => p.phaseId).slice(0, 2), [engagement.phaseId, maintenance.phaseId]);
    assert.ok(!program.phases.some((p: { phaseId: string }) => p.phaseId === early.phaseId));
    assert.deepEqual(program.tracks.map((t: { trackId: string; name: string }) => [t.trackId, t.name]), [[created.tracks[0].trackId, 'Morning block']]);
  });

  it('refuse a phase id that belongs to another program', async () => {
    const a = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'A' }))).json();
    const b = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'B' }))).json();
    const response = await org.admin.put(`/api/programs/${a.programId}`, programInput(facilityId, {
      name: 'A',
      phases: [{ phaseId: b.phases[0].phaseId, name: 'Stolen', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
    }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details[0].path, 'phases[0].phaseId');
    const bAfter = (await org.admin.get(`/api/programs/${b.programId}`)).json();
    assert.equal(bAfter.phases[0].name, 'Engagement');
  });

  it('may be created by a clinical director of the facility but not by a clinician', async () => {
    const director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
    assert.equal((await director.post('/api/programs', programInput(facilityId, { name: 'Director’s program' }))).statusCode, 201);
    const clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
    assert.equal((await clinician.post('/api/programs', programInput(facilityId, { name: 'Clinician’s program' }))).statusCode, 403);
    assert.equal((await clinician.get('/api/programs')).statusCode, 200);
  });

  it('list the levels of care of the organization’s ASAM edition', async () => {
    const third = (await org.admin.get('/api/levels-of-care')).json();
    assert.equal(third.edition, '3');
    assert.deepEqual(third.levels.filter((l: { schedulable: boolean }) => l.schedulable).map((l: { code: string }) => l.code), ['1', '2.1', '2.5']);
    await org.admin.put('/api/organization', { asamEdition: '4' });
    const fourth = (await org.admin.get('/api/levels-of-care')).json();
    assert.ok(fourth.levels.some((l: { code: string }) => l.code === '2.7'));
    await org.admin.put('/api/organization', { asamEdition: '3' });
  });
});

describe('program clinical settings', () => {
  const defaultCriteria = { consecutiveWeeksMet: 4, minAttendancePercent: 90, phq9: { improvedBy: 5, orBelow: 10 }, objectivesMet: true, maxWeeksInPhase: 12 };

  it('a new program without settings reviews plans every 30 days, gives PHQ-9, GAD-7, BAM and C-SSRS, and has the default criteria', async () => {
    const program = (await org.admin.post('/api/programs', programInput(facilityId, { name: 'Defaults' }))).json();
    assert.equal(program.planReviewDays, 30);
    assert.deepEqual(program.instrumentCadence, [
      { instrument: 'phq9', atAdmission: true, everyDays: 14, atDischarge: true },
      { instrument: 'gad7', atAdmission: true, everyDays: 14, atDischarge: true },
      { instrument: 'bam', atAdmission: true, everyDays: 30, atDischarge: true },
      { instrument: 'cssrs_screener', atAdmission: true, everyDays: null, atDischarge: false },
    ]);
    assert.deepEqual(program.phases.map((p: { advancementCriteria: unknown }) => p.advancementCriteria), [defaultCriteria, defaultCriteria, defaultCriteria]);
  });

  it('are saved as sent, including a phase with no automatic step-down', async () => {
    const criteria = { consecutiveWeeksMet: 3, minAttendancePercent: 85, phq9: null, objectivesMet: false, maxWeeksInPhase: null };
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Custom settings',
      planReviewDays: 14,
      instrumentCadence: [{ instrument: 'audit_c', atAdmission: true, everyDays: 28, atDischarge: true }],
      phases: [
        { name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15, advancementCriteria: criteria },
        { name: 'Maintenance', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 10, advancementCriteria: null },
      ],
    }));
    assert.equal(response.statusCode, 201, response.body);
    const program = response.json();
    assert.equal(program.planReviewDays, 14);
    assert.deepEqual(program.instrumentCadence, [{ instrument: 'audit_c', atAdmission: true, everyDays: 28, atDischarge: true }]);
    assert.deepEqual(program.phases.map((p: { advancementCriteria: unknown }) => p.advancementCriteria), [criteria, null]);
    assert.deepEqual((await org.admin.get(`/api/programs/${program.programId}`)).json().phases[0].advancementCriteria, criteria);
  });

  it('left out on edit keep their values; a new phase gets the default criteria', async () => {
    const custom = { consecutiveWeeksMet: 2, minAttendancePercent: 75, phq9: { improvedBy: 3, orBelow: 12 }, objectivesMet: true, maxWeeksInPhase: 8 };
    const created = (await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Kept on edit',
      planReviewDays: 60,
      instrumentCadence: [{ instrument: 'dast10', atAdmission: true, everyDays: null, atDischarge: true }],
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15, advancementCriteria: custom }],
    }))).json();
    const edited = await org.admin.put(`/api/programs/${created.programId}`, programInput(facilityId, {
      name: 'Kept on edit',
      phases: [
        { phaseId: created.phases[0].phaseId, name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 16 },
        { name: 'Maintenance', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 10 },
      ],
    }));
    assert.equal(edited.statusCode, 200, edited.body);
    const program = edited.json();
    assert.equal(program.planReviewDays, 60);
    assert.deepEqual(program.instrumentCadence, [{ instrument: 'dast10', atAdmission: true, everyDays: null, atDischarge: true }]);
    assert.deepEqual(program.phases.map((p: { advancementCriteria: unknown }) => p.advancementCriteria), [custom, defaultCriteria]);

    const cleared = (await org.admin.put(`/api/programs/${created.programId}`, programInput(facilityId, {
      name: 'Kept on edit',
      planReviewDays: 30,
      instrumentCadence: [],
      phases: program.phases.map((p: Record<string, unknown>) => ({ phaseId: p['phaseId'], name: p['name'], requiredDaysPerWeek: p['requiredDaysPerWeek'], minHoursPerWeek: p['minHoursPerWeek'], maxHoursPerWeek: p['maxHoursPerWeek'], advancementCriteria: null })),
    }))).json();
    assert.equal(cleared.planReviewDays, 30);
    assert.deepEqual(cleared.instrumentCadence, []);
    assert.deepEqual(cleared.phases.map((p: { advancementCriteria: unknown }) => p.advancementCriteria), [null, null]);
  });

  it('refuse a repeated instrument and out-of-range settings with a 422 naming each field', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Bad settings',
      planReviewDays: 200,
      instrumentCadence: [
        { instrument: 'phq9', atAdmission: true, everyDays: 14, atDischarge: true },
        { instrument: 'phq9', atAdmission: false, everyDays: 3, atDischarge: true },
      ],
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15, advancementCriteria: { ...defaultCriteria, phq9: { improvedBy: 5, orBelow: 30 } } }],
    }));
    assert.equal(response.statusCode, 422, response.body);
    const error = response.json().error;
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.details.map((d: { path: string }) => d.path), [
      'planReviewDays',
      'instrumentCadence[1].instrument',
      'instrumentCadence[1].everyDays',
      'phases[0].advancementCriteria.phq9.orBelow',
    ]);
    const list = (await org.admin.get('/api/programs')).json();
    assert.ok(!list.some((p: { name: string }) => p.name === 'Bad settings'), 'nothing saved');
  });

  it('refuse an instrument Cairn does not know and unknown criteria fields (400)', async () => {
    const response = await org.admin.post('/api/programs', programInput(facilityId, {
      name: 'Unknown instrument',
      instrumentCadence: [{ instrument: 'beck', atAdmission: true, everyDays: 14, atDischarge: true }],
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15, advancementCriteria: { ...defaultCriteria, sobrietyDays: 30 } }],
    }));
    assert.equal(response.statusCode, 400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    assert.ok(paths.includes('instrumentCadence[0].instrument'), paths.join());
    assert.ok(paths.some((p: string) => p.startsWith('phases[0].advancementCriteria')), paths.join());
  });
});
