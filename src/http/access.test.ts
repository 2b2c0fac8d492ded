/**
 * Deny by default, proven over every registered route: anonymous calls get 401, a role
 * outside the declaration gets 403, and no route hands one organization another's rows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { insertDrugTest, insertMedication } from '../drugtests/test-fixtures.ts';
import { STAFF_ROLES, type StaffRole } from '../staff/roles.ts';
import { registerAccessGuard } from './access.ts';
import type { StaffActor } from './actor.ts';

let ctx: TestContext;
let orgA: TestOrg;
let orgB: TestOrg;
const ids: Record<string, Record<string, string>> = {};

async function seed(org: TestOrg, label: string) {
  const facility = (await org.admin.post('/api/facilities', facilityInput(`${label} Facility`))).json();
  const program = (await org.admin.post('/api/programs', programInput(facility.facilityId, { name: `${label} Program` }))).json();
  const staff = (await org.admin.post('/api/staff', { email: `${label.toLowerCase()}-clin@example.org`, fullName: `${label} Clinician`, credentials: ['LCSW'], roles: ['clinician'], facilityIds: [facility.facilityId] })).json();
  const clinician = await createStaffMember(ctx, org, ['clinician'], [facility.facilityId]);
  const patient = (await org.admin.post('/api/patients', {
    facilityId: facility.facilityId, legalGivenName: label, legalFamilyName: 'Patient', dateOfBirth: '1988-02-14', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
  })).json();
  const episode = (await org.admin.post(`/api/patients/${patient.patientId}/episodes`, {
    programId: program.programId, admittedOn: '2026-11-02', referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: clinician.staffId,
  })).json();
  const group = (await org.admin.post('/api/groups', {
    facilityId: facility.facilityId, programId: program.programId, name: `${label} Group`, groupType: 'process', facilitatorId: clinician.staffId,
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE', startsOn: '2026-11-23', startTime: '09:00', durationMinutes: 90,
  })).json();
  const enrollment = (await org.admin.post(`/api/patients/${patient.patientId}/enrollments`, { groupId: group.groupId, acknowledgeConflicts: true })).json();
  const sessions = (await org.admin.get(`/api/facilities/${facility.facilityId}/sessions?from=2026-11-24&to=2026-11-24`)).json();
  // A treatment plan draft (objectiveId) and a completed episode with aftercare (followupId).
  const objectiveId = randomUUID();
  const draft = await clinician.put(`/api/episodes/${episode.episodeId}/plan/draft`, { content: { problems: [{ problemId: randomUUID(), statement: 'Alcohol use', goals: [{ goalId: randomUUID(), statement: 'Stay in treatment', objectives: [{
    objectiveId, description: 'Attend 90% of sessions', phaseId: null, metric: { kind: 'attendance_rate', weeks: 4 }, baseline: null, target: 90, dueOn: '2026-12-24',
    interventions: [{ interventionId: randomUUID(), service: 'Process group', frequency: '3 times a week', responsibleStaffId: clinician.staffId }],
  }] }] }] } });
  assert.equal(draft.statusCode, 200, draft.body);
  const formerPatient = (await org.admin.post('/api/patients', {
    facilityId: facility.facilityId, legalGivenName: label, legalFamilyName: 'Alumna', dateOfBirth: '1979-06-30', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
  })).json();
  const former = (await org.admin.post(`/api/patients/${formerPatient.patientId}/episodes`, {
    programId: program.programId, admittedOn: '2026-09-01', referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: clinician.staffId,
  })).json();
  const discharged = await clinician.post(`/api/episodes/${former.episodeId}/discharge`, {
    dischargedOn: '2026-11-20', reason: 'completed', summary: 'Completed the program.',
    aftercare: { outpatientReferral: { provider: 'Valley Counseling' }, meetings: [], soberLiving: null, alumniProgram: true, medicationContinuity: null, relapsePlan: 'Call the clinic.' },
  });
  assert.equal(discharged.statusCode, 200, discharged.body);
  const aftercare = (await clinician.get(`/api/episodes/${former.episodeId}/aftercare`)).json();
  // Monitoring (issue 5): a collected drug test, a medication, an alert and an on-call shift.
  const db = ctx.deps.db;
  const { testId } = await insertDrugTest(db, org.orgId, { patientId: patient.patientId, facilityId: facility.facilityId, episodeId: episode.episodeId, collectedBy: clinician.staffId });
  const medicationId = await insertMedication(db, org.orgId, { patientId: patient.patientId, createdBy: clinician.staffId, name: 'Suboxone', expectedAnalytes: ['buprenorphine'], startedOn: '2026-11-02' });
  const alertId = randomUUID();
  const at = new Date('2026-11-24T15:00:00Z');
  await db.insertInto('alerts').values({
    org_id: org.orgId, alert_id: alertId, patient_id: patient.patientId, episode_id: episode.episodeId, facility_id: facility.facilityId, rule: 'drug_test_refused', severity: 'high',
    condition_key: testId, source_entity: 'drug_test', source_id: testId, details: '{}', raised_at: at, due_by: new Date(at.getTime() + 86_400_000), state: 'open',
  }).execute();
  const shiftId = randomUUID();
  await db.insertInto('on_call_shifts').values({
    org_id: org.orgId, shift_id: shiftId, facility_id: facility.facilityId, staff_id: clinician.staffId, starts_at: at, ends_at: new Date(at.getTime() + 86_400_000), created_by: clinician.staffId, created_at: at,
  }).execute();
  ids[label] = {
    facilityId: facility.facilityId, programId: program.programId, staffId: staff.staff.staffId, patientId: patient.patientId, episodeId: episode.episodeId,
    groupId: group.groupId, enrollmentId: enrollment.enrollmentId, sessionId: sessions[0].sessionId, objectiveId, followupId: aftercare.followups[0].followupId,
    testId, medicationId, alertId, shiftId,
  };
  for (const [name, value] of Object.entries(ids[label]!)) assert.ok(value, `seeding ${label} produced no ${name}`);
}

before(async () => {
  ctx = await startTestApp();
  orgA = await createOrg(ctx, 'Alpha Recovery');
  orgB = await createOrg(ctx, 'Beta Behavioral');
  await seed(orgA, 'Alpha');
  await seed(orgB, 'Beta');
});

const fillParams = (url: string, values: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');

const apiRoutes = () => ctx.routes().filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));

describe('access declarations', () => {
  it('every route declares its access, and only these are public', () => {
    const undeclared = ctx.routes().filter((r) => !r.access);
    assert.deepEqual(undeclared, []);
    const publicApi = apiRoutes().filter((r) => r.access?.public).map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(publicApi, [
      'GET /api/auth/link',
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/auth/accept-link',
      'POST /api/auth/login',
      'POST /api/portal/accept',
      'POST /api/portal/login',
      'POST /api/setup',
    ]);
  });

  it('only the caller’s own account routes are open to any signed-in role', () => {
    const anyRole = apiRoutes().filter((r) => r.access && !r.access.public && !r.access.portal && r.access.roles === 'any').map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(anyRole, [
      'GET /api/me',
      'POST /api/auth/logout',
      'POST /api/me/password',
      'POST /api/me/totp',
      'POST /api/me/totp/confirm',
      'POST /api/me/totp/disable',
    ]);
  });

  it('the server refuses to start when a route has no declaration', async () => {
    const app = Fastify();
    registerAccessGuard(app, { db: ctx.deps.db, authenticate: async () => ({}) as StaffActor, authenticatePatient: async () => { throw new Error('unused'); }, patientFacilities: async () => [] });
    app.get('/api/forgotten', async () => 'oops');
    await assert.rejects(async () => { await app.ready(); }, /without an access declaration: GET \/api\/forgotten/);
  });
});

describe('every non-public route', () => {
  it('rejects an anonymous call with 401', async () => {
    const anonymous = new Client(ctx.app);
    const checked: string[] = [];
    for (const route of apiRoutes().filter((r) => !r.access?.public)) {
      const response = await anonymous.request(route.method, fillParams(route.url, ids['Alpha']!), route.method === 'GET' ? undefined : {});
      assert.equal(response.statusCode, 401, `${route.method} ${route.url} answered ${response.statusCode}`);
      assert.equal(response.json().error.code, 'unauthenticated');
      checked.push(route.url);
    }
    assert.ok(checked.length >= 25, `checked ${checked.length} routes`);
  });

  it('rejects a role outside its declaration with 403', async () => {
    const clients = new Map<string, Client>();
    const clientWith = async (roles: StaffRole[]) => {
      const key = roles.join(',');
      if (!clients.has(key)) clients.set(key, await createStaffMember(ctx, orgA, roles, [ids['Alpha']!.facilityId!]));
      return clients.get(key)!;
    };
    let checked = 0;
    for (const route of apiRoutes().filter((r) => r.access && !r.access.public && !r.access.portal && r.access.roles !== 'any')) {
      const allowed = (route.access as { roles: readonly StaffRole[] }).roles;
      const outside = STAFF_ROLES.filter((role) => !allowed.includes(role));
      // A route open to every staff role is still closed to an account holding no role.
      const roles: StaffRole[] = outside.length ? [outside[0]!] : [];
      const client = await clientWith(roles);
      const response = await client.request(route.method, fillParams(route.url, ids['Alpha']!), route.method === 'GET' ? undefined : {});
      assert.equal(response.statusCode, 403, `${route.method} ${route.url} as [${roles}] answered ${response.statusCode}`);
      assert.equal(response.json().error.code, 'forbidden');
      checked += 1;
    }
    assert.ok(checked >= 20, `checked ${checked} routes`);
  });
});

describe('organizations are isolated', () => {
  it('no GET route returns another organization’s rows, by list or by id', async () => {
    const beta = ids['Beta']!;
    const betaMarkers = ['Beta Facility', 'Beta Program', 'Beta Clinician', 'Beta Behavioral', 'Beta Patient', 'Beta Group', ...Object.values(beta)];
    for (const route of apiRoutes().filter((r) => r.method === 'GET' && !r.access?.public)) {
      const response = await orgA.admin.get(fillParams(route.url, beta));
      for (const marker of betaMarkers) {
        assert.ok(!response.body.includes(marker), `${route.url} with Beta's ids leaked "${marker}" (status ${response.statusCode})`);
      }
      if (route.url.includes(':')) assert.ok([403, 404].includes(response.statusCode), `${route.url} answered ${response.statusCode}`);
    }
  });

  it('writes addressed to another organization’s records change nothing', async () => {
    const beta = ids['Beta']!;
    const attempts = [
      await orgA.admin.put(`/api/facilities/${beta.facilityId}`, facilityInput('Hijacked')),
      await orgA.admin.put(`/api/programs/${beta.programId}`, programInput(ids['Alpha']!.facilityId!, { name: 'Hijacked' })),
      await orgA.admin.post('/api/programs', programInput(beta.facilityId!, { name: 'Planted' })),
      await orgA.admin.put(`/api/staff/${beta.staffId}`, { email: 'hijack@example.org', fullName: 'Hijacked', credentials: [], roles: ['admin'], facilityIds: [] }),
      await orgA.admin.post(`/api/staff/${beta.staffId}/deactivate`),
    ];
    for (const response of attempts) assert.ok([403, 404, 422].includes(response.statusCode), `answered ${response.statusCode}: ${response.body}`);
    const betaView = (await orgB.admin.get(`/api/facilities/${beta.facilityId}`)).json();
    assert.equal(betaView.name, 'Beta Facility');
    const programs = (await orgB.admin.get('/api/programs')).json();
    assert.deepEqual(programs.map((p: { name: string }) => p.name), ['Beta Program']);
    const staff = (await orgB.admin.get(`/api/staff/${beta.staffId}`)).json();
    assert.equal(staff.status, 'invited');
  });

  it('staff see only the facilities they are assigned to', async () => {
    const second = (await orgA.admin.post('/api/facilities', facilityInput('Alpha Westside', 'America/Chicago'))).json();
    await orgA.admin.post('/api/programs', programInput(second.facilityId, { name: 'Westside Program' }));
    const clinician = await createStaffMember(ctx, orgA, ['clinician'], [ids['Alpha']!.facilityId!]);
    const facilities = (await clinician.get('/api/facilities')).json();
    assert.deepEqual(facilities.map((f: { name: string }) => f.name), ['Alpha Facility']);
    const programs = (await clinician.get('/api/programs')).json();
    assert.deepEqual(programs.map((p: { name: string }) => p.name), ['Alpha Program']);
    const other = await clinician.get(`/api/facilities/${second.facilityId}`);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'facility_forbidden');
    const director = await createStaffMember(ctx, orgA, ['clinical_director'], [ids['Alpha']!.facilityId!]);
    const planted = await director.post('/api/programs', programInput(second.facilityId, { name: 'Not my facility' }));
    assert.equal(planted.statusCode, 403);
  });
});
