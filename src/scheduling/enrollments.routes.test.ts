import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createStaffMember } from '../../test/support/app.ts';
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
    const roster = (await world.clinician.get(`/api/groups/${groupId}/enrollments`)).json();
    assert.deepEqual(roster.map((e: { patientId: string; status: string; waitlistPosition: number | null }) => [e.patientId, e.status, e.waitlistPosition]), [
      [b!.patientId, 'enrolled', null],
      [c!.patientId, 'enrolled', null],
      [d!.patientId, 'waitlisted', 1],
    ]);
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
