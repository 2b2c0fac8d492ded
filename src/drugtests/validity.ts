/**
 * Specimen validity (domain-rules.md "Drug testing", after the HHS Mandatory Guidelines for
 * urine; the guidelines say **verify** the exact values against the lab's SOP):
 *
 *   adulterated  oxidants / nitrite present, or pH < 4 or ≥ 11 (HHS adulterated range)
 *   invalid      pH outside 4.5–9 but not in the adulterated range (HHS: 4 ≤ pH < 4.5,
 *                9 < pH < 11); creatinine < 2 mg/dL with specific gravity between
 *                1.0010 and 1.0200 (HHS "invalid": neither dilute nor substituted); creatinine
 *                < 2 with no specific gravity measured (substitution cannot be ruled out)
 *   substituted  creatinine < 2 mg/dL and specific gravity ≤ 1.0010 or ≥ 1.0200
 *   dilute       creatinine ≥ 2 and < 20 mg/dL with specific gravity > 1.0010 and < 1.0030,
 *                or creatinine ≥ 2 and < 20 with no specific gravity measured (the usual
 *                clinical-lab reading of a creatinine-only check)
 *   valid        otherwise, including when nothing was measured
 *
 * The worst applies: adulterated, then substituted, then invalid, then dilute.
 * pH exactly 9.0 is valid here as domain-rules.md reads ("outside 4.5–9"); HHS treats
 * pH ≥ 9.0 as invalid — a lab contract following HHS should be checked.
 *
 * Oral fluid has no creatinine or specific gravity: it is valid unless an adulterant was
 * found. Urine temperature (32–38 °C) is checked at collection (temperature_in_range) and
 * calls for a recollection under observation rather than a validity result.
 */
import type { SpecimenType, SpecimenValidity } from '../db/schema.ts';

export interface ValidityInputs {
  readonly specimenType: SpecimenType;
  readonly creatinineMgDl: number | null;
  readonly specificGravity: number | null;
  readonly ph: number | null;
  readonly oxidantsPresent: boolean | null;
}

/** How bad each outcome is: the worst finding is the specimen's validity. */
const RANK: Readonly<Record<SpecimenValidity, number>> = { valid: 0, dilute: 1, invalid: 2, substituted: 3, adulterated: 4 };

function worst(findings: readonly SpecimenValidity[]): SpecimenValidity {
  return findings.reduce<SpecimenValidity>((acc, f) => (RANK[f] > RANK[acc] ? f : acc), 'valid');
}

function phFinding(ph: number): SpecimenValidity {
  if (ph < 4 || ph >= 11) return 'adulterated';
  if (ph < 4.5 || ph > 9) return 'invalid';
  return 'valid';
}

function creatinineFinding(creatinine: number, sg: number | null): SpecimenValidity {
  if (creatinine < 2) {
    if (sg === null) return 'invalid';
    if (sg <= 1.001 || sg >= 1.02) return 'substituted';
    return 'invalid';
  }
  if (creatinine < 20) {
    if (sg === null) return 'dilute';
    if (sg > 1.001 && sg < 1.003) return 'dilute';
    // Creatinine 2–20 with specific gravity ≥ 1.0030 is concentrated enough; ≤ 1.0010 with
    // creatinine ≥ 2 is physiologically implausible (HHS invalid).
    if (sg <= 1.001) return 'invalid';
    return 'valid';
  }
  // Creatinine ≥ 20 with specific gravity ≤ 1.0010: HHS invalid (the two disagree).
  if (sg !== null && sg <= 1.001) return 'invalid';
  return 'valid';
}

/** The specimen's validity from what the cup strip or the lab measured (domain-rules.md). */
export function specimenValidity(inputs: ValidityInputs): SpecimenValidity {
  const findings: SpecimenValidity[] = [];
  if (inputs.oxidantsPresent === true) findings.push('adulterated');
  if (inputs.specimenType === 'urine') {
    if (inputs.ph !== null) findings.push(phFinding(inputs.ph));
    if (inputs.creatinineMgDl !== null) findings.push(creatinineFinding(inputs.creatinineMgDl, inputs.specificGravity));
  }
  return worst(findings);
}

/** True when any validity measurement was taken (otherwise the column stays null: not measured). */
export function validityMeasured(inputs: Omit<ValidityInputs, 'specimenType'>): boolean {
  return inputs.creatinineMgDl !== null || inputs.specificGravity !== null || inputs.ph !== null || inputs.oxidantsPresent !== null;
}
