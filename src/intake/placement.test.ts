import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AsamEdition, Population } from '../programs/levels-of-care.ts';
import { ASSESSMENT_DIMENSIONS, RATING_LABELS } from './dimensions.ts';
import { type Candidacy, dimensionProblems, recommendPlacement } from './placement.ts';

/** A patient who would be a good IOP candidate on every candidacy question. */
const GOOD_CANDIDATE: Candidacy = {
  steppedDownFromHigherLevel: false,
  hasOutsideCommitments: false,
  hasCopingSkills: true,
  hasSupportAtHome: true,
  hasCoverageOrBudget: true,
};

const place = (ratings: number[], candidacy: Partial<Candidacy> = {}, edition: AsamEdition = '3', population: Population = 'adult') =>
  recommendPlacement({ edition, population, dimensions: ratings.map((rating) => ({ rating, notes: '' })), candidacy: { ...GOOD_CANDIDATE, ...candidacy } });

const codes = (r: ReturnType<typeof place>) => r.reasons.map((reason) => reason.code);
const summary = (r: ReturnType<typeof place>) => `${r.route} ${r.levelCode} ${r.levelName}`;

describe('hard exclusions come first', () => {
  it('imminent danger to self or others (dimension 3 rated 4) routes to emergency / inpatient, level 4', () => {
    const r = place([0, 0, 4, 0, 0, 0]);
    assert.equal(summary(r), 'emergency 4 Medically managed intensive inpatient');
    assert.deepEqual(r.reasons[0], {
      code: 'imminent_danger',
      text: 'Imminent danger to self or others: dimension 3 (emotional, behavioral or cognitive conditions and complications) is rated 4. Emergency evaluation and inpatient care come before any outpatient program.',
      dimension: 3,
    });
  });

  it('dimension 3 rated 3 is serious but not an exclusion: partial hospitalization', () => {
    const r = place([0, 0, 3, 0, 0, 0]);
    assert.equal(summary(r), 'level_of_care 2.5 Partial hospitalization');
    assert.deepEqual(r.reasons[0]!.dimension, 3);
  });

  it('emergency wins over withdrawal management, and names both', () => {
    const r = place([4, 0, 4, 0, 0, 0]);
    assert.equal(r.route, 'emergency');
    assert.deepEqual(codes(r), ['imminent_danger', 'withdrawal_management_needed']);
  });

  it('dimension 1 rated 3 routes to medically monitored withdrawal management (level 3.7)', () => {
    const r = place([3, 0, 0, 0, 0, 0]);
    assert.equal(summary(r), 'withdrawal_management 3.7 Medically monitored intensive inpatient');
    assert.deepEqual(codes(r), ['withdrawal_management_needed', 'reassess_after_withdrawal']);
    assert.match(r.reasons[0]!.text, /Medically monitored withdrawal management comes first/);
  });

  it('dimension 1 rated 4 routes to medically managed withdrawal management (level 4)', () => {
    const r = place([4, 0, 0, 0, 0, 0]);
    assert.equal(summary(r), 'withdrawal_management 4 Medically managed intensive inpatient');
    assert.match(r.reasons[0]!.text, /Medically managed withdrawal management comes first/);
  });

  it('dimension 1 rated 2 is not an exclusion: intensive outpatient with withdrawal monitored alongside', () => {
    const r = place([2, 0, 0, 0, 0, 0]);
    assert.equal(summary(r), 'level_of_care 2.1 Intensive outpatient');
    assert.ok(codes(r).includes('withdrawal_monitoring'));
  });

  it('candidacy answers do not soften an exclusion', () => {
    const r = place([3, 0, 0, 0, 0, 0], { steppedDownFromHigherLevel: true, hasCoverageOrBudget: false, hasOutsideCommitments: true });
    assert.equal(r.route, 'withdrawal_management');
    assert.deepEqual(codes(r), ['withdrawal_management_needed', 'reassess_after_withdrawal']);
  });
});

describe('the severity ladder (3rd edition)', () => {
  const ladder: [string, number[], string][] = [
    ['dimension 2 rated 4: medically managed inpatient', [0, 4, 0, 0, 0, 0], 'level_of_care 4 Medically managed intensive inpatient'],
    ['dimension 2 rated 3: medically monitored', [0, 3, 0, 0, 0, 0], 'level_of_care 3.7 Medically monitored intensive inpatient'],
    ['dimension 2 rated 2: intensive outpatient', [0, 2, 0, 0, 0, 0], 'level_of_care 2.1 Intensive outpatient'],
    ['dimension 4 rated 4: high-intensity residential', [0, 0, 0, 4, 0, 0], 'level_of_care 3.5 Clinically managed high-intensity residential'],
    ['dimension 5 rated 4: high-intensity residential', [0, 0, 0, 0, 4, 0], 'level_of_care 3.5 Clinically managed high-intensity residential'],
    ['dimension 6 rated 4: high-intensity residential', [0, 0, 0, 0, 0, 4], 'level_of_care 3.5 Clinically managed high-intensity residential'],
    ['two dimensions rated 3: high-intensity residential', [0, 0, 3, 0, 3, 0], 'level_of_care 3.5 Clinically managed high-intensity residential'],
    ['one dimension rated 3: partial hospitalization', [0, 0, 0, 0, 3, 0], 'level_of_care 2.5 Partial hospitalization'],
    ['one dimension rated 3 and others at 2: still partial hospitalization', [2, 2, 2, 3, 2, 2], 'level_of_care 2.5 Partial hospitalization'],
    ['any dimension rated 2: intensive outpatient', [0, 1, 0, 2, 1, 0], 'level_of_care 2.1 Intensive outpatient'],
    ['every dimension at 1: outpatient', [1, 1, 1, 1, 1, 1], 'level_of_care 1 Outpatient'],
    ['every dimension at 0: outpatient', [0, 0, 0, 0, 0, 0], 'level_of_care 1 Outpatient'],
  ];
  for (const [sentence, ratings, expected] of ladder) {
    it(sentence, () => assert.equal(summary(place(ratings)), expected));
  }

  it('a living environment rated 3 with no support at home needs a structured place to live (3.1)', () => {
    const r = place([0, 0, 0, 0, 0, 3], { hasSupportAtHome: false });
    assert.equal(summary(r), 'level_of_care 3.1 Clinically managed low-intensity residential');
    assert.deepEqual(r.reasons[0], {
      code: 'unsafe_living_environment',
      text: 'Dimension 6 (recovery/living environment) is rated 3 and there is no support at home: a structured place to live is needed while in treatment.',
      dimension: 6,
    });
    assert.ok(!codes(r).includes('no_support_at_home'), 'the ladder reason already says it');
  });

  it('the same environment with support at home is partial hospitalization', () => {
    assert.equal(place([0, 0, 0, 0, 0, 3]).levelCode, '2.5');
  });

  it('names the dimensions that decided the step', () => {
    const r = place([0, 0, 2, 0, 2, 0]);
    assert.equal(r.reasons[0]!.text, 'Dimensions 3 and 5 rated 2: needs more than weekly outpatient sessions, 9 or more hours a week.');
    assert.equal(r.reasons[0]!.dimension, null);
  });
});

describe('the 4th edition', () => {
  it('uses its own level names: 3.7 is medically managed residential', () => {
    assert.equal(summary(place([3, 0, 0, 0, 0, 0], {}, '4')), 'withdrawal_management 3.7 Medically managed residential');
  });

  it('uses its own level names: one dimension at 3 is high-intensity outpatient (2.5)', () => {
    assert.equal(summary(place([0, 0, 3, 0, 0, 0], {}, '4')), 'level_of_care 2.5 High-intensity outpatient');
  });

  it('low risk is outpatient therapy, level 1.5', () => {
    assert.equal(summary(place([1, 0, 1, 0, 0, 0], {}, '4')), 'level_of_care 1.5 Outpatient therapy');
  });

  it('imminent danger is still dimension 3 and still emergency', () => {
    assert.equal(summary(place([0, 0, 4, 0, 0, 0], {}, '4')), 'emergency 4 Medically managed intensive inpatient');
  });

  it('the recovery environment is dimension 5: rated 3 without support at home is low-intensity residential', () => {
    const r = place([0, 0, 0, 0, 3, 0], { hasSupportAtHome: false }, '4');
    assert.equal(r.levelCode, '3.1');
    assert.equal(r.reasons[0]!.dimension, 5);
    assert.match(r.reasons[0]!.text, /recovery environment interactions/);
  });

  it('person-centered considerations (dimension 6) at 3 without support at home are partial hospitalization, not residential', () => {
    const r = place([0, 0, 0, 0, 0, 3], { hasSupportAtHome: false }, '4');
    assert.equal(r.levelCode, '2.5');
    assert.deepEqual(r.reasons.find((reason) => reason.code === 'no_support_at_home')?.dimension, 5);
  });
});

describe('candidacy answers', () => {
  it('stepping down from residential or PHP lifts an outpatient recommendation to IOP', () => {
    const r = place([1, 0, 1, 0, 1, 0], { steppedDownFromHigherLevel: true });
    assert.equal(r.levelCode, '2.1');
    assert.deepEqual(codes(r), ['low_risk', 'stepped_down_from_higher_level', 'hours']);
  });

  it('stepping down supports an IOP recommendation without changing it', () => {
    const r = place([0, 0, 2, 0, 0, 0], { steppedDownFromHigherLevel: true });
    assert.equal(r.levelCode, '2.1');
    assert.ok(codes(r).includes('stepped_down_from_higher_level'));
  });

  it('stepping down does not lower a partial hospitalization recommendation', () => {
    const r = place([0, 0, 3, 0, 0, 0], { steppedDownFromHigherLevel: true });
    assert.equal(r.levelCode, '2.5');
    assert.ok(!codes(r).includes('stepped_down_from_higher_level'));
  });

  it('no coping skills yet lifts outpatient to IOP', () => {
    const r = place([0, 0, 0, 0, 1, 0], { hasCopingSkills: false });
    assert.equal(r.levelCode, '2.1');
    assert.ok(codes(r).includes('coping_skills_needed'));
  });

  it('no coping skills leaves an IOP recommendation as it is', () => {
    assert.deepEqual(codes(place([0, 0, 0, 0, 2, 0], { hasCopingSkills: false })), ['moderate_risk', 'hours']);
  });

  it('no support at home adds "consider sober living or a higher level" against the living environment', () => {
    const r = place([0, 0, 0, 0, 2, 1], { hasSupportAtHome: false });
    assert.equal(r.levelCode, '2.1');
    const reason = r.reasons.find((x) => x.code === 'no_support_at_home')!;
    assert.equal(reason.dimension, 6);
    assert.match(reason.text, /sober living/);
  });

  it('no coverage or budget asks to confirm it', () => {
    const r = place([0, 0, 2, 0, 0, 0], { hasCoverageOrBudget: false });
    assert.deepEqual(r.reasons.find((x) => x.code === 'confirm_coverage'), { code: 'confirm_coverage', text: 'Confirm coverage or budget before admission.', dimension: null });
  });

  it('outside commitments favour IOP and are a planning concern for PHP; outpatient says nothing', () => {
    assert.ok(codes(place([0, 0, 2, 0, 0, 0], { hasOutsideCommitments: true })).includes('keeps_commitments'));
    assert.ok(codes(place([0, 0, 3, 0, 0, 0], { hasOutsideCommitments: true })).includes('commitments_conflict'));
    assert.deepEqual(codes(place([0, 0, 0, 0, 0, 0], { hasOutsideCommitments: true })), ['low_risk', 'hours']);
  });

  it('ends with the weekly hours of the level for the population', () => {
    const adolescent = place([0, 0, 2, 0, 0, 0], {}, '3', 'adolescent');
    assert.equal(adolescent.reasons.at(-1)!.text, 'Adolescent level 2.1 (Intensive outpatient) is 6 to under 20 hours per week.');
    const adult = place([0, 0, 2, 0, 0, 0]);
    assert.equal(adult.reasons.at(-1)!.text, 'Adult level 2.1 (Intensive outpatient) is 9 to under 20 hours per week.');
  });

  it('residential levels have no weekly-hours reason', () => {
    assert.ok(!codes(place([0, 0, 0, 4, 0, 0])).includes('hours'));
  });
});

describe('ratings are checked before placement', () => {
  const six = [0, 1, 2, 3, 4, 0].map((rating) => ({ rating }));
  it('six whole ratings from 0 to 4 are fine', () => assert.deepEqual(dimensionProblems(six), []));
  it('five dimensions are refused as a whole', () => {
    assert.deepEqual(dimensionProblems(six.slice(0, 5)).map((p) => p.path), ['dimensions']);
  });
  it('seven dimensions are refused as a whole', () => {
    assert.deepEqual(dimensionProblems([...six, { rating: 0 }]).map((p) => p.path), ['dimensions']);
  });
  const bad: [string, unknown][] = [['5', 5], ['-1', -1], ['2.5', 2.5], ['a string', '2']];
  for (const [what, rating] of bad) {
    it(`a rating of ${what} is refused at its path`, () => {
      const dimensions = six.map((d, i) => (i === 2 ? { rating } : d));
      assert.deepEqual(dimensionProblems(dimensions).map((p) => p.path), ['dimensions[2].rating']);
    });
  }
});

describe('dimension data', () => {
  it('each edition has six dimensions, each with an anchor for every rating 0–4', () => {
    for (const edition of ['3', '4'] as const) {
      const dims = ASSESSMENT_DIMENSIONS[edition];
      assert.deepEqual(dims.map((d) => d.number), [1, 2, 3, 4, 5, 6]);
      for (const d of dims) assert.equal(d.anchors.length, RATING_LABELS.length);
    }
  });
  it('the 3rd edition has readiness to change as dimension 4; the 4th has person-centered considerations as 6', () => {
    assert.equal(ASSESSMENT_DIMENSIONS['3'][3]!.name, 'Readiness to change');
    assert.equal(ASSESSMENT_DIMENSIONS['4'][5]!.name, 'Person-centered considerations');
  });
});
