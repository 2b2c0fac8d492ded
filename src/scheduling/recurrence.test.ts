import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GroupSchedule, MAX_EXPANSION_DAYS, expandOccurrences, floating, nextOccurrences, rruleProblem } from './recurrence.ts';

const NY = 'America/New_York';
const group = (overrides: Partial<GroupSchedule> = {}): GroupSchedule => ({
  rrule: 'FREQ=DAILY',
  startsOn: '2026-01-05',
  endsOn: null,
  startTime: '09:00',
  durationMinutes: 180,
  timeZone: NY,
  ...overrides,
});
const iso = (d: Date) => d.toISOString();

describe('a group keeps its local start time across daylight-saving changes', () => {
  const cases = [
    { change: 'spring forward (2026-03-08)', days: ['2026-03-07', '2026-03-08', '2026-03-09'], utc: ['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z'] },
    { change: 'fall back (2026-11-01)', days: ['2026-10-31', '2026-11-01', '2026-11-02'], utc: ['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z'] },
  ];
  for (const { change, days, utc } of cases) {
    it(`a 09:00 New York group stays at 09:00 local over the ${change} while its UTC instant shifts an hour`, () => {
      const occurrences = expandOccurrences(group(), days[0]!, days[2]!);
      assert.deepEqual(occurrences.map((o) => `${o.localDate} ${o.localStart}`), days.map((d) => `${d} 09:00`));
      assert.deepEqual(occurrences.map((o) => iso(o.startsAt)), utc);
      assert.deepEqual(occurrences.map((o) => o.endsAt.getTime() - o.startsAt.getTime()), [180, 180, 180].map((m) => m * 60_000));
    });
  }

  it('a 01:30 group on the fall-back day happens once, at the first 01:30 (EDT)', () => {
    const occurrences = expandOccurrences(group({ startTime: '01:30', durationMinutes: 60 }), '2026-11-01', '2026-11-01');
    assert.equal(occurrences.length, 1);
    assert.equal(iso(occurrences[0]!.startsAt), '2026-11-01T05:30:00.000Z');
  });

  it('a 02:30 group on the spring-forward day, a time that does not exist, moves to 03:30 EDT but keeps its occurrence key', () => {
    const [occurrence] = expandOccurrences(group({ startTime: '02:30', durationMinutes: 60 }), '2026-03-08', '2026-03-08');
    assert.equal(occurrence!.localStart, '03:30');
    assert.equal(iso(occurrence!.startsAt), '2026-03-08T07:30:00.000Z');
    assert.equal(occurrence!.key, '2026-03-08T02:30:00');
  });
});

describe('weekly and monthly rules', () => {
  it('FREQ=WEEKLY;BYDAY=MO,WE,TH meets Monday, Wednesday and Thursday, from the start date on', () => {
    // 2026-11-24 is a Tuesday: the first meeting is Wednesday the 25th.
    const occurrences = expandOccurrences(group({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,TH', startsOn: '2026-11-24' }), '2026-11-01', '2026-12-06');
    assert.deepEqual(occurrences.map((o) => o.localDate), ['2026-11-25', '2026-11-26', '2026-11-30', '2026-12-02', '2026-12-03']);
    assert.equal(occurrences[0]!.key, '2026-11-25T09:00:00');
  });

  it('INTERVAL=2 meets every other week', () => {
    const occurrences = expandOccurrences(group({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startsOn: '2026-11-24' }), '2026-11-24', '2026-12-31');
    assert.deepEqual(occurrences.map((o) => o.localDate), ['2026-11-24', '2026-12-08', '2026-12-22']);
  });

  it('a monthly family night on the first Monday', () => {
    const occurrences = expandOccurrences(group({ rrule: 'FREQ=MONTHLY;BYDAY=1MO', startTime: '18:00' }), '2026-01-01', '2026-03-31');
    assert.deepEqual(occurrences.map((o) => o.localDate), ['2026-01-05', '2026-02-02', '2026-03-02']);
  });

  it('COUNT stops after that many meetings, even when the window asks for later ones', () => {
    const occurrences = expandOccurrences(group({ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' }), '2026-01-12', '2026-03-31');
    assert.deepEqual(occurrences.map((o) => o.localDate), ['2026-01-12', '2026-01-19']);
  });

  it('UNTIL as a date includes that day; endsOn cuts the rule too', () => {
    const until = expandOccurrences(group({ rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260119' }), '2026-01-01', '2026-03-31');
    assert.deepEqual(until.map((o) => o.localDate), ['2026-01-05', '2026-01-12', '2026-01-19']);
    const ends = expandOccurrences(group({ rrule: 'FREQ=WEEKLY;BYDAY=MO', endsOn: '2026-01-12' }), '2026-01-01', '2026-03-31');
    assert.deepEqual(ends.map((o) => o.localDate), ['2026-01-05', '2026-01-12']);
  });

  it('the expansion window is bounded: asking for ten years yields at most MAX_EXPANSION_DAYS of daily meetings', () => {
    const occurrences = expandOccurrences(group(), '2026-01-05', '2036-01-05');
    assert.equal(occurrences.length, MAX_EXPANSION_DAYS);
  });

  it('nothing before the start date or after the window', () => {
    assert.deepEqual(expandOccurrences(group({ startsOn: '2026-02-01' }), '2026-01-01', '2026-01-31'), []);
  });

  it('the next five starts are listed in local time, skipping today’s if it has begun', () => {
    const next = nextOccurrences(group({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,TH', startsOn: '2026-11-01' }), new Date('2026-11-25T15:00:00Z'));
    assert.deepEqual(next, ['2026-11-26T09:00', '2026-11-30T09:00', '2026-12-02T09:00', '2026-12-03T09:00', '2026-12-07T09:00']);
  });
});

describe('which RRULEs a group may use', () => {
  const accepted = ['FREQ=WEEKLY;BYDAY=MO,WE,TH', 'RRULE:FREQ=DAILY;INTERVAL=1', 'freq=weekly;byday=tu', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270101T000000Z', 'FREQ=DAILY;COUNT=10'];
  for (const rule of accepted) it(`accepts ${rule}`, () => assert.equal(rruleProblem(rule), null));

  const refused: [string, RegExp][] = [
    ['', /empty/],
    ['FREQ=HOURLY', /not supported/],
    ['FREQ=MINUTELY;INTERVAL=15', /not supported/],
    ['DTSTART:20260101T090000\nFREQ=DAILY', /NAME=VALUE|DTSTART/],
    ['FREQ=DAILY;DTSTART=20260101T090000', /DTSTART does not belong/],
    ['FREQ=WEEKLY;BYHOUR=9', /BYHOUR is not supported/],
    ['BYDAY=MO', /FREQ is required/],
    ['FREQ=WEEKLY;BYDAY=XX', /not a weekday/],
    ['FREQ=WEEKLY;BYDAY=1MO', /not a weekday/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', /not both/],
    ['FREQ=DAILY;UNTIL=20270231', /UNTIL must be a date/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
    ['FREQ=DAILY;FREQ=WEEKLY', /twice/],
    ['every monday', /NAME=VALUE/],
  ];
  for (const [rule, reason] of refused) it(`refuses ${JSON.stringify(rule)}`, () => assert.match(rruleProblem(rule) ?? 'accepted', reason));
});

describe('the floating wall clock the rule is expanded in', () => {
  it('keeps the year as written: a day in the year 50 is not moved to 1950 (Date.UTC two-digit years)', () => {
    const cases: [string, string, string][] = [
      ['0050-01-05', '09:00', '0050-01-05T09:00:00.000Z'],
      ['1900-01-01', '00:00', '1900-01-01T00:00:00.000Z'],
      ['2028-02-29', '23:30', '2028-02-29T23:30:00.000Z'],
      ['2199-12-31', '23:59', '2199-12-31T23:59:00.000Z'],
    ];
    for (const [date, time, expected] of cases) assert.equal(floating(date, time).toISOString(), expected, `${date} ${time}`);
  });
});
