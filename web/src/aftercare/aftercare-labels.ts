/** Words for aftercare codes. */
import type { DischargeReason } from '../api/types.ts';
import type { Fellowship, FollowupOutcome } from './aftercare-types.ts';

export const FELLOWSHIP_LABELS: Record<Fellowship, string> = {
  AA: 'Alcoholics Anonymous (AA)',
  NA: 'Narcotics Anonymous (NA)',
  SMART: 'SMART Recovery',
  CA: 'Cocaine Anonymous (CA)',
  other: 'Other mutual-help group',
};

export const OUTCOME_LABELS: Record<FollowupOutcome, string> = {
  reached: 'Reached: doing the aftercare plan',
  no_answer: 'No answer',
  declined: 'Declined to talk',
  readmitted: 'Readmitted or back in treatment',
  other: 'Other',
};

/** Discharges that must leave with an aftercare plan (contract D: 422 aftercare_required). */
export const AFTERCARE_REQUIRED: readonly DischargeReason[] = ['completed', 'stepped_down_to_outpatient'];
