import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpecimenValidity } from '../db/schema.ts';
import { type ValidityInputs, specimenValidity, validityMeasured } from './validity.ts';

const urine = (measured: Partial<Omit<ValidityInputs, 'specimenType'>>): ValidityInputs => ({
  specimenType: 'urine', creatinineMgDl: null, specificGravity: null, ph: null, oxidantsPresent: null, ...measured,
});

type Row = readonly [label: string, inputs: ValidityInputs, expected: SpecimenValidity];

function table(rows: readonly Row[]): void {
  for (const [label, inputs, expected] of rows) {
    it(`${label} → ${expected}`, () => assert.equal(specimenValidity(inputs), expected));
  }
}

describe('creatinine and specific gravity (domain-rules: dilute, substituted)', () => {
  table([
    ['creatinine 1.99 with specific gravity 1.0010 (substituted band top edge, inclusive)', urine({ creatinineMgDl: 1.99, specificGravity: 1.001 }), 'substituted'],
    ['creatinine 1.99 with specific gravity 1.0000', urine({ creatinineMgDl: 1.99, specificGravity: 1.0 }), 'substituted'],
    ['creatinine 0 with specific gravity 1.0200 (substituted upper band, inclusive)', urine({ creatinineMgDl: 0, specificGravity: 1.02 }), 'substituted'],
    ['creatinine 1.5 with specific gravity 1.0350', urine({ creatinineMgDl: 1.5, specificGravity: 1.035 }), 'substituted'],
    ['creatinine 1.99 with specific gravity 1.0011 (neither dilute nor substituted: HHS invalid)', urine({ creatinineMgDl: 1.99, specificGravity: 1.0011 }), 'invalid'],
    ['creatinine 1.99 with specific gravity 1.0199', urine({ creatinineMgDl: 1.99, specificGravity: 1.0199 }), 'invalid'],
    ['creatinine 1.5 with no specific gravity measured (substitution cannot be ruled out)', urine({ creatinineMgDl: 1.5 }), 'invalid'],
    ['creatinine 2.00 with specific gravity 1.0011 (dilute band bottom edge)', urine({ creatinineMgDl: 2, specificGravity: 1.0011 }), 'dilute'],
    ['creatinine 19.99 with specific gravity 1.0029 (dilute band top edge)', urine({ creatinineMgDl: 19.99, specificGravity: 1.0029 }), 'dilute'],
    ['creatinine 10 with specific gravity 1.0030 (not dilute: gravity at the exclusive edge)', urine({ creatinineMgDl: 10, specificGravity: 1.003 }), 'valid'],
    ['creatinine 10 with specific gravity 1.0010 (gravity that low with creatinine ≥ 2: HHS invalid)', urine({ creatinineMgDl: 10, specificGravity: 1.001 }), 'invalid'],
    ['creatinine 20.00 with specific gravity 1.0020 (creatinine at the exclusive edge: not dilute)', urine({ creatinineMgDl: 20, specificGravity: 1.002 }), 'valid'],
    ['creatinine 15 with no specific gravity (creatinine-only check)', urine({ creatinineMgDl: 15 }), 'dilute'],
    ['creatinine 20 with no specific gravity', urine({ creatinineMgDl: 20 }), 'valid'],
    ['creatinine 85 with specific gravity 1.0150', urine({ creatinineMgDl: 85, specificGravity: 1.015 }), 'valid'],
    ['creatinine 85 with specific gravity 1.0010', urine({ creatinineMgDl: 85, specificGravity: 1.001 }), 'invalid'],
    ['specific gravity alone, however low', urine({ specificGravity: 1.0 }), 'valid'],
  ]);
});

describe('pH (domain-rules: invalid or adulterated outside 4.5–9)', () => {
  table([
    ['pH 3.99', urine({ ph: 3.99 }), 'adulterated'],
    ['pH 4.00', urine({ ph: 4 }), 'invalid'],
    ['pH 4.49', urine({ ph: 4.49 }), 'invalid'],
    ['pH 4.50', urine({ ph: 4.5 }), 'valid'],
    ['pH 6.5', urine({ ph: 6.5 }), 'valid'],
    ['pH 9.00', urine({ ph: 9 }), 'valid'],
    ['pH 9.01', urine({ ph: 9.01 }), 'invalid'],
    ['pH 10.99', urine({ ph: 10.99 }), 'invalid'],
    ['pH 11.00', urine({ ph: 11 }), 'adulterated'],
  ]);
});

describe('oxidants and the worst finding', () => {
  table([
    ['oxidants present in an otherwise normal specimen', urine({ creatinineMgDl: 80, specificGravity: 1.015, ph: 6, oxidantsPresent: true }), 'adulterated'],
    ['oxidants tested and absent', urine({ creatinineMgDl: 80, specificGravity: 1.015, ph: 6, oxidantsPresent: false }), 'valid'],
    ['a substituted specimen with oxidants is adulterated (worst wins)', urine({ creatinineMgDl: 1, specificGravity: 1.0, oxidantsPresent: true }), 'adulterated'],
    ['a dilute specimen with pH 4.2 is invalid (worst wins)', urine({ creatinineMgDl: 10, specificGravity: 1.002, ph: 4.2 }), 'invalid'],
    ['a substituted specimen with pH 9.5 is substituted (worst wins)', urine({ creatinineMgDl: 1, specificGravity: 1.0005, ph: 9.5 }), 'substituted'],
    ['nothing measured', urine({}), 'valid'],
  ]);
});

describe('oral fluid', () => {
  table([
    ['oral fluid with no measurements', { specimenType: 'oral_fluid', creatinineMgDl: null, specificGravity: null, ph: null, oxidantsPresent: null }, 'valid'],
    ['oral fluid ignores urine creatinine and pH rules', { specimenType: 'oral_fluid', creatinineMgDl: 1, specificGravity: 1.0, ph: 3, oxidantsPresent: false }, 'valid'],
    ['oral fluid with an adulterant found', { specimenType: 'oral_fluid', creatinineMgDl: null, specificGravity: null, ph: null, oxidantsPresent: true }, 'adulterated'],
  ]);
});

describe('whether validity was measured at all', () => {
  it('is false when no measurement was entered, so the column stays null', () => {
    assert.equal(validityMeasured({ creatinineMgDl: null, specificGravity: null, ph: null, oxidantsPresent: null }), false);
  });
  it('is true when only oxidants were tested (even negative)', () => {
    assert.equal(validityMeasured({ creatinineMgDl: null, specificGravity: null, ph: null, oxidantsPresent: false }), true);
  });
});
