import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOfBirthProblem, diagnosisProblems, displayName, formatMrn, interpretSearch, normalizeName, patientProblems, sameLegalName } from './patient-rules.ts';

const today = '2026-11-24';

describe('date of birth', () => {
  const cases: [string, string, string | undefined][] = [
    ['a birth date in 1988 is accepted', '1988-03-14', undefined],
    ['a baby born today (facility calendar) is accepted', '2026-11-24', undefined],
    ['tomorrow is in the future', '2026-11-25', 'is in the future'],
    ['1 January 1900 is the earliest accepted', '1900-01-01', undefined],
    ['31 December 1899 is too early', '1899-12-31', 'is before 1900'],
    ['the year 50 is too early, not a malformed date', '0050-01-05', 'is before 1900'],
    ['30 February does not exist', '1990-02-30', 'is not a calendar date written YYYY-MM-DD'],
    ['US order is not accepted in a form field', '03/14/1988', 'is not a calendar date written YYYY-MM-DD'],
  ];
  for (const [sentence, dob, message] of cases) {
    it(sentence, () => assert.equal(dateOfBirthProblem(dob, today)?.message, message));
  }
  it('judges "the future" by the facility day passed in, not the server clock', () => {
    assert.equal(dateOfBirthProblem('2026-11-25', '2026-11-25'), undefined);
  });
});

describe('diagnoses', () => {
  it('point at the code of each malformed diagnosis', () => {
    const problems = diagnosisProblems([
      { code: 'F10.20', description: 'Alcohol dependence', primary: true },
      { code: 'FI0.20', description: 'typo: letter I for 1', primary: false },
      { code: 'F32.9', description: 'Depression', primary: false },
      { code: '311', description: 'ICD-9', primary: false },
    ]);
    assert.deepEqual(problems.map((p) => `${p.code} ${p.path}`), ['invalid_icd10 diagnoses[1].code', 'invalid_icd10 diagnoses[3].code']);
  });
  it('allow at most one primary diagnosis', () => {
    const problems = diagnosisProblems([
      { code: 'F10.20', description: 'a', primary: true },
      { code: 'F11.20', description: 'b', primary: true },
    ]);
    assert.deepEqual(problems.map((p) => p.path), ['diagnoses[1].primary']);
  });
  it('may have no primary yet (diagnosis pending assessment)', () => {
    assert.deepEqual(diagnosisProblems([{ code: 'Z63.0', description: 'x', primary: false }]), []);
  });
});

describe('a whole registration record', () => {
  it('lists every problem in form order', () => {
    const problems = patientProblems({
      dateOfBirth: '2030-01-01',
      diagnoses: [{ code: 'bad', description: '', primary: false }],
      availability: [{ dayOfWeek: 1, start: '09:00', end: '12:00', label: 'Work' }, { dayOfWeek: 1, start: '11:00', end: '13:00', label: 'School' }],
    }, today);
    assert.deepEqual(problems.map((p) => `${p.code} ${p.path}`), [
      'date_out_of_range dateOfBirth',
      'invalid_icd10 diagnoses[0].code',
      'availability_overlap availability[0]',
      'availability_overlap availability[1]',
    ]);
  });
});

describe('duplicate registrations', () => {
  const cases: [string, [string, string], [string, string], boolean][] = [
    ['case does not matter', ['Jonathan', 'Smith'], ['JONATHAN', 'smith'], true],
    ['extra and surrounding spaces do not matter', ['Mary  Ann', ' Lee '], ['mary ann', 'Lee'], true],
    ['composed and decomposed accents are the same name', ['Jos\u00e9', 'Pe\u00f1a'], ['Jose\u0301', 'Pen\u0303a'], true],
    ['a different given name is a different person', ['Jonathan', 'Smith'], ['Jonathon', 'Smith'], false],
    ['given and family swapped are not treated as the same', ['Smith', 'Jonathan'], ['Jonathan', 'Smith'], false],
  ];
  for (const [sentence, [g1, f1], [g2, f2], same] of cases) {
    it(sentence, () => assert.equal(sameLegalName({ legalGivenName: g1, legalFamilyName: f1 }, { legalGivenName: g2, legalFamilyName: f2 }), same));
  }
  it('normalizes to lower case with single spaces', () => assert.equal(normalizeName('  Mary   ANN '), 'mary ann'));
});

describe('display name', () => {
  it('shows the preferred name first with the legal given name in brackets', () => {
    assert.equal(displayName({ legalGivenName: 'Jonathan', legalFamilyName: 'Smith', preferredName: 'Jon' }), 'Jon (Jonathan) Smith');
  });
  it('shows the legal name alone when there is no different preferred name', () => {
    assert.equal(displayName({ legalGivenName: 'Jonathan', legalFamilyName: 'Smith', preferredName: null }), 'Jonathan Smith');
    assert.equal(displayName({ legalGivenName: 'Jonathan', legalFamilyName: 'Smith', preferredName: 'jonathan' }), 'Jonathan Smith');
  });
});

describe('what a search entry means', () => {
  const cases: [string, string, ReturnType<typeof interpretSearch>][] = [
    ['an ISO date is a birth date', '1988-03-14', { kind: 'date_of_birth', dateOfBirth: '1988-03-14' }],
    ['a US date is a birth date', '03/14/1988', { kind: 'date_of_birth', dateOfBirth: '1988-03-14' }],
    ['a US date without leading zeros is a birth date', '3/4/1988', { kind: 'date_of_birth', dateOfBirth: '1988-03-04' }],
    ['an impossible date is searched as text', '02/30/1988', { kind: 'text', text: '02/30/1988' }],
    ['a day outside the years 1900–2199 is searched as text, not sent to the database as a date', '0000-01-01', { kind: 'text', text: '0000-01-01' }],
    ['an MRN is text', ' C-000123 ', { kind: 'text', text: 'C-000123' }],
    ['a name is text with spaces collapsed', 'Jonathon   Smyth', { kind: 'text', text: 'Jonathon Smyth' }],
  ];
  for (const [sentence, q, expected] of cases) it(sentence, () => assert.deepEqual(interpretSearch(q), expected));
});

describe('allocated MRNs', () => {
  it('are C- and six digits, growing past a million without truncation', () => {
    assert.deepEqual([formatMrn(1), formatMrn(123), formatMrn(1234567)], ['C-000001', 'C-000123', 'C-1234567']);
  });
});
