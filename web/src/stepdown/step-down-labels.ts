/** How step-down proposals and their evidence read. */
import type { CriterionKey, Evaluation, StepDownDirection } from './step-down-types.ts';

export const CRITERION_LABELS: Record<CriterionKey, string> = {
  consecutive_weeks: 'Weeks in a row with hours and days met',
  attendance: 'Attendance in those weeks',
  phq9: 'PHQ-9 improvement',
  objectives: 'Plan objectives for this phase',
};

export const DIRECTION_COLORS: Record<StepDownDirection, string> = {
  advance: 'teal',
  complete: 'indigo',
  intensify: 'orange',
};

/** "Phase 1 → Phase 2", "Complete program", "Step up to Phase 1", "Refer to a higher level of care". */
export function proposalLabel(evaluation: Pick<Evaluation, 'direction' | 'toPhase'>, fromPhase?: string): string {
  switch (evaluation.direction) {
    case 'advance':
      return `${fromPhase ? `${fromPhase} → ` : 'Step down to '}${evaluation.toPhase?.name ?? 'the next phase'}`;
    case 'complete':
      return 'Complete program';
    case 'intensify':
      return evaluation.toPhase ? `Step up to ${evaluation.toPhase.name}` : 'Refer to a higher level of care';
    case null:
      return 'No change proposed';
  }
}

/** What approving does, in one sentence for the confirmation. */
export function approvalEffect(evaluation: Pick<Evaluation, 'direction' | 'toPhase'>): string {
  switch (evaluation.direction) {
    case 'advance':
      return `The patient moves to ${evaluation.toPhase?.name ?? 'the next phase'} from the start of this week; this week’s required hours follow the new phase.`;
    case 'complete':
      return 'The patient has completed the last phase. Approving records the decision; discharge (with the summary and aftercare plan) is the next step.';
    case 'intensify':
      return evaluation.toPhase
        ? `The patient moves back to ${evaluation.toPhase.name} from the start of this week, with its higher required hours.`
        : 'The patient is already in the first phase: approving records that a higher level of care is needed; arrange the referral and discharge as transferred.';
    case null:
      return '';
  }
}
