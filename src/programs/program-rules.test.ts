import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ProgramDraft, programProblems } from './program-rules.ts';
import { describeBand, findLevel } from './levels-of-care.ts';
import { DEFAULT_ADVANCEMENT_CRITERIA, DEFAULT_INSTRUMENT_CADENCE } from './care-settings.ts';
import type { AdvancementCriteria, InstrumentCadenceEntry } from '../db/schema.ts';

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

describe('clinical settings: plan review interval', () => {
  const cases: [number, boolean][] = [[6, false], [7, true], [30, true], [180, true], [181, false]];
  for (const [days, ok] of cases) {
    it(`a plan review every ${days} days is ${ok ? 'accepted' : 'refused (7 to 180)'}`, () => {
      const problems = programProblems({ ...iop([phase(9, 12)]), planReviewDays: days });
      assert.deepEqual(problems.map((p) => [p.code, p.path]), ok ? [] : [['setting_out_of_range', 'planReviewDays']]);
    });
  }
});

describe('clinical settings: instrument cadence', () => {
  const withCadence = (cadence: InstrumentCadenceEntry[]) => programProblems({ ...iop([phase(9, 12)]), instrumentCadence: cadence });
  const phq9 = (everyDays: number | null, atAdmission = true, atDischarge = true): InstrumentCadenceEntry => ({ instrument: 'phq9', atAdmission, everyDays, atDischarge });

  it('the default cadence (PHQ-9 and GAD-7 every 2 weeks, BAM monthly, C-SSRS at admission) is valid', () => {
    assert.deepEqual(withCadence([...DEFAULT_INSTRUMENT_CADENCE]), []);
  });

  it('an instrument listed twice is refused at the second row, since two rows would be two schedules', () => {
    const problems = withCadence([phq9(14), { instrument: 'gad7', atAdmission: true, everyDays: 14, atDischarge: true }, phq9(28)]);
    assert.deepEqual(problems.map((p) => [p.code, p.path]), [['instrument_repeated', 'instrumentCadence[2].instrument']]);
  });

  const intervals: [number, boolean][] = [[6, false], [7, true], [180, true], [181, false]];
  for (const [everyDays, ok] of intervals) {
    it(`repeating every ${everyDays} days is ${ok ? 'accepted' : 'refused (7 to 180)'}`, () => {
      assert.deepEqual(withCadence([phq9(everyDays)]).map((p) => [p.code, p.path]), ok ? [] : [['setting_out_of_range', 'instrumentCadence[0].everyDays']]);
    });
  }

  it('an instrument given only at admission (not repeated) is fine', () => {
    assert.deepEqual(withCadence([phq9(null, true, false)]), []);
  });

  it('a row that never gives its instrument (no admission, no repeat, no discharge) is refused', () => {
    assert.deepEqual(withCadence([phq9(null, false, false)]).map((p) => [p.code, p.path]), [['instrument_never_given', 'instrumentCadence[0]']]);
  });
});

describe('clinical settings: advancement criteria of a phase', () => {
  const withCriteria = (changes: Partial<AdvancementCriteria>) =>
    programProblems(iop([phase(12, 15), { ...phase(9, 12), advancementCriteria: { ...DEFAULT_ADVANCEMENT_CRITERIA, ...changes } }]));
  const path = (field: string) => `phases[1].advancementCriteria.${field}`;

  it('the default (4 weeks in a row, attendance 90 %, PHQ-9 down 5 or below 10, objectives met, 12 weeks at most) is valid', () => {
    assert.deepEqual(withCriteria({}), []);
  });

  it('no criteria at all (null: staff move patients by hand) is valid', () => {
    assert.deepEqual(programProblems(iop([{ ...phase(9, 12), advancementCriteria: null }])), []);
  });

  const boundaries: [string, Partial<AdvancementCriteria>, string | null][] = [
    ['0 weeks in a row is refused', { consecutiveWeeksMet: 0 }, 'consecutiveWeeksMet'],
    ['1 week in a row is accepted', { consecutiveWeeksMet: 1 }, null],
    ['26 weeks in a row is accepted', { consecutiveWeeksMet: 26 }, null],
    ['27 weeks in a row is refused', { consecutiveWeeksMet: 27 }, 'consecutiveWeeksMet'],
    ['attendance of 0 % is accepted (attendance not required)', { minAttendancePercent: 0 }, null],
    ['attendance of 100 % is accepted', { minAttendancePercent: 100 }, null],
    ['attendance below 0 % is refused', { minAttendancePercent: -1 }, 'minAttendancePercent'],
    ['attendance above 100 % is refused', { minAttendancePercent: 100.5 }, 'minAttendancePercent'],
    ['a PHQ-9 improvement of 0 points is refused', { phq9: { improvedBy: 0, orBelow: 10 } }, 'phq9.improvedBy'],
    ['a PHQ-9 improvement of 1 point is accepted', { phq9: { improvedBy: 1, orBelow: 10 } }, null],
    ['a PHQ-9 improvement of 27 points is accepted', { phq9: { improvedBy: 27, orBelow: 10 } }, null],
    ['a PHQ-9 improvement of 28 points (beyond the scale) is refused', { phq9: { improvedBy: 28, orBelow: 10 } }, 'phq9.improvedBy'],
    ['a PHQ-9 threshold of 0 is refused (no score is below 0)', { phq9: { improvedBy: 5, orBelow: 0 } }, 'phq9.orBelow'],
    ['a PHQ-9 threshold of 1 is accepted', { phq9: { improvedBy: 5, orBelow: 1 } }, null],
    ['a PHQ-9 threshold of 27 is accepted', { phq9: { improvedBy: 5, orBelow: 27 } }, null],
    ['a PHQ-9 threshold of 28 is refused', { phq9: { improvedBy: 5, orBelow: 28 } }, 'phq9.orBelow'],
    ['no PHQ-9 requirement is accepted', { phq9: null }, null],
    ['0 weeks at most in the phase is refused', { maxWeeksInPhase: 0 }, 'maxWeeksInPhase'],
    ['1 week at most in the phase is accepted', { maxWeeksInPhase: 1 }, null],
    ['104 weeks at most in the phase is accepted', { maxWeeksInPhase: 104 }, null],
    ['105 weeks at most in the phase is refused', { maxWeeksInPhase: 105 }, 'maxWeeksInPhase'],
    ['no limit on weeks in the phase (never propose more care) is accepted', { maxWeeksInPhase: null }, null],
  ];
  for (const [sentence, changes, field] of boundaries) {
    it(sentence, () => {
      assert.deepEqual(withCriteria(changes).map((p) => [p.code, p.path]), field ? [['setting_out_of_range', path(field)]] : []);
    });
  }
});
