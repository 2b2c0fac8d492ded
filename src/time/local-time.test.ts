import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCAL_DATE_PATTERN, MAX_LOCAL_DATE, MIN_LOCAL_DATE, addDays, instantAt, isCalendarDate, isLocalDate, localDateOf, localTimeOf, minutesBetween, startOfLocalDay, weekStartOf, weeksBetween } from './local-time.ts';

const NY = 'America/New_York';

describe('facility-local time', () => {
  it('a 9:00 session in New York is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    assert.equal(instantAt('2026-01-12', '09:00', NY).toISOString(), '2026-01-12T14:00:00.000Z');
    assert.equal(instantAt('2026-07-13', '09:00', NY).toISOString(), '2026-07-13T13:00:00.000Z');
  });

  it('the spring-forward day is 23 hours long and the fall-back day 25', () => {
    assert.equal(minutesBetween(startOfLocalDay('2026-03-08', NY), startOfLocalDay('2026-03-09', NY)), 23 * 60);
    assert.equal(minutesBetween(startOfLocalDay('2026-11-01', NY), startOfLocalDay('2026-11-02', NY)), 25 * 60);
  });

  it('a wall-clock time skipped by spring-forward moves later by the gap; a repeated one takes the first', () => {
    assert.equal(instantAt('2026-03-08', '02:30', NY).toISOString(), '2026-03-08T07:30:00.000Z'); // 03:30 EDT
    assert.equal(instantAt('2026-11-01', '01:30', NY).toISOString(), '2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });

  it('an evening session late in UTC is still on its local day', () => {
    const instant = new Date('2026-11-25T02:30:00Z'); // 21:30 EST on the 24th
    assert.equal(localDateOf(instant, NY), '2026-11-24');
    assert.equal(localTimeOf(instant, NY), '21:30');
  });

  it('weeks start on the facility’s configured weekday', () => {
    assert.equal(weekStartOf('2026-11-25', 1), '2026-11-23'); // Wednesday → Monday
    assert.equal(weekStartOf('2026-11-23', 1), '2026-11-23');
    assert.equal(weekStartOf('2026-11-25', 7), '2026-11-22'); // Sunday-start weeks
    assert.deepEqual(weeksBetween('2026-10-28', '2026-11-03', 1), [
      { start: '2026-10-26', end: '2026-11-01' },
      { start: '2026-11-02', end: '2026-11-08' },
    ]);
  });

  it('calendar days are validated, not rolled over', () => {
    for (const good of ['2026-02-28', '2028-02-29']) assert.equal(isLocalDate(good), true, good);
    for (const bad of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '']) assert.equal(isLocalDate(bad), false, bad);
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  });

  it('a clinic day lies in the years 1900 to 2199, and the schema pattern agrees with isLocalDate', () => {
    const cases: [string, boolean][] = [
      [MIN_LOCAL_DATE, true],
      [MAX_LOCAL_DATE, true],
      ['2026-11-24', true],
      ['1899-12-31', false],
      ['2200-01-01', false],
      ['9999-12-31', false],
      ['0000-01-01', false],
      ['0050-01-05', false],
    ];
    const pattern = new RegExp(LOCAL_DATE_PATTERN);
    for (const [day, ok] of cases) {
      assert.equal(isLocalDate(day), ok, day);
      assert.equal(pattern.test(day), ok, `pattern ${day}`);
      assert.equal(isCalendarDate(day), true, `still a calendar day: ${day}`);
    }
    assert.equal(isLocalDate('2199-02-29'), false, '2199 is not a leap year');
  });
});
