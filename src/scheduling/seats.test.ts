import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SeatInterval, firstFreeSeatDay, latestEndDay, seatsTakenFrom, seatsTakenOn } from './seats.ts';

const seat = (seatedOn: string, endsOn: string | null = null): SeatInterval => ({ seatedOn, endsOn });

describe('seats are counted day by day', () => {
  const endingDec20 = seat('2026-11-02', '2026-12-20');
  const promotedDec21 = seat('2026-12-21');

  it('an enrolment ended on a future day keeps its seat through that day, and the patient promoted into it is seated the day after', () => {
    const cases: Array<[string, number]> = [
      ['2026-11-24', 1],
      ['2026-12-20', 1],
      ['2026-12-21', 1],
      ['2027-01-04', 1],
    ];
    for (const [day, taken] of cases) assert.equal(seatsTakenOn([endingDec20, promotedDec21], day), taken, day);
  });

  it('a new place from a day must fit beside the busiest day after it, not only that day', () => {
    const cases: Array<[string, SeatInterval[], number]> = [
      ['2026-11-24', [endingDec20], 1],
      ['2026-12-21', [endingDec20], 0],
      ['2026-11-24', [seat('2027-01-04')], 1], // a seat promised from January is taken for a place open from today
      ['2026-11-24', [endingDec20, promotedDec21], 1],
      ['2026-11-24', [seat('2026-11-02', '2026-11-30'), seat('2026-12-01', '2026-12-10'), seat('2026-12-05')], 2],
      ['2026-11-24', [], 0],
    ];
    for (const [from, seats, taken] of cases) assert.equal(seatsTakenFrom(seats, from), taken, `${from} ${JSON.stringify(seats)}`);
  });

  it('the first day a seat stays free for good: today, the day after a seat ends, or never', () => {
    const cases: Array<[string, SeatInterval[], number, string | null]> = [
      ['2026-11-24', [], 1, '2026-11-24'],
      ['2026-11-24', [endingDec20], 1, '2026-12-21'],
      ['2026-11-24', [seat('2026-11-02', '2026-11-24')], 1, '2026-11-25'], // ended today: seated tomorrow
      ['2026-11-24', [seat('2026-11-02', '2026-11-20')], 1, '2026-11-24'], // ended last week: seated today
      ['2026-11-24', [endingDec20, promotedDec21], 1, null],
      ['2026-11-24', [endingDec20, seat('2026-11-02')], 2, '2026-12-21'],
      ['2026-11-24', [seat('2026-11-02', '2026-11-30'), seat('2026-12-10')], 1, null], // free 12-01 to 12-09 only: a place open from then would overfill 12-10
      ['2026-11-24', [seat('2026-11-02', '2026-11-30'), seat('2026-12-10', '2026-12-31')], 1, '2027-01-01'],
    ];
    for (const [from, seats, capacity, day] of cases) assert.equal(firstFreeSeatDay(seats, capacity, from), day, `${from} cap ${capacity} ${JSON.stringify(seats)}`);
  });

  it('an enrolment may be ended at most a year ahead', () => {
    assert.equal(latestEndDay('2026-11-24'), '2027-11-24');
    assert.equal(latestEndDay('2028-02-29'), '2029-02-28');
  });
});
