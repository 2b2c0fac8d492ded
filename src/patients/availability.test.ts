import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AvailabilityWindow } from '../db/schema.ts';
import { availabilityProblems } from './availability.ts';

const w = (dayOfWeek: number, start: string, end: string, label = 'Work'): AvailabilityWindow => ({ dayOfWeek, start, end, label });
const summary = (windows: AvailabilityWindow[]) => availabilityProblems(windows).map((p) => `${p.code} ${p.path}`);

describe('weekly availability windows', () => {
  const cases: [string, AvailabilityWindow[], string[]][] = [
    ['a working week of day shifts is fine', [1, 2, 3, 4, 5].map((d) => w(d, '09:00', '17:00')), []],
    ['a morning class and an afternoon shift that touch at noon do not overlap', [w(1, '08:00', '12:00', 'Class'), w(1, '12:00', '16:00')], []],
    ['the same hours on different days do not overlap', [w(1, '09:00', '17:00'), w(2, '09:00', '17:00')], []],
    ['two windows sharing an hour on Monday overlap, and both are named', [w(1, '09:00', '13:00'), w(3, '09:00', '10:00'), w(1, '12:00', '17:00')], [
      'availability_overlap availability[0]',
      'availability_overlap availability[2]',
    ]],
    ['a window inside another overlaps', [w(4, '08:00', '18:00'), w(4, '10:00', '11:00')], ['availability_overlap availability[0]', 'availability_overlap availability[1]']],
    ['a window that ends when it starts is rejected at its end', [w(1, '09:00', '09:00')], ['availability_invalid availability[0].end']],
    ['a window that ends before it starts is rejected at its end', [w(1, '17:00', '09:00')], ['availability_invalid availability[0].end']],
    ['weekday 0 and 8 are not ISO weekdays', [w(0, '09:00', '10:00'), w(8, '09:00', '10:00')], [
      'availability_invalid availability[0].dayOfWeek',
      'availability_invalid availability[1].dayOfWeek',
    ]],
    ['times must be HH:MM on a 24-hour clock', [w(1, '9:00', '24:00')], ['availability_invalid availability[0].start', 'availability_invalid availability[0].end']],
  ];
  for (const [sentence, windows, expected] of cases) it(sentence, () => assert.deepEqual(summary(windows), expected));

  it('allows three windows a day for a week (21) but not 22', () => {
    const week = [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [w(d, '06:00', '08:00'), w(d, '09:00', '12:00'), w(d, '13:00', '17:00')]);
    assert.deepEqual(summary(week), []);
    assert.deepEqual(summary([...week, w(1, '18:00', '19:00')]), ['availability_invalid availability']);
  });

  it('names the window it overlaps in the message', () => {
    const [problem] = availabilityProblems([w(1, '09:00', '13:00'), w(1, '12:00', '17:00')]);
    assert.equal(problem?.message, 'overlaps window 2 (Monday 12:00–17:00)');
  });
});
