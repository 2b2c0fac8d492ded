/**
 * Durability of check-ins: the real server is killed with SIGKILL in the middle of a burst
 * of front-desk check-ins, restarted on the same database, and every check-in it had
 * acknowledged (answered 200) must be there. On PGlite this exercises the embedded data
 * directory (fsync off: survives a killed process, not a power cut); with
 * TEST_DATABASE_URL, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { PASSWORD } from '../support/app.ts';
import { HttpClient } from '../support/http-client.ts';
import { type RunningServer, startServer } from '../support/server.ts';

const ADMIN = 'crash-admin@example.org';
const PATIENTS = 40;
const TIME_ZONE = 'America/New_York';

let server: RunningServer;
let client: HttpClient;
let sessionId: string;
let facilityId: string;
let today: string;
const patientIds: string[] = [];

before(async () => {
  server = await startServer({ CAIRN_ADMIN_EMAIL: ADMIN, CAIRN_ADMIN_PASSWORD: PASSWORD, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  client = new HttpClient(server.url);
  await client.ok('POST', '/api/auth/login', { email: ADMIN, password: PASSWORD });
  const facility = await client.ok('POST', '/api/facilities', {
    name: 'Crash Test Clinic', addressLine1: '1 Main St', city: 'Hartford', state: 'CT', postalCode: '06103', timeZone: TIME_ZONE,
  });
  facilityId = facility.facilityId;
  const program = await client.ok('POST', '/api/programs', {
    facilityId, name: 'Adult IOP', levelOfCare: '2.1', population: 'adult', modality: 'in_person', expectedLengthOfStayDays: 84,
    tracks: [{ kind: 'morning', name: 'Day', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 3, 4, 5] }],
    phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
  });
  // The admin facilitates: give the account a clinical role and this facility.
  const me = await client.ok('GET', '/api/me');
  await client.ok('PUT', `/api/staff/${me.staffId}`, { email: ADMIN, fullName: me.fullName, credentials: ['LCSW'], roles: ['admin', 'clinician'], facilityIds: [facilityId] });

  // A session that is running now in the facility's zone, so check-in is open.
  const now = Temporal.Now.zonedDateTimeISO(TIME_ZONE);
  today = now.toPlainDate().toString();
  const start = now.hour === 0 ? '00:00' : now.subtract({ minutes: 30 }).toPlainTime().toString({ smallestUnit: 'minute' }).slice(0, 2) + ':00';
  const group = await client.ok('POST', '/api/groups', {
    facilityId, programId: program.programId, name: 'Open process group', groupType: 'process', facilitatorId: me.staffId, capacity: 100,
    rrule: 'FREQ=DAILY', startsOn: today, startTime: start, durationMinutes: 240,
  });
  for (let i = 0; i < PATIENTS; i += 1) {
    const patient = await client.ok('POST', '/api/patients', {
      facilityId, legalGivenName: `Crash${i}`, legalFamilyName: 'Patient', dateOfBirth: '1985-06-15', sexAtBirth: 'male', genderIdentity: 'man', residence: 'home',
    });
    await client.ok('POST', `/api/patients/${patient.patientId}/episodes`, {
      programId: program.programId, admittedOn: today, referralSource: 'self', phaseId: program.phases[0].phaseId, primaryClinicianId: me.staffId,
    });
    await client.ok('POST', `/api/patients/${patient.patientId}/enrollments`, { groupId: group.groupId, startsOn: today, acknowledgeConflicts: true });
    patientIds.push(patient.patientId);
  }
  const board = await client.ok('GET', `/api/facilities/${facilityId}/board?date=${today}`);
  sessionId = board.sessions.find((s: { groupId: string }) => s.groupId === group.groupId).sessionId;
});

after(async () => {
  await server?.stop();
});

describe('a server killed during a burst of check-ins', () => {
  it('keeps every check-in it acknowledged', async () => {
    const acknowledged: string[] = [];
    let killed = false;
    let answered = 0;
    const burst = patientIds.map(async (patientId, i) => {
      // Spread the burst so the kill lands in the middle of it.
      await new Promise((resolve) => setTimeout(resolve, i * 15));
      try {
        // No body, as a one-tap button may send: check-in's fields are all optional.
        const { status } = await client.call('POST', `/api/sessions/${sessionId}/attendance/${patientId}/check-in`);
        if (status === 200) acknowledged.push(patientId);
      } catch {
        // connection reset by the kill: not acknowledged
      }
      answered += 1;
    });
    const killer = (async () => {
      while (acknowledged.length < PATIENTS / 3 && answered < PATIENTS) await new Promise((resolve) => setTimeout(resolve, 5));
      if (answered === PATIENTS) return; // every check-in was refused or answered before the kill: nothing to test
      await server.crash();
      killed = true;
    })();
    await Promise.all([...burst, killer]);
    assert.ok(killed, `the server was not killed: ${acknowledged.length} of ${PATIENTS} check-ins acknowledged`);
    assert.ok(acknowledged.length >= PATIENTS / 3, `only ${acknowledged.length} acknowledged`);
    assert.ok(acknowledged.length < PATIENTS, 'the kill landed after the burst ended; nothing was tested');

    await server.restart();
    client.cookie = '';
    await client.ok('POST', '/api/auth/login', { email: ADMIN, password: PASSWORD });
    const board = await client.ok('GET', `/api/facilities/${facilityId}/board?date=${today}`);
    const session = board.sessions.find((s: { sessionId: string }) => s.sessionId === sessionId);
    const checkedIn = new Set(session.roster.filter((r: { attendance: { checkedInAt: string | null } | null }) => r.attendance?.checkedInAt).map((r: { patientId: string }) => r.patientId));
    const lost = acknowledged.filter((id) => !checkedIn.has(id));
    assert.deepEqual(lost, [], `${lost.length} acknowledged check-ins were lost`);
    // And the audit trail is still a valid chain after the crash.
    const verify = await client.ok('GET', '/api/audit/verify');
    assert.equal(verify.ok, true, JSON.stringify(verify));
  });
});
