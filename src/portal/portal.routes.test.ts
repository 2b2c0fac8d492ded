/**
 * The patient portal's doors: staff invite, the patient sets a password and signs in, and
 * a portal session reaches only portal routes (and a staff session none of them).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, startTestApp } from '../../test/support/app.ts';
import { PortalClient, tokenOf } from '../../test/support/portal.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;

async function insertPatient(given: string, at: { orgId: string; facilityId: string } = { orgId: org.orgId, facilityId }): Promise<string> {
  const patientId = randomUUID();
  const now = ctx.clock.now();
  await ctx.deps.db
    .insertInto('patients')
    .values({
      org_id: at.orgId, patient_id: patientId, facility_id: at.facilityId, mrn: `T-${patientId.slice(0, 6)}`, legal_given_name: given, legal_family_name: 'Rivera',
      preferred_name: null, date_of_birth: '1990-04-02', sex_at_birth: 'female', gender_identity: 'woman', pronouns: 'she/her', language: 'en', phone: null, email: null,
      address: 'null', emergency_contact: 'null', support_persons: '[]', residence: 'home', residence_note: null, availability: '[]', diagnoses: '[]',
      specialty_populations: [], possible_duplicate_of: null, created_at: now, updated_at: now,
    })
    .execute();
  return patientId;
}

const NEW_PASSWORD = 'maple-harbor-sunrise-77';

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
});

describe('portal invitations', () => {
  it('a patient invited by staff sets a password, is signed in, and sees their own name', async () => {
    const patientId = await insertPatient('Dana');
    const invite = await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'dana@example.org' });
    assert.equal(invite.statusCode, 201, invite.body);
    assert.match(invite.json().link, /^http:\/\/cairn\.test\/portal\/accept#token=/);
    const patient = new PortalClient(ctx);
    const accepted = await patient.request('POST', '/api/portal/accept', { token: tokenOf(invite.json().link), password: NEW_PASSWORD });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().givenName, 'Dana');
    assert.equal(accepted.json().facilityName, 'Riverbend Downtown');
    const me = await patient.request('GET', '/api/portal/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().patientId, patientId);
    const status = await org.admin.get(`/api/patients/${patientId}/portal`);
    assert.deepEqual(status.json(), { status: 'active', email: 'dana@example.org' });
    // The link works once.
    const again = await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(invite.json().link), password: NEW_PASSWORD });
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().error.code, 'token_invalid');
  });

  it('a second invitation voids the first, and an active account cannot be re-invited', async () => {
    const patientId = await insertPatient('Eli');
    const first = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'eli@example.org' })).json();
    const second = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'eli@example.org' })).json();
    assert.equal((await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(first.link), password: NEW_PASSWORD })).statusCode, 404);
    assert.equal((await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(second.link), password: NEW_PASSWORD })).statusCode, 200);
    const third = await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'eli@example.org' });
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.code, 'portal_account_exists');
  });

  it('a weak password is refused and the link stays usable', async () => {
    const patientId = await insertPatient('Fran');
    const invite = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'fran@example.org' })).json();
    const weak = await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: 'password' });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().error.code, 'weak_password');
    assert.equal((await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: NEW_PASSWORD })).statusCode, 200);
  });

  it('an invitation does not reveal that the address belongs to a patient of another organization', async () => {
    const other = await createOrg(ctx, 'Other Recovery');
    const otherFacility = (await other.admin.post('/api/facilities', facilityInput('Elsewhere'))).json().facilityId;
    const ours = await insertPatient('Lee');
    const theirs = await insertPatient('Lee', { orgId: other.orgId, facilityId: otherFacility });
    const first = await org.admin.post(`/api/patients/${ours}/portal-invite`, { email: 'lee@example.org' });
    const second = await other.admin.post(`/api/patients/${theirs}/portal-invite`, { email: 'LEE@example.org' });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201, second.body);
    await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(first.json().link), password: NEW_PASSWORD });
    await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(second.json().link), password: 'cedar-lantern-orbit-19' });
    // Each password signs in to its own organization's account.
    const mine = await new PortalClient(ctx).request('POST', '/api/portal/login', { email: 'lee@example.org', password: NEW_PASSWORD });
    const yours = await new PortalClient(ctx).request('POST', '/api/portal/login', { email: 'lee@example.org', password: 'cedar-lantern-orbit-19' });
    assert.equal(mine.json().patientId, ours);
    assert.equal(yours.json().patientId, theirs);
    // Within one organization an address still names one account.
    const clash = await org.admin.post(`/api/patients/${await insertPatient('Lee2')}/portal-invite`, { email: 'lee@example.org' });
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.json().error.code, 'email_taken');
  });

  it('front desk may invite, billing may not; an unknown patient is 404', async () => {
    const patientId = await insertPatient('Gus');
    const billing = await createStaffMember(ctx, org, ['billing'], [facilityId]);
    assert.equal((await billing.post(`/api/patients/${patientId}/portal-invite`, { email: 'gus@example.org' })).statusCode, 403);
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
    assert.equal((await frontDesk.post(`/api/patients/${patientId}/portal-invite`, { email: 'gus@example.org' })).statusCode, 201);
    assert.equal((await org.admin.post(`/api/patients/${randomUUID()}/portal-invite`, { email: 'x@example.org' })).statusCode, 404);
  });
});

describe('portal sign-in', () => {
  it('signs in by e-mail and password, locks after repeated failures, and signs out', async () => {
    const patientId = await insertPatient('Hana');
    const invite = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'Hana@Example.org' })).json();
    await new PortalClient(ctx).request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: NEW_PASSWORD });
    const patient = new PortalClient(ctx);
    const ok = await patient.request('POST', '/api/portal/login', { email: 'hana@example.org', password: NEW_PASSWORD });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await patient.request('POST', '/api/portal/logout')).statusCode, 204);
    assert.equal((await patient.request('GET', '/api/portal/me')).statusCode, 401);

    const guesser = new PortalClient(ctx);
    const answers: number[] = [];
    for (let i = 0; i < 6; i += 1) answers.push((await guesser.request('POST', '/api/portal/login', { email: 'hana@example.org', password: `wrong-guess-${i}-xx` })).statusCode);
    assert.deepEqual(answers, [401, 401, 401, 401, 423, 423]);
    assert.equal((await guesser.request('POST', '/api/portal/login', { email: 'hana@example.org', password: NEW_PASSWORD })).statusCode, 423);
    ctx.clock.advanceMinutes(16);
    assert.equal((await guesser.request('POST', '/api/portal/login', { email: 'hana@example.org', password: NEW_PASSWORD })).statusCode, 200);
    await org.admin.login(org.adminEmail); // the administrator's session idled out meanwhile
  });

  it('switching portal access off ends the patient’s sessions', async () => {
    const patientId = await insertPatient('Ivy');
    const invite = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'ivy@example.org' })).json();
    const patient = new PortalClient(ctx);
    await patient.request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: NEW_PASSWORD });
    assert.equal((await org.admin.post(`/api/patients/${patientId}/portal-access`, { active: false })).statusCode, 204);
    assert.equal((await patient.request('GET', '/api/portal/me')).statusCode, 401);
    const login = await new PortalClient(ctx).request('POST', '/api/portal/login', { email: 'ivy@example.org', password: NEW_PASSWORD });
    assert.equal(login.statusCode, 403);
    assert.equal(login.json().error.code, 'account_inactive');
  });

  it('a staff session cannot use portal routes and a portal session cannot use staff routes', async () => {
    const patientId = await insertPatient('Jo');
    const invite = (await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email: 'jo@example.org' })).json();
    const patient = new PortalClient(ctx);
    await patient.request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: NEW_PASSWORD });
    assert.equal((await org.admin.get('/api/portal/me')).statusCode, 401);
    for (const url of ['/api/me', '/api/facilities', `/api/patients/${patientId}/portal`]) {
      assert.equal((await patient.request('GET', url)).statusCode, 401, url);
    }
    // A portal write without the CSRF token is refused.
    const noCsrf = await ctx.app.inject({ method: 'POST', url: '/api/portal/logout', headers: { cookie: patient.cookie! } });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'csrf_failed');
  });

  it('sign-ins, invitations and failures are in the audit trail under the patient', async () => {
    const events = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'actor_role']).where('org_id', '=', org.orgId).where('entity', 'in', ['portal_session', 'portal_invitation']).execute();
    const seen = new Set(events.map((e) => `${e.action}:${e.entity}:${e.actor_role}`));
    for (const expected of ['create:portal_invitation:admin', 'login:portal_session:patient', 'login_failed:portal_session:patient', 'logout:portal_session:patient']) {
      assert.ok(seen.has(expected), `missing ${expected}`);
    }
  });
});

describe('my week in the portal', () => {
  it('a patient joins their telehealth group by video, which records telehealth attendance, and sees the hours', async () => {
    const program = (await org.admin.post('/api/programs', {
      facilityId, name: 'Telehealth IOP', levelOfCare: '2.1', population: 'adult', modality: 'telehealth', expectedLengthOfStayDays: 84,
      tracks: [{ kind: 'morning', name: 'Morning', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 4] }],
      phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
    })).json();
    const clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
    const patient = (await org.admin.post('/api/patients', {
      facilityId, legalGivenName: 'Kim', legalFamilyName: 'Okafor', dateOfBirth: '1979-09-30', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
    })).json();
    await org.admin.post(`/api/patients/${patient.patientId}/episodes`, { programId: program.programId, admittedOn: '2026-11-16', referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: clinician.staffId });
    const group = (await org.admin.post('/api/groups', {
      facilityId, programId: program.programId, name: 'Video process group', groupType: 'process', facilitatorId: clinician.staffId, videoUrl: 'https://video.example.org/room-7',
      rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2026-11-17', startTime: '10:00', durationMinutes: 90,
    })).json();
    const other = (await org.admin.post('/api/groups', {
      facilityId, programId: program.programId, name: 'Someone else’s group', groupType: 'process', facilitatorId: clinician.staffId, videoUrl: 'https://video.example.org/room-8',
      rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2026-11-17', startTime: '10:00', durationMinutes: 90,
    })).json();
    assert.equal((await org.admin.post(`/api/patients/${patient.patientId}/enrollments`, { groupId: group.groupId, startsOn: '2026-11-17', acknowledgeConflicts: true })).statusCode, 201);
    const invite = (await org.admin.post(`/api/patients/${patient.patientId}/portal-invite`, { email: 'kim@example.org' })).json();
    const portal = new PortalClient(ctx);
    await portal.request('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: NEW_PASSWORD });

    const sessions = (await org.admin.get(`/api/facilities/${facilityId}/sessions?from=2026-11-24&to=2026-11-24`)).json();
    const mine = sessions.find((s: { groupId: string }) => s.groupId === group.groupId);
    const theirs = sessions.find((s: { groupId: string }) => s.groupId === other.groupId);
    const joined = await portal.request('POST', `/api/portal/sessions/${mine.sessionId}/join`);
    assert.equal(joined.statusCode, 200, joined.body);
    assert.equal(joined.json().videoUrl, 'https://video.example.org/room-7');
    const refused = await portal.request('POST', `/api/portal/sessions/${theirs.sessionId}/join`);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'not_on_roster');

    const board = (await org.admin.get(`/api/facilities/${facilityId}/board?date=2026-11-24`)).json();
    const entry = board.sessions.find((s: { sessionId: string }) => s.sessionId === mine.sessionId).roster[0];
    // The clock moved 16 minutes in the lockout test, so the patient joined late.
    assert.equal(entry.attendance.status, 'late');
    assert.equal(entry.attendance.method, 'telehealth');

    const week = (await portal.request('GET', '/api/portal/schedule')).json();
    assert.equal(week.weekStart, '2026-11-23');
    assert.deepEqual(week.sessions.map((s: { title: string; attendance: { method: string } | null }) => [s.title, s.attendance?.method]), [['Video process group', 'telehealth']]);
    assert.equal((await portal.request('GET', '/api/portal/schedule?weekOf=2026-02-30')).statusCode, 400);

    // Last week's session was missed entirely; this week is in progress.
    const hours = (await portal.request('GET', '/api/portal/hours')).json();
    const thisWeek = hours.find((w: { weekStart: string }) => w.weekStart === '2026-11-23');
    assert.equal(thisWeek.scheduledHours, 1.5);
    const audit = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity']).where('org_id', '=', org.orgId).where('actor_id', '=', patient.patientId).execute();
    assert.ok(audit.some((e) => e.entity === 'attendance' && e.action === 'create'), 'the video check-in is audited under the patient');
    assert.ok(audit.some((e) => e.entity === 'patient_hours' && e.action === 'read'));
  });
});
