/** Words for the intake wizard: the IOP candidacy questions, routes and rating colours. */
import type { Candidacy, Recommendation } from './intake-types.ts';

export const CANDIDACY_QUESTIONS: readonly { key: keyof Candidacy; question: string; hint: string }[] = [
  {
    key: 'steppedDownFromHigherLevel',
    question: 'Is the patient stepping down from residential treatment or partial hospitalization?',
    hint: 'A step-down from a higher level supports IOP.',
  },
  {
    key: 'hasOutsideCommitments',
    question: 'Does the patient have work, school or family commitments to keep during treatment?',
    hint: 'IOP lets people keep them; a full-day program may not.',
  },
  {
    key: 'hasCopingSkills',
    question: 'Does the patient have enough coping skills to stay safe between sessions?',
    hint: 'IOP patients spend most of the week on their own.',
  },
  {
    key: 'hasSupportAtHome',
    question: 'Does the patient have a supportive, substance-free place to live?',
    hint: 'Without one, consider sober living or a higher level of care.',
  },
  {
    key: 'hasCoverageOrBudget',
    question: 'Is there insurance coverage or a budget for this level of care?',
    hint: 'If not, confirm coverage or a budget before admission.',
  },
];

export const ROUTE_LABELS: Record<Recommendation['route'], string> = {
  level_of_care: 'Level of care',
  withdrawal_management: 'Withdrawal management',
  emergency: 'Emergency / inpatient',
};

/** 0 none … 4 severe or imminent. */
export const RATING_COLORS = ['gray', 'teal', 'yellow', 'orange', 'red'] as const;

export function ratingColor(rating: number): string {
  return RATING_COLORS[rating] ?? 'gray';
}

/** "2.1 Intensive outpatient" */
export function levelLabel(code: string, name: string): string {
  return `${code} ${name}`;
}
