/**
 * The intake wizard's form values and how they become the request. Ratings and yes/no
 * answers start unanswered: a dimension nobody rated must not read as "no risk".
 */
import type { Candidacy, IntakeAssessmentInput, PreviewInput } from './intake-types.ts';

export type Answer = '' | 'yes' | 'no';

export interface IntakeFormValues {
  programId: string | null;
  assessedOn: string;
  /** '' until rated, then '0' … '4' (radio values are strings). */
  dimensions: { rating: string; notes: string }[];
  candidacy: Record<keyof Candidacy, Answer>;
  decision: { kind: 'accept' | 'override'; placedLevel: string | null; reason: string };
}

export const DIMENSION_COUNT = 6;

export function initialIntakeValues(today: string, programId: string | null): IntakeFormValues {
  return {
    programId,
    assessedOn: today,
    dimensions: Array.from({ length: DIMENSION_COUNT }, () => ({ rating: '', notes: '' })),
    candidacy: { steppedDownFromHigherLevel: '', hasOutsideCommitments: '', hasCopingSkills: '', hasSupportAtHome: '', hasCoverageOrBudget: '' },
    decision: { kind: 'accept', placedLevel: null, reason: '' },
  };
}

export function dimensionsRated(values: IntakeFormValues): boolean {
  return values.dimensions.every((d) => d.rating !== '');
}

export function candidacyAnswered(values: IntakeFormValues): boolean {
  return Object.values(values.candidacy).every((a) => a !== '');
}

export function previewInputOf(values: IntakeFormValues): PreviewInput {
  return {
    ...(values.programId ? { programId: values.programId } : {}),
    dimensions: values.dimensions.map((d) => ({ rating: Number(d.rating), notes: d.notes.trim() })),
    candidacy: {
      steppedDownFromHigherLevel: values.candidacy.steppedDownFromHigherLevel === 'yes',
      hasOutsideCommitments: values.candidacy.hasOutsideCommitments === 'yes',
      hasCopingSkills: values.candidacy.hasCopingSkills === 'yes',
      hasSupportAtHome: values.candidacy.hasSupportAtHome === 'yes',
      hasCoverageOrBudget: values.candidacy.hasCoverageOrBudget === 'yes',
    },
  };
}

export function assessmentInputOf(values: IntakeFormValues): IntakeAssessmentInput {
  return {
    ...previewInputOf(values),
    assessedOn: values.assessedOn,
    decision:
      values.decision.kind === 'accept'
        ? { kind: 'accept' }
        : { kind: 'override', placedLevel: values.decision.placedLevel ?? '', reason: values.decision.reason.trim() },
  };
}

/** Client checks per step, so "Next" says what is missing before the server has to. */
export function validateStep(step: number, values: IntakeFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 0) {
    values.dimensions.forEach((d, i) => {
      if (d.rating === '') errors[`dimensions.${i}.rating`] = 'Rate this dimension from 0 to 4.';
    });
  }
  if (step === 1) {
    for (const [key, answer] of Object.entries(values.candidacy)) {
      if (answer === '') errors[`candidacy.${key}`] = 'Answer yes or no.';
    }
  }
  if (step === 2) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.assessedOn)) errors['assessedOn'] = 'Enter the date of the assessment.';
    if (values.decision.kind === 'override') {
      if (!values.decision.placedLevel) errors['decision.placedLevel'] = 'Choose the level of care you are placing the patient at.';
      if (!values.decision.reason.trim()) errors['decision.reason'] = 'Document why you are overriding the recommendation.';
    }
  }
  return errors;
}
