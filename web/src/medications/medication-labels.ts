/** How medications and doses read on screen. */
import type { AddictionMedication, DoseOutcome, MedicationRoute } from './medication-types.ts';

export const ROUTE_LABELS: Record<MedicationRoute, string> = {
  oral: 'Oral',
  sublingual: 'Sublingual',
  buccal: 'Buccal',
  injection_im: 'Injection (IM)',
  injection_sc: 'Injection (SC)',
  implant: 'Implant',
  transdermal: 'Transdermal',
  nasal: 'Nasal',
  inhaled: 'Inhaled',
  other: 'Other',
};

export const ADDICTION_LABELS: Record<AddictionMedication, { short: string; long: string; color: string }> = {
  moud: { short: 'MOUD', long: 'Medication for opioid use disorder', color: 'indigo' },
  maud: { short: 'MAUD', long: 'Medication for alcohol use disorder', color: 'cyan' },
};

export const DOSE_OUTCOME_LABELS: Record<DoseOutcome, { label: string; color: string; chart: string }> = {
  given: { label: 'Given', color: 'teal', chart: 'var(--mantine-color-teal-6)' },
  missed: { label: 'Missed', color: 'red', chart: 'var(--mantine-color-red-6)' },
  refused: { label: 'Refused', color: 'orange', chart: 'var(--mantine-color-orange-6)' },
  held: { label: 'Held', color: 'gray', chart: 'var(--mantine-color-gray-5)' },
};

export const FREQUENCY_SUGGESTIONS = ['Once daily', 'Twice daily', 'Three times daily', 'At bedtime', 'As needed', 'Weekly', 'Monthly injection'];

/** Adherence reads green from 90 %, orange from 75 %, red below. */
export function adherenceColor(percent: number | null): string {
  if (percent === null) return 'gray';
  return percent >= 90 ? 'teal' : percent >= 75 ? 'orange' : 'red';
}
