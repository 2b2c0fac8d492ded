import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosisCategory, isIcd10CmCode, normalizeIcd10 } from './icd10.ts';

describe('ICD-10-CM code format', () => {
  const cases: [string, boolean, string][] = [
    ['F10.20', true, 'alcohol dependence, uncomplicated'],
    ['F11.23', true, 'opioid dependence with withdrawal'],
    ['F32.9', true, 'major depressive disorder, single episode'],
    ['Z63.0', true, 'relationship distress with partner'],
    ['F43.10', true, 'PTSD, unspecified'],
    ['F10', true, 'a category without subcategory'],
    ['T40.2X1A', true, 'seven characters, the longest a code can be (poisoning, initial encounter)'],
    ['T40.2X1AB', false, 'more than four characters after the dot'],
    ['T40.2X1', true, 'an injury code with a placeholder X'],
    ['f10.20', true, 'lower case is accepted and stored upper case'],
    ['10.20', false, 'no leading letter'],
    ['FF0.20', false, 'second character must be a digit'],
    ['F10.', false, 'a dot with nothing after it'],
    ['F1020', false, 'the dot is required after the third character'],
    ['F10-20', false, 'a dash instead of a dot'],
    ['', false, 'empty'],
  ];
  for (const [code, valid, why] of cases) {
    it(`${valid ? 'accepts' : 'rejects'} ${JSON.stringify(code)} (${why})`, () => {
      assert.equal(isIcd10CmCode(code), valid);
    });
  }
  it('stores codes trimmed and upper case', () => {
    assert.equal(normalizeIcd10(' f11.23 '), 'F11.23');
  });
});

describe('diagnosis category', () => {
  const cases: [string, ReturnType<typeof diagnosisCategory>][] = [
    ['F10.20', 'substance_use'],
    ['F11.23', 'substance_use'],
    ['F17.210', 'substance_use'],
    ['F19.10', 'substance_use'],
    ['F20.9', 'mental_health'],
    ['F32.9', 'mental_health'],
    ['F43.10', 'mental_health'],
    ['F09', 'mental_health'],
    ['Z63.0', 'other'],
    ['E11.9', 'other'],
    ['not a code', 'other'],
  ];
  for (const [code, category] of cases) {
    it(`${code} is ${category.replace('_', ' ')}`, () => assert.equal(diagnosisCategory(code), category));
  }
});
