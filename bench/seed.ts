/**
 * Loads the benchmark's clinic through the real API (app.inject): one facility in a time
 * zone where it is daytime now (so check-in is open), an adult IOP, 504 patients admitted
 * and enrolled in 42 daily groups of 12 that are running now, each with an admission PHQ-9. Returns what the
 * benchmark needs: the facility, today's sessions and their roster pairs.
 */
import type { FastifyInstance } from 'fastify';
import { Temporal } from 'temporal-polyfill';

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Honolulu', 'America/Sao_Paulo'];

/** A zone where the local hour now is between 09 and 15, so today's sessions are under way. */
function daytimeZone(): string {
  return ZONES.find((zone) => {
    const hour = Temporal.Now.zonedDateTimeISO(zone).hour;
    return hour >= 9 && hour <= 15;
  }) ?? 'America/New_York';
}

export interface BenchClinic {
  readonly facilityId: string;
  readonly today: string;
  readonly patients: number;
  readonly sessions: number;
  /** Every (session, patient) on today's rosters. */
  readonly pairs: readonly { sessionId: string; patientId: string }[];
}

export async function seedClinic(app: FastifyInstance, cookie: string, csrf: string, groups = 42, perGroup = 12): Promise<BenchClinic> {
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const timeZone = daytimeZone();
  const now = Temporal.Now.zonedDateTimeISO(timeZone);
  const today = now.toPlainDate().toString();
  const facility = await call('POST', '/api/facilities', { name: 'Bench Clinic', addressLine1: '1 Main St', city: 'Hartford', state: 'CT', postalCode: '06103', timeZone });
  const facilityId: string = facility.facilityId;
  const program = await call('POST', '/api/programs', {
    facilityId, name: 'Adult IOP', levelOfCare: '2.1', population: 'adult', modality: 'hybrid', expectedLengthOfStayDays: 84,
    tracks: [{ kind: 'morning', name: 'Day', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 3, 4, 5] }],
    phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
  });
  const me = await call('GET', '/api/me');
  await call('PUT', `/api/staff/${me.staffId}`, { email: me.email, fullName: me.fullName, credentials: ['LCSW'], roles: ['admin', 'clinician'], facilityIds: [facilityId] });
  const startTime = `${String(now.hour - 1).padStart(2, '0')}:00`;
  const pairs: { sessionId: string; patientId: string }[] = [];
  let patients = 0;
  for (let g = 0; g < groups; g += 1) {
    const group = await call('POST', '/api/groups', {
      facilityId, programId: program.programId, name: `Process group ${g + 1}`, groupType: 'process', facilitatorId: me.staffId,
      rrule: 'FREQ=DAILY', startsOn: today, startTime, durationMinutes: 180,
    });
    for (let p = 0; p < perGroup; p += 1) {
      const patient = await call('POST', '/api/patients', {
        facilityId, legalGivenName: `Bench${g}x${p}`, legalFamilyName: `Patient${(g * perGroup + p).toString(36)}`, dateOfBirth: '1984-03-09',
        sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home',
      });
      await call('POST', `/api/patients/${patient.patientId}/episodes`, {
        programId: program.programId, admittedOn: today, referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: me.staffId,
      });
      await call('POST', `/api/patients/${patient.patientId}/enrollments`, { groupId: group.groupId, startsOn: today, acknowledgeConflicts: true });
      // An admission PHQ-9, so the clinical worklists have scores to read.
      await call('POST', `/api/patients/${patient.patientId}/instrument-responses`, { instrument: 'phq9', answers: [1, 2, 1, 2, 1, 1, 0, 1, 0].map((a, i) => (a + g + p + i) % 4 === 3 ? 2 : a) });
      patients += 1;
    }
  }
  const board = await call('GET', `/api/facilities/${facilityId}/board?date=${today}`);
  for (const session of board.sessions) for (const entry of session.roster) pairs.push({ sessionId: session.sessionId, patientId: entry.patientId });
  return { facilityId, today, patients, sessions: board.sessions.length, pairs };
}
