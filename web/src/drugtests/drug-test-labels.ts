/** How drug tests read on screen: reasons, states, outcomes, validity, custody. */
import type { CustodyEventKind, DrugTestOutcome, DrugTestReason, DrugTestStatus, Interpretation, ReadingMethod, SpecimenType, Validity } from './drug-test-types.ts';

export const REASON_LABELS: Record<DrugTestReason, string> = {
  random: 'Random',
  for_cause: 'For cause',
  scheduled: 'Scheduled',
};

export const SPECIMEN_LABELS: Record<SpecimenType, string> = {
  urine: 'Urine',
  oral_fluid: 'Oral fluid',
};

export const STATUS_LABELS: Record<DrugTestStatus, { label: string; color: string }> = {
  pending: { label: 'To collect', color: 'blue' },
  collected: { label: 'Collected', color: 'teal' },
  refused: { label: 'Refused', color: 'red' },
  not_collected: { label: 'Not collected', color: 'gray' },
  resulted: { label: 'Awaiting review', color: 'orange' },
  reviewed: { label: 'Reviewed', color: 'teal' },
};

export const OUTCOME_LABELS: Record<DrugTestOutcome, { label: string; color: string; explanation: string }> = {
  negative: { label: 'Negative', color: 'teal', explanation: 'Nothing detected and nothing prescribed was expected.' },
  expected_only: { label: 'Expected only', color: 'teal', explanation: 'Only what the patient’s prescriptions explain was detected.' },
  unexpected_positive: { label: 'Unexpected positive', color: 'red', explanation: 'A substance the patient’s prescriptions do not explain was detected.' },
  missing_expected: {
    label: 'Prescribed medication missing',
    color: 'orange',
    explanation: 'A prescribed medication was not detected: it may not be being taken as prescribed (possible diversion). Talk with the patient before concluding anything.',
  },
  invalid_specimen: { label: 'Invalid specimen', color: 'grape', explanation: 'The specimen failed validity checks; results cannot be relied on. Consider an observed recollection.' },
  refused: { label: 'Refused', color: 'red', explanation: 'The patient refused the test.' },
};

export const VALIDITY_LABELS: Record<Validity, { label: string; color: string }> = {
  valid: { label: 'Valid', color: 'teal' },
  dilute: { label: 'Dilute', color: 'yellow' },
  substituted: { label: 'Substituted', color: 'red' },
  adulterated: { label: 'Adulterated', color: 'red' },
  invalid: { label: 'Invalid', color: 'grape' },
};

export const INTERPRETATION_LABELS: Record<Interpretation, { label: string; color: string }> = {
  negative: { label: 'Not detected', color: 'gray' },
  expected: { label: 'Expected (prescribed)', color: 'teal' },
  positive: { label: 'Unexpected positive', color: 'red' },
  missing_expected: { label: 'Prescribed, not detected', color: 'orange' },
};

export const METHOD_LABELS: Record<ReadingMethod, string> = {
  poc_cup: 'Cup',
  lab_initial: 'Lab screen',
  lab_confirmation: 'Lab confirmation',
};

export const CUSTODY_LABELS: Record<CustodyEventKind, string> = {
  collected: 'Collected',
  sealed: 'Sealed',
  sent_to_lab: 'Sent to the laboratory',
  received_by_lab: 'Received by the laboratory',
  resulted: 'Results received',
  disposed: 'Disposed of',
  other: 'Other',
};

/** Urine must read 32–38 °C within 4 minutes of collection (domain-rules.md "Drug testing"). */
export const URINE_TEMPERATURE = { min: 32, max: 38 } as const;

export function temperatureInRange(celsius: number): boolean {
  return celsius >= URINE_TEMPERATURE.min && celsius <= URINE_TEMPERATURE.max;
}

/** Not-collected reasons offered as quick choices (free text is also accepted). */
export const NOT_COLLECTED_REASONS = ['Patient absent today', 'Session cancelled', 'Patient left before collection', 'Unable to provide a specimen'];

export function label<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}
