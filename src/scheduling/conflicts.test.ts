import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AvailabilityWindow } from '../db/schema.ts';
import { instantAt, isoWeekday } from '../time/local-time.ts';
import { type BookedSession, type PlannedMeeting, scheduleConflicts } from './conflicts.ts';

const NY = 'America/New_York';
const meeting = (localDate: string, localStart: string, durationMinutes: number): PlannedMeeting => {
  const startsAt = instantAt(localDate, localStart, NY);
  return { localDate, dayOfWeek: isoWeekday(localDate), localStart, durationMinutes, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
};
const booked = (title: string, localDate: string, localStart: string, localEnd: string): BookedSession => ({
  title, localDate, localStart, localEnd, startsAt: instantAt(localDate, localStart, NY), endsAt: instantAt(localDate, localEnd, NY),
});
const work: AvailabilityWindow[] = [
  { dayOfWeek: 1, start: '13:00', end: '17:00', label: 'work' },
  { dayOfWeek: 3, start: '08:00', end: '10:00', label: 'school drop-off' },
];
// A Monday/Wednesday 09:00–12:00 group over two weeks (2026-11-30 is a Monday).
const morningGroup = ['2026-11-30', '2026-12-02', '2026-12-07', '2026-12-09'].map((d) => meeting(d, '09:00', 180));

describe('work and school hours', () => {
  it('a morning group clashes with Wednesday drop-off, reported once for the weekly pattern', () => {
    const conflicts = scheduleConflicts(morningGroup, work, []);
    assert.deepEqual(conflicts.map((c) => [c.kind, c.dayOfWeek, c.localStart, c.localEnd]), [['availability', 3, '09:00', '12:00']]);
    assert.match(conflicts[0]!.description, /Wednesday 09:00–12:00 falls in the patient’s school drop-off hours \(08:00–10:00\)/);
    assert.equal(conflicts[0]!.localDate, undefined);
  });

  it('a group ending exactly when work starts does not clash (windows are half-open)', () => {
    assert.deepEqual(scheduleConflicts([meeting('2026-11-30', '10:00', 180)], work, []), []);
    assert.equal(scheduleConflicts([meeting('2026-11-30', '10:01', 180)], work, []).length, 1);
  });

  it('an evening group clashes with nothing for a patient who works days', () => {
    assert.deepEqual(scheduleConflicts([meeting('2026-11-30', '18:00', 180), meeting('2026-12-02', '18:00', 180)], work, []), []);
  });
});

describe('sessions the patient already attends', () => {
  const sessions = [booked('Relapse prevention', '2026-12-02', '11:00', '12:30'), booked('Individual therapy', '2026-12-08', '09:00', '10:00')];

  it('each clash is reported on its own day, naming the session and its times', () => {
    const conflicts = scheduleConflicts(morningGroup, [], sessions);
    assert.deepEqual(conflicts.map((c) => [c.kind, c.localDate, c.localStart, c.localEnd]), [['session', '2026-12-02', '11:00', '12:30']]);
    assert.match(conflicts[0]!.description, /Wednesday 2026-12-02: overlaps “Relapse prevention” 11:00–12:30/);
  });

  it('back-to-back sessions do not clash', () => {
    assert.deepEqual(scheduleConflicts([meeting('2026-12-02', '12:30', 60)], [], sessions), []);
  });

  it('sessions are compared as instants: a meeting in another zone at the same moment clashes', () => {
    const chicago = meeting('2026-12-02', '10:00', 60); // 10:00 New York = 09:00 Chicago
    assert.equal(scheduleConflicts([chicago], [], [{ ...sessions[0]!, startsAt: instantAt('2026-12-02', '09:30', 'America/Chicago'), endsAt: instantAt('2026-12-02', '10:30', 'America/Chicago') }]).length, 1);
  });
});
