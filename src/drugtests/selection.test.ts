import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PatientWeek, type RandomSource, type RandomTestingPolicy, cryptoRandomSource, drawSelection, selectionCandidates, selectionProbability } from './selection.ts';

/*
 * The facility week starts Monday 23 November 2026. Tuesday 24 November is the day drawn.
 *   Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29.
 */
const WEEK = { date: '2026-11-24', weekStart: '2026-11-23' };
const MON = '2026-11-23', TUE = '2026-11-24', WED = '2026-11-25', THU = '2026-11-26', FRI = '2026-11-27', SAT = '2026-11-28';
const WEEKDAYS = [1, 2, 3, 4, 5];

const policy = (overrides: Partial<RandomTestingPolicy> = {}): RandomTestingPolicy => ({ active: true, testsPerWeek: 1, eligibleWeekdays: WEEKDAYS, ...overrides });
const patient = (patientId: string, scheduledDays: string[], programId = 'iop', episodeId = `${patientId}-episode`): PatientWeek => ({ patientId, episodeId, programId, scheduledDays });
const policies = (entries: Record<string, RandomTestingPolicy>) => new Map(Object.entries(entries));
/** A source that answers the given draws in turn. */
const fixed = (...draws: number[]): RandomSource => ({ next: () => draws.shift() ?? assert.fail('more draws than expected') });

describe('the probability of being drawn on a scheduled day', () => {
  const cases: [testsPerWeek: number, days: number, p: number][] = [
    [1, 5, 1 / 5],
    [1, 4, 1 / 4],
    [1, 3, 1 / 3],
    [2, 5, 2 / 5],
    [2, 4, 1 / 2],
    [2, 3, 2 / 3],
    [1.5, 3, 1 / 2],
    [3, 3, 1],
    [5, 3, 1], // more tests asked for than days scheduled: every day, never more
    [1, 1, 1],
    [1, 0, 0],
  ];
  for (const [testsPerWeek, days, p] of cases) {
    it(`is ${p.toFixed(3)} for ${testsPerWeek} test(s) a week over ${days} eligible scheduled day(s)`, () => {
      assert.equal(selectionProbability(testsPerWeek, days), p);
    });
  }
});

describe('who is eligible on a facility day', () => {
  it('a patient scheduled today under an active policy is a candidate, with the eligible days of their week', () => {
    const plan = selectionCandidates(WEEK, [patient('ana', [MON, TUE, THU])], policies({ iop: policy() }));
    assert.deepEqual(plan.candidates, [{ patientId: 'ana', episodeId: 'ana-episode', programId: 'iop', testsPerWeek: 1, eligibleScheduledDays: [MON, TUE, THU], probability: 1 / 3 }]);
    assert.deepEqual(plan.excluded, []);
  });

  it('a patient not scheduled today is not drawn, however many days they come', () => {
    const plan = selectionCandidates(WEEK, [patient('ben', [MON, WED, THU, FRI])], policies({ iop: policy() }));
    assert.deepEqual(plan.candidates, []);
    assert.deepEqual(plan.excluded.map((e) => e.reason), ['not_scheduled_today']);
  });

  const exclusions: [name: string, policies: Map<string, RandomTestingPolicy>, reason: string][] = [
    ['the program has no policy', policies({}), 'no_policy'],
    ['the program’s policy is switched off', policies({ iop: policy({ active: false }) }), 'policy_inactive'],
    ['the policy does not test on Tuesdays', policies({ iop: policy({ eligibleWeekdays: [1, 3, 5] }) }), 'weekday_not_eligible'],
  ];
  for (const [name, given, reason] of exclusions) {
    it(`a scheduled patient is not drawn when ${name}`, () => {
      const plan = selectionCandidates(WEEK, [patient('cara', [MON, TUE, WED])], given);
      assert.deepEqual(plan.candidates, []);
      assert.deepEqual(plan.excluded, [{ patientId: 'cara', episodeId: 'cara-episode', programId: 'iop', reason }]);
    });
  }

  it('only scheduled days on eligible weekdays count toward the week (a Saturday group does not dilute the odds)', () => {
    const plan = selectionCandidates(WEEK, [patient('dan', [TUE, THU, SAT])], policies({ iop: policy({ testsPerWeek: 1, eligibleWeekdays: WEEKDAYS }) }));
    assert.deepEqual(plan.candidates[0]!.eligibleScheduledDays, [TUE, THU]);
    assert.equal(plan.candidates[0]!.probability, 1 / 2);
  });

  it('days outside the facility week and repeated days are not counted', () => {
    const plan = selectionCandidates(WEEK, [patient('eve', ['2026-11-20', TUE, TUE, WED, '2026-11-30'])], policies({ iop: policy() }));
    assert.deepEqual(plan.candidates[0]!.eligibleScheduledDays, [TUE, WED]);
    assert.equal(plan.candidates[0]!.probability, 1 / 2);
  });

  it('a week starting on Sunday counts the Sunday-to-Saturday days', () => {
    const plan = selectionCandidates({ date: TUE, weekStart: '2026-11-22' }, [patient('fay', ['2026-11-22', TUE, SAT, '2026-11-29'])], policies({ iop: policy({ eligibleWeekdays: [1, 2, 3, 4, 5, 6, 7] }) }));
    assert.deepEqual(plan.candidates[0]!.eligibleScheduledDays, ['2026-11-22', TUE, SAT]);
  });

  it('a patient in two programs is drawn once, under the policy that asks for the most testing', () => {
    const plan = selectionCandidates(
      WEEK,
      [patient('gus', [MON, TUE, WED, THU], 'iop', 'gus-iop'), patient('gus', [TUE, THU], 'moud', 'gus-moud')],
      policies({ iop: policy({ testsPerWeek: 1 }), moud: policy({ testsPerWeek: 1 }) }),
    );
    assert.deepEqual(plan.candidates.map((c) => [c.episodeId, c.probability]), [['gus-moud', 1 / 2]]);
    assert.deepEqual(plan.excluded, []);
  });

  it('refuses a day outside the week it is told (a caller’s mistake, not a patient’s)', () => {
    assert.throws(() => selectionCandidates({ date: '2026-12-01', weekStart: '2026-11-23' }, [], policies({})));
  });
});

describe('the draw', () => {
  const candidates = selectionCandidates(WEEK, [patient('ana', [MON, TUE, WED, THU]), patient('ben', [TUE, THU])], policies({ iop: policy() })).candidates;

  it('selects a patient when the draw falls below their probability, and not at or above it', () => {
    // ana: p = 1/4; ben: p = 1/2
    const draws = drawSelection(candidates, fixed(0.2499, 0.5));
    assert.deepEqual(draws.map((d) => [d.patientId, d.draw, d.selected]), [['ana', 0.2499, true], ['ben', 0.5, false]]);
  });

  it('draws every candidate independently, one draw each', () => {
    let calls = 0;
    drawSelection(candidates, { next: () => (calls++, 0.9) });
    assert.equal(calls, 2);
  });

  it('a probability of 1 always selects and of 0 never does', () => {
    const sure = { ...candidates[0]!, probability: 1 };
    const never = { ...candidates[1]!, probability: 0 };
    assert.deepEqual(drawSelection([sure, never], fixed(0.999999, 0)).map((d) => d.selected), [true, false]);
  });
});

describe('the cryptographic random source', () => {
  it('gives values in [0, 1) with 53-bit resolution that differ from draw to draw', () => {
    const random = cryptoRandomSource();
    const values = Array.from({ length: 5000 }, () => random.next());
    assert.ok(values.every((v) => v >= 0 && v < 1));
    assert.ok(values.every((v) => Number.isInteger(v * 2 ** 53)));
    assert.ok(new Set(values).size > 4990);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // Uniform mean 0.5, SD of the mean sqrt(1/12 / 5000) ≈ 0.0041: 6 SD either way.
    assert.ok(Math.abs(mean - 0.5) < 0.025, `mean ${mean}`);
  });

  it('two sources do not repeat each other (no shared or fixed seed)', () => {
    const a = cryptoRandomSource();
    const b = cryptoRandomSource();
    assert.notDeepEqual(Array.from({ length: 8 }, () => a.next()), Array.from({ length: 8 }, () => b.next()));
  });
});
