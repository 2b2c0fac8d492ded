import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ProgramDraft, programProblems } from './program-rules.ts';
import { describeBand, findLevel } from './levels-of-care.ts';

const iop = (phases: ProgramDraft['phases'], population: ProgramDraft['population'] = 'adult'): ProgramDraft => ({
  edition: '3',
  levelOfCare: '2.1',
  population,
  phases,
  tracks: [{ kind: 'evening', startsAt: '18:00', endsAt: '21:00', daysOfWeek: [1, 2, 4] }],
});
const phase = (min: number, max: number) => ({ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: min, maxHoursPerWeek: max });

describe('phase hours against the level of care (ASAM 3rd edition)', () => {
  const cases: [string, ProgramDraft['population'], number, number, boolean][] = [
    ['adult IOP at exactly 9 hours is allowed', 'adult', 9, 12, true],
    ['adult IOP up to 19.5 hours is allowed', 'adult', 9, 19.5, true],
    ['adult IOP below 9 hours is rejected', 'adult', 8.5, 12, false],
    ['adult IOP at 20 hours is rejected (that is partial hospitalization)', 'adult', 9, 20, false],
    ['adolescent IOP at 6 hours is allowed', 'adolescent', 6, 9, true],
    ['adolescent IOP below 6 hours is rejected', 'adolescent', 5.5, 9, false],
    ['adolescent IOP at 20 hours is rejected', 'adolescent', 6, 20, false],
  ];
  for (const [sentence, population, min, max, ok] of cases) {
    it(sentence, () => {
      const problems = programProblems(iop([phase(min, max)], population));
      assert.deepEqual(problems.map((p) => p.code), ok ? [] : ['phase_hours_outside_band']);
    });
  }

  it('names the band in the error, e.g. adult level 2.1 is 9 to under 20 hours per week', () => {
    const [problem] = programProblems(iop([phase(9, 12), phase(6, 8)]));
    assert.equal(problem?.path, 'phases[1].minHoursPerWeek');
    assert.match(problem!.message, /adult level 2\.1 \(Intensive outpatient\) is 9 to under 20 hours per week/);
  });

  it('points at the maximum when only the maximum is too high', () => {
    const [problem] = programProblems(iop([phase(12, 24)]));
    assert.equal(problem?.path, 'phases[0].maxHoursPerWeek');
  });

  it('rejects a phase whose minimum is above its maximum', () => {
    assert.deepEqual(programProblems(iop([phase(15, 10)])).map((p) => p.code), ['phase_hours_inverted']);
  });

  it('describes open-ended and outpatient bands', () => {
    assert.equal(describeBand(findLevel('3', '2.5')!, 'adult'), 'adult level 2.5 (Partial hospitalization) is 20 or more hours per week');
    assert.equal(describeBand(findLevel('3', '1')!, 'adolescent'), 'adolescent level 1 (Outpatient) is under 6 hours per week');
  });
});

describe('level of care of a program', () => {
  it('rejects a level that does not exist in the edition', () => {
    const problems = programProblems({ ...iop([phase(9, 12)]), levelOfCare: '2.7' });
    assert.deepEqual(problems.map((p) => p.code), ['level_of_care_unknown']);
  });
  it('accepts 4th-edition level 2.7 when the organization uses the 4th edition', () => {
    const problems = programProblems({ ...iop([phase(20, 30)]), edition: '4', levelOfCare: '2.7' });
    assert.deepEqual(problems, []);
  });
  it('rejects residential levels, which have no weekly-hours band', () => {
    const problems = programProblems({ ...iop([phase(9, 12)]), levelOfCare: '3.5' });
    assert.deepEqual(problems.map((p) => p.code), ['level_of_care_without_hours']);
  });
});

describe('ids sent back on edit', () => {
  it('rejects a phase id given twice, which would overwrite one phase with another', () => {
    const id = '6f1c1f8e-7d7a-4a52-9b1e-111111111111';
    const problems = programProblems(iop([{ ...phase(9, 12), phaseId: id }, { ...phase(9, 10), phaseId: id }]));
    assert.deepEqual(problems.map((p) => [p.code, p.path]), [['id_repeated', 'phases[1].phaseId']]);
  });
});

describe('tracks', () => {
  it('rejects a track that ends before it starts or repeats a weekday', () => {
    const problems = programProblems({
      ...iop([phase(9, 12)]),
      tracks: [{ kind: 'morning', startsAt: '12:00', endsAt: '09:00', daysOfWeek: [1, 1, 3] }],
    });
    assert.deepEqual(problems.map((p) => p.code), ['track_times_invalid', 'track_days_repeated']);
  });
});
