import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, assessedOnProblem, populationOn } from './intake-rules.ts';

describe('population of an intake assessment without a program', () => {
  it('the day before the 18th birthday is adolescent', () => assert.equal(populationOn('2008-11-25', '2026-11-24'), 'adolescent'));
  it('the 18th birthday is adult', () => assert.equal(populationOn('2008-11-24', '2026-11-24'), 'adult'));
  it('a 29 February birthday turns a year older on 1 March in a common year', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });
});

describe('the day of an intake assessment', () => {
  it('today is fine', () => assert.equal(assessedOnProblem('2026-11-24', '2026-11-24', '1990-05-05'), undefined));
  it('tomorrow is refused: an assessment records what happened', () => {
    assert.deepEqual(assessedOnProblem('2026-11-25', '2026-11-24', '1990-05-05'), { path: 'assessedOn', message: 'is in the future (today is 2026-11-24)' });
  });
  it('a day before the patient was born is refused', () => {
    assert.equal(assessedOnProblem('1990-05-04', '2026-11-24', '1990-05-05')?.path, 'assessedOn');
  });
});
