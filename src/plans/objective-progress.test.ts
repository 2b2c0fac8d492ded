import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CompletedWeek, type ObjectiveData, measureObjective, sessionIsOfKind, weeksMetInARow } from './objective-progress.ts';
import type { Metric, Objective } from './plans.schemas.ts';

const OBJECTIVE_ID = '6f1c2a5e-1b1e-4d7a-9c55-0a1f0f3b9e01';
const TODAY = '2026-11-24';

const objective = (metric: Metric, target: number, more: Partial<Objective> = {}): Objective => ({
  objectiveId: OBJECTIVE_ID,
  description: 'An objective',
  phaseId: null,
  metric,
  baseline: null,
  target,
  dueOn: '2026-12-31',
  interventions: [],
  ...more,
});

const noData: ObjectiveData = { completedWeeks: [], scores: [], attendedSessions: [], planEffectiveOn: null, measurements: [] };

/** Completed weeks, oldest first, each with `attended` of `scheduled` sessions and hours on track. */
const weeks = (...counts: [attended: number, scheduled: number][]): CompletedWeek[] =>
  counts.map(([attended, scheduled], i) => ({
    weekStart: `2026-10-${String(5 + 7 * i).padStart(2, '0')}`,
    status: 'on_track',
    meetsRequiredDays: true,
    sessionsScheduled: scheduled,
    sessionsAttended: attended,
  }));

describe('attendance rate over N weeks', () => {
  const ninetyOverFour = objective({ kind: 'attendance_rate', weeks: 4 }, 90);

  it('an objective of 90% attendance over 4 weeks is met at 90% and not at 89%', () => {
    // 36 of 40 sessions = 90%; 89 of 100 = 89%.
    const at90 = measureObjective(ninetyOverFour, { ...noData, completedWeeks: weeks([9, 10], [9, 10], [9, 10], [9, 10]) }, TODAY);
    assert.equal(at90.current, 90);
    assert.equal(at90.met, true);
    assert.equal(at90.progress, 1);
    const at89 = measureObjective(ninetyOverFour, { ...noData, completedWeeks: weeks([22, 25], [22, 25], [22, 25], [23, 25]) }, TODAY);
    assert.equal(at89.current, 89);
    assert.equal(at89.met, false);
  });

  it('looks only at the last N completed weeks: a poor first month does not count against a good last one', () => {
    const progress = measureObjective(ninetyOverFour, { ...noData, completedWeeks: weeks([0, 10], [0, 10], [10, 10], [10, 10], [10, 10], [10, 10]) }, TODAY);
    assert.equal(progress.current, 100);
    assert.equal(progress.met, true);
  });

  it('is not met before N completed weeks exist, even at 100%', () => {
    const progress = measureObjective(ninetyOverFour, { ...noData, completedWeeks: weeks([10, 10], [10, 10]) }, TODAY);
    assert.equal(progress.current, 100);
    assert.equal(progress.met, false);
    assert.match(progress.explanation, /2 of 4 completed weeks so far/);
  });

  it('has nothing to measure when no sessions were scheduled', () => {
    const progress = measureObjective(ninetyOverFour, noData, TODAY);
    assert.equal(progress.current, null);
    assert.equal(progress.progress, null);
    assert.equal(progress.met, false);
  });

  it('progress runs from the baseline to the target: 60% → 90% is half way at 75%', () => {
    const progress = measureObjective({ ...ninetyOverFour, baseline: 60 }, { ...noData, completedWeeks: weeks([15, 20], [15, 20], [15, 20], [15, 20]) }, TODAY);
    assert.equal(progress.current, 75);
    assert.equal(progress.progress, 0.5);
  });
});

describe('weeks with hours met in a row', () => {
  it('counts back from the last completed week and stops at the first week short of hours or days', () => {
    const history: CompletedWeek[] = [
      ...weeks([10, 10], [10, 10]),
      { weekStart: '2026-10-19', status: 'below_minimum', meetsRequiredDays: true, sessionsScheduled: 10, sessionsAttended: 5 },
      { weekStart: '2026-10-26', status: 'on_track', meetsRequiredDays: false, sessionsScheduled: 10, sessionsAttended: 8 },
      ...weeks([10, 10], [10, 10], [10, 10]),
    ];
    assert.equal(weeksMetInARow(history), 3);
    const fourWeeks = objective({ kind: 'weeks_hours_met' }, 4);
    const progress = measureObjective(fourWeeks, { ...noData, completedWeeks: history }, TODAY);
    assert.deepEqual([progress.current, progress.met, progress.progress], [3, false, 0.75]);
    assert.equal(measureObjective(fourWeeks, { ...noData, completedWeeks: [...history, ...weeks([10, 10])] }, TODAY).met, true);
  });

  it('a partial admission week or a week above the maximum ends the run', () => {
    const partial: CompletedWeek = { weekStart: '2026-10-05', status: 'partial_week', meetsRequiredDays: true, sessionsScheduled: 3, sessionsAttended: 3 };
    const over: CompletedWeek = { weekStart: '2026-10-12', status: 'above_maximum', meetsRequiredDays: true, sessionsScheduled: 10, sessionsAttended: 10 };
    assert.equal(weeksMetInARow([partial, ...weeks([10, 10])]), 1);
    assert.equal(weeksMetInARow([...weeks([10, 10]), over]), 0);
  });
});

describe('instrument score below a threshold', () => {
  const phq9Below10 = objective({ kind: 'instrument_score_below', instrument: 'phq9' }, 10, { baseline: 18 });
  const phq9 = (...scores: number[]) => scores.map((score, i) => ({ instrument: 'phq9', administeredOn: `2026-11-0${i + 1}`, score }));

  it('PHQ-9 below 10: latest 9 is met, 10 is not', () => {
    const nine = measureObjective(phq9Below10, { ...noData, scores: phq9(18, 9) }, TODAY);
    assert.deepEqual([nine.current, nine.met, nine.progress], [9, true, 1]);
    const ten = measureObjective(phq9Below10, { ...noData, scores: phq9(18, 9, 10) }, TODAY);
    assert.deepEqual([ten.current, ten.met], [10, false]);
  });

  it('only the latest score counts, and other instruments are ignored', () => {
    const progress = measureObjective(phq9Below10, { ...noData, scores: [...phq9(4, 14), { instrument: 'gad7', administeredOn: '2026-11-05', score: 2 }] }, TODAY);
    assert.equal(progress.current, 14);
    assert.equal(progress.met, false);
  });

  it('progress from a baseline of 18 toward 9 (below 10): a score of 14 is 4 of 9 points', () => {
    const progress = measureObjective(phq9Below10, { ...noData, scores: phq9(14) }, TODAY);
    assert.equal(progress.progress, 4 / 9);
    // Worse than the baseline is no progress, not negative progress.
    assert.equal(measureObjective(phq9Below10, { ...noData, scores: phq9(22) }, TODAY).progress, 0);
  });

  it('without a score there is nothing to measure', () => {
    const progress = measureObjective(phq9Below10, noData, TODAY);
    assert.deepEqual([progress.current, progress.met, progress.progress], [null, false, null]);
    assert.match(progress.explanation, /No PHQ-9 score yet/);
  });
});

describe('sessions of a kind attended since the plan took effect', () => {
  const sixFamily = objective({ kind: 'sessions_attended', sessionKind: 'family' }, 6);
  const attended: ObjectiveData['attendedSessions'] = [
    { localDate: '2026-10-30', kind: 'family', groupType: null }, // before the plan took effect
    { localDate: '2026-11-03', kind: 'family', groupType: null },
    { localDate: '2026-11-05', kind: 'group', groupType: 'family' },
    { localDate: '2026-11-06', kind: 'group', groupType: 'process' },
    { localDate: '2026-11-07', kind: 'individual', groupType: null },
  ];

  it('counts family groups and one-off family sessions from the day the plan took effect', () => {
    const progress = measureObjective(sixFamily, { ...noData, attendedSessions: attended, planEffectiveOn: '2026-11-01' }, TODAY);
    assert.deepEqual([progress.current, progress.met], [2, false]);
    assert.equal(progress.progress, 2 / 6);
  });

  it('a group type counts only groups of that type; individual counts one-off individual sessions', () => {
    assert.equal(sessionIsOfKind(attended[3]!, 'process'), true);
    assert.equal(sessionIsOfKind(attended[2]!, 'process'), false);
    assert.equal(sessionIsOfKind(attended[4]!, 'individual'), true);
    assert.equal(sessionIsOfKind(attended[3]!, 'individual'), false);
  });

  it('counts nothing while no version of the plan has taken effect', () => {
    const progress = measureObjective(sixFamily, { ...noData, attendedSessions: attended, planEffectiveOn: null }, TODAY);
    assert.equal(progress.current, 0);
  });
});

describe('custom counted measures', () => {
  it('adds up the values staff recorded for this objective only', () => {
    const meetings = objective({ kind: 'custom', unit: 'mutual-help meetings' }, 12);
    const progress = measureObjective(meetings, {
      ...noData,
      measurements: [
        { objectiveId: OBJECTIVE_ID, measuredOn: '2026-11-07', value: 3 },
        { objectiveId: OBJECTIVE_ID, measuredOn: '2026-11-14', value: 4 },
        { objectiveId: '00000000-0000-4000-8000-000000000000', measuredOn: '2026-11-14', value: 50 },
      ],
    }, TODAY);
    assert.deepEqual([progress.current, progress.met, progress.progress], [7, false, 7 / 12]);
    assert.match(progress.explanation, /7 mutual-help meetings recorded in 2 entries/);
  });
});

describe('overdue objectives', () => {
  const fourWeeks = objective({ kind: 'weeks_hours_met' }, 1, { dueOn: '2026-11-23' });

  it('is overdue the day after its due day when not met', () => {
    assert.equal(measureObjective(fourWeeks, noData, '2026-11-23').overdue, false);
    assert.equal(measureObjective(fourWeeks, noData, '2026-11-24').overdue, true);
  });

  it('a met objective is never overdue', () => {
    assert.equal(measureObjective(fourWeeks, { ...noData, completedWeeks: weeks([10, 10]) }, '2026-12-24').overdue, false);
  });
});
