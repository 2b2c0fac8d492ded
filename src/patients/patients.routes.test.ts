import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';

let ctx: TestContext;
let org: TestOrg;
let downtown: string;
let westside: string;

const patientInput = (overrides: Record<string, unknown> = {}) => ({
  facilityId: downtown,
  legalGivenName: 'Jonathan',
  legalFamilyName: 'Smith',
  preferredName: 'Jack',
  dateOfBirth: '1988-03-14',
  sexAtBirth: 'male',
  genderIdentity: 'man',
  pronouns: 'he/him',
  language: 'en',
  phone: '(860) 555-0101',
  email: 'jon.smith@example.org',
  address: { line1: '14 Elm Street', line2: 'Apt 2', city: 'Hartford', state: 'CT', postalCode: '06103' },
  emergencyContact: { name: 'Rita Smith', relationship: 'mother', phone: '(860) 555-0102', email: null },
  supportPersons: [{ name: 'Dave K.', relationship: 'sponsor', phone: '(860) 555-0103', email: 'dave@example.org' }],
  residence: 'sober_living',
  residenceNote: 'Oak House, curfew 22:00',
  availability: [
    { dayOfWeek: 1, start: '08:00', end: '16:00', label: 'Work' },
    { dayOfWeek: 3, start: '08:00', end: '16:00', label: 'Work' },
  ],
  diagnoses: [
    { code: 'F10.20', description: 'Alcohol use disorder, moderate', primary: true },
    { code: 'F32.9', description: 'Major depressive disorder, single episode', primary: false },
    { code: 'Z63.0', description: 'Relationship distress', primary: false },
  ],
  specialtyPopulations: ['veterans'],
  ...overrides,
});

const auditEvents = (patientId?: string) => {
  let query = ctx.deps.db.selectFrom('audit_events').selectAll().where('org_id', '=', org.orgId);
  if (patientId) query = query.where('patient_id', '=', patientId);
  return query.orderBy('seq').execute();
};

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  downtown = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  westside = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside', 'America/Chicago'))).json().facilityId;
});

describe('registering and editing a patient', () => {
  it('keeps every field through create, read and edit, with an allocated MRN', async () => {
    const created = await org.admin.post('/api/patients', patientInput());
    assert.equal(created.statusCode, 201, created.body);
    const patient = created.json();
    assert.match(patient.mrn, /^C-\d{6}$/);
    assert.equal(patient.facilityName, 'Riverbend Downtown');
    assert.equal(patient.possibleDuplicateOf, null);
    assert.deepEqual(patient.episodes, []);
    const { diagnoses, ...rest } = patientInput();
    for (const [key, value] of Object.entries(rest)) assert.deepEqual(patient[key], value, key);
    assert.deepEqual(patient.diagnoses.map((d: { code: string; category: string }) => `${d.code} ${d.category}`), ['F10.20 substance_use', 'F32.9 mental_health', 'Z63.0 other']);
    assert.deepEqual(patient.diagnoses.map((d: { description: string; primary: boolean }) => [d.description, d.primary]), diagnoses.map((d) => [d.description, d.primary]));

    const read = await org.admin.get(`/api/patients/${patient.patientId}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), patient);

    const edited = await org.admin.put(`/api/patients/${patient.patientId}`, patientInput({
      facilityId: westside,
      preferredName: null,
      residence: 'home',
      residenceNote: null,
      address: null,
      emergencyContact: null,
      supportPersons: [],
      availability: [{ dayOfWeek: 6, start: '10:00', end: '14:00', label: 'School' }],
      diagnoses: [{ code: 'f11.20', description: 'Opioid use disorder', primary: true, category: 'ignored' }],
      specialtyPopulations: [],
      pronouns: null,
      email: null,
      phone: null,
      language: 'es',
    }));
    assert.equal(edited.statusCode, 200, edited.body);
    const after = (await org.admin.get(`/api/patients/${patient.patientId}`)).json();
    assert.equal(after.mrn, patient.mrn, 'the MRN stays when left out');
    assert.equal(after.facilityName, 'Riverbend Westside');
    assert.deepEqual(
      [after.preferredName, after.residence, after.residenceNote, after.address, after.emergencyContact, after.supportPersons, after.pronouns, after.email, after.phone, after.language],
      [null, 'home', null, null, null, [], null, null, null, 'es'],
    );
    assert.deepEqual(after.availability, [{ dayOfWeek: 6, start: '10:00', end: '14:00', label: 'School' }]);
    assert.deepEqual(after.diagnoses, [{ code: 'F11.20', description: 'Opioid use disorder', primary: true, category: 'substance_use' }]);

    const events = await auditEvents(patient.patientId);
    assert.deepEqual(events.map((e) => `${e.action} ${e.entity}`), ['create patient', 'read patient', 'update patient', 'read patient']);
    const update = events[2]!.details as { fields: string[] };
    assert.deepEqual(update.fields.sort(), [
      'address', 'availability', 'diagnoses', 'email', 'emergency_contact', 'facility_id', 'language', 'phone', 'preferred_name', 'pronouns', 'residence', 'residence_note', 'specialty_populations', 'support_persons',
    ]);
    assert.ok(!JSON.stringify(events.map((e) => e.details)).includes('Jonathan'), 'no names in audit details');
    // Put it back where the rest of the file expects it.
    await org.admin.put(`/api/patients/${patient.patientId}`, patientInput({ mrn: patient.mrn }));
  });

  it('refuses a second record with the same legal name and birth date until staff confirm it is a different person', async () => {
    const first = (await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Maria', legalFamilyName: 'Garcia', preferredName: null, dateOfBirth: '1975-07-01' }))).json();
    const again = await org.admin.post('/api/patients', patientInput({ legalGivenName: '  MARIA ', legalFamilyName: 'garcia', preferredName: null, dateOfBirth: '1975-07-01', facilityId: westside }));
    assert.equal(again.statusCode, 409);
    const error = again.json().error;
    assert.equal(error.code, 'possible_duplicate');
    assert.deepEqual(error.details, { matches: [{ patientId: first.patientId, mrn: first.mrn, name: 'Maria Garcia', dateOfBirth: '1975-07-01', facilityName: 'Riverbend Downtown' }], elsewhere: 0 });

    const confirmed = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Maria', legalFamilyName: 'Garcia', preferredName: null, dateOfBirth: '1975-07-01', acknowledgedDuplicateOf: first.patientId }));
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    assert.equal(confirmed.json().possibleDuplicateOf, first.patientId);
    assert.notEqual(confirmed.json().mrn, first.mrn);

    const differentBirthday = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Maria', legalFamilyName: 'Garcia', preferredName: null, dateOfBirth: '1975-07-02' }));
    assert.equal(differentBirthday.statusCode, 201);
  });

  it('audits the matching charts a refused registration showed, though the registration itself is rolled back', async () => {
    const first = (await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Rosa', legalFamilyName: 'Duarte', preferredName: null, dateOfBirth: '1966-02-11' }))).json();
    const again = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Rosa', legalFamilyName: 'Duarte', preferredName: null, dateOfBirth: '1966-02-11' }));
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().error.details.matches.map((m: { patientId: string }) => m.patientId), [first.patientId]);
    const events = await auditEvents(first.patientId);
    assert.deepEqual(events.map((e) => `${e.action} ${e.entity} ${e.entity_id}`), ['create patient ' + first.patientId, 'read patient_duplicate_check ' + first.patientId]);
    assert.deepEqual(events[1]!.details, { registeringFacilityId: downtown });
    assert.ok(!JSON.stringify(events.map((e) => e.details)).includes('Rosa'), 'no names in audit details');
  });

  it('tells staff of another facility only that a match exists elsewhere, never who it is or where', async () => {
    // An organization of its own, so the admission below does not change the lists tested further down.
    const other = await createOrg(ctx, 'Harbor Health');
    const north = (await other.admin.post('/api/facilities', facilityInput('Harbor North'))).json().facilityId;
    const south = (await other.admin.post('/api/facilities', facilityInput('Harbor South'))).json().facilityId;
    const southClerk = await createStaffMember(ctx, other, ['front_desk'], [south]);
    const lucia = (o: Record<string, unknown> = {}) => patientInput({ legalGivenName: 'Lucia', legalFamilyName: 'Ortega', preferredName: null, dateOfBirth: '1979-09-09', ...o });
    const hidden = (await other.admin.post('/api/patients', lucia({ facilityId: north }))).json();
    const eventCount = async () => (await ctx.deps.db.selectFrom('audit_events').select('seq').where('org_id', '=', other.orgId).execute()).length;
    const before = await eventCount();
    const attempt = await southClerk.post('/api/patients', lucia({ facilityId: south }));
    assert.equal(attempt.statusCode, 409);
    const error = attempt.json().error;
    assert.equal(error.code, 'possible_duplicate');
    assert.deepEqual(error.details, { matches: [], elsewhere: 1 });
    assert.match(error.message, /another facility of your organization; ask a colleague there or your administrator/);
    for (const secret of [hidden.patientId, hidden.mrn, 'Harbor North']) assert.ok(!attempt.body.includes(secret), secret);
    assert.equal(await eventCount(), before, 'nothing shown, nothing audited');

    // Confirming by a guessed id gets the same answer as confirming a stranger.
    for (const guess of [hidden.patientId, '6f1c1f8e-7d7a-4a52-9b1e-111111111111']) {
      const confirmed = await southClerk.post('/api/patients', lucia({ facilityId: south, acknowledgedDuplicateOf: guess }));
      assert.equal(confirmed.statusCode, 422, confirmed.body);
      assert.deepEqual([confirmed.json().error.code, confirmed.json().error.details.map((d: { path: string }) => d.path)], ['validation_failed', ['acknowledgedDuplicateOf']]);
    }

    // Once she is in a program at South, the clerk reaches her chart, and so sees the match in full.
    const program = (await other.admin.post('/api/programs', programInput(south, { name: 'South IOP' }))).json();
    const clinician = await createStaffMember(ctx, other, ['clinician'], [south]);
    const admitted = await other.admin.post(`/api/patients/${hidden.patientId}/episodes`, { programId: program.programId, admittedOn: '2026-11-02', referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: clinician.staffId });
    assert.equal(admitted.statusCode, 201, admitted.body);
    const shown = await southClerk.post('/api/patients', lucia({ facilityId: south }));
    assert.deepEqual(shown.json().error.details, { matches: [{ patientId: hidden.patientId, mrn: hidden.mrn, name: 'Lucia Ortega', dateOfBirth: '1979-09-09', facilityName: 'Harbor North' }], elsewhere: 0 });
    const confirmed = await southClerk.post('/api/patients', lucia({ facilityId: south, acknowledgedDuplicateOf: hidden.patientId }));
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    assert.equal(confirmed.json().possibleDuplicateOf, hidden.patientId);
  });

  it('hands concurrent registrations distinct MRNs', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => org.admin.post('/api/patients', patientInput({ legalGivenName: `Parallel${i}`, legalFamilyName: 'Test', preferredName: null }))),
    );
    assert.deepEqual(responses.map((r) => r.statusCode), [201, 201, 201, 201, 201, 201]);
    const mrns = responses.map((r) => r.json().mrn);
    assert.equal(new Set(mrns).size, 6, mrns.join(','));
  });

  it('accepts an MRN from a previous system once, and skips it when allocating', async () => {
    const counter = await ctx.deps.db.selectFrom('mrn_counters').select('last_value').where('org_id', '=', org.orgId).executeTakeFirstOrThrow();
    const next = `C-${String(counter.last_value + 1).padStart(6, '0')}`;
    const typed = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Legacy', legalFamilyName: 'Okafor', preferredName: null, mrn: next }));
    assert.equal(typed.statusCode, 201, typed.body);
    const taken = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Legacy2', legalFamilyName: 'Okafor', preferredName: null, mrn: next.toLowerCase() }));
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'mrn_taken');
    const allocated = (await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Allocated', legalFamilyName: 'Okafor', preferredName: null }))).json();
    assert.equal(allocated.mrn, `C-${String(counter.last_value + 2).padStart(6, '0')}`);
  });
});

describe('bad registration input', () => {
  const cases: [string, Record<string, unknown>, number, string, string[]][] = [
    ['an unknown facility', { facilityId: '6f1c1f8e-7d7a-4a52-9b1e-111111111111' }, 422, 'facility_not_found', ['facilityId']],
    ['a malformed ICD-10 code, pointing at it', { diagnoses: [{ code: 'F10.20', description: 'ok', primary: true }, { code: '303.90', description: 'ICD-9', primary: false }] }, 422, 'invalid_icd10', ['diagnoses[1].code']],
    ['two primary diagnoses', { diagnoses: [{ code: 'F10.20', description: 'a', primary: true }, { code: 'F32.9', description: 'b', primary: true }] }, 422, 'validation_failed', ['diagnoses[1].primary']],
    ['overlapping availability on the same day, naming both windows', {
      availability: [
        { dayOfWeek: 2, start: '09:00', end: '13:00', label: 'Work' },
        { dayOfWeek: 2, start: '12:30', end: '15:00', label: 'Class' },
        { dayOfWeek: 4, start: '12:30', end: '15:00', label: 'Class' },
      ],
    }, 422, 'availability_overlap', ['availability[0]', 'availability[1]']],
    ['a window that ends before it starts', { availability: [{ dayOfWeek: 2, start: '13:00', end: '09:00', label: 'Work' }] }, 422, 'validation_failed', ['availability[0].end']],
    ['a birth date tomorrow (facility calendar)', { dateOfBirth: '2026-11-25' }, 422, 'date_out_of_range', ['dateOfBirth']],
    ['a birth date before 1900', { dateOfBirth: '1899-12-31' }, 422, 'date_out_of_range', ['dateOfBirth']],
    ['a birth date that is not a day', { dateOfBirth: '1990-02-30' }, 400, 'validation_failed', ['dateOfBirth']],
    ['an unknown field and a missing one', { residence: undefined, favouriteColour: 'blue' }, 400, 'validation_failed', ['favouriteColour', 'residence']],
  ];
  for (const [sentence, overrides, status, code, paths] of cases) {
    it(`rejects ${sentence} with ${status} ${code}`, async () => {
      const before = (await auditEvents()).length;
      const response = await org.admin.post('/api/patients', patientInput({ legalGivenName: 'Invalid', ...overrides }));
      assert.equal(response.statusCode, status, response.body);
      const error = response.json().error;
      assert.equal(error.code, code);
      assert.deepEqual(error.details.map((d: { path: string }) => d.path).sort(), paths);
      assert.equal((await auditEvents()).length, before, 'nothing written');
    });
  }

  it('answers 404 for an unknown patient and 400 for a malformed id', async () => {
    const unknown = await org.admin.get('/api/patients/6f1c1f8e-7d7a-4a52-9b1e-111111111111');
    assert.equal(unknown.statusCode, 404);
    const malformed = await org.admin.get('/api/patients/not-a-uuid');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.details[0].path, 'params.patientId');
    const put = await org.admin.put('/api/patients/6f1c1f8e-7d7a-4a52-9b1e-111111111111', patientInput());
    assert.equal(put.statusCode, 404);
  });
});

describe('finding patients', () => {
  let smith: { patientId: string; mrn: string };
  before(async () => {
    const found = (await org.admin.get('/api/patients?q=Jonathan%20Smith')).json();
    smith = found[0];
  });

  it('finds Jonathan Smith when typed as "Jonathon Smyth"', async () => {
    const results = (await org.admin.get('/api/patients?q=Jonathon%20Smyth')).json();
    assert.equal(results[0]?.patientId, smith.patientId);
    assert.equal(results[0].matchedBy, 'name');
    assert.ok(!results.some((r: { legalFamilyName: string }) => r.legalFamilyName === 'Garcia'));
  });

  it('finds a patient by preferred name, by family name alone, and by MRN', async () => {
    const byPreferred = (await org.admin.get('/api/patients?q=jack')).json();
    assert.deepEqual(byPreferred.map((r: { patientId: string }) => r.patientId), [smith.patientId]);
    const byFamily = (await org.admin.get('/api/patients?q=Garcia')).json();
    assert.deepEqual(byFamily.map((r: { legalGivenName: string }) => r.legalGivenName), ['Maria', 'Maria', 'Maria']);
    const byMrn = (await org.admin.get(`/api/patients?q=${smith.mrn.toLowerCase()}`)).json();
    assert.deepEqual(byMrn.map((r: { patientId: string; matchedBy: string }) => [r.patientId, r.matchedBy]), [[smith.patientId, 'mrn']]);
    const byNumber = (await org.admin.get(`/api/patients?q=${Number(smith.mrn.slice(2))}`)).json();
    assert.deepEqual(byNumber.map((r: { patientId: string }) => r.patientId), [smith.patientId]);
  });

  it('finds patients by date of birth written either way', async () => {
    for (const q of ['1975-07-02', '07/02/1975', '7/2/1975']) {
      const results = (await org.admin.get(`/api/patients?q=${encodeURIComponent(q)}`)).json();
      assert.deepEqual(results.map((r: { dateOfBirth: string; matchedBy: string }) => [r.dateOfBirth, r.matchedBy]), [['1975-07-02', 'date_of_birth']], q);
    }
  });

  it('lists a facility’s patients without a search, and writes one audit event naming them but not the search', async () => {
    const beforeSeq = (await auditEvents()).length;
    const list = (await org.admin.get(`/api/patients?facilityId=${downtown}&limit=3`)).json();
    assert.equal(list.length, 3);
    assert.ok(list.every((r: { facilityId: string; matchedBy: null }) => r.facilityId === downtown && r.matchedBy === null));
    await org.admin.get('/api/patients?q=Jonathon%20Smyth');
    const events = (await auditEvents()).slice(beforeSeq);
    assert.deepEqual(events.map((e) => `${e.action} ${e.entity} ${e.patient_id}`), ['read patient null', 'read patient null']);
    assert.deepEqual((events[0]!.details as { patientIds: string[] }).patientIds, list.map((r: { patientId: string }) => r.patientId));
    assert.ok(!JSON.stringify(events[1]!.details).includes('Smyth'), 'search words are not audited');
  });

  it('hides patients from staff assigned to other facilities, and refuses them the chart', async () => {
    const elsewhere = await createStaffMember(ctx, org, ['clinician'], [westside]);
    const results = (await elsewhere.get('/api/patients?q=Jonathan%20Smith')).json();
    assert.ok(!results.some((r: { patientId: string }) => r.patientId === smith.patientId));
    const chart = await elsewhere.get(`/api/patients/${smith.patientId}`);
    assert.equal(chart.statusCode, 403);
    assert.equal(chart.json().error.code, 'patient_forbidden');
    const edit = await elsewhere.put(`/api/patients/${smith.patientId}`, patientInput({ facilityId: westside }));
    assert.equal(edit.statusCode, 403);
    const filter = await elsewhere.get(`/api/patients?facilityId=${downtown}`);
    assert.equal(filter.statusCode, 403);

    const local = await createStaffMember(ctx, org, ['clinician'], [downtown]);
    assert.ok((await local.get('/api/patients?q=Jonathan%20Smith')).json().some((r: { patientId: string }) => r.patientId === smith.patientId));
  });

  it('shows a patient to the staff of a facility where they are in a program, and lists active episodes first', async () => {
    const program = (await org.admin.post('/api/programs', programInput(westside, { name: 'Westside IOP' }))).json();
    const clinician = await createStaffMember(ctx, org, ['clinician'], [westside]);
    const admitted = await org.admin.post(`/api/patients/${smith.patientId}/episodes`, {
      programId: program.programId,
      admittedOn: '2026-11-02',
      referralSource: 'Hospital ED',
      phaseId: program.phases[0].phaseId,
      primaryClinicianId: clinician.staffId,
    });
    assert.equal(admitted.statusCode, 201, admitted.body);
    const seen = (await clinician.get('/api/patients?q=Jonathan%20Smith')).json();
    assert.deepEqual(seen.map((r: { patientId: string }) => r.patientId), [smith.patientId]);
    assert.deepEqual(seen[0].activeEpisode, {
      episodeId: admitted.json().episodeId, programId: program.programId, programName: 'Westside IOP', phaseId: program.phases[0].phaseId, phaseName: 'Engagement', admittedOn: '2026-11-02',
    });
    assert.equal((await clinician.get(`/api/patients/${smith.patientId}`)).statusCode, 200);
    const downtownList = (await org.admin.get(`/api/patients?facilityId=${downtown}`)).json();
    assert.equal(downtownList[0].patientId, smith.patientId, 'active episodes first');
    const active = (await org.admin.get('/api/patients?status=active')).json();
    assert.deepEqual(active.map((r: { patientId: string }) => r.patientId), [smith.patientId]);
    const discharged = (await org.admin.get('/api/patients?status=discharged')).json();
    assert.deepEqual(discharged, []);
  });
});
