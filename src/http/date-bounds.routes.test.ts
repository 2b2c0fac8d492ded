/**
 * One rule for local days across the API (local-time.ts MIN_LOCAL_DATE..MAX_LOCAL_DATE): a day
 * outside 1900–2199 is refused as bad input before it reaches date arithmetic or the database,
 * where year 9999 plus a few days overflowed into a 500.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type SchedulingWorld, groupInput, insertPatient, schedulingWorld } from '../scheduling/test-fixtures.ts';

let world: SchedulingWorld;
let patientId: string;
let episodeId: string;
let groupId: string;

before(async () => {
  world = await schedulingWorld();
  const patient = await insertPatient(world);
  patientId = patient.patientId;
  episodeId = patient.episodeId!;
  const group = await world.clinician.post('/api/groups', groupInput(world, { name: 'Bounds group' }));
  assert.equal(group.statusCode, 201, group.body);
  groupId = group.json().groupId;
});

describe('a day outside the years 1900 to 2199', () => {
  const refused: [string, 'GET' | 'POST', () => string, () => Record<string, unknown> | undefined, string][] = [
    ['the facility calendar from 30 December 9999', 'GET', () => `/api/facilities/${world.facilityId}/sessions?from=9999-12-30`, () => undefined, 'querystring.from'],
    ['a patient’s hours in the year 9999', 'GET', () => `/api/patients/${patientId}/hours?from=9999-06-01&to=9999-12-31`, () => undefined, 'querystring.from'],
    ['a patient’s schedule for the week of 31 December 9999', 'GET', () => `/api/patients/${patientId}/schedule?weekOf=9999-12-31`, () => undefined, 'querystring.weekOf'],
    ['an enrolment check starting 20 December 9999', 'POST', () => `/api/patients/${patientId}/enrollments/check`, () => ({ groupId, startsOn: '9999-12-20' }), 'startsOn'],
    ['a session booked at 23:00 on 31 December 9999', 'POST', () => `/api/patients/${patientId}/sessions`, () => ({ kind: 'individual', clinicianId: world.clinician.staffId, date: '9999-12-31', startTime: '23:00', durationMinutes: 120 }), 'date'],
    ['a phase change effective in the year 50', 'POST', () => `/api/episodes/${episodeId}/phase`, () => ({ phaseId: world.phaseId, effectiveOn: '0050-01-05' }), 'effectiveOn'],
    ['the attendance board for 1 January 2200', 'GET', () => `/api/facilities/${world.facilityId}/board?date=2200-01-01`, () => undefined, 'querystring.date'],
  ];
  for (const [sentence, method, path, body, field] of refused) {
    it(`refuses ${sentence} as a 400 naming the field, not a 500`, async () => {
      const response = await world.clinician.request(method, path(), body());
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
      assert.ok(response.json().error.details.some((d: { path: string }) => d.path === field), response.body);
    });
  }

  it('accepts the last day of 2199, and the weeks that run past it still answer', async () => {
    const calendar = await world.clinician.get(`/api/facilities/${world.facilityId}/sessions?from=2199-12-31`);
    assert.equal(calendar.statusCode, 200, calendar.body);
    const schedule = await world.clinician.get(`/api/patients/${patientId}/schedule?weekOf=2199-12-31`);
    assert.equal(schedule.statusCode, 200, schedule.body);
    assert.equal(schedule.json().weekEnd, '2200-01-05');
  });
});
