/**
 * Random selection over 1,430 facility weeks (10,010 days) with the real CSPRNG, for a
 * population with mixed schedules (3, 4 and 5 days a week, one with a Saturday group the
 * policy does not test on) and policies of 1 and 2 tests a week.
 *
 * Tolerances come from the binomial model the selection claims to follow, not from
 * looking at runs: a patient's tests are a sum of independent Bernoulli(p) draws, so
 *   - each patient's weekly rate is within 5 SD of target (false alarm ≈ 6e-7 per patient);
 *   - the (patient, weekday) cells' chi-square against their own p stays under its 1e-6
 *     critical value (a weekday pattern in any schedule would push it far over);
 *   - after a test on the previous scheduled day, the next day's selections stay within
 *     4.89 SD (two-sided 1e-6) of what p predicts (no "safe after a test").
 * So the file fails by chance about once in a few hundred thousand runs (CI runs it twice
 * per landing), while a real pattern still shows: a selector that never tested the day
 * after a test would put the after-a-test statistic about 29 SD from zero, and one weekday
 * twice as likely as the rest would multiply the chi-square several times over.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays } from '../time/local-time.ts';
import { type PatientWeek, type RandomTestingPolicy, cryptoRandomSource, drawSelection, selectionCandidates } from './selection.ts';

const WEEKS = 1430;
const FIRST_MONDAY = '2026-01-05';
/** Upper-tail standard normal quantiles. */
const Z_1E6_ONE_SIDED = 4.7534;
const Z_1E6_TWO_SIDED = 4.8916;

/** Chi-square critical value with k degrees of freedom (Wilson–Hilferty; within 1% for k ≥ 3). */
function chiSquareCritical(k: number, z: number): number {
  const a = 2 / (9 * k);
  return k * (1 - a + z * Math.sqrt(a)) ** 3;
}

interface Subject {
  readonly id: string;
  readonly weekdays: readonly number[];
  readonly testsPerWeek: 1 | 2;
  /** Scheduled weekdays the Monday–Friday policy tests on. */
  readonly eligibleWeekdays: readonly number[];
}

const SCHEDULES: readonly (readonly number[])[] = [[1, 3, 5], [2, 4, 5], [1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [1, 2, 4, 5], [1, 2, 3, 4, 5], [2, 4, 6]];
const POLICY_WEEKDAYS = [1, 2, 3, 4, 5];
const SUBJECTS: readonly Subject[] = SCHEDULES.flatMap((weekdays) =>
  ([1, 2] as const).map((testsPerWeek) => ({
    id: `${weekdays.join('')}-x${testsPerWeek}`,
    weekdays,
    testsPerWeek,
    eligibleWeekdays: weekdays.filter((d) => POLICY_WEEKDAYS.includes(d)),
  })),
);
const POLICIES = new Map<string, RandomTestingPolicy>([
  ['once-weekly', { active: true, testsPerWeek: 1, eligibleWeekdays: POLICY_WEEKDAYS }],
  ['twice-weekly', { active: true, testsPerWeek: 2, eligibleWeekdays: POLICY_WEEKDAYS }],
]);
const pOf = (s: Subject) => Math.min(1, s.testsPerWeek / s.eligibleWeekdays.length);

interface Tally {
  tests: number;
  /** Weeks by number of tests in them. */
  readonly testsPerWeekHistogram: number[];
  /** Per ISO weekday: scheduled days and selections. */
  readonly scheduled: number[];
  readonly selected: number[];
  /** Consecutive scheduled days where the earlier one was a test, and how many of the later ones were too. */
  afterTest: number;
  afterTestSelected: number;
  previousSelected: boolean | null;
}

const tallies = new Map<string, Tally>();

before(() => {
  const random = cryptoRandomSource();
  for (const s of SUBJECTS) {
    tallies.set(s.id, { tests: 0, testsPerWeekHistogram: [0, 0, 0, 0, 0, 0], scheduled: Array(8).fill(0), selected: Array(8).fill(0), afterTest: 0, afterTestSelected: 0, previousSelected: null });
  }
  for (let w = 0; w < WEEKS; w++) {
    const weekStart = addDays(FIRST_MONDAY, 7 * w);
    const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)); // ISO weekday i + 1
    const patients: PatientWeek[] = SUBJECTS.map((s) => ({
      patientId: s.id,
      episodeId: `${s.id}-episode`,
      programId: s.testsPerWeek === 1 ? 'once-weekly' : 'twice-weekly',
      scheduledDays: s.weekdays.map((d) => days[d - 1]!),
    }));
    const weekTests = new Map<string, number>();
    for (let i = 0; i < 7; i++) {
      const weekday = i + 1;
      const draws = drawSelection(selectionCandidates({ date: days[i]!, weekStart }, patients, POLICIES).candidates, random);
      const selected = new Set(draws.filter((d) => d.selected).map((d) => d.patientId));
      for (const s of SUBJECTS) {
        if (!s.weekdays.includes(weekday)) continue;
        const t = tallies.get(s.id)!;
        const hit = selected.has(s.id);
        t.scheduled[weekday]! += 1;
        if (hit) {
          t.selected[weekday]! += 1;
          t.tests += 1;
          weekTests.set(s.id, (weekTests.get(s.id) ?? 0) + 1);
        }
        if (s.eligibleWeekdays.includes(weekday)) {
          if (t.previousSelected === true) {
            t.afterTest += 1;
            if (hit) t.afterTestSelected += 1;
          }
          t.previousSelected = hit;
        }
      }
    }
    for (const s of SUBJECTS) tallies.get(s.id)!.testsPerWeekHistogram[weekTests.get(s.id) ?? 0]! += 1;
  }
});

describe('random selection over 10,010 facility days with the real CSPRNG', () => {
  it('each patient averages their program’s tests per week, whatever their schedule (within 5 SD)', () => {
    for (const s of SUBJECTS) {
      const t = tallies.get(s.id)!;
      const p = pOf(s);
      const n = s.eligibleWeekdays.length;
      const target = n * p; // = testsPerWeek: no schedule here has fewer eligible days than tests (p = 1 gives exactly that)
      assert.equal(target, s.testsPerWeek);
      const sd = Math.sqrt((n * p * (1 - p)) / WEEKS);
      const rate = t.tests / WEEKS;
      assert.ok(Math.abs(rate - target) <= 5 * sd, `${s.id}: ${rate.toFixed(4)} tests/week, target ${target} ± ${(5 * sd).toFixed(4)}`);
    }
  });

  it('no weekday is favoured: each schedule’s selections by weekday fit its probability (chi-square, p > 1e-6)', () => {
    let chiSquare = 0;
    let cells = 0;
    for (const s of SUBJECTS) {
      const t = tallies.get(s.id)!;
      const p = pOf(s);
      for (const weekday of s.eligibleWeekdays) {
        const n = t.scheduled[weekday]!;
        assert.equal(n, WEEKS);
        if (p === 1) {
          assert.equal(t.selected[weekday], n);
          continue;
        }
        chiSquare += (t.selected[weekday]! - n * p) ** 2 / (n * p * (1 - p));
        cells += 1;
      }
    }
    assert.ok(cells >= 50, `${cells} cells`);
    const critical = chiSquareCritical(cells, Z_1E6_ONE_SIDED);
    assert.ok(chiSquare < critical, `chi-square ${chiSquare.toFixed(1)} on ${cells} df, critical ${critical.toFixed(1)}`);
  });

  it('a scheduled day the policy does not test on is never drawn', () => {
    for (const s of SUBJECTS.filter((x) => x.weekdays.includes(6))) {
      const t = tallies.get(s.id)!;
      assert.equal(t.scheduled[6], WEEKS);
      assert.equal(t.selected[6], 0);
    }
  });

  it('a test on the previous scheduled day does not change the odds of one today (within 3.29 SD)', () => {
    let observed = 0;
    let expected = 0;
    let variance = 0;
    for (const s of SUBJECTS) {
      const t = tallies.get(s.id)!;
      const p = pOf(s);
      observed += t.afterTestSelected;
      expected += t.afterTest * p;
      variance += t.afterTest * p * (1 - p);
      assert.ok(t.afterTest > 200, `${s.id}: only ${t.afterTest} days after a test`);
    }
    const z = (observed - expected) / Math.sqrt(variance);
    assert.ok(Math.abs(z) < Z_1E6_TWO_SIDED, `after a test: ${observed} selected, ${expected.toFixed(1)} expected (z = ${z.toFixed(2)})`);
  });

  it('a patient tested early in the week can be tested again that week, as often as chance says (within 5 SD)', () => {
    for (const s of SUBJECTS.filter((x) => x.testsPerWeek === 1 && x.eligibleWeekdays.length >= 4)) {
      const t = tallies.get(s.id)!;
      const n = s.eligibleWeekdays.length;
      const p = pOf(s);
      const twoOrMore = 1 - (1 - p) ** n - n * p * (1 - p) ** (n - 1);
      const observed = t.testsPerWeekHistogram.slice(2).reduce((a, b) => a + b, 0) / WEEKS;
      const sd = Math.sqrt((twoOrMore * (1 - twoOrMore)) / WEEKS);
      assert.ok(Math.abs(observed - twoOrMore) < 5 * sd, `${s.id}: ${observed.toFixed(4)} of weeks with 2+ tests, expected ${twoOrMore.toFixed(4)}`);
    }
  });
});
