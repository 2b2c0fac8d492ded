/**
 * Level-of-care placement from an intake assessment (domain-rules.md "Levels of care").
 * Pure: the six dimension ratings (0 none … 4 severe/imminent) and the IOP candidacy answers
 * in, a recommended level with its reasons out. The clinician accepts or overrides it.
 *
 * 1. Hard exclusions, first, because they are about safety:
 *    - dimension 3 rated 4 (imminent danger to self or others) → emergency / inpatient, level 4;
 *    - dimension 1 rated 3 → medically monitored withdrawal management (level 3.7),
 *      rated 4 → medically managed withdrawal management (level 4).
 *      Dimension 1 rated 2 is not an exclusion: withdrawal is monitored alongside the program.
 * 2. Otherwise a severity ladder over the six ratings; the first step that holds decides:
 *    a. dimension 2 rated 4                          → 4    medically managed inpatient
 *    b. dimension 2 rated 3                          → 3.7  medically monitored / managed residential
 *    c. any of dimensions 3–6 rated 4                → 3.5  high-intensity residential
 *    d. two or more of dimensions 3–6 rated 3        → 3.5  high-intensity residential
 *    e. the recovery environment rated 3 and no
 *       support at home                              → 3.1  low-intensity residential (a structured place to live)
 *    f. one of dimensions 3–6 rated 3                → 2.5  partial hospitalization / high-intensity outpatient
 *    g. any dimension rated 2                        → 2.1  intensive outpatient
 *    h. every dimension rated 0 or 1                 → 1 (3rd edition) / 1.5 (4th edition) outpatient
 * 3. Candidacy answers, for levels reached by the ladder:
 *    - stepped down from residential or PHP, or without coping skills yet, lifts outpatient to
 *      IOP (step down one level at a time; skills need more than a weekly session);
 *    - no support at home: consider sober living or a higher level;
 *    - no coverage or budget: confirm it before admission;
 *    - outside commitments: IOP lets the patient keep them; PHP's 20+ hours may not.
 * The recovery environment is dimension 6 in the 3rd edition and 5 in the 4th (dimensions.ts).
 */
import { type AsamEdition, type Population, describeBand, findLevel } from '../programs/levels-of-care.ts';
import { DIMENSION_COUNT, type DimensionNumber, MAX_RATING, MIN_RATING, dimensionOf, dimensionWithRole } from './dimensions.ts';

export interface Candidacy {
  readonly steppedDownFromHigherLevel: boolean;
  readonly hasOutsideCommitments: boolean;
  readonly hasCopingSkills: boolean;
  readonly hasSupportAtHome: boolean;
  readonly hasCoverageOrBudget: boolean;
}

export interface PlacementInput {
  readonly edition: AsamEdition;
  readonly population: Population;
  /** Dimensions 1–6 in order; each rating 0–4 (check with dimensionProblems first). */
  readonly dimensions: readonly { readonly rating: number; readonly notes?: string | undefined }[];
  readonly candidacy: Candidacy;
}

export type PlacementRoute = 'level_of_care' | 'withdrawal_management' | 'emergency';

export interface PlacementReason {
  readonly code: string;
  readonly text: string;
  readonly dimension: DimensionNumber | null;
}

export interface Recommendation {
  readonly levelCode: string;
  readonly levelName: string;
  readonly route: PlacementRoute;
  readonly reasons: PlacementReason[];
}

/** Intensities the rules recommend, with their level code in each edition (levels-of-care.ts). */
type Intensity = 'inpatient' | 'medically_monitored' | 'residential_high' | 'residential_low' | 'php' | 'iop' | 'outpatient';

const LEVEL_CODE: Record<Intensity, Record<AsamEdition, string>> = {
  inpatient: { '3': '4', '4': '4' },
  medically_monitored: { '3': '3.7', '4': '3.7' },
  residential_high: { '3': '3.5', '4': '3.5' },
  residential_low: { '3': '3.1', '4': '3.1' },
  php: { '3': '2.5', '4': '2.5' },
  iop: { '3': '2.1', '4': '2.1' },
  outpatient: { '3': '1', '4': '1.5' },
};

/** Problems with the ratings, by field path: exactly six dimensions, each a whole number 0–4. */
export function dimensionProblems(dimensions: readonly { readonly rating: unknown }[]): { path: string; message: string }[] {
  if (dimensions.length !== DIMENSION_COUNT) {
    return [{ path: 'dimensions', message: `must list exactly ${DIMENSION_COUNT} dimensions, in order (${dimensions.length} given)` }];
  }
  return dimensions.flatMap((d, i) =>
    typeof d.rating === 'number' && Number.isInteger(d.rating) && d.rating >= MIN_RATING && d.rating <= MAX_RATING
      ? []
      : [{ path: `dimensions[${i}].rating`, message: `must be a whole number from ${MIN_RATING} to ${MAX_RATING}` }],
  );
}

const NUMBERS: readonly DimensionNumber[] = [1, 2, 3, 4, 5, 6];
const list = (numbers: readonly number[]) => (numbers.length === 1 ? `dimension ${numbers[0]}` : `dimensions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`);

export function recommendPlacement(input: PlacementInput): Recommendation {
  const { edition, candidacy } = input;
  const rating = (n: DimensionNumber) => input.dimensions[n - 1]!.rating;
  const named = (n: DimensionNumber) => `dimension ${n} (${dimensionOf(edition, n).name.toLowerCase()})`;
  const reasons: PlacementReason[] = [];
  const because = (code: string, text: string, dimension: DimensionNumber | null = null) =>
    reasons.push({ code, text: text.charAt(0).toUpperCase() + text.slice(1), dimension });
  const result = (intensity: Intensity, route: PlacementRoute): Recommendation => {
    const level = findLevel(edition, LEVEL_CODE[intensity][edition])!;
    return { levelCode: level.code, levelName: level.name, route, reasons };
  };

  // 1. Hard exclusions.
  const withdrawalRisk = rating(1) >= 3;
  if (rating(3) === 4) {
    because('imminent_danger', `Imminent danger to self or others: ${named(3)} is rated 4. Emergency evaluation and inpatient care come before any outpatient program.`, 3);
    if (withdrawalRisk) because('withdrawal_management_needed', `Withdrawal also needs medical management: ${named(1)} is rated ${rating(1)}.`, 1);
    return result('inpatient', 'emergency');
  }
  if (withdrawalRisk) {
    const managed = rating(1) === 4;
    because(
      'withdrawal_management_needed',
      `Severe withdrawal risk: ${named(1)} is rated ${rating(1)}. ${managed ? 'Medically managed' : 'Medically monitored'} withdrawal management comes first.`,
      1,
    );
    because('reassess_after_withdrawal', 'Reassess the placement once withdrawal is complete; an outpatient program may follow.');
    return result(managed ? 'inpatient' : 'medically_monitored', 'withdrawal_management');
  }

  // 2. The severity ladder.
  const environment = dimensionWithRole(edition, 'environment')!.number;
  const severe = NUMBERS.filter((n) => n >= 3 && rating(n) === 4);
  const high = NUMBERS.filter((n) => n >= 3 && rating(n) === 3);
  const moderate = NUMBERS.filter((n) => rating(n) === 2);
  let intensity: Intensity;
  if (rating(2) === 4) {
    because('biomedical_inpatient', `${named(2)} is rated 4: physical health needs 24-hour medical management.`, 2);
    intensity = 'inpatient';
  } else if (rating(2) === 3) {
    because('biomedical_monitoring', `${named(2)} is rated 3: physical health needs 24-hour medical monitoring.`, 2);
    intensity = 'medically_monitored';
  } else if (severe.length > 0) {
    because('severe_risk', `${list(severe)} rated 4: needs 24-hour structure beyond an outpatient program.`, severe.length === 1 ? severe[0]! : null);
    intensity = 'residential_high';
  } else if (high.length >= 2) {
    because('several_high_risks', `${list(high)} rated 3: several substantial risks together need residential care.`);
    intensity = 'residential_high';
  } else if (rating(environment) === 3 && !candidacy.hasSupportAtHome) {
    because('unsafe_living_environment', `${named(environment)} is rated 3 and there is no support at home: a structured place to live is needed while in treatment.`, environment);
    intensity = 'residential_low';
  } else if (high.length === 1) {
    because('one_high_risk', `${named(high[0]!)} is rated 3: needs 20 or more hours a week of treatment.`, high[0]!);
    intensity = 'php';
  } else if (moderate.length > 0) {
    because('moderate_risk', `${list(moderate)} rated 2: needs more than weekly outpatient sessions, 9 or more hours a week.`, moderate.length === 1 ? moderate[0]! : null);
    intensity = 'iop';
  } else {
    because('low_risk', 'Every dimension is rated 0 or 1: outpatient sessions meet the need.');
    intensity = 'outpatient';
  }
  if (rating(1) === 2) because('withdrawal_monitoring', `${named(1)} is rated 2: monitor withdrawal (ambulatory withdrawal management) alongside the program.`, 1);

  // 3. Candidacy.
  if (intensity === 'outpatient' && candidacy.steppedDownFromHigherLevel) {
    because('stepped_down_from_higher_level', 'Stepping down from residential or partial hospitalization: continue in intensive outpatient rather than dropping straight to weekly sessions.');
    intensity = 'iop';
  } else if (intensity === 'iop' && candidacy.steppedDownFromHigherLevel) {
    because('stepped_down_from_higher_level', 'Stepping down from residential or partial hospitalization supports intensive outpatient.');
  }
  if (intensity === 'outpatient' && !candidacy.hasCopingSkills) {
    because('coping_skills_needed', 'Has not yet built coping skills: intensive outpatient gives enough sessions to learn and practise them.');
    intensity = 'iop';
  }
  if (!candidacy.hasSupportAtHome && intensity !== 'residential_low') {
    because('no_support_at_home', 'No support at home: consider sober living, or a higher level of care if recovery at home is not safe.', environment);
  }
  if (candidacy.hasOutsideCommitments && intensity === 'iop') {
    because('keeps_commitments', 'Intensive outpatient lets the patient keep work, school or family commitments (an evening track, for example).');
  } else if (candidacy.hasOutsideCommitments && intensity === 'php') {
    because('commitments_conflict', 'Partial hospitalization takes 20 or more hours a week: plan around the patient’s work, school or family commitments.');
  }
  if (!candidacy.hasCoverageOrBudget) because('confirm_coverage', 'Confirm coverage or budget before admission.');

  const level = findLevel(edition, LEVEL_CODE[intensity][edition])!;
  if (level.hours[input.population]) because('hours', `${describeBand(level, input.population)}.`);
  return result(intensity, 'level_of_care');
}
