/**
 * The six assessment dimensions of the ASAM Criteria, per edition, with short anchors for
 * each risk rating 0–4 (domain-rules.md "Levels of care"). Data, so the intake wizard, the
 * stored assessment and the placement rules name the same dimensions.
 *
 * 4th edition (2023; domain-rules.md says **verify**): readiness to change is no longer a
 * dimension of its own; substance use-related risks move to 4, the recovery environment to
 * 5, and person-centered considerations are 6. The placement rules therefore find the
 * recovery environment by its role, not by its number.
 */
import type { AsamEdition } from '../programs/levels-of-care.ts';

export type DimensionNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const DIMENSION_COUNT = 6;

/** What a dimension is about, whatever its number in the edition. */
export type DimensionRole = 'withdrawal' | 'biomedical' | 'psychiatric' | 'readiness' | 'use_risk' | 'environment' | 'person_centered';

export const MIN_RATING = 0;
export const MAX_RATING = 4;

/** The rating scale shared by every dimension: 0 none to 4 severe or imminent. */
export const RATING_LABELS = ['None', 'Mild', 'Moderate', 'Substantial', 'Severe or imminent'] as const;

type Anchors = readonly [string, string, string, string, string];

export interface AssessmentDimension {
  readonly number: DimensionNumber;
  readonly role: DimensionRole;
  readonly name: string;
  /** What each rating 0–4 looks like in this dimension. */
  readonly anchors: Anchors;
}

const withdrawal: Anchors = [
  'Not intoxicated; no withdrawal signs or risk.',
  'Mild intoxication or withdrawal, easily managed; little risk of severe withdrawal.',
  'Moderate withdrawal signs or risk; manageable with ambulatory monitoring and support.',
  'Severe withdrawal signs or a high risk of severe withdrawal; needs medically monitored care.',
  'Incapacitated, or withdrawal that endangers life (seizures, delirium).',
];

const biomedical: Anchors = [
  'No physical health problems that affect treatment.',
  'Mild or stable conditions, managed in the community.',
  'Physical problems that distract from recovery; needs medical follow-up.',
  'Poorly controlled physical problems that need medical monitoring.',
  'Severe physical problems that need 24-hour medical management.',
];

const psychiatric: Anchors = [
  'No mental health problems, or stable ones.',
  'Mild symptoms that do not get in the way of recovery.',
  'Symptoms that get in the way of recovery; stable with support and monitoring.',
  'Severe symptoms, impulsivity or poor self-care; danger to self or others is not imminent.',
  'Imminent danger to self or others, or unable to care for self.',
];

const readiness: Anchors = [
  'Engaged in treatment and committed to change.',
  'Willing to take part; ambivalent at times.',
  'Ambivalent about treatment; needs motivating strategies to engage.',
  'Does not see the need for change, or unwilling to engage.',
  'Refuses treatment while in danger; needs structured engagement now.',
];

const useRisk: Anchors = [
  'Stable recovery skills; little risk of further use.',
  'Some risk of return to use; has coping skills.',
  'Limited recognition of relapse triggers; copes with prompting and support.',
  'Little recognition of triggers; continued use likely without close structure.',
  'Repeated, uncontrolled use with imminently dangerous consequences.',
];

const environment: Anchors = [
  'Supportive environment; able to cope.',
  'Passive or indifferent support; mostly able to cope.',
  'Unsupportive environment; copes with clinical structure most of the time.',
  'Unsupportive or hostile environment; hard to cope even with structure.',
  'Dangerous or chronically hostile environment that threatens safety or recovery.',
];

const personCentered: Anchors = [
  'No barriers to care; preferences fit the plan.',
  'Minor barriers or preferences, easily accommodated.',
  'Barriers that need planning (transport, child care, work, language, motivation).',
  'Barriers or preferences that limit engagement at this level.',
  'Barriers so severe that care cannot go ahead without immediate help.',
];

/** ASAM Criteria, 3rd edition (2013). */
const THIRD: readonly AssessmentDimension[] = [
  { number: 1, role: 'withdrawal', name: 'Acute intoxication and/or withdrawal potential', anchors: withdrawal },
  { number: 2, role: 'biomedical', name: 'Biomedical conditions and complications', anchors: biomedical },
  { number: 3, role: 'psychiatric', name: 'Emotional, behavioral or cognitive conditions and complications', anchors: psychiatric },
  { number: 4, role: 'readiness', name: 'Readiness to change', anchors: readiness },
  { number: 5, role: 'use_risk', name: 'Relapse, continued use or continued problem potential', anchors: useRisk },
  { number: 6, role: 'environment', name: 'Recovery/living environment', anchors: environment },
];

/** ASAM Criteria, 4th edition (2023). */
const FOURTH: readonly AssessmentDimension[] = [
  { number: 1, role: 'withdrawal', name: 'Intoxication, withdrawal and addiction medications', anchors: withdrawal },
  { number: 2, role: 'biomedical', name: 'Biomedical conditions', anchors: biomedical },
  { number: 3, role: 'psychiatric', name: 'Psychiatric and cognitive conditions', anchors: psychiatric },
  { number: 4, role: 'use_risk', name: 'Substance use-related risks', anchors: useRisk },
  { number: 5, role: 'environment', name: 'Recovery environment interactions', anchors: environment },
  { number: 6, role: 'person_centered', name: 'Person-centered considerations', anchors: personCentered },
];

export const ASSESSMENT_DIMENSIONS: Readonly<Record<AsamEdition, readonly AssessmentDimension[]>> = { '3': THIRD, '4': FOURTH };

/** The dimension numbered `number` (1–6) in the edition. */
export function dimensionOf(edition: AsamEdition, number: DimensionNumber): AssessmentDimension {
  return ASSESSMENT_DIMENSIONS[edition][number - 1]!;
}

/** The edition's dimension for a role, e.g. the recovery environment (6 in the 3rd edition, 5 in the 4th). */
export function dimensionWithRole(edition: AsamEdition, role: DimensionRole): AssessmentDimension | undefined {
  return ASSESSMENT_DIMENSIONS[edition].find((d) => d.role === role);
}
