import type { DischargeReason } from '../api/types.ts';

export const DISCHARGE_REASON_LABELS: Record<DischargeReason, string> = {
  completed: 'Completed the program',
  stepped_down_to_outpatient: 'Stepped down to outpatient',
  transferred_to_higher_level: 'Transferred to a higher level of care',
  left_against_advice: 'Left against clinical advice',
  administrative: 'Administrative discharge',
  other: 'Other',
};

export const REFERRAL_SOURCES = ['Self', 'Family', 'Primary care', 'Hospital / ED', 'Detox or residential program', 'Court / probation', 'Employer (EAP)', 'Therapist or psychiatrist', 'Other'];
