import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createStaffMember, facilityInput, programInput } from '../../test/support/app.ts';
import { type SchedulingWorld, auditEventsFor, groupInput, insertPatient, schedulingWorld } from './test-fixtures.ts';

let world: SchedulingWorld;

before(async () => {
  world = await schedulingWorld();
});

const newGroup = async (overrides: Record<string, unknown> = {}) => {
  const response = await world.org.admin.post('/api/groups', groupInput(world, overrides));
  assert.equal(response.statusCode, 201, response.body);
  return response.json().groupId as string;
};
const enrol = (patientId: string, body: Record<string, unknown>, client = world.clinician) => client.post(`/api/patients/${patientId}/enrollments`, body);

describe('enrolling a patient', () => {
  it('an eligible patient with an active episode takes a seat; the group, its roster and the chart show it; all audited', async () => {
    const groupId = await newGroup({ name: 'Happy path group' });
    const { patientId, episodeId } = await insertPatient(world, { givenName: 'Avery', familyName: 'Lopez' });
    const response = await enrol(patientId, { groupId });
    assert.equal(response.statusCode, 201, response.body);
    const enrollment = response.json();
    assert.deepEqual(
      [enrollment.status, enrollment.episodeId, enrollment.startsOn, enrollment.groupName, enrollment.patientName, enrollment.waitlistPosition, enrollment.overrideReason],
      ['enrolled', episodeId, '2026-11-24', 'Happy path group', 'Avery Lopez', null, null],
    );
    assert.equal((await world.clinician.get(`/api/groups/${groupId}`)).json().enrolledCount, 1);
    const roster = (await world.clinician.get(`/api/groups/${groupId}/enrollments`)).json();
    assert.deepEqual(roster.map((e: { patientId: string }) => e.patientId), [patientId]);
    const chart = (await world.clinician.get(`/api/patients/${patientId}/enrollments`)).json();
    assert.deepEqual(chart.map((e: { enrollmentId: string }) => e.enrollmentId), [enrollment.enrollmentId]);
    const audit = await auditEventsFor(world, patientId);
    assert.deepEqual(audit.map((e) => `${e.action} ${e.entity}`), ['create group_enrollment', 'read group_enrollment']);
    const rosterRead = await world.ctx.deps.db.selectFrom('audit_events').select('details').where('entity', '=', 'group_enrollment').where('entity_id', '=', groupId).where('action', '=', 'read').executeTakeFirstOrThrow();
    assert.deepEqual(rosterRead.details, { patientIds: [patientId] });
  });

  it('a patient already in the group is refused', async () => {
    const groupId = await newGroup();
    const { patientId } = await insertPatient(world);
    assert.equal((await enrol(patientId, { groupId })).statusCode, 201);
    const again = await enrol(patientId, { groupId });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'already_enrolled']);
  });

  it('a patient without an active episode at the facility is refused', async () => {
    const groupId = await newGroup();
    const { patientId } = await insertPatient(world, { programId: null });
    const response = await enrol(patientId, { groupId });
    assert.deepEqual([response.statusCode, response.json().error.code], [409, 'episode_not_active']);
  });

  it('unknown ids: a group in the body is 422, a patient in the path 404', async () => {
    const { patientId } = await insertPatient(world);
    const group = await enrol(patientId, { groupId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual([group.statusCode, group.json().error.code, group.json().error.details[0].path], [422, 'group_not_found', 'groupId']);
    const episode = await enrol(patientId, { groupId: await newGroup(), episodeId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual([episode.statusCode, episode.json().error.details[0].path], [422, 'episodeId']);
    assert.equal((await enrol('00000000-0000-4000-8000-000000000000', { groupId: await newGroup() })).statusCode, 404);
  });
});

describe('seats and the waitlist', () => {
  it('a full group refuses with group_full, or takes the patient onto its waitlist in order; ending a seat promotes the first waiting', async () => {
    const groupId = await newGroup({ name: 'Two seats', capacity: 2 });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => insertPatient(world)));
    const first = (await enrol(a!.patientId, { groupId })).json();
    await enrol(b!.patientId, { groupId });
    world.ctx.clock.advanceMinutes(1); // the waitlist is kept in the order patients joined it
    const full = await enrol(c!.patientId, { groupId });
    assert.equal(full.statusCode, 409);
    assert.deepEqual([full.json().error.code, full.json().error.details], ['group_full', { waitlistAvailable: true }]);
    const third = await enrol(c!.patientId, { groupId, joinWaitlist: true });
    assert.deepEqual([third.statusCode, third.json().status, third.json().waitlistPosition], [201, 'waitlisted', 1]);
    world.ctx.clock.advanceMinutes(1);
    const fourth = (await enrol(d!.patientId, { groupId, joinWaitlist: true })).json();
    assert.equal(fourth.waitlistPosition, 2);
    world.ctx.clock.advanceMinutes(-2);
    const group = (await world.clinician.get(`/api/groups/${groupId}`)).json();
    assert.deepEqual([group.enrolledCount, group.waitlistCount], [2, 2]);

    const ended = await world.clinician.post(`/api/enrollments/${first.enrollmentId}/end`, { endsOn: '2026-11-24' });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.deepEqual([ended.json().status, ended.json().endsOn], ['ended', '2026-11-24']);
    // The ended seat is held through today; the first waiting patient is seated from tomorrow.
    const roster = (await world.clinician.get(`/api/groups/${groupId}/enrollments`)).json();
    const members = roster.map((e: { patientId: string; status: string; startsOn: string; waitlistPosition: number | null }) => [e.patientId, e.status, e.startsOn, e.waitlistPosition]);
    assert.deepEqual(members.at(-1), [d!.patientId, 'waitlisted', '2026-11-24', 1], 'the waitlist comes last');
    assert.deepEqual(new Set(members.map(String)), new Set([
      [a!.patientId, 'ended', '2026-11-24', null],
      [b!.patientId, 'enrolled', '2026-11-24', null],
      [c!.patientId, 'enrolled', '2026-11-25', null],
      [d!.patientId, 'waitlisted', '2026-11-24', 1],
    ].map(String)));
    const promotion = (await auditEventsFor(world, c!.patientId)).find((e) => e.action === 'update')!;
    assert.deepEqual([promotion.action, (promotion.details as { promotedFromWaitlist: boolean }).promotedFromWaitlist], ['update', true]);
    const twice = await world.clinician.post(`/api/enrollments/${first.enrollmentId}/end`, { endsOn: '2026-11-24' });
    assert.equal(twice.json().error.code, 'not_enrolled');
  });

  it('a full group without a waitlist says so', async () => {
    const groupId = await newGroup({ capacity: 1, waitlistEnabled: false });
    const [a, b] = await Promise.all([insertPatient(world), insertPatient(world)]);
    await enrol(a!.patientId, { groupId });
    const response = await enrol(b!.patientId, { groupId, joinWaitlist: true });
    assert.deepEqual([response.statusCode, response.json().error.details], [409, { waitlistAvailable: false }]);
  });

  it('an enrolment cannot end before it starts', async () => {
    const groupId = await newGroup();
    const { patientId } = await insertPatient(world);
    const enrollment = (await enrol(patientId, { groupId, startsOn: '2026-12-01' })).json();
    const response = await world.clinician.post(`/api/enrollments/${enrollment.enrollmentId}/end`, { endsOn: '2026-11-30' });
    assert.deepEqual([response.statusCode, response.json().error.code], [422, 'date_out_of_range']);
  });

  it('two enrolments racing for the last seat: exactly one gets it, the other hears group_full', async () => {
    const groupId = await newGroup({ name: 'Last seat', capacity: 2 });
    const [a, b, c] = await Promise.all([insertPatient(world), insertPatient(world), insertPatient(world)]);
    assert.equal((await enrol(a!.patientId, { groupId })).statusCode, 201);
    const director = await createStaffMember(world.ctx, world.org, ['clinical_director'], [world.facilityId]);
    const responses = await Promise.all([enrol(b!.patientId, { groupId }), enrol(c!.patientId, { groupId }, director)]);
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [201, 409], responses.map((r) => r.body).join('\n'));
    assert.equal(responses.find((r) => r.statusCode === 409)!.json().error.code, 'group_full');
    const seats = await world.ctx.deps.db.selectFrom('group_enrollments').select('patient_id').where('group_id', '=', groupId).where('status', '=', 'enrolled').execute();
    assert.equal(seats.length, 2);
  });
});

describe('eligibility', () => {
  it('an ineligible patient is refused with every broken rule, and enrolled with a clinician’s override reason', async () => {
    const groupId = await newGroup({ name: 'Men’s group', eligibleGender: 'men', eligibleSpecialty: 'veterans' });
    const { patientId } = await insertPatient(world, { genderIdentity: 'nonbinary' });
    const check = (await world.clinician.post(`/api/patients/${patientId}/enrollments/check`, { groupId })).json();
    assert.deepEqual([check.eligible, check.eligibilityProblems.map((p: { rule: string }) => p.rule), check.seatsLeft, check.full], [false, ['gender', 'specialty'], 12, false]);
    const refused = await enrol(patientId, { groupId });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'not_eligible');
    assert.deepEqual(refused.json().error.details.map((p: { rule: string; path: string }) => `${p.path}:${p.rule}`), ['groupId:gender', 'groupId:specialty']);
    const overridden = await enrol(patientId, { groupId, overrideReason: 'Patient asked for this group; facilitator agrees' });
    assert.equal(overridden.statusCode, 201, overridden.body);
    assert.equal(overridden.json().overrideReason, 'Patient asked for this group; facilitator agrees');
    const audit = (await auditEventsFor(world, patientId)).find((e) => e.action === 'create')!;
    assert.deepEqual((audit.details as { overriddenRules: string[] }).overriddenRules, ['gender', 'specialty']);
  });

  it('an adult program’s group refuses an adolescent', async () => {
    const groupId = await newGroup();
    const { patientId } = await insertPatient(world, { dateOfBirth: '2010-03-01' });
    const response = await enrol(patientId, { groupId });
    assert.deepEqual(response.json().error.details.map((p: { rule: string }) => p.rule), ['population']);
  });

  it('only clinicians and clinical directors may override: admissions gets 403, front desk may not enrol at all', async () => {
    const groupId = await newGroup({ eligibleGender: 'men' });
    const { patientId } = await insertPatient(world, { genderIdentity: 'woman' });
    const admissions = await createStaffMember(world.ctx, world.org, ['admissions'], [world.facilityId]);
    const byAdmissions = await enrol(patientId, { groupId, overrideReason: 'Requested' }, admissions);
    assert.deepEqual([byAdmissions.statusCode, byAdmissions.json().error.code], [403, 'forbidden']);
    const frontDesk = await createStaffMember(world.ctx, world.org, ['front_desk'], [world.facilityId]);
    assert.equal((await enrol(patientId, { groupId, overrideReason: 'Requested' }, frontDesk)).statusCode, 403);
    assert.equal((await world.ctx.deps.db.selectFrom('group_enrollments').select('enrollment_id').where('group_id', '=', groupId).execute()).length, 0);
    const eligible = await insertPatient(world, { genderIdentity: 'transgender_man' });
    assert.equal((await enrol(eligible.patientId, { groupId }, admissions)).statusCode, 201, 'admissions enrols eligible patients');
  });
});

describe('schedule conflicts', () => {
  it('a group during the patient’s work hours or another group is reported, refused, and enrolled once acknowledged', async () => {
    const morning = await newGroup({ name: 'Morning skills', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', groupType: 'skills' });
    const overlapping = await newGroup({ name: 'Wednesday relapse prevention', rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '11:00', durationMinutes: 90, groupType: 'relapse_prevention' });
    const { patientId } = await insertPatient(world, { availability: [{ dayOfWeek: 1, start: '08:00', end: '12:00', label: 'work' }] });
    assert.equal((await enrol(patientId, { groupId: overlapping })).statusCode, 201);

    const check = (await world.clinician.post(`/api/patients/${patientId}/enrollments/check`, { groupId: morning })).json();
    assert.equal(check.eligible, true);
    assert.deepEqual(check.conflicts.map((c: { kind: string; dayOfWeek: number; localDate?: string; localStart: string }) => [c.kind, c.dayOfWeek, c.localDate ?? null, c.localStart]), [
      ['session', 3, '2026-11-25', '11:00'],
      ['availability', 1, null, '09:00'],
      ['session', 3, '2026-12-02', '11:00'],
      ['session', 3, '2026-12-09', '11:00'],
      ['session', 3, '2026-12-16', '11:00'],
    ]);
    const refused = await enrol(patientId, { groupId: morning });
    assert.deepEqual([refused.statusCode, refused.json().error.code, refused.json().error.details.length], [409, 'schedule_conflict', 5]);
    const acknowledged = await enrol(patientId, { groupId: morning, acknowledgeConflicts: true });
    assert.equal(acknowledged.statusCode, 201);
  });
});

/** The names on a group's session roster on the attendance board, and the calendar's seat count, for one day. */
const rosterOn = async (groupName: string, date: string) => {
  const board = await world.clinician.get(`/api/facilities/${world.facilityId}/board?date=${date}`);
  assert.equal(board.statusCode, 200, board.body);
  const session = board.json().sessions.find((s: { title: string }) => s.title === groupName);
  const calendar = (await world.clinician.get(`/api/facilities/${world.facilityId}/sessions?from=${date}&to=${date}`)).json();
  return {
    patients: (session.roster as { patientId: string }[]).map((r) => r.patientId).sort(),
    enrolledCount: calendar.find((s: { title: string }) => s.title === groupName).enrolledCount as number,
  };
};

describe('only a place that held a seat puts a patient on a roster', () => {
  it('a waitlist place that is ended never puts the patient on the board or in the seat count', async () => {
    const groupId = await newGroup({ name: 'One seat, waitlist ended', capacity: 1, rrule: 'FREQ=DAILY' });
    const [seated, waiting] = await Promise.all([insertPatient(world), insertPatient(world)]);
    assert.equal((await enrol(seated.patientId, { groupId, acknowledgeConflicts: true })).statusCode, 201);
    const place = (await enrol(waiting.patientId, { groupId, joinWaitlist: true, acknowledgeConflicts: true })).json();
    assert.equal(place.status, 'waitlisted');
    const ended = await world.clinician.post(`/api/enrollments/${place.enrollmentId}/end`, { endsOn: '2026-12-01' });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.deepEqual(await rosterOn('One seat, waitlist ended', '2026-11-25'), { patients: [seated.patientId], enrolledCount: 1 });
    const week = (await world.clinician.get(`/api/patients/${waiting.patientId}/schedule?weekOf=2026-11-25`)).json();
    assert.deepEqual(week.sessions, [], 'nor on the waiting patient’s week');
  });

  it('a place that had not started when the patient was discharged ends without a seat and stays off the roster', async () => {
    const groupId = await newGroup({ name: 'Starts next week', rrule: 'FREQ=DAILY' });
    const { patientId, episodeId } = await insertPatient(world);
    const place = (await enrol(patientId, { groupId, startsOn: '2026-12-01', acknowledgeConflicts: true })).json();
    const discharge = await world.clinician.post(`/api/episodes/${episodeId}/discharge`, { dischargedOn: '2026-11-24', reason: 'completed', summary: 'Completed.', aftercare: { outpatientReferral: null, meetings: [], soberLiving: null, alumniProgram: false, medicationContinuity: null, relapsePlan: 'Call the clinic the same day.' } });
    assert.equal(discharge.statusCode, 200, discharge.body);
    const row = await world.ctx.deps.db.selectFrom('group_enrollments').select(['status', 'ends_on', 'seated_on']).where('enrollment_id', '=', place.enrollmentId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'ended', ends_on: '2026-12-01', seated_on: null });
    assert.deepEqual(await rosterOn('Starts next week', '2026-12-01'), { patients: [], enrolledCount: 0 });
  });
});

describe('a seat ended on a future day', () => {
  it('stays taken until that day, and the first waiting patient is seated the day after: no day is overbooked', async () => {
    const groupId = await newGroup({ name: 'Future end', capacity: 1, rrule: 'FREQ=DAILY' });
    const [leaving, next, late] = await Promise.all([insertPatient(world), insertPatient(world), insertPatient(world)]);
    const seat = (await enrol(leaving.patientId, { groupId, acknowledgeConflicts: true })).json();
    assert.equal((await enrol(next.patientId, { groupId, joinWaitlist: true, acknowledgeConflicts: true })).json().status, 'waitlisted');
    assert.equal((await world.clinician.post(`/api/enrollments/${seat.enrollmentId}/end`, { endsOn: '2026-12-20' })).statusCode, 200);
    const promoted = (await world.clinician.get(`/api/patients/${next.patientId}/enrollments`)).json()[0];
    assert.deepEqual([promoted.status, promoted.startsOn], ['enrolled', '2026-12-21']);
    assert.deepEqual(await rosterOn('Future end', '2026-12-01'), { patients: [leaving.patientId], enrolledCount: 1 });
    assert.deepEqual(await rosterOn('Future end', '2026-12-20'), { patients: [leaving.patientId], enrolledCount: 1 });
    assert.deepEqual(await rosterOn('Future end', '2026-12-21'), { patients: [next.patientId], enrolledCount: 1 });
    const full = await enrol(late.patientId, { groupId, acknowledgeConflicts: true });
    assert.deepEqual([full.statusCode, full.json().error.code], [409, 'group_full']);
    const group = (await world.clinician.get(`/api/groups/${groupId}`)).json();
    assert.deepEqual([group.enrolledCount, group.waitlistCount], [1, 0]);
  });

  it('a patient joining the waitlist of a group whose only seat frees later is seated from the day it frees', async () => {
    const groupId = await newGroup({ name: 'Frees later', capacity: 1, rrule: 'FREQ=DAILY' });
    const [leaving, joining] = await Promise.all([insertPatient(world), insertPatient(world)]);
    const seat = (await enrol(leaving.patientId, { groupId, acknowledgeConflicts: true })).json();
    await world.clinician.post(`/api/enrollments/${seat.enrollmentId}/end`, { endsOn: '2026-12-04' });
    const check = (await world.clinician.post(`/api/patients/${joining.patientId}/enrollments/check`, { groupId })).json();
    assert.deepEqual([check.seatsLeft, check.full], [0, true]);
    const place = (await enrol(joining.patientId, { groupId, joinWaitlist: true, acknowledgeConflicts: true })).json();
    assert.deepEqual([place.status, place.startsOn], ['enrolled', '2026-12-05']);
  });

  it('may not be set before the enrolment starts nor more than a year ahead', async () => {
    const groupId = await newGroup();
    const { patientId } = await insertPatient(world);
    const place = (await enrol(patientId, { groupId })).json();
    const tooFar = await world.clinician.post(`/api/enrollments/${place.enrollmentId}/end`, { endsOn: '2027-11-25' });
    assert.deepEqual([tooFar.statusCode, tooFar.json().error.code, tooFar.json().error.details[0].path], [422, 'date_out_of_range', 'endsOn']);
    assert.equal((await world.clinician.post(`/api/enrollments/${place.enrollmentId}/end`, { endsOn: '2027-11-24' })).statusCode, 200, 'a year ahead to the day');
  });
});

describe('discharge frees seats', () => {
  it('discharging a patient offers each freed seat to that group’s waitlist', async () => {
    const [first, second] = [await newGroup({ name: 'Discharge frees A', capacity: 1 }), await newGroup({ name: 'Discharge frees B', capacity: 1, startTime: '14:00' })];
    const [leaving, waitingA, waitingB] = await Promise.all([insertPatient(world), insertPatient(world), insertPatient(world)]);
    for (const groupId of [first, second]) assert.equal((await enrol(leaving.patientId, { groupId, acknowledgeConflicts: true })).statusCode, 201);
    await enrol(waitingA.patientId, { groupId: first, joinWaitlist: true, acknowledgeConflicts: true });
    await enrol(waitingB.patientId, { groupId: second, joinWaitlist: true, acknowledgeConflicts: true });
    const discharge = await world.clinician.post(`/api/episodes/${leaving.episodeId}/discharge`, { dischargedOn: '2026-11-24', reason: 'completed', summary: 'Completed.', aftercare: { outpatientReferral: null, meetings: [], soberLiving: null, alumniProgram: false, medicationContinuity: null, relapsePlan: 'Call the clinic the same day.' } });
    assert.equal(discharge.statusCode, 200, discharge.body);
    for (const waiting of [waitingA, waitingB]) {
      const place = (await world.clinician.get(`/api/patients/${waiting.patientId}/enrollments`)).json()[0];
      assert.deepEqual([place.status, place.startsOn], ['enrolled', '2026-11-25'], 'seated the day after the discharge day');
      assert.ok((await auditEventsFor(world, waiting.patientId)).some((e) => (e.details as { promotedFromWaitlist?: boolean }).promotedFromWaitlist));
    }
  });
});

describe('ending an enrolment at another facility', () => {
  it('needs the caller to be assigned to the group’s facility, not only to reach the patient', async () => {
    const north = (await world.org.admin.post('/api/facilities', facilityInput('North Campus'))).json().facilityId as string;
    const northProgram = (await world.org.admin.post('/api/programs', programInput(north, { name: 'North IOP' }))).json();
    const northClinician = await createStaffMember(world.ctx, world.org, ['clinician'], [north]);
    const group = await world.org.admin.post('/api/groups', { ...groupInput(world, { name: 'North group' }), facilityId: north, programId: northProgram.programId, facilitatorId: northClinician.staffId });
    assert.equal(group.statusCode, 201, group.body);
    const { patientId } = await insertPatient(world, { programId: northProgram.programId }); // registered downtown, treated north
    const place = (await enrol(patientId, { groupId: group.json().groupId, acknowledgeConflicts: true }, northClinician)).json();
    const refused = await world.clinician.post(`/api/enrollments/${place.enrollmentId}/end`, { endsOn: '2026-11-24' });
    assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'facility_forbidden']);
    assert.equal((await northClinician.post(`/api/enrollments/${place.enrollmentId}/end`, { endsOn: '2026-11-24' })).statusCode, 200);
  });
});
