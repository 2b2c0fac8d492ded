import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttendanceStatus } from '../db/schema.ts';
import { addDays, instantAt, weekStartOf } from '../time/local-time.ts';
import { type PhaseBand, type SessionHours, type WeekCoverage, type WeeklyHoursStatus, weeklyHours } from './hours.ts';
import { type EpisodeSpan, weeklyHoursSeries } from './hours-series.ts';

const NY = 'America/New_York';
const EARLY_RECOVERY = { name: 'Early recovery', minHoursPerWeek: 9, maxHoursPerWeek: 12, requiredDaysPerWeek: 3 } satisfies PhaseBand;
const ENGAGEMENT = { name: 'Engagement', minHoursPerWeek: 12, maxHoursPerWeek: 15, requiredDaysPerWeek: 4 } satisfies PhaseBand;
const WEEK = { start: '2026-11-23', end: '2026-11-29' }; // Monday to Sunday
const ALL_WEEK: WeekCoverage = { admittedOn: '2026-01-05', dischargedOn: null, band: EARLY_RECOVERY };

type Mark = number | AttendanceStatus | null;

/** A session on a local day; `mark` is minutes attended (status present), an absence, or null (unmarked). */
function session(date: string, start: string, end: string, mark: Mark = null, options: { cancelled?: boolean; endDate?: string; tz?: string } = {}): SessionHours {
  const tz = options.tz ?? NY;
  const attendance =
    mark === null ? null : typeof mark === 'number' ? { status: 'present' as const, minutesAttended: mark } : { status: mark, minutesAttended: 0 };
  return { localDate: date, startsAt: instantAt(date, start, tz), endsAt: instantAt(options.endDate ?? date, end, tz), status: options.cancelled ? 'cancelled' : 'scheduled', attendance };
}

const local = (date: string, time: string, tz = NY) => instantAt(date, time, tz);
const kind = (status: WeeklyHoursStatus) => status.kind;

describe('weekly hours status', () => {
  const cases: { rule: string; now: Date; sessions: SessionHours[]; coverage?: WeekCoverage | null; expect: WeeklyHoursStatus['kind']; attended?: number; remaining?: number; scheduled?: number }[] = [
    {
      rule: 'a patient below 9 hours by Thursday with only 2 h left scheduled is at risk',
      now: local('2026-11-26', '13:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-24', '09:00', '12:00', 180), session('2026-11-25', '09:00', '12:00'), session('2026-11-26', '14:00', '16:00')],
      expect: 'at_risk', attended: 6, remaining: 2, scheduled: 11,
    },
    {
      rule: 'a patient who can still reach exactly 9 hours with the sessions left is on track',
      now: local('2026-11-26', '13:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-24', '09:00', '12:00', 180), session('2026-11-26', '14:00', '17:00')],
      expect: 'on_track', attended: 6, remaining: 3,
    },
    {
      rule: 'a session already marked as an excused absence is not counted as still reachable',
      now: local('2026-11-26', '13:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-24', '09:00', '12:00', 180), session('2026-11-27', '09:00', '12:00', 'excused_absence')],
      expect: 'at_risk', remaining: 0,
    },
    {
      rule: 'a cancelled session is neither scheduled nor reachable',
      now: local('2026-11-26', '13:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-24', '09:00', '12:00', 180), session('2026-11-27', '09:00', '12:00', null, { cancelled: true })],
      expect: 'at_risk', scheduled: 6, remaining: 0,
    },
    {
      rule: 'a session under way with the patient checked in still counts toward what can be reached',
      now: local('2026-11-27', '10:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-24', '09:00', '12:00', 180), session('2026-11-27', '09:00', '12:00', 0)],
      expect: 'on_track', remaining: 3,
    },
    {
      rule: '13 hours attended at level 2.1 band 9–12 is above maximum',
      now: local('2026-11-30', '10:00'),
      sessions: ['23', '24', '25', '26'].map((d) => session(`2026-11-${d}`, '09:00', '12:15', 195)),
      expect: 'above_maximum', attended: 13,
    },
    {
      rule: 'exactly 12 hours, the phase maximum, is on track',
      now: local('2026-11-30', '10:00'),
      sessions: ['23', '24', '25', '26'].map((d) => session(`2026-11-${d}`, '09:00', '12:00', 180)),
      expect: 'on_track', attended: 12,
    },
    {
      rule: 'one minute over the maximum is above maximum',
      now: local('2026-11-30', '10:00'),
      sessions: [...['23', '24', '25'].map((d) => session(`2026-11-${d}`, '09:00', '12:00', 180)), session('2026-11-26', '09:00', '12:01', 181)],
      expect: 'above_maximum',
    },
    {
      rule: 'going over the maximum is flagged mid-week, before the week ends',
      now: local('2026-11-27', '13:00'),
      sessions: ['23', '24', '25', '26', '27'].map((d) => session(`2026-11-${d}`, '09:00', '12:00', 180)),
      expect: 'above_maximum', attended: 15,
    },
    {
      rule: 'exactly 9 hours, the phase minimum, in a finished week is on track',
      now: local('2026-11-30', '00:00'),
      sessions: ['23', '25', '27'].map((d) => session(`2026-11-${d}`, '09:00', '12:00', 180)),
      expect: 'on_track', attended: 9,
    },
    {
      rule: '8.5 hours in a finished week is below minimum',
      now: local('2026-11-30', '00:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180), session('2026-11-25', '09:00', '12:00', 180), session('2026-11-27', '09:00', '12:00', 150)],
      expect: 'below_minimum', attended: 8.5,
    },
    {
      rule: 'a week not yet started is upcoming',
      now: local('2026-11-22', '23:59'),
      sessions: [session('2026-11-23', '09:00', '12:00')],
      expect: 'upcoming', remaining: 3,
    },
    {
      rule: 'a patient with no episode that week is not in the program',
      now: local('2026-11-30', '10:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180)],
      coverage: null,
      expect: 'not_in_program', attended: 3,
    },
    {
      rule: 'a patient admitted on Wednesday is not judged for that week',
      now: local('2026-11-30', '10:00'),
      sessions: [session('2026-11-25', '09:00', '12:00', 180)],
      coverage: { admittedOn: '2026-11-25', dischargedOn: null, band: EARLY_RECOVERY },
      expect: 'partial_week',
    },
    {
      rule: 'a patient discharged on Thursday is not judged for that week',
      now: local('2026-11-30', '10:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180)],
      coverage: { admittedOn: '2026-09-01', dischargedOn: '2026-11-26', band: EARLY_RECOVERY },
      expect: 'partial_week',
    },
    {
      rule: 'a patient admitted on the week’s first day and discharged on its last is judged',
      now: local('2026-11-30', '10:00'),
      sessions: [session('2026-11-23', '09:00', '12:00', 180)],
      coverage: { admittedOn: '2026-11-23', dischargedOn: '2026-11-29', band: EARLY_RECOVERY },
      expect: 'below_minimum',
    },
  ];
  for (const c of cases) {
    it(c.rule, () => {
      const result = weeklyHours({ week: WEEK, now: c.now, timeZone: NY, sessions: c.sessions, coverage: c.coverage === undefined ? ALL_WEEK : c.coverage });
      assert.equal(kind(result.status), c.expect);
      if (c.attended !== undefined) assert.equal(result.attendedHours, c.attended);
      if (c.remaining !== undefined) assert.equal(result.remainingScheduledHours, c.remaining);
      if (c.scheduled !== undefined) assert.equal(result.scheduledHours, c.scheduled);
    });
  }

  it('says by how much a week falls short or goes over', () => {
    const atRisk = weeklyHours({ week: WEEK, now: local('2026-11-26', '13:00'), timeZone: NY, coverage: ALL_WEEK, sessions: cases[0]!.sessions });
    assert.deepEqual(atRisk.status, { kind: 'at_risk', hoursShort: 1 });
    const over = weeklyHours({ week: WEEK, now: local('2026-11-30', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions: cases[5]!.sessions });
    assert.deepEqual(over.status, { kind: 'above_maximum', hoursOver: 1 });
  });
});

describe('days that count', () => {
  const run = (sessions: SessionHours[]) => weeklyHours({ week: WEEK, now: local('2026-11-30', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions });

  it('a day with two sessions adding up to 3 hours qualifies for H0015; 2 h 59 min does not', () => {
    const result = run([
      session('2026-11-23', '09:00', '11:30', 150), session('2026-11-23', '13:00', '13:30', 30),
      session('2026-11-24', '09:00', '12:00', 179),
    ]);
    assert.equal(result.daysAttended, 2);
    assert.equal(result.daysWithThreeHours, 1);
  });

  it('three days attended meet a three-day phase; absences and unmarked sessions are not days attended', () => {
    const three = run(['23', '25', '27'].map((d) => session(`2026-11-${d}`, '09:00', '12:00', 180)));
    assert.equal(three.meetsRequiredDays, true);
    const two = run([session('2026-11-23', '09:00', '12:00', 180), session('2026-11-25', '09:00', '12:00', 180), session('2026-11-26', '09:00', '12:00', 'unexcused_absence'), session('2026-11-27', '09:00', '12:00')]);
    assert.equal(two.daysAttended, 2);
    assert.equal(two.meetsRequiredDays, false);
  });

  it('with no episode there is no band and no days requirement', () => {
    const result = weeklyHours({ week: WEEK, now: local('2026-11-30', '10:00'), timeZone: NY, coverage: null, sessions: [] });
    assert.equal(result.band, null);
    assert.equal(result.meetsRequiredDays, null);
  });

  it('hours are rounded to two decimals only at the end: three 20-minute stretches are 1 hour', () => {
    const result = run([session('2026-11-23', '09:00', '10:00', 20), session('2026-11-24', '09:00', '10:00', 20), session('2026-11-25', '09:00', '10:00', 20)]);
    assert.equal(result.attendedHours, 1);
    assert.equal(run([session('2026-11-23', '09:00', '10:00', 20)]).attendedHours, 0.33);
  });
});

describe('facility-local weeks and days', () => {
  it('a 21:00–23:30 evening session in New York counts on its local day even though it ends after midnight UTC', () => {
    const evening = session('2026-11-29', '21:00', '23:30', 150); // Sunday evening; 02:00–04:30 UTC on Monday the 30th
    assert.equal(evening.endsAt.toISOString(), '2026-11-30T04:30:00.000Z');
    const result = weeklyHours({ week: WEEK, now: local('2026-12-01', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions: [evening] });
    assert.equal(result.attendedHours, 2.5);
    assert.equal(result.daysAttended, 1);
    const next = weeklyHours({ week: { start: '2026-11-30', end: '2026-12-06' }, now: local('2026-12-07', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions: [evening] });
    assert.equal(next.attendedHours, 0);
  });

  it('week boundaries follow the facility’s week start', () => {
    const sundays = [session('2026-11-22', '09:00', '12:00', 180), session('2026-11-29', '09:00', '12:00', 180)];
    const sundayStart = weekStartOf('2026-11-25', 7);
    assert.equal(sundayStart, '2026-11-22');
    const sundayWeek = weeklyHours({ week: { start: sundayStart, end: addDays(sundayStart, 6) }, now: local('2026-12-01', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions: sundays });
    const mondayWeek = weeklyHours({ week: WEEK, now: local('2026-12-01', '10:00'), timeZone: NY, coverage: ALL_WEEK, sessions: sundays });
    assert.deepEqual([sundayWeek.weekStart, sundayWeek.weekEnd, sundayWeek.attendedHours], ['2026-11-22', '2026-11-28', 3]);
    assert.deepEqual([mondayWeek.weekStart, mondayWeek.weekEnd, mondayWeek.attendedHours], ['2026-11-23', '2026-11-29', 3]);
    const series = weeklyHoursSeries({ from: '2026-11-22', to: '2026-11-29', weekStartsOn: 7, timeZone: NY, now: local('2026-12-01', '10:00'), sessions: sundays, episodes: [] });
    assert.deepEqual(series.map((w) => [w.weekStart, w.attendedHours]), [['2026-11-22', 3], ['2026-11-29', 3]]);
  });

  const dstWeeks = [
    { change: 'November (fall back)', week: { start: '2026-10-26', end: '2026-11-01' }, sunday: '2026-11-01', stillOpen: '2026-11-02T04:30:00Z', over: '2026-11-02T05:00:00Z' },
    { change: 'March (spring forward)', week: { start: '2026-03-02', end: '2026-03-08' }, sunday: '2026-03-08', stillOpen: '2026-03-09T03:30:00Z', over: '2026-03-09T04:00:00Z' },
  ];
  for (const dst of dstWeeks) {
    it(`a week spanning the ${dst.change} DST change counts a 3 h session as 3 h, not 2 or 4`, () => {
      const sunday = session(dst.sunday, '09:00', '12:00', 180);
      const result = weeklyHours({ week: dst.week, now: new Date(dst.over), timeZone: NY, coverage: ALL_WEEK, sessions: [sunday] });
      assert.equal(result.scheduledHours, 3);
      assert.equal(result.attendedHours, 3);
      assert.equal(result.daysWithThreeHours, 1);
    });

    it(`the ${dst.change} week ends at local midnight, not 7 × 24 hours after it began`, () => {
      const open = weeklyHours({ week: dst.week, now: new Date(dst.stillOpen), timeZone: NY, coverage: ALL_WEEK, sessions: [] });
      assert.equal(open.weekOver, false, '23:30 local on the Sunday is still in the week');
      assert.equal(open.status.kind, 'at_risk');
      const over = weeklyHours({ week: dst.week, now: new Date(dst.over), timeZone: NY, coverage: ALL_WEEK, sessions: [] });
      assert.equal(over.weekOver, true, 'local midnight ends the week');
      assert.equal(over.status.kind, 'below_minimum');
    });
  }

  it('a session that crosses the fall-back hour counts the hours that really passed', () => {
    const overnight = session('2026-11-01', '00:30', '03:30', 240);
    assert.equal(weeklyHours({ week: { start: '2026-10-26', end: '2026-11-01' }, now: new Date('2026-11-03T00:00:00Z'), timeZone: NY, coverage: ALL_WEEK, sessions: [overnight] }).scheduledHours, 4);
  });
});

describe('a run of weeks', () => {
  const span = (overrides: Partial<EpisodeSpan> = {}): EpisodeSpan => ({
    episodeId: 'e1', programName: 'Adult IOP', admittedOn: '2026-11-02', dischargedOn: null,
    phases: [{ effectiveOn: '2026-11-02', band: ENGAGEMENT }, { effectiveOn: '2026-11-18', band: EARLY_RECOVERY }],
    currentBand: EARLY_RECOVERY, ...overrides,
  });
  const tenHours = ['2026-11-09', '2026-11-11', '2026-11-13', '2026-11-16', '2026-11-18', '2026-11-20', '2026-11-23', '2026-11-25', '2026-11-27']
    .map((d) => session(d, '09:00', '12:20', 200));
  const run = (episodes: EpisodeSpan[], now = local('2026-11-30', '10:00')) =>
    weeklyHoursSeries({ from: '2026-11-09', to: '2026-11-29', weekStartsOn: 1, timeZone: NY, now, sessions: tenHours, episodes });

  it('each past week is judged against the phase in force then, not the current one', () => {
    const weeks = run([span()]);
    assert.deepEqual(weeks.map((w) => [w.weekStart, w.band?.name, w.status.kind]), [
      ['2026-11-09', 'Engagement', 'below_minimum'],
      ['2026-11-16', 'Engagement', 'below_minimum'], // phase changed on Wednesday the 18th: Monday's phase applies
      ['2026-11-23', 'Early recovery', 'on_track'],
    ]);
  });

  it('weeks after discharge are not in the program', () => {
    const weeks = run([span({ dischargedOn: '2026-11-19' })]);
    assert.deepEqual(weeks.map((w) => w.status.kind), ['below_minimum', 'partial_week', 'not_in_program']);
    assert.equal(weeks[2]!.episodeId, null);
  });

  it('after a transfer the later admission covers the week', () => {
    const second = span({ episodeId: 'e2', programName: 'Evening IOP', admittedOn: '2026-11-16', phases: [], currentBand: EARLY_RECOVERY });
    const weeks = run([span({ dischargedOn: '2026-11-16' }), second]);
    assert.deepEqual(weeks.map((w) => w.programName), ['Adult IOP', 'Evening IOP', 'Evening IOP']);
    assert.deepEqual(weeks.map((w) => w.status.kind), ['below_minimum', 'on_track', 'on_track']);
  });
});
