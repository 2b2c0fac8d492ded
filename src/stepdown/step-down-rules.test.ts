import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvancementCriteria } from '../db/schema.ts';
import { type Score, type StepDownInput, type StepDownWeek, evaluateStepDown, weeksInPhase } from './step-down-rules.ts';

/*
 * Engagement → Early recovery → Maintenance. The evaluated week is the one starting Monday
 * 16 November 2026; the patient entered Engagement on Monday 19 October, so five completed
 * weeks of the phase exist: 19 Oct, 26 Oct, 2 Nov, 9 Nov, 16 Nov.
 * The program's criteria: 4 weeks in a row met, 90 % attendance, PHQ-9 improved by 5 or
 * below 10, the phase's objectives met, at most 12 weeks in the phase.
 */
const CRITERIA: AdvancementCriteria = { consecutiveWeeksMet: 4, minAttendancePercent: 90, phq9: { improvedBy: 5, orBelow: 10 }, objectivesMet: true, maxWeeksInPhase: 12 };
const engagement = { phaseId: 'engagement', name: 'Engagement' };
const earlyRecovery = { phaseId: 'early', name: 'Early recovery' };
const maintenance = { phaseId: 'maintenance', name: 'Maintenance' };
const WEEKS = ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];

const week = (weekStart: string, overrides: Partial<StepDownWeek> = {}): StepDownWeek => ({ weekStart, status: 'on_track', meetsRequiredDays: true, sessionsScheduled: 4, sessionsAttended: 4, ...overrides });
const scores = (...points: [string, number][]): Score[] => points.map(([administeredOn, score]) => ({ administeredOn, score }));

/** A patient in Engagement who meets every criterion (a plan in force, no objective tied to the phase), unless told otherwise. */
const history = (overrides: Partial<StepDownInput> = {}): StepDownInput => ({
  phase: { ...engagement, position: 1, criteria: CRITERIA },
  nextPhase: earlyRecovery,
  previousPhase: null,
  phaseStartedOn: '2026-10-19',
  evaluatedWeekStart: '2026-11-16',
  weeks: WEEKS.map((w) => week(w)),
  phq9: scores(['2026-10-19', 15], ['2026-11-02', 12], ['2026-11-16', 9]),
  gad7: scores(['2026-10-19', 12], ['2026-11-16', 8]),
  objectives: [],
  ...overrides,
});

const criterion = (input: StepDownInput, key: string) => evaluateStepDown(input).criteria.find((c) => c.key === key);
/** The last four weeks (26 Oct–16 Nov), with one of them changed. */
const withWeek = (index: number, overrides: Partial<StepDownWeek>) => WEEKS.map((w, i) => (i === index ? week(w, overrides) : week(w)));

describe('a patient who meets every criterion of the phase', () => {
  it('is proposed for the next phase, with the evidence', () => {
    const evaluation = evaluateStepDown(history());
    assert.equal(evaluation.weekStart, '2026-11-16');
    assert.equal(evaluation.direction, 'advance');
    assert.deepEqual(evaluation.toPhase, earlyRecovery);
    assert.deepEqual(evaluation.concerns, []);
    assert.deepEqual(evaluation.criteria.map((c) => [c.key, c.met, c.actual]), [
      ['consecutive_weeks', true, '5 weeks in a row'],
      ['attendance', true, '16 of 16 sessions (100%)'],
      ['phq9', true, '15 → 9 (improved by 6)'],
      ['objectives', true, 'no plan objectives tied to this phase'],
    ]);
  });

  it('in the last phase is proposed to complete the program (and discharge)', () => {
    const evaluation = evaluateStepDown(history({ phase: { ...maintenance, position: 3, criteria: CRITERIA }, nextPhase: null, previousPhase: earlyRecovery }));
    assert.deepEqual([evaluation.direction, evaluation.toPhase], ['complete', null]);
  });
});

describe('consecutive weeks with hours and required days met', () => {
  it('4 weeks in a row meet the criterion; 3 (the fourth-last week short of hours) do not', () => {
    assert.equal(criterion(history({ weeks: withWeek(0, { status: 'below_minimum' }) }), 'consecutive_weeks')?.met, true, 'the week before the four does not matter');
    const three = history({ weeks: withWeek(1, { status: 'below_minimum' }) });
    assert.deepEqual([criterion(three, 'consecutive_weeks')?.met, criterion(three, 'consecutive_weeks')?.actual], [false, '3 weeks in a row']);
    assert.equal(evaluateStepDown(three).direction, null);
  });

  it('the run must end with the evaluated week: a short last week leaves none', () => {
    assert.equal(criterion(history({ weeks: withWeek(4, { status: 'below_minimum' }) }), 'consecutive_weeks')?.actual, '0 weeks in a row');
  });

  it('a week above the phase’s maximum does not count: more care than the phase is not a sign of readiness for less', () => {
    assert.equal(criterion(history({ weeks: withWeek(2, { status: 'above_maximum' }) }), 'consecutive_weeks')?.met, false);
  });

  it('a week with the hours but fewer days than required does not count', () => {
    assert.equal(criterion(history({ weeks: withWeek(3, { meetsRequiredDays: false }) }), 'consecutive_weeks')?.met, false);
  });

  it('a partial week (admitted mid-week) and a missing week break the run', () => {
    assert.equal(criterion(history({ weeks: withWeek(1, { status: 'partial_week' }) }), 'consecutive_weeks')?.met, false);
    assert.equal(criterion(history({ weeks: WEEKS.filter((_, i) => i !== 2).map((w) => week(w)) }), 'consecutive_weeks')?.actual, '2 weeks in a row');
  });

  it('weeks before the phase started do not count, even if they were met', () => {
    const evaluation = history({ phaseStartedOn: '2026-11-02' });
    assert.deepEqual([criterion(evaluation, 'consecutive_weeks')?.met, criterion(evaluation, 'consecutive_weeks')?.actual], [false, '3 weeks in a row']);
  });
});

describe('attendance over the last four weeks', () => {
  // 25 sessions scheduled in each of the last four weeks: 100 in all.
  const attendedOfHundred = (attended: number) => WEEKS.map((w, i) => week(w, i === 0 ? {} : { sessionsScheduled: 25, sessionsAttended: i === 4 ? attended - 75 : 25 }));
  it('90 of 100 sessions (90 %) meets the criterion', () => {
    assert.deepEqual([criterion(history({ weeks: attendedOfHundred(90) }), 'attendance')?.met, criterion(history({ weeks: attendedOfHundred(90) }), 'attendance')?.actual], [true, '90 of 100 sessions (90%)']);
  });
  it('89 of 100 sessions (89 %) does not', () => {
    const input = history({ weeks: attendedOfHundred(89) });
    assert.equal(criterion(input, 'attendance')?.met, false);
    assert.equal(evaluateStepDown(input).direction, null);
  });
  it('the week before the four does not count', () => {
    assert.equal(criterion(history({ weeks: withWeek(0, { sessionsScheduled: 10, sessionsAttended: 0 }) }), 'attendance')?.met, true);
  });
  it('nothing scheduled is no evidence of attendance', () => {
    const input = history({ weeks: WEEKS.map((w) => week(w, { sessionsScheduled: 0, sessionsAttended: 0 })) });
    assert.deepEqual([criterion(input, 'attendance')?.met, criterion(input, 'attendance')?.actual], [false, 'no sessions scheduled']);
  });
  it('a phase begun this week has no completed week to judge yet', () => {
    const input = history({ phaseStartedOn: '2026-11-23' });
    assert.deepEqual([criterion(input, 'attendance')?.met, criterion(input, 'attendance')?.actual], [false, 'no completed week in this phase yet']);
  });
});

describe('PHQ-9: improved by 5 points from the first score, or below 10', () => {
  const cases: [string, Score[], boolean][] = [
    ['16 → 11: improved by 5 points', scores(['2026-10-19', 16], ['2026-11-16', 11]), true],
    ['16 → 12: improved by only 4 points and not below 10', scores(['2026-10-19', 16], ['2026-11-16', 12]), false],
    ['12 → 9: latest below 10', scores(['2026-10-19', 12], ['2026-11-16', 9]), true],
    ['12 → 10: latest 10 is not below 10', scores(['2026-10-19', 12], ['2026-11-16', 10]), false],
    ['a single score of 6 at admission: below 10', scores(['2026-10-19', 6]), true],
    ['no PHQ-9 in the episode', [], false],
  ];
  for (const [sentence, phq9, met] of cases) {
    it(sentence, () => {
      assert.equal(criterion(history({ phq9 }), 'phq9')?.met, met);
      assert.equal(evaluateStepDown(history({ phq9 })).direction, met ? 'advance' : null);
    });
  }

  it('is not required when the phase does not ask for it', () => {
    const input = history({ phase: { ...engagement, position: 1, criteria: { ...CRITERIA, phq9: null } }, phq9: [] });
    assert.equal(criterion(input, 'phq9'), undefined);
    assert.equal(evaluateStepDown(input).direction, 'advance');
  });

  it('only scores through the end of the evaluated week count', () => {
    const later = scores(['2026-10-19', 16], ['2026-11-16', 14], ['2026-11-23', 8]);
    assert.equal(criterion(history({ phq9: later }), 'phq9')?.actual, '16 → 14 (improved by 2)');
  });
});

describe('plan objectives for the phase (of the plan in force at the end of the evaluated week)', () => {
  const objective = (objectiveId: string, phaseId: string | null, met: boolean) => ({ objectiveId, description: `Objective ${objectiveId}`, phaseId, met });
  it('all of the phase’s objectives met: met', () => {
    assert.deepEqual(criterion(history({ objectives: [objective('a', 'engagement', true), objective('b', 'engagement', true)] }), 'objectives')?.actual, '2 of 2 objectives met');
    assert.equal(evaluateStepDown(history({ objectives: [objective('a', 'engagement', true)] })).direction, 'advance');
  });
  it('one of the phase’s objectives unmet: not met', () => {
    const input = history({ objectives: [objective('a', 'engagement', true), objective('b', 'engagement', false)] });
    assert.deepEqual([criterion(input, 'objectives')?.met, criterion(input, 'objectives')?.actual], [false, '1 of 2 objectives met']);
    assert.equal(evaluateStepDown(input).direction, null);
  });
  it('a plan in force with no objectives tied to the phase: nothing stands in the way (other phases’ and untied objectives do not count)', () => {
    const input = history({ objectives: [objective('c', 'early', false), objective('d', null, false)] });
    assert.deepEqual([criterion(input, 'objectives')?.met, criterion(input, 'objectives')?.actual], [true, 'no plan objectives tied to this phase']);
  });
  it('no treatment plan in force (none signed by clinician and patient): not met, and nothing is proposed', () => {
    const input = history({ objectives: null });
    assert.deepEqual(criterion(input, 'objectives'), { key: 'objectives', met: false, required: 'every plan objective for Engagement met', actual: 'no treatment plan in force' });
    assert.equal(evaluateStepDown(input).direction, null);
  });
  it('not required when the phase does not ask for it, with or without a plan', () => {
    for (const objectives of [[objective('a', 'engagement', false)], null]) {
      const input = history({ phase: { ...engagement, position: 1, criteria: { ...CRITERIA, objectivesMet: false } }, objectives });
      assert.equal(criterion(input, 'objectives'), undefined);
      assert.equal(evaluateStepDown(input).direction, 'advance');
    }
  });
});

describe('worsening proposes more intensive care, and wins over advancement', () => {
  // 26 at admission, 19, then 20: improved by 6 from the first (the PHQ-9 criterion holds), yet rising into severe.
  const rising = scores(['2026-10-19', 26], ['2026-11-02', 19], ['2026-11-16', 20]);

  it('PHQ-9 19 → 20 (into severe) in Early recovery proposes going back to Engagement, though every criterion holds', () => {
    const input = history({ phase: { ...earlyRecovery, position: 2, criteria: CRITERIA }, nextPhase: maintenance, previousPhase: engagement, phq9: rising });
    const evaluation = evaluateStepDown(input);
    assert.ok(evaluation.criteria.every((c) => c.met));
    assert.equal(evaluation.direction, 'intensify');
    assert.deepEqual(evaluation.toPhase, engagement);
    assert.deepEqual(evaluation.concerns, [{ key: 'phq9_rising_into_severe', text: 'PHQ-9 rose from 19 to 20 (severe: 20 or more)' }]);
  });

  it('in the first phase, proposes a referral to a higher level of care (no phase to go to)', () => {
    const evaluation = evaluateStepDown(history({ phq9: rising }));
    assert.deepEqual([evaluation.direction, evaluation.toPhase], ['intensify', null]);
  });

  it('PHQ-9 18 → 19 stays below severe: no concern', () => {
    assert.equal(evaluateStepDown(history({ phq9: scores(['2026-10-19', 26], ['2026-11-02', 18], ['2026-11-16', 19]) })).direction, 'advance');
  });

  it('PHQ-9 falling within the severe band (24 → 21) is not rising', () => {
    assert.deepEqual(evaluateStepDown(history({ phq9: scores(['2026-10-19', 24], ['2026-11-16', 21]) })).concerns, []);
  });

  it('GAD-7 14 → 15 (into severe) proposes intensify; 13 → 14 does not', () => {
    const gad = evaluateStepDown(history({ gad7: scores(['2026-10-19', 9], ['2026-11-09', 14], ['2026-11-16', 15]) }));
    assert.deepEqual([gad.direction, gad.concerns.map((c) => c.key)], ['intensify', ['gad7_rising_into_severe']]);
    assert.equal(evaluateStepDown(history({ gad7: scores(['2026-10-19', 9], ['2026-11-09', 13], ['2026-11-16', 14]) })).direction, 'advance');
  });

  it('a rise given before the current phase began does not propose it again (the intensify was already approved)', () => {
    const input = history({ phaseStartedOn: '2026-11-09', phq9: scores(['2026-10-19', 15], ['2026-11-02', 21]), weeks: WEEKS.map((w) => week(w)) });
    assert.deepEqual(evaluateStepDown(input).concerns, []);
  });

  it('a rise after the evaluated week waits for next week’s evaluation', () => {
    assert.equal(evaluateStepDown(history({ phq9: scores(['2026-10-19', 15], ['2026-11-16', 9], ['2026-11-23', 22]) })).direction, 'advance');
  });
});

describe('too long in a phase without meeting its criteria', () => {
  // 16 Nov is the 12th whole week since 31 Aug, the 13th since 24 Aug.
  const stuck = (phaseStartedOn: string, weeks = withWeek(4, { status: 'below_minimum' })) => history({ phaseStartedOn, weeks });

  it('counts whole facility weeks from the phase start through the evaluated week', () => {
    assert.deepEqual([weeksInPhase('2026-08-31', '2026-11-16'), weeksInPhase('2026-08-24', '2026-11-16'), weeksInPhase('2026-11-16', '2026-11-16'), weeksInPhase('2026-11-18', '2026-11-16')], [12, 13, 1, 0]);
  });

  it('12 weeks is not too long; 13 weeks proposes more intensive care', () => {
    assert.equal(evaluateStepDown(stuck('2026-08-31')).direction, null);
    const evaluation = evaluateStepDown(stuck('2026-08-24'));
    assert.equal(evaluation.direction, 'intensify');
    assert.deepEqual(evaluation.concerns.map((c) => c.key), ['too_long_in_phase']);
  });

  it('13 weeks with every criterion met advances instead', () => {
    assert.equal(evaluateStepDown(stuck('2026-08-24', WEEKS.map((w) => week(w)))).direction, 'advance');
  });

  it('never, when the phase sets no maximum', () => {
    assert.equal(evaluateStepDown({ ...stuck('2026-01-05'), phase: { ...engagement, position: 1, criteria: { ...CRITERIA, maxWeeksInPhase: null } } }).direction, null);
  });
});

describe('a phase without advancement criteria (moved by hand)', () => {
  const byHand = (overrides: Partial<StepDownInput> = {}) => history({ phase: { ...engagement, position: 1, criteria: null }, phaseStartedOn: '2026-01-05', ...overrides });

  it('proposes nothing, however long and however well it goes', () => {
    const evaluation = evaluateStepDown(byHand());
    assert.deepEqual([evaluation.direction, evaluation.toPhase, evaluation.criteria, evaluation.concerns], [null, null, [], []]);
  });

  it('still proposes more intensive care when PHQ-9 rises into severe', () => {
    assert.equal(evaluateStepDown(byHand({ phq9: scores(['2026-10-19', 12], ['2026-11-16', 23]) })).direction, 'intensify');
  });
});
