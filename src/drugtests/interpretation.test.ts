import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyteInterpretation, DrugTestOutcome, ResultMethod, SpecimenValidity } from '../db/schema.ts';
import { type Reading, interpretResults, overallOutcome } from './interpretation.ts';

const cup = (analyte: string, detected: boolean): Reading => ({ analyte, method: 'poc_cup', detected });
const screen = (analyte: string, detected: boolean): Reading => ({ analyte, method: 'lab_initial', detected });
const confirm = (analyte: string, detected: boolean): Reading => ({ analyte, method: 'lab_confirmation', detected });

const finding = (readings: Reading[], expected: string[], analyte: string) => interpretResults(readings, expected).analytes.find((a) => a.analyte === analyte);

describe('each analyte against the patient’s prescriptions', () => {
  const rows: [string, Reading, string[], AnalyteInterpretation][] = [
    ['buprenorphine detected in a patient prescribed Suboxone is expected, not positive', cup('buprenorphine', true), ['buprenorphine'], 'expected'],
    ['prescribed methadone absent → missing_expected (possible diversion)', cup('methadone', false), ['methadone'], 'missing_expected'],
    ['fentanyl detected with no prescription explaining it is an unexpected positive', cup('fentanyl', true), ['buprenorphine'], 'positive'],
    ['cocaine not detected and not prescribed is negative', cup('cocaine', false), [], 'negative'],
    ['benzodiazepines detected in a patient prescribed clonazepam are expected', screen('benzodiazepines', true), ['benzodiazepines'], 'expected'],
    ['EDDP detected in a patient on methadone is expected (its metabolite)', screen('eddp', true), ['methadone'], 'expected'],
    ['EDDP absent alone is not missing: methadone itself shows adherence', screen('eddp', false), ['methadone'], 'negative'],
    ['EDDP detected with no methadone prescription is positive', screen('eddp', true), [], 'positive'],
  ];
  for (const [label, reading, expected, interpretation] of rows) {
    it(label, () => {
      const result = interpretResults([reading], expected);
      assert.equal(result.readings[0]!.interpretation, interpretation);
      assert.equal(result.analytes[0]!.interpretation, interpretation);
    });
  }
});

describe('a confirmation overrides the screen for the same analyte', () => {
  it('a negative confirmation of a positive screen is negative', () => {
    const result = interpretResults([screen('opiates', true), confirm('opiates', false)], []);
    assert.deepEqual(result.analytes, [{ analyte: 'opiates', detected: false, basis: 'lab_confirmation', interpretation: 'negative' }]);
    // The screen keeps its own reading, marked as superseded.
    assert.deepEqual(result.readings.map((r) => [r.method, r.interpretation, r.supersededBy]), [
      ['lab_initial', 'positive', 'lab_confirmation'],
      ['lab_confirmation', 'negative', null],
    ]);
  });

  it('a positive confirmation after a positive cup stays an unexpected positive', () => {
    assert.equal(finding([cup('amphetamines', true), confirm('amphetamines', true)], [], 'amphetamines')!.interpretation, 'positive');
  });

  it('a confirmation that finds the prescribed buprenorphine the cup missed is expected, not missing', () => {
    assert.equal(finding([cup('buprenorphine', false), confirm('buprenorphine', true)], ['buprenorphine'], 'buprenorphine')!.interpretation, 'expected');
  });

  it('a laboratory screen overrides a point-of-care cup, whichever order they arrive in', () => {
    for (const readings of [[cup('thc', true), screen('thc', false)], [screen('thc', false), cup('thc', true)]]) {
      assert.deepEqual(finding(readings, [], 'thc'), { analyte: 'thc', detected: false, basis: 'lab_initial', interpretation: 'negative' });
    }
  });

  it('other analytes are untouched by one analyte’s confirmation', () => {
    const result = interpretResults([screen('opiates', true), confirm('opiates', false), screen('cocaine', true)], []);
    assert.deepEqual(result.analytes.map((a) => [a.analyte, a.interpretation]), [['cocaine', 'positive'], ['opiates', 'negative']]);
  });
});

describe('overall outcome', () => {
  const analytes = (...interpretations: AnalyteInterpretation[]) => interpretations.map((interpretation) => ({ interpretation }));
  const rows: [string, SpecimenValidity | null, ReturnType<typeof analytes>, DrugTestOutcome][] = [
    ['all negative', 'valid', analytes('negative', 'negative'), 'negative'],
    ['validity not measured and all negative', null, analytes('negative'), 'negative'],
    ['only prescribed medications found', 'valid', analytes('expected', 'negative'), 'expected_only'],
    ['an unexpected positive beside an expected one', 'valid', analytes('expected', 'positive'), 'unexpected_positive'],
    ['a missing prescribed medication', 'valid', analytes('missing_expected', 'negative'), 'missing_expected'],
    ['an unexpected positive outranks a missing medication', 'valid', analytes('missing_expected', 'positive'), 'unexpected_positive'],
    ['a dilute specimen is read as its analytes say', 'dilute', analytes('negative'), 'negative'],
    ['a substituted specimen is invalid whatever it shows', 'substituted', analytes('positive'), 'invalid_specimen'],
    ['an adulterated specimen is invalid', 'adulterated', analytes('negative'), 'invalid_specimen'],
    ['an invalid specimen with no readings', 'invalid', analytes(), 'invalid_specimen'],
  ];
  for (const [label, validity, found, outcome] of rows) {
    it(`${label} → ${outcome}`, () => assert.equal(overallOutcome(validity, found), outcome));
  }

  it('a negative confirmation of a positive screen makes the whole test negative', () => {
    const result = interpretResults([screen('cocaine', true), confirm('cocaine', false), screen('buprenorphine', true)], ['buprenorphine']);
    assert.equal(overallOutcome('valid', result.analytes), 'expected_only');
  });

  it('methods are ranked, not ordered by arrival', () => {
    const methods: ResultMethod[] = ['lab_confirmation', 'poc_cup', 'lab_initial'];
    const result = interpretResults(methods.map((method, i) => ({ analyte: 'oxycodone', method, detected: i !== 0 })), []);
    assert.equal(result.analytes[0]!.basis, 'lab_confirmation');
    assert.equal(result.analytes[0]!.interpretation, 'negative');
  });
});
