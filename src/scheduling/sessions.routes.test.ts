import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createStaffMember, facilityInput, programInput } from '../../test/support/app.ts';
import { type SchedulingWorld, auditEventsFor, groupInput, insertAttendance, insertPatient, schedulingWorld } from './test-fixtures.ts';

let world: SchedulingWorld;
let groupId: string;

interface Session { sessionId: string; kind: string; title: string; localDate: string; localStart: string; localEnd: string; status: string; statusReason: string | null; moved: boolean; patientName: string | null; enrolledCount: number | null; capacity: number | null; room: string | null }

before(async () => {
  world = await schedulingWorld();
  groupId = (await world.org.admin.post('/api/groups', groupInput(world))).json().groupId;
});

const calendar = async (from: string, to: string): Promise<Session[]> => {
  const response = await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=${from}&to=${to}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
};
const groupSessionOn = async (date: string) => (await calendar(date, date)).find((s) => s.kind === 'group' && s.title === 'Early recovery process group')!;

describe('the facility calendar', () => {
  it('shows this week by default, in local time, with seats', async () => {
    const week = (await (await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions`)).json()) as Session[];
    assert.deepEqual(week.map((s) => `${s.localDate} ${s.localStart}-${s.localEnd}`), ['2026-11-25 09:00-12:00', '2026-11-26 09:00-12:00']);
    assert.deepEqual([week[0]!.enrolledCount, week[0]!.capacity, week[0]!.room], [0, 12, 'Room 2']);
  });

  it('materialises weeks beyond the first eight when they are read', async () => {
    const far = await calendar('2027-03-01', '2027-03-07');
    assert.deepEqual(far.map((s) => s.localDate), ['2027-03-01', '2027-03-03', '2027-03-04']);
    assert.deepEqual((await calendar('2027-03-01', '2027-03-07')).map((s) => s.sessionId), far.map((s) => s.sessionId), 'reading again writes nothing new');
  });

  it('refuses more than 42 days, a range that ends before it starts, and a date that does not exist', async () => {
    const long = await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=2026-11-01&to=2026-12-13`);
    assert.equal(long.statusCode, 422);
    assert.equal(long.json().error.code, 'date_out_of_range');
    assert.equal((await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=2026-11-01&to=2026-12-12`)).statusCode, 200);
    const backwards = await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=2026-11-10&to=2026-11-01`);
    assert.equal(backwards.json().error.code, 'date_out_of_range');
    const unreal = await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=2026-02-30`);
    assert.deepEqual([unreal.statusCode, unreal.json().error.details[0].path], [422, 'from']);
  });

  it('an unknown facility is 404', async () => {
    assert.equal((await world.org.admin.get('/api/facilities/00000000-0000-4000-8000-000000000000/sessions')).statusCode, 404);
  });
});

describe('cancelling and moving one occurrence', () => {
  it('a holiday cancellation keeps the session on the calendar with its reason; cancelling twice is refused', async () => {
    const thanksgiving = await groupSessionOn('2026-11-26');
    const response = await world.clinician.post(`/api/sessions/${thanksgiving.sessionId}/cancel`, { reason: 'Thanksgiving' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().status, response.json().statusReason], ['cancelled', 'Thanksgiving']);
    const again = await world.clinician.post(`/api/sessions/${thanksgiving.sessionId}/cancel`, { reason: 'Thanksgiving' });
    assert.equal(again.json().error.code, 'session_cancelled');
    assert.equal((await groupSessionOn('2026-11-26')).status, 'cancelled');
  });

  it('a session with attendance cannot be cancelled or moved', async () => {
    const session = await groupSessionOn('2026-11-25');
    const { patientId } = await insertPatient(world);
    await insertAttendance(world, session.sessionId, patientId);
    const cancel = await world.clinician.post(`/api/sessions/${session.sessionId}/cancel`, { reason: 'Snow' });
    assert.deepEqual([cancel.statusCode, cancel.json().error.code], [409, 'conflict']);
    const move = await world.clinician.post(`/api/sessions/${session.sessionId}/move`, { date: '2026-11-27', startTime: '09:00', reason: 'Snow' });
    assert.equal(move.statusCode, 409);
  });

  it('a moved occurrence keeps its identity: reading the calendar again does not bring back the original', async () => {
    const monday = await groupSessionOn('2026-11-30');
    const response = await world.clinician.post(`/api/sessions/${monday.sessionId}/move`, { date: '2026-12-01', startTime: '14:00', durationMinutes: 120, room: 'Room 5', reason: 'Facilitator training' });
    assert.equal(response.statusCode, 200, response.body);
    const moved = response.json();
    assert.deepEqual([moved.localDate, moved.localStart, moved.localEnd, moved.room, moved.moved], ['2026-12-01', '14:00', '16:00', 'Room 5', true]);
    assert.equal(await groupSessionOn('2026-11-30'), undefined);
    assert.equal((await groupSessionOn('2026-12-01')).sessionId, monday.sessionId);
  });

  it('front desk may not cancel; an unknown session is 404', async () => {
    const frontDesk = await createStaffMember(world.ctx, world.org, ['front_desk'], [world.facilityId]);
    const session = await groupSessionOn('2026-12-02');
    assert.equal((await frontDesk.post(`/api/sessions/${session.sessionId}/cancel`, { reason: 'x' })).statusCode, 403);
    assert.equal((await world.clinician.post('/api/sessions/00000000-0000-4000-8000-000000000000/cancel', { reason: 'x' })).statusCode, 404);
  });
});

describe('individual and family sessions', () => {
  it('are booked for a patient with a clinician and appear on the calendar with the patient’s name', async () => {
    const { patientId } = await insertPatient(world, { givenName: 'Casey', familyName: 'Nguyen' });
    const response = await world.clinician.post(`/api/patients/${patientId}/sessions`, { kind: 'individual', clinicianId: world.clinician.staffId, date: '2026-12-04', startTime: '15:00', durationMinutes: 50 });
    assert.equal(response.statusCode, 201, response.body);
    const session = response.json();
    assert.deepEqual([session.kind, session.title, session.localStart, session.localEnd, session.patientName, session.enrolledCount], ['individual', 'Individual session', '15:00', '15:50', 'Casey Nguyen', null]);
    const day = await calendar('2026-12-04', '2026-12-04');
    assert.ok(day.some((s) => s.sessionId === session.sessionId));
    const audit = await auditEventsFor(world, patientId);
    assert.deepEqual(audit.map((e) => `${e.action} ${e.entity}`), ['create session']);
    const calendarRead = await world.ctx.deps.db.selectFrom('audit_events').select('details').where('entity', '=', 'calendar').execute();
    assert.ok(calendarRead.some((e) => (e.details as { patientIds: string[] }).patientIds.includes(patientId)), 'the calendar read is audited with the patient ids it showed');
  });

  it('a clash with the clinician’s group is a 409 listing the conflict, bookable once acknowledged', async () => {
    const { patientId } = await insertPatient(world);
    const input = { kind: 'family', clinicianId: world.clinician.staffId, date: '2026-12-03', startTime: '11:00', durationMinutes: 60 };
    const clash = await world.clinician.post(`/api/patients/${patientId}/sessions`, input);
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.json().error.code, 'schedule_conflict');
    assert.deepEqual(clash.json().error.details.map((c: { kind: string; localDate: string; localStart: string }) => [c.kind, c.localDate, c.localStart]), [['session', '2026-12-03', '09:00']]);
    const booked = await world.clinician.post(`/api/patients/${patientId}/sessions`, { ...input, acknowledgeConflicts: true });
    assert.equal(booked.statusCode, 201);
    assert.equal(booked.json().title, 'Family session');
  });

  it('a clash with the clinician’s session with another patient does not reveal its title; the patient’s own sessions keep theirs', async () => {
    const other = await insertPatient(world);
    const input = { kind: 'individual', clinicianId: world.clinician.staffId, date: '2026-12-07', startTime: '15:00', durationMinutes: 60 };
    assert.equal((await world.clinician.post(`/api/patients/${other.patientId}/sessions`, { ...input, title: 'Relapse review with Dana Whitfield' })).statusCode, 201);
    const { patientId } = await insertPatient(world);
    assert.equal((await world.clinician.post(`/api/patients/${patientId}/sessions`, { ...input, startTime: '14:00', title: 'Intake follow-up', acknowledgeConflicts: true })).statusCode, 201);
    const clash = await world.clinician.post(`/api/patients/${patientId}/sessions`, { ...input, startTime: '14:30' });
    assert.equal(clash.json().error.code, 'schedule_conflict');
    const descriptions = clash.json().error.details.map((c: { description: string }) => c.description);
    assert.deepEqual(descriptions, [
      'Monday 2026-12-07: overlaps “Intake follow-up” 14:00–15:00.',
      'Monday 2026-12-07: Clinician has another session 15:00–16:00.',
    ]);
    assert.ok(!clash.body.includes('Whitfield'), clash.body);
  });

  it('a session at another facility is booked only for a patient registered there or in an active episode there', async () => {
    const north = (await world.org.admin.post('/api/facilities', facilityInput('North Campus'))).json().facilityId as string;
    const northProgram = (await world.org.admin.post('/api/programs', programInput(north, { name: 'North IOP' }))).json();
    const northClinician = await createStaffMember(world.ctx, world.org, ['clinician'], [north]);
    const scheduler = await createStaffMember(world.ctx, world.org, ['clinician'], [world.facilityId, north]);
    const input = { kind: 'individual', clinicianId: northClinician.staffId, date: '2026-12-08', startTime: '10:00', durationMinutes: 50, facilityId: north };
    const downtownOnly = await insertPatient(world, { programId: null });
    const refused = await scheduler.post(`/api/patients/${downtownOnly.patientId}/sessions`, input);
    assert.deepEqual([refused.statusCode, refused.json().error.code, refused.json().error.details], [422, 'validation_failed', [{ path: 'facilityId', message: 'the patient is not a patient of this facility' }]]);
    assert.equal((await northClinician.get(`/api/facilities/${north}/sessions?from=2026-12-08&to=2026-12-08`)).json().length, 0, 'nothing was written');
    const inNorthProgram = await insertPatient(world, { programId: northProgram.programId });
    const booked = await scheduler.post(`/api/patients/${inNorthProgram.patientId}/sessions`, input);
    assert.equal(booked.statusCode, 201, booked.body);
    assert.equal((await scheduler.post(`/api/patients/${downtownOnly.patientId}/sessions`, { ...input, facilityId: world.facilityId, clinicianId: world.clinician.staffId })).statusCode, 201, 'the facility the patient is registered at');
  });

  it('refuse a clinician who is not clinical staff at the facility, and an unknown patient', async () => {
    const { patientId } = await insertPatient(world);
    const billing = await createStaffMember(world.ctx, world.org, ['billing'], [world.facilityId]);
    const response = await world.clinician.post(`/api/patients/${patientId}/sessions`, { kind: 'individual', clinicianId: billing.staffId, date: '2026-12-04', startTime: '08:00', durationMinutes: 50 });
    assert.deepEqual([response.statusCode, response.json().error.code, response.json().error.details[0].path], [422, 'clinician_not_found', 'clinicianId']);
    const unknown = await world.clinician.post('/api/patients/00000000-0000-4000-8000-000000000000/sessions', { kind: 'individual', clinicianId: world.clinician.staffId, date: '2026-12-04', startTime: '08:00', durationMinutes: 50 });
    assert.equal(unknown.statusCode, 404);
  });
});

describe('a patient’s week', () => {
  it('lists enrolled groups and individual sessions, flags cancellations, and carries attendance', async () => {
    const { patientId } = await insertPatient(world, { availability: [{ dayOfWeek: 5, start: '09:00', end: '17:00', label: 'work' }] });
    const enrolled = await world.clinician.post(`/api/patients/${patientId}/enrollments`, { groupId, startsOn: '2026-11-24' });
    assert.equal(enrolled.statusCode, 201, enrolled.body);
    await world.clinician.post(`/api/patients/${patientId}/sessions`, { kind: 'individual', clinicianId: world.clinician.staffId, date: '2026-11-27', startTime: '08:00', durationMinutes: 50 });
    const wednesday = await groupSessionOn('2026-11-25');
    await insertAttendance(world, wednesday.sessionId, patientId, 170);

    const response = await world.clinician.get(`/api/patients/${patientId}/schedule?weekOf=2026-11-26`);
    assert.equal(response.statusCode, 200, response.body);
    const week = response.json();
    assert.deepEqual([week.weekStart, week.weekEnd, week.timeZone], ['2026-11-23', '2026-11-29', 'America/New_York']);
    assert.deepEqual(
      week.sessions.map((s: Session & { attendance: { minutesAttended: number } | null; enrollmentId: string | null }) => [s.localDate, s.kind, s.status, s.attendance?.minutesAttended ?? null, s.enrollmentId !== null]),
      [
        ['2026-11-25', 'group', 'scheduled', 170, true],
        ['2026-11-26', 'group', 'cancelled', null, true], // Thanksgiving, cancelled above
        ['2026-11-27', 'individual', 'scheduled', null, false],
      ],
    );
    assert.equal(week.scheduledMinutes, 180 + 50);
    assert.deepEqual(week.availability, [{ dayOfWeek: 5, start: '09:00', end: '17:00', label: 'work' }]);
    const audit = await auditEventsFor(world, patientId);
    assert.ok(audit.some((e) => e.action === 'read' && e.entity === 'patient_schedule'));
  });

  it('a day that does not exist is refused', async () => {
    const { patientId } = await insertPatient(world);
    const response = await world.clinician.get(`/api/patients/${patientId}/schedule?weekOf=2026-13-01`);
    assert.equal(response.statusCode, 422);
  });
});
