import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EligibilityRule, type GenderIdentity, type GroupEligibility, type PatientFacts, ageOn, eligibilityProblems } from './eligibility.ts';

const open: GroupEligibility = { population: null, gender: null, specialty: null };
const adult: PatientFacts = { dateOfBirth: '1990-05-01', genderIdentity: 'woman', specialtyPopulations: [] };
const rulesBroken = (group: Partial<GroupEligibility>, patient: Partial<PatientFacts>, on = '2026-11-24') =>
  eligibilityProblems({ ...open, ...group }, { ...adult, ...patient }, on).map((p) => p.rule);

describe('population: adolescents are under 18 on the day enrolment starts', () => {
  const cases: { dob: string; on: string; group: 'adult' | 'adolescent'; broken: EligibilityRule[] }[] = [
    { dob: '2008-11-24', on: '2026-11-24', group: 'adult', broken: [] }, // 18th birthday: adult that day
    { dob: '2008-11-25', on: '2026-11-24', group: 'adult', broken: ['population'] }, // 17 until tomorrow
    { dob: '2008-11-25', on: '2026-11-24', group: 'adolescent', broken: [] },
    { dob: '2008-11-24', on: '2026-11-24', group: 'adolescent', broken: ['population'] },
    { dob: '1990-05-01', on: '2026-11-24', group: 'adult', broken: [] },
  ];
  for (const c of cases) {
    it(`born ${c.dob}, starting ${c.on}, in an ${c.group} group → ${c.broken.join(',') || 'eligible'}`, () => {
      assert.deepEqual(rulesBroken({ population: c.group }, { dateOfBirth: c.dob }, c.on), c.broken);
    });
  }

  it('a leap-day birthday turns 18 on 1 March in a common year', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });

  it('the message names the age, not the date of birth', () => {
    const [problem] = eligibilityProblems({ ...open, population: 'adult' }, { ...adult, dateOfBirth: '2010-01-01' }, '2026-11-24');
    assert.match(problem!.message, /the patient is 16 on 2026-11-24/);
  });
});

describe('gender-specific groups', () => {
  const table: [GenderIdentity, 'women' | 'men', boolean][] = [
    ['woman', 'women', true],
    ['transgender_woman', 'women', true],
    ['man', 'women', false],
    ['transgender_man', 'women', false],
    ['man', 'men', true],
    ['transgender_man', 'men', true],
    ['woman', 'men', false],
    ['nonbinary', 'women', false],
    ['other', 'men', false],
    ['not_disclosed', 'women', false],
  ];
  for (const [identity, group, admitted] of table) {
    it(`a ${group}’s group ${admitted ? 'admits' : 'needs an override for'} a patient identifying as ${identity}`, () => {
      assert.deepEqual(rulesBroken({ gender: group }, { genderIdentity: identity }), admitted ? [] : ['gender']);
    });
  }
  it('a group without a gender rule admits everyone', () => {
    assert.deepEqual(rulesBroken({}, { genderIdentity: 'nonbinary' }), []);
  });
});

describe('specialty populations', () => {
  it('a trauma group admits a patient whose record lists trauma', () => {
    assert.deepEqual(rulesBroken({ specialty: 'trauma' }, { specialtyPopulations: ['lgbtq', 'trauma'] }), []);
  });
  it('a specialty matches whatever its capitals: a “Trauma” group admits a patient listed as “trauma”, and the reverse', () => {
    const cases: [string, string, boolean][] = [
      ['Trauma', 'trauma', true],
      ['trauma', 'TRAUMA', true],
      [' Veterans ', 'veterans', true],
      ['Trauma', 'veterans', false],
    ];
    for (const [group, listed, admitted] of cases) assert.deepEqual(rulesBroken({ specialty: group }, { specialtyPopulations: [listed] }), admitted ? [] : ['specialty'], `${group} / ${listed}`);
  });
  it('a trauma group needs an override for anyone else', () => {
    assert.deepEqual(rulesBroken({ specialty: 'trauma' }, { specialtyPopulations: ['lgbtq'] }), ['specialty']);
  });
  it('every broken rule is reported, in order', () => {
    assert.deepEqual(rulesBroken({ population: 'adolescent', gender: 'men', specialty: 'veterans' }, {}), ['population', 'gender', 'specialty']);
  });
});
