import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PANELS } from '../drugtests/panels.ts';
import { MEDICATION_CATALOG, addictionDefault, catalogEntryFor } from './catalog.ts';

describe('the medication catalog', () => {
  it('expects only analytes that some panel tests', () => {
    const tested = new Set(Object.values(PANELS).flatMap((panel) => panel.analytes.map((a) => a.analyte)));
    for (const entry of MEDICATION_CATALOG) {
      for (const analyte of entry.expectedAnalytes) assert.ok(tested.has(analyte), `${entry.name}: ${analyte}`);
    }
  });

  it('finds every generic name and brand as its own entry (no entry shadows another)', () => {
    for (const entry of MEDICATION_CATALOG) {
      for (const term of [entry.name, ...entry.brands]) assert.equal(catalogEntryFor(term)?.name, entry.name, term);
    }
  });

  const lookups: [string, string | null][] = [
    ['Suboxone 8 mg/2 mg sublingual film', 'buprenorphine'],
    ['Buprenorphine/naloxone', 'buprenorphine'],
    ['buprenorphine and naloxone', 'buprenorphine'],
    ['SUBLOCADE 300 mg', 'buprenorphine'],
    ['Methadone HCl 10 mg/mL', 'methadone'],
    ['Vivitrol 380 mg IM', 'naltrexone'],
    ['Adderall XR', 'amphetamine salts'],
    ['amphetamine salts', 'amphetamine salts'],
    ['Tylenol #3', 'codeine'],
    ['Tylenol', null],
    ['MS Contin', 'morphine'],
    ['Contin', null],
    ['sertraline', null],
    ['methadon', null],
    ['Valium 5 mg', 'diazepam'],
  ];
  for (const [name, expected] of lookups) {
    it(`reads "${name}" as ${expected ?? 'nothing it knows'}`, () => assert.equal(catalogEntryFor(name)?.name ?? null, expected));
  }

  it('says MOUD for buprenorphine and methadone, MAUD for acamprosate and disulfiram, and asks for naltrexone', () => {
    assert.deepEqual(addictionDefault(catalogEntryFor('buprenorphine')), { kind: 'known', value: 'moud' });
    assert.deepEqual(addictionDefault(catalogEntryFor('methadone')), { kind: 'known', value: 'moud' });
    assert.deepEqual(addictionDefault(catalogEntryFor('Campral')), { kind: 'known', value: 'maud' });
    assert.deepEqual(addictionDefault(catalogEntryFor('Antabuse')), { kind: 'known', value: 'maud' });
    assert.deepEqual(addictionDefault(catalogEntryFor('naltrexone')), { kind: 'ambiguous', options: ['moud', 'maud'] });
    assert.deepEqual(addictionDefault(catalogEntryFor('gabapentin')), { kind: 'known', value: null });
    assert.deepEqual(addictionDefault(null), { kind: 'known', value: null });
  });
});
