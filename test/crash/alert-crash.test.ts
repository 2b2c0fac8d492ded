/**
 * A critical alert cannot be lost: a patient answers PHQ-9 item 9 above 0 in the portal, the
 * real server is killed with SIGKILL the moment it answers 201, restarted on the same
 * database, and the critical alert is in the primary clinician's inbox exactly once. The
 * questionnaire and its alert commit in one transaction (src/instruments/instruments.ts).
 * On PGlite this exercises the embedded data directory; with TEST_DATABASE_URL, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD } from '../support/app.ts';
import { HttpClient } from '../support/http-client.ts';
import { PORTAL_PASSWORD, tokenOf } from '../support/portal.ts';
import { type RunningServer, startServer } from '../support/server.ts';

const ADMIN = 'alert-crash-admin@example.org';

/** The patient's browser: the portal cookie and its CSRF token, over fetch. */
class PortalHttpClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('cairn_portal=')) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: response.status, json };
  }
}

let server: RunningServer;
let staff: HttpClient;
let portal: PortalHttpClient;
let staffId: string;
let patientId: string;
let episodeId: string;

before(async () => {
  server = await startServer({ CAIRN_ADMIN_EMAIL: ADMIN, CAIRN_ADMIN_PASSWORD: PASSWORD, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  staff = new HttpClient(server.url);
  await staff.ok('POST', '/api/auth/login', { email: ADMIN, password: PASSWORD });
  const facility = await staff.ok('POST', '/api/facilities', { name: 'Crash Test Clinic', addressLine1: '1 Main St', city: 'Hartford', state: 'CT', postalCode: '06103', timeZone: 'America/New_York' });
  // The default clinical settings give PHQ-9 every 14 days, so the portal offers it.
  const program = await staff.ok('POST', '/api/programs', {
    facilityId: facility.facilityId, name: 'Adult IOP', levelOfCare: '2.1', population: 'adult', modality: 'in_person', expectedLengthOfStayDays: 84,
    tracks: [{ kind: 'morning', name: 'Day', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 3, 4, 5] }],
    phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
  });
  // The administrator is also the patient's clinician.
  const me = await staff.ok('GET', '/api/me');
  staffId = me.staffId;
  await staff.ok('PUT', `/api/staff/${staffId}`, { email: ADMIN, fullName: me.fullName, credentials: ['LCSW'], roles: ['admin', 'clinician'], facilityIds: [facility.facilityId] });
  const patient = await staff.ok('POST', '/api/patients', {
    facilityId: facility.facilityId, legalGivenName: 'Rowan', legalFamilyName: 'Patient', dateOfBirth: '1985-06-15', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
  });
  patientId = patient.patientId;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  episodeId = (await staff.ok('POST', `/api/patients/${patientId}/episodes`, {
    programId: program.programId, admittedOn: today, referralSource: 'self', phaseId: program.phases[0].phaseId, primaryClinicianId: staffId,
  })).episodeId;
  const invite = await staff.ok('POST', `/api/patients/${patientId}/portal-invite`, { email: 'rowan@example.org' });
  portal = new PortalHttpClient(server.url);
  const accepted = await portal.call('POST', '/api/portal/accept', { token: tokenOf(invite.link), password: PORTAL_PASSWORD });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.json));
});

after(async () => {
  await server?.stop();
});

describe('a server killed right after a critical questionnaire is saved', () => {
  it('has the critical alert in the clinician’s inbox, exactly once, after restart', async () => {
    const saved = await portal.call('POST', '/api/portal/questionnaires', { instrument: 'phq9', episodeId, answers: [2, 1, 2, 1, 1, 2, 1, 0, 2] });
    assert.equal(saved.status, 201, JSON.stringify(saved.json));
    await server.crash();

    await server.restart();
    staff.cookie = '';
    staff.csrf = '';
    await staff.ok('POST', '/api/auth/login', { email: ADMIN, password: PASSWORD });
    const { alerts } = await staff.ok('GET', '/api/alerts/inbox');
    const forPatient = alerts.filter((a: { patient: { patientId: string } }) => a.patient.patientId === patientId);
    assert.equal(forPatient.length, 1, JSON.stringify(alerts));
    assert.deepEqual([forPatient[0].rule, forPatient[0].severity, forPatient[0].state], ['suicide_risk_phq9', 'critical', 'open']);
    assert.deepEqual(forPatient[0].recipients.map((r: { staffId: string; reason: string }) => [r.staffId, r.reason]), [[staffId, 'primary_clinician']]);
    assert.deepEqual(await staff.ok('GET', '/api/alerts/counts'), { unresolved: 1, critical: 1, overdue: 0 });
    // The response it came from survived with it, and the audit chain is intact.
    const { responses } = await staff.ok('GET', `/api/patients/${patientId}/instrument-responses?instrument=phq9`);
    assert.deepEqual(responses.map((r: { responseId: string }) => r.responseId), [forPatient[0].source.id]);
    const verify = await staff.ok('GET', '/api/audit/verify');
    assert.equal(verify.ok, true, JSON.stringify(verify));
  });
});
