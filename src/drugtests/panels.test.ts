import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANALYTE_CATALOG, PANELS, VALIDITY_ALIASES, analyteForAlias, isPanelId, normaliseAlias, panelAnalyte, validityMeasureForAlias, withImpliedAnalytes } from './panels.ts';

describe('panels as data', () => {
  it('offers the federal, clinical and oral-fluid panels', () => {
    assert.deepEqual(Object.keys(PANELS), ['samhsa_5', 'clinical_12', 'oral_fluid_10']);
    assert.equal(isPanelId('clinical_12'), true);
    assert.equal(isPanelId('toString'), false);
    assert.equal(isPanelId('samhsa_9'), false);
  });

  it('uses the SAMHSA urine cut-offs of domain-rules.md on the federal panel', () => {
    const cutoffs = Object.fromEntries(PANELS.samhsa_5!.analytes.map((a) => [a.analyte, [a.initialCutoff, a.confirmationCutoff]]));
    assert.deepEqual(cutoffs, {
      thc: [50, 15], cocaine: [150, 100], opiates: [2000, 2000], hydrocodone: [300, 100], oxycodone: [100, 100],
      '6am': [10, 10], pcp: [25, 25], fentanyl: [1, 1], amphetamines: [500, 250], mdma: [500, 250],
    });
    assert.ok(PANELS.samhsa_5!.analytes.every((a) => !a.verify));
  });

  it('marks vendor cut-offs of clinical analytes to verify', () => {
    for (const code of ['buprenorphine', 'methadone', 'eddp', 'benzodiazepines', 'etg']) {
      assert.equal(panelAnalyte(PANELS.clinical_12!, code)?.verify, true, code);
    }
  });

  it('never lets one alias stand for two analytes, nor an analyte for a validity measure', () => {
    const owner = new Map<string, string>();
    for (const def of Object.values(ANALYTE_CATALOG)) {
      for (const alias of [def.analyte, ...def.aliases]) {
        const key = normaliseAlias(alias);
        assert.ok(!owner.has(key) || owner.get(key) === def.analyte, `${alias} is claimed by ${owner.get(key)} and ${def.analyte}`);
        owner.set(key, def.analyte);
      }
    }
    for (const aliases of Object.values(VALIDITY_ALIASES)) for (const alias of aliases) assert.ok(!owner.has(normaliseAlias(alias)), alias);
  });

  it('every panel analyte comes from the catalog with confirmation at or below the initial cut-off', () => {
    for (const panel of Object.values(PANELS)) {
      for (const a of panel.analytes) {
        assert.ok(a.analyte in ANALYTE_CATALOG, a.analyte);
        assert.ok(a.confirmationCutoff <= a.initialCutoff, `${panel.panelId} ${a.analyte}`);
        assert.equal(a.unit, 'ng/mL');
      }
    }
  });
});

describe('looking up what a laboratory sends', () => {
  it('finds an analyte by LOINC, code or name on the panel, with that panel’s cut-offs', () => {
    assert.equal(analyteForAlias(PANELS.clinical_12!, ['3349-8'])?.analyte, 'amphetamines');
    assert.equal(analyteForAlias(PANELS.oral_fluid_10!, ['THC'])?.initialCutoff, 4);
    assert.equal(analyteForAlias(PANELS.clinical_12!, ['X1', 'Oxycodone, confirmation (LC-MS/MS)'])?.analyte, 'oxycodone');
    assert.equal(analyteForAlias(PANELS.samhsa_5!, ['BUP']), null);
  });

  it('recognises validity measurements', () => {
    assert.equal(validityMeasureForAlias(['2161-8']), 'creatinine');
    assert.equal(validityMeasureForAlias(['X', 'Specific Gravity']), 'specific_gravity');
    assert.equal(validityMeasureForAlias(['NITRITE']), 'oxidants');
    assert.equal(validityMeasureForAlias(['BUP']), null);
  });

  it('a methadone prescription explains EDDP too', () => {
    assert.deepEqual([...withImpliedAnalytes(['methadone', 'buprenorphine'])].sort(), ['buprenorphine', 'eddp', 'methadone']);
  });
});
