import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createStaffMember, facilityInput, programInput } from '../../test/support/app.ts';
import { type SchedulingWorld, groupInput, insertAttendance, insertPatient, schedulingWorld } from './test-fixtures.ts';

let world: SchedulingWorld;

before(async () => {
  world = await schedulingWorld();
});

const calendar = async (from: string, to: string) => {
  const response = await world.org.admin.get(`/api/facilities/${world.facilityId}/sessions?from=${from}&to=${to}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { sessionId: string; title: string; localDate: string; localStart: string; localEnd: string; status: string; moved: boolean; clinicianName: string }[];
};

describe('creating groups', () => {
  it('a weekly Monday/Wednesday/Thursday group lists its next meetings in local time and writes its sessions', async () => {
    const response = await world.clinician.post('/api/groups', groupInput(world, { name: 'Created group', rrule: 'freq=weekly;byday=mo,we,th' }));
    assert.equal(response.statusCode, 201, response.body);
    const group = response.json();
    assert.equal(group.capacity, 12);
    assert.equal(group.rrule, 'FREQ=WEEKLY;BYDAY=MO,WE,TH');
    assert.equal(group.programName, 'Adult Substance Use IOP');
    assert.equal(group.facilitatorName, 'Staff clinician');
    assert.equal(group.startTime, '09:00');
    assert.deepEqual(group.nextOccurrences, ['2026-11-25T09:00', '2026-11-26T09:00', '2026-11-30T09:00', '2026-12-02T09:00', '2026-12-03T09:00']);
    assert.equal(group.enrolledCount, 0);
    // Eight weeks are written at creation, through Monday 2027-01-18 (today + 55 days).
    const rows = await world.ctx.deps.db.selectFrom('sessions').select(['local_date']).where('group_id', '=', group.groupId).orderBy('starts_at').execute();
    assert.equal(rows[0]!.local_date, '2026-11-25');
    assert.equal(rows.at(-1)!.local_date, '2027-01-18');
    assert.equal(rows.length, 24);
  });

  it('refuses a facilitator who is not clinical staff at the facility', async () => {
    const frontDesk = await createStaffMember(world.ctx, world.org, ['front_desk'], [world.facilityId]);
    const notClinical = await world.org.admin.post('/api/groups', groupInput(world, { facilitatorId: frontDesk.staffId }));
    assert.equal(notClinical.statusCode, 422);
    assert.equal(notClinical.json().error.code, 'clinician_not_found');
    assert.equal(notClinical.json().error.details[0].path, 'facilitatorId');
    const elsewhere = await createStaffMember(world.ctx, world.org, ['clinician'], []);
    assert.equal((await world.org.admin.post('/api/groups', groupInput(world, { facilitatorId: elsewhere.staffId }))).json().error.code, 'clinician_not_found');
    const unknown = await world.org.admin.post('/api/groups', groupInput(world, { facilitatorId: '00000000-0000-4000-8000-000000000000' }));
    assert.equal(unknown.json().error.code, 'clinician_not_found');
  });

  it('refuses a program from another facility, and a track that is not the program’s', async () => {
    const other = (await world.org.admin.post('/api/facilities', facilityInput('Riverbend Uptown'))).json();
    const otherProgram = (await world.org.admin.post('/api/programs', programInput(other.facilityId))).json();
    const program = await world.org.admin.post('/api/groups', groupInput(world, { programId: otherProgram.programId }));
    assert.equal(program.statusCode, 422);
    assert.deepEqual([program.json().error.code, program.json().error.details[0].path], ['program_not_found', 'programId']);
    const track = await world.org.admin.post('/api/groups', groupInput(world, { trackId: otherProgram.tracks[0].trackId }));
    assert.deepEqual([track.json().error.code, track.json().error.details[0].path], ['program_not_found', 'trackId']);
    assert.equal((await world.org.admin.post('/api/groups', groupInput(world, { name: 'Tracked', trackId: world.trackId }))).statusCode, 201);
  });

  it('refuses a malformed or sub-daily RRULE, naming the rrule field', async () => {
    for (const rrule of ['FREQ=HOURLY', 'every monday', 'FREQ=WEEKLY;BYDAY=MO;DTSTART=20261124T090000', 'FREQ=WEEKLY;BYDAY=XX']) {
      const response = await world.org.admin.post('/api/groups', groupInput(world, { rrule }));
      assert.equal(response.statusCode, 422, rrule);
      assert.equal(response.json().error.code, 'invalid_rrule');
      assert.deepEqual(response.json().error.details.map((d: { path: string }) => d.path), ['rrule']);
    }
  });

  it('refuses an end date before the start date, and a rule that never meets in the span', async () => {
    const backwards = await world.org.admin.post('/api/groups', groupInput(world, { endsOn: '2026-11-01' }));
    assert.equal(backwards.statusCode, 422);
    assert.deepEqual([backwards.json().error.code, backwards.json().error.details[0].path], ['date_out_of_range', 'endsOn']);
    const never = await world.org.admin.post('/api/groups', groupInput(world, { rrule: 'FREQ=WEEKLY;BYDAY=SA', endsOn: '2026-11-26' }));
    assert.equal(never.json().error.code, 'invalid_rrule');
    const badDate = await world.org.admin.post('/api/groups', groupInput(world, { startsOn: '2026-02-30' }));
    assert.deepEqual([badDate.statusCode, badDate.json().error.details[0].path], [422, 'startsOn']);
  });

  it('capacity is 1 to 100 seats', async () => {
    const response = await world.org.admin.post('/api/groups', groupInput(world, { capacity: 0 }));
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.details[0].path, 'capacity');
  });

  it('may be created by clinicians but not by admissions or front desk', async () => {
    const admissions = await createStaffMember(world.ctx, world.org, ['admissions'], [world.facilityId]);
    assert.equal((await admissions.post('/api/groups', groupInput(world))).statusCode, 403);
    assert.equal((await admissions.get(`/api/groups?facilityId=${world.facilityId}`)).statusCode, 200);
  });

  it('an unknown group id in the path is 404', async () => {
    assert.equal((await world.org.admin.get('/api/groups/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });
});

describe('listing groups', () => {
  it('lists active groups of a facility; inactive ones only when asked', async () => {
    const created = (await world.org.admin.post('/api/groups', groupInput(world, { name: 'Soon inactive' }))).json();
    await world.org.admin.put(`/api/groups/${created.groupId}`, { ...groupInput(world, { name: 'Soon inactive' }), active: false });
    const active = (await world.org.admin.get(`/api/groups?facilityId=${world.facilityId}`)).json();
    assert.ok(!active.some((g: { groupId: string }) => g.groupId === created.groupId));
    const all = (await world.org.admin.get(`/api/groups?facilityId=${world.facilityId}&includeInactive=true`)).json();
    const inactive = all.find((g: { groupId: string }) => g.groupId === created.groupId);
    assert.equal(inactive.active, false);
    assert.deepEqual(inactive.nextOccurrences, []);
    const rows = await world.ctx.deps.db.selectFrom('sessions').select('session_id').where('group_id', '=', created.groupId).execute();
    assert.equal(rows.length, 0, 'a deactivated group’s future sessions are removed');
  });
});

describe('editing a group’s schedule', () => {
  it('moves future sessions without attendance to the new days, keeps past ones and those with attendance, and never invents past sessions', async () => {
    const input = groupInput(world, { name: 'Rescheduled group', startsOn: '2026-11-02' });
    const group = (await world.org.admin.post('/api/groups', input)).json();
    // The calendar materialises the weeks already past (the group began on the 2nd).
    const before = await calendar('2026-11-16', '2026-12-06');
    const mine = (list: Awaited<ReturnType<typeof calendar>>) => list.filter((s) => s.title === 'Rescheduled group').map((s) => s.localDate);
    assert.deepEqual(mine(before), ['2026-11-16', '2026-11-18', '2026-11-19', '2026-11-23', '2026-11-25', '2026-11-26', '2026-11-30', '2026-12-02', '2026-12-03']);
    const mondayWithAttendance = before.find((s) => s.title === 'Rescheduled group' && s.localDate === '2026-11-30')!;
    const { patientId } = await insertPatient(world);
    await insertAttendance(world, mondayWithAttendance.sessionId, patientId);

    const edited = await world.clinician.put(`/api/groups/${group.groupId}`, { ...input, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startTime: '13:00', durationMinutes: 90 });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json().nextOccurrences.slice(0, 3), ['2026-11-24T13:00', '2026-11-26T13:00', '2026-12-01T13:00']);

    const after = await calendar('2026-11-16', '2026-12-06');
    const rescheduled = after.filter((s) => s.title === 'Rescheduled group').map((s) => `${s.localDate} ${s.localStart}-${s.localEnd}`);
    assert.deepEqual(rescheduled, [
      // the past stays as it was, and no Tuesday 17th or 24th is invented
      '2026-11-16 09:00-12:00', '2026-11-18 09:00-12:00', '2026-11-19 09:00-12:00', '2026-11-23 09:00-12:00',
      // the future follows the new rule, from this afternoon on (the change is made at 10:00 on the 24th)
      '2026-11-24 13:00-14:30', '2026-11-26 13:00-14:30',
      '2026-11-30 09:00-12:00', // attendance recorded: kept
      '2026-12-01 13:00-14:30', '2026-12-03 13:00-14:30',
    ]);
  });

  it('a changed length or room updates future sessions in place, keeping their ids', async () => {
    const input = groupInput(world, { name: 'Longer group', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
    const group = (await world.org.admin.post('/api/groups', input)).json();
    const [friday] = (await calendar('2026-11-27', '2026-11-27')).filter((s) => s.title === 'Longer group');
    await world.org.admin.put(`/api/groups/${group.groupId}`, { ...input, name: 'Longer group', durationMinutes: 240, room: 'Room 9' });
    const [after] = (await calendar('2026-11-27', '2026-11-27')).filter((s) => s.title === 'Longer group');
    assert.equal(after!.sessionId, friday!.sessionId);
    assert.equal(after!.localEnd, '13:00');
  });

  it('a group cannot move to another facility', async () => {
    const other = (await world.org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json();
    const group = (await world.org.admin.post('/api/groups', groupInput(world, { name: 'Stays put' }))).json();
    const response = await world.org.admin.put(`/api/groups/${group.groupId}`, groupInput(world, { facilityId: other.facilityId, programId: null }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details[0].path, 'facilityId');
  });
});

describe('changing a group’s capacity', () => {
  const enrol = (patientId: string, body: Record<string, unknown>) => world.clinician.post(`/api/patients/${patientId}/enrollments`, { acknowledgeConflicts: true, ...body });

  it('raising it seats waiting patients in the new seats, in the order they joined the waitlist', async () => {
    const input = groupInput(world, { name: 'Growing group', capacity: 1 });
    const groupId = (await world.clinician.post('/api/groups', input)).json().groupId as string;
    const [seated, first, second, third] = await Promise.all([1, 2, 3, 4].map(() => insertPatient(world)));
    await enrol(seated!.patientId, { groupId });
    for (const waiting of [first, second, third]) {
      assert.equal((await enrol(waiting!.patientId, { groupId, joinWaitlist: true })).json().status, 'waitlisted');
      world.ctx.clock.advanceMinutes(1);
    }
    world.ctx.clock.advanceMinutes(-3);
    const raised = await world.clinician.put(`/api/groups/${groupId}`, { ...input, capacity: 3 });
    assert.equal(raised.statusCode, 200, raised.body);
    assert.deepEqual([raised.json().enrolledCount, raised.json().waitlistCount], [3, 1]);
    const places = (await world.clinician.get(`/api/groups/${groupId}/enrollments`)).json() as { patientId: string; status: string; startsOn: string }[];
    const statusOf = (p: { patientId: string } | undefined) => places.find((e) => e.patientId === p!.patientId);
    assert.deepEqual([first, second, third].map((p) => [statusOf(p)!.status, statusOf(p)!.startsOn]), [['enrolled', '2026-11-24'], ['enrolled', '2026-11-24'], ['waitlisted', '2026-11-24']]);
  });

  it('lowering it below the seats taken is refused with the count, and nobody loses a seat', async () => {
    const input = groupInput(world, { name: 'Shrinking group', capacity: 4 });
    const groupId = (await world.clinician.post('/api/groups', input)).json().groupId as string;
    for (const p of await Promise.all([1, 2, 3].map(() => insertPatient(world)))) await enrol(p.patientId, { groupId });
    const refused = await world.clinician.put(`/api/groups/${groupId}`, { ...input, capacity: 2 });
    assert.deepEqual([refused.statusCode, refused.json().error.code, refused.json().error.details[0].path], [409, 'conflict', 'capacity']);
    assert.match(refused.json().error.message, /3 patients hold seats/);
    assert.equal((await world.clinician.get(`/api/groups/${groupId}`)).json().capacity, 4);
    assert.equal((await world.clinician.put(`/api/groups/${groupId}`, { ...input, capacity: 3 })).statusCode, 200, 'down to the seats taken is fine');
  });
});

describe('specialty eligibility', () => {
  it('a group’s specialty is stored lower-case, so a “Trauma” group admits a patient whose record lists “trauma”', async () => {
    const created = await world.clinician.post('/api/groups', groupInput(world, { name: 'Trauma group', eligibleSpecialty: ' Trauma ' }));
    assert.equal(created.json().eligibleSpecialty, 'trauma');
    const { patientId } = await insertPatient(world, { specialtyPopulations: ['trauma'] });
    const check = (await world.clinician.post(`/api/patients/${patientId}/enrollments/check`, { groupId: created.json().groupId })).json();
    assert.deepEqual([check.eligible, check.eligibilityProblems], [true, []]);
  });
});
