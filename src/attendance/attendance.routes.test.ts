import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { type SeededGroup, cancelSession, insertAttendance, insertEnrollment, insertEpisode, insertGroup, insertIndividualSession, insertPatient } from './test-fixtures.ts';

let ctx: TestContext;
let org: TestOrg;
let downtown: string;
let clinician: Client & { staffId: string };
let frontDesk: Client & { staffId: string };
const patients: Record<string, string> = {};
let morning: SeededGroup;
let afternoon: SeededGroup;
let individual: string;

/** Local New York wall-clock time → the instant tests set the clock to (EST in late November). */
const at = (date: string, time: string) => `${date}T${time}:00-05:00`;
const url = (sessionId: string, patient: string, action = '') => `/api/sessions/${sessionId}/attendance/${patients[patient]}${action}`;

async function auditOf(entity: string, patientId?: string) {
  let query = ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'patient_id', 'details']).where('org_id', '=', org.orgId).where('entity', '=', entity);
  if (patientId) query = query.where('patient_id', '=', patientId);
  return query.orderBy('seq').execute();
}

before(async () => {
  // Tests move the clock across a day and back; sign-in sessions must outlive that.
  ctx = await startTestApp({ sessionIdleMinutes: 7 * 24 * 60, sessionAbsoluteHours: 30 * 24 });
  org = await createOrg(ctx);
  const db = ctx.deps.db;
  downtown = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const program = (await org.admin.post('/api/programs', programInput(downtown))).json();
  const earlyRecovery = program.phases[1].phaseId;
  clinician = await createStaffMember(ctx, org, ['clinician'], [downtown]);
  frontDesk = await createStaffMember(ctx, org, ['front_desk'], [downtown]);
  morning = await insertGroup(db, org.orgId, { facilityId: downtown, facilitatorId: clinician.staffId, name: 'Morning process group', startsOn: '2026-11-23', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '09:00', durationMinutes: 180 });
  afternoon = await insertGroup(db, org.orgId, { facilityId: downtown, facilitatorId: clinician.staffId, name: 'Afternoon skills', startsOn: '2026-11-23', endsOn: '2026-11-27', days: [1, 2, 3, 4, 5], startTime: '14:00', durationMinutes: 180 });
  const people: [string, { given: string; family: string; preferred?: string }, SeededGroup, { startsOn: string; endsOn?: string; status?: 'enrolled' | 'waitlisted' | 'ended'; seatedOn?: string | null }][] = [
    ['ana', { given: 'Ana', family: 'Alvarez', preferred: 'Annie' }, morning, { startsOn: '2026-11-01' }],
    ['ben', { given: 'Ben', family: 'Brooks' }, morning, { startsOn: '2026-11-01' }],
    ['cara', { given: 'Cara', family: 'Chen' }, morning, { startsOn: '2026-11-01' }],
    ['dan', { given: 'Dan', family: 'Diaz' }, morning, { startsOn: '2026-11-25' }],
    ['eve', { given: 'Eve', family: 'Evans' }, morning, { startsOn: '2026-11-01', status: 'waitlisted' }],
    ['fay', { given: 'Fay', family: 'Fox' }, morning, { startsOn: '2026-11-01', endsOn: '2026-11-20', status: 'ended' }],
    // Waited for a seat in the morning group, never got one, and left the waitlist at the end of the week.
    ['gus', { given: 'Gus', family: 'Gray' }, morning, { startsOn: '2026-11-01', endsOn: '2026-11-27', status: 'ended', seatedOn: null }],
    ['kim', { given: 'Kim', family: 'King' }, afternoon, { startsOn: '2026-11-01' }],
    ['leo', { given: 'Leo', family: 'Lane' }, afternoon, { startsOn: '2026-11-01' }],
    ['mia', { given: 'Mia', family: 'Moss' }, afternoon, { startsOn: '2026-11-01' }],
    ['ned', { given: 'Ned', family: 'Nash' }, afternoon, { startsOn: '2026-11-01' }],
  ];
  for (const [key, name, group, enrollment] of people) {
    patients[key] = await insertPatient(db, org.orgId, downtown, name);
    const episodeId = await insertEpisode(db, org.orgId, { patientId: patients[key]!, programId: program.programId, clinicianId: clinician.staffId, admittedOn: '2026-11-01', phases: [{ effectiveOn: '2026-11-01', phaseId: earlyRecovery }] });
    await insertEnrollment(db, org.orgId, { groupId: group.groupId, patientId: patients[key]!, episodeId, createdBy: clinician.staffId, ...enrollment });
  }
  individual = await insertIndividualSession(db, org.orgId, { facilityId: downtown, clinicianId: clinician.staffId, patientId: patients['ben']!, date: '2026-11-24', startTime: '13:00', durationMinutes: 60 });
});

describe('the attendance board', () => {
  it('shows the day’s sessions in start order with their rosters, and audits which patients were shown', async () => {
    ctx.clock.set('2026-11-24T15:00:00Z');
    const response = await frontDesk.get(`/api/facilities/${downtown}/board`);
    assert.equal(response.statusCode, 200, response.body);
    const board = response.json();
    assert.equal(board.date, '2026-11-24');
    assert.equal(board.timeZone, 'America/New_York');
    assert.deepEqual(board.sessions.map((s: { title: string; localStart: string; localEnd: string }) => `${s.localStart}-${s.localEnd} ${s.title}`), [
      '09:00-12:00 Morning process group',
      '13:00-14:00 Individual counseling',
      '14:00-17:00 Afternoon skills',
    ]);
    const [group, oneToOne] = board.sessions;
    assert.deepEqual(group.roster.map((r: { displayName: string }) => r.displayName), ['Annie (Ana) Alvarez', 'Ben Brooks', 'Cara Chen']);
    assert.equal(group.roster[0].legalName, 'Ana Alvarez');
    assert.ok(group.roster.every((r: { enrollmentId: string | null; attendance: unknown }) => r.enrollmentId && r.attendance === null));
    assert.deepEqual(group.counts, { expected: 3, present: 0, absent: 0, unmarked: 3 });
    assert.equal(group.enrolledCount, 3);
    assert.equal(group.capacity, 12);
    assert.deepEqual(oneToOne.roster.map((r: { patientId: string }) => r.patientId), [patients['ben']]);
    assert.equal(oneToOne.patientName, 'Ben Brooks');
    const [event] = (await auditOf('attendance_board')).slice(-1);
    assert.equal(event!.action, 'read');
    assert.deepEqual([...(event!.details as { patientIds: string[] }).patientIds].sort(), [patients['ana'], patients['ben'], patients['cara'], patients['kim'], patients['leo'], patients['mia'], patients['ned']].sort());
    assert.ok(!JSON.stringify(event!.details).includes('Alvarez'));
  });

  it('refuses an impossible date and a date that is not a date', async () => {
    for (const date of ['2026-02-30', 'tomorrow', '2026-13-01']) {
      const response = await frontDesk.get(`/api/facilities/${downtown}/board?date=${date}`);
      assert.equal(response.statusCode, 400, `${date}: ${response.body}`);
      assert.equal(response.json().error.code, 'validation_failed');
    }
  });

  it('is open to chart readers but not to staff of other facilities', async () => {
    const billing = await createStaffMember(ctx, org, ['billing'], [downtown]);
    assert.equal((await billing.get(`/api/facilities/${downtown}/board?date=2026-11-24`)).statusCode, 200);
    const checkIn = await billing.post(url(morning.sessions.get('2026-11-24')!, 'cara', '/check-in'), {});
    assert.equal(checkIn.statusCode, 403);
    const elsewhere = (await org.admin.post('/api/facilities', facilityInput('Riverbend Northside'))).json().facilityId;
    const stranger = await createStaffMember(ctx, org, ['clinician'], [elsewhere]);
    assert.equal((await stranger.get(`/api/facilities/${downtown}/board`)).json().error.code, 'facility_forbidden');
    assert.equal((await stranger.post(url(morning.sessions.get('2026-11-24')!, 'cara', '/check-in'), {})).json().error.code, 'facility_forbidden');
  });
});

describe('check-in and check-out', () => {
  const session = () => afternoon.sessions.get('2026-11-24')!;

  it('a round trip records the minutes of the session the patient was there for', async () => {
    ctx.clock.set(at('2026-11-24', '13:30'));
    const checkIn = await frontDesk.post(url(session(), 'kim', '/check-in'));
    assert.equal(checkIn.statusCode, 200, checkIn.body);
    assert.equal(checkIn.json().attendance.status, 'present');
    assert.equal(checkIn.json().attendance.checkedInAt, '2026-11-24T18:30:00.000Z');
    assert.equal(checkIn.json().attendance.method, 'front_desk');
    ctx.clock.set(at('2026-11-24', '16:45'));
    const checkOut = await frontDesk.post(url(session(), 'kim', '/check-out'));
    assert.equal(checkOut.statusCode, 200, checkOut.body);
    assert.deepEqual([checkOut.json().attendance.status, checkOut.json().attendance.minutesAttended], ['present', 165]);
    const events = await auditOf('attendance', patients['kim']);
    assert.deepEqual(events.map((e) => e.action), ['create', 'update']);
    assert.deepEqual(events[1]!.details, {
      before: { status: 'present', minutesAttended: 0, checkedInAt: '2026-11-24T18:30:00.000Z', checkedOutAt: null, method: 'front_desk' },
      after: { status: 'present', minutesAttended: 165, checkedInAt: '2026-11-24T18:30:00.000Z', checkedOutAt: '2026-11-24T21:45:00.000Z', method: 'front_desk' },
    });
  });

  it('late is more than 10 minutes after the start; leaving early is more than 15 minutes before the end', async () => {
    ctx.clock.set(at('2026-11-24', '14:10'));
    assert.equal((await frontDesk.post(url(session(), 'leo', '/check-in'))).json().attendance.status, 'present');
    ctx.clock.set(at('2026-11-24', '14:11'));
    assert.equal((await frontDesk.post(url(session(), 'mia', '/check-in'))).json().attendance.status, 'late');
    ctx.clock.set(at('2026-11-24', '16:44'));
    const mia = (await frontDesk.post(url(session(), 'mia', '/check-out'))).json().attendance;
    assert.deepEqual([mia.status, mia.minutesAttended], ['left_early', 153]);
    ctx.clock.set(at('2026-11-24', '16:45'));
    const leo = (await frontDesk.post(url(session(), 'leo', '/check-out'))).json().attendance;
    assert.deepEqual([leo.status, leo.minutesAttended], ['present', 155]);
  });

  it('check-in opens 60 minutes before the start, not earlier', async () => {
    ctx.clock.set(at('2026-11-24', '12:59'));
    const early = await frontDesk.post(url(session(), 'ned', '/check-in'));
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'session_not_started');
    ctx.clock.set(at('2026-11-24', '13:00'));
    assert.equal((await frontDesk.post(url(session(), 'ned', '/check-in'))).json().attendance.status, 'present');
  });

  it('a double tap on the tablet is harmless: the second check-in returns the entry unchanged', async () => {
    const morningToday = morning.sessions.get('2026-11-24')!;
    ctx.clock.set(at('2026-11-24', '08:55'));
    const first = await frontDesk.post(url(morningToday, 'ana', '/check-in'), {});
    ctx.clock.set(at('2026-11-24', '09:30'));
    const second = await frontDesk.post(url(morningToday, 'ana', '/check-in'), {});
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), first.json());
    assert.equal((await auditOf('attendance', patients['ana'])).length, 1);
  });

  it('a telehealth check-in is recorded as telehealth', async () => {
    ctx.clock.set(at('2026-11-24', '09:30'));
    const entry = (await frontDesk.post(url(morning.sessions.get('2026-11-24')!, 'ben', '/check-in'), { telehealth: true })).json();
    assert.deepEqual([entry.attendance.status, entry.attendance.method, entry.attendance.telehealth], ['late', 'telehealth', true]);
  });

  it('mark all present marks only those not yet marked, one audit event each', async () => {
    ctx.clock.set(at('2026-11-24', '09:40'));
    const before = (await auditOf('attendance')).length;
    const response = await clinician.post(`/api/sessions/${morning.sessions.get('2026-11-24')}/attendance/mark-all-present`);
    assert.equal(response.statusCode, 200, response.body);
    const board = response.json();
    const byName = Object.fromEntries(board.roster.map((r: { displayName: string; attendance: { status: string; method: string; minutesAttended: number } }) => [r.displayName, `${r.attendance.status} ${r.attendance.method} ${r.attendance.minutesAttended}`]));
    assert.deepEqual(byName, { 'Annie (Ana) Alvarez': 'present front_desk 0', 'Ben Brooks': 'late telehealth 0', 'Cara Chen': 'present roster 180' });
    assert.deepEqual(board.counts, { expected: 3, present: 3, absent: 0, unmarked: 0 });
    const events = (await auditOf('attendance')).slice(before);
    assert.deepEqual(events.map((e) => e.patient_id), [patients['cara']]);
    const again = await clinician.post(`/api/sessions/${morning.sessions.get('2026-11-24')}/attendance/mark-all-present`, {});
    assert.equal(again.statusCode, 200);
    assert.equal((await auditOf('attendance')).length, before + 1);
  });
});

describe('who may be checked in', () => {
  const today = () => morning.sessions.get('2026-11-24')!;

  it('a patient not on the roster is refused unless added to the session', async () => {
    ctx.clock.set(at('2026-11-24', '09:00'));
    for (const key of ['dan', 'eve', 'fay']) {
      const response = await frontDesk.post(url(today(), key, '/check-in'), {});
      assert.equal(response.statusCode, 409, key);
      assert.equal(response.json().error.code, 'not_on_roster');
    }
    const added = await frontDesk.post(url(today(), 'dan', '/check-in'), { addToSession: true });
    assert.equal(added.statusCode, 200, added.body);
    assert.equal(added.json().enrollmentId, null);
    const board = (await frontDesk.get(`/api/facilities/${downtown}/board?date=2026-11-24`)).json();
    assert.ok(board.sessions[0].roster.some((r: { patientId: string }) => r.patientId === patients['dan']));
  });

  it('a patient whose waitlist place ended never held a seat: not on the roster, not counted, not checked in', async () => {
    ctx.clock.set(at('2026-11-24', '09:00'));
    const board = (await frontDesk.get(`/api/facilities/${downtown}/board?date=2026-11-24`)).json();
    const group = board.sessions.find((s: { title: string }) => s.title === 'Morning process group');
    assert.ok(!group.roster.some((r: { patientId: string }) => r.patientId === patients['gus']), 'Gus is not on the roster');
    assert.equal(group.enrolledCount, 3);
    const response = await frontDesk.post(url(today(), 'gus', '/check-in'), {});
    assert.deepEqual([response.statusCode, response.json().error.code], [409, 'not_on_roster']);
  });

  it('a patient of another facility cannot be added to a session here', async () => {
    const elsewhere = (await org.admin.post('/api/facilities', facilityInput('Riverbend Eastside'))).json().facilityId;
    const stranger = await insertPatient(ctx.deps.db, org.orgId, elsewhere, { given: 'Zed', family: 'Zimmer' });
    const response = await frontDesk.post(`/api/sessions/${today()}/attendance/${stranger}/check-in`, { addToSession: true });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'not_on_roster');
  });

  it('a cancelled session takes no attendance', async () => {
    const tomorrow = morning.sessions.get('2026-11-25')!;
    await cancelSession(ctx.deps.db, org.orgId, tomorrow);
    ctx.clock.set(at('2026-11-25', '08:30'));
    const checkIn = await frontDesk.post(url(tomorrow, 'cara', '/check-in'), {});
    assert.equal(checkIn.statusCode, 409);
    assert.equal(checkIn.json().error.code, 'session_cancelled');
    assert.equal((await frontDesk.put(url(tomorrow, 'cara'), { status: 'present' })).json().error.code, 'session_cancelled');
    assert.equal((await frontDesk.post(`/api/sessions/${tomorrow}/attendance/mark-all-present`, {})).json().error.code, 'session_cancelled');
  });

  it('unknown sessions and patients are 404; checking out without checking in is refused', async () => {
    ctx.clock.set(at('2026-11-24', '10:00'));
    const noSession = await frontDesk.post(`/api/sessions/00000000-0000-4000-8000-000000000000/attendance/${patients['cara']}/check-in`, {});
    assert.equal(noSession.statusCode, 404);
    const noPatient = await frontDesk.post(`/api/sessions/${today()}/attendance/00000000-0000-4000-8000-000000000000/check-in`, {});
    assert.equal(noPatient.statusCode, 404);
    const notIn = await frontDesk.post(url(afternoon.sessions.get('2026-11-26')!, 'kim', '/check-out'));
    assert.equal(notIn.statusCode, 409);
    assert.equal(notIn.json().error.code, 'not_checked_in');
  });
});

describe('setting and correcting attendance', () => {
  const yesterday = () => morning.sessions.get('2026-11-23')!;

  it('a change after the session’s day needs a reason, kept on the row and out of the audit trail', async () => {
    ctx.clock.set(at('2026-11-24', '10:00'));
    const bare = await clinician.put(url(yesterday(), 'ana'), { status: 'excused_absence' });
    assert.equal(bare.statusCode, 422);
    assert.equal(bare.json().error.code, 'correction_reason_required');
    assert.deepEqual(bare.json().error.details.map((d: { path: string }) => d.path), ['reason']);
    const reasoned = await clinician.put(url(yesterday(), 'ana'), { status: 'excused_absence', minutesAttended: 90, reason: 'Called in sick; confirmed by phone' });
    assert.equal(reasoned.statusCode, 200, reasoned.body);
    assert.deepEqual(reasoned.json().attendance, { status: 'excused_absence', checkedInAt: null, checkedOutAt: null, minutesAttended: 0, method: 'staff_entry', telehealth: false, correctionReason: 'Called in sick; confirmed by phone' });
    const fixed = await clinician.put(url(yesterday(), 'ana'), { status: 'present', reason: 'Sign-in sheet shows her there' });
    assert.equal(fixed.json().attendance.minutesAttended, 180);
    const events = (await auditOf('attendance', patients['ana'])).filter((e) => e.entity_id === yesterday());
    assert.deepEqual(events.map((e) => e.details), [
      { before: null, after: { status: 'excused_absence', minutesAttended: 0, checkedInAt: null, checkedOutAt: null, method: 'staff_entry' }, correction: true },
      { before: { status: 'excused_absence', minutesAttended: 0, checkedInAt: null, checkedOutAt: null, method: 'staff_entry' }, after: { status: 'present', minutesAttended: 180, checkedInAt: null, checkedOutAt: null, method: 'staff_entry' }, correction: true },
    ]);
    assert.ok(!JSON.stringify(events).includes('sick'));
  });

  it('on the day, staff set attendance without a reason; times and minutes must make sense', async () => {
    const session = afternoon.sessions.get('2026-11-24')!;
    ctx.clock.set(at('2026-11-24', '17:30'));
    const late = await frontDesk.put(url(session, 'ned'), { status: 'late', minutesAttended: 120 });
    assert.equal(late.statusCode, 200, late.body);
    assert.deepEqual([late.json().attendance.status, late.json().attendance.minutesAttended], ['late', 120]);
    const timed = await frontDesk.put(url(session, 'ned'), { status: 'left_early', checkedInAt: '2026-11-24T19:00:00Z', checkedOutAt: '2026-11-24T21:00:00Z' });
    assert.equal(timed.json().attendance.minutesAttended, 120);
    const inverted = await frontDesk.put(url(session, 'ned'), { status: 'present', checkedInAt: '2026-11-24T21:00:00Z', checkedOutAt: '2026-11-24T19:00:00Z' });
    assert.equal(inverted.statusCode, 422);
    assert.equal(inverted.json().error.code, 'attendance_times_invalid');
    const tooLong = await frontDesk.put(url(session, 'ned'), { status: 'present', minutesAttended: 181 });
    assert.deepEqual([tooLong.statusCode, tooLong.json().error.details[0].path], [422, 'minutesAttended']);
    // Late with neither minutes nor times (an absence cleared them): how long is unknown.
    assert.equal((await frontDesk.put(url(session, 'ned'), { status: 'excused_absence' })).statusCode, 200);
    const unknownMinutes = await frontDesk.put(url(session, 'ned'), { status: 'late' });
    assert.equal(unknownMinutes.statusCode, 422);
    // A status chosen after a check-in keeps the recorded times, and the minutes follow them.
    await frontDesk.put(url(session, 'ned'), { status: 'left_early', checkedInAt: '2026-11-24T19:00:00Z', checkedOutAt: '2026-11-24T21:00:00Z' });
    const restated = await frontDesk.put(url(session, 'ned'), { status: 'late' });
    assert.equal(restated.statusCode, 200, restated.body);
    assert.deepEqual([restated.json().attendance.checkedInAt, restated.json().attendance.checkedOutAt, restated.json().attendance.minutesAttended], ['2026-11-24T19:00:00.000Z', '2026-11-24T21:00:00.000Z', 120]);
    const badStatus = await frontDesk.put(url(session, 'ned'), { status: 'asleep' });
    assert.equal(badStatus.statusCode, 400);
  });

  it('a leap-second check-in or check-out time (23:59:60Z) is refused as attendance_times_invalid, never a server error', async () => {
    const session = afternoon.sessions.get('2026-11-24')!;
    ctx.clock.set(at('2026-11-24', '17:30'));
    const before = await auditOf('attendance', patients['mia']);
    for (const [times, paths] of [
      [{ checkedInAt: '2026-11-24T23:59:60Z' }, ['checkedInAt']],
      [{ checkedInAt: '2026-11-24T19:00:00Z', checkedOutAt: '2026-11-24T23:59:60Z' }, ['checkedOutAt']],
    ] as const) {
      const response = await frontDesk.put(url(session, 'mia'), { status: 'late', minutesAttended: 60, ...times });
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'attendance_times_invalid');
      assert.deepEqual(response.json().error.details.map((d: { path: string }) => d.path), paths);
    }
    assert.equal((await auditOf('attendance', patients['mia'])).length, before.length, 'nothing recorded');
  });

  it('an absence known ahead can be entered before the session; attendance cannot', async () => {
    ctx.clock.set(at('2026-11-24', '10:00'));
    const session = afternoon.sessions.get('2026-11-26')!;
    assert.equal((await frontDesk.put(url(session, 'kim'), { status: 'excused_absence' })).statusCode, 200);
    assert.equal((await frontDesk.put(url(session, 'leo'), { status: 'present' })).json().error.code, 'session_not_started');
  });
});
