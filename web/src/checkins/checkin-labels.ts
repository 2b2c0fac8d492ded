/** How the check-in questions and answers read, for patients (kiosk, portal) and staff (chart). */
import { IconMoodCry, IconMoodEmpty, IconMoodHappy, IconMoodSad, IconMoodSmile, type Icon } from '@tabler/icons-react';
import type { MedicationTaken, Substance } from './checkin-types.ts';

export const MOODS: readonly { value: number; label: string; icon: Icon; color: string }[] = [
  { value: 1, label: 'Very low', icon: IconMoodCry, color: 'red' },
  { value: 2, label: 'Low', icon: IconMoodSad, color: 'orange' },
  { value: 3, label: 'Okay', icon: IconMoodEmpty, color: 'yellow' },
  { value: 4, label: 'Good', icon: IconMoodSmile, color: 'lime' },
  { value: 5, label: 'Very good', icon: IconMoodHappy, color: 'teal' },
];

export const SLEEP_QUALITY: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Very poor' },
  { value: 2, label: 'Poor' },
  { value: 3, label: 'Fair' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Very good' },
];

export const SUBSTANCE_LABELS: Record<Substance, string> = {
  alcohol: 'Alcohol',
  cannabis: 'Cannabis',
  opioids: 'Opioids',
  fentanyl: 'Fentanyl',
  cocaine: 'Cocaine',
  methamphetamine: 'Meth',
  benzodiazepines: 'Benzos',
  other: 'Something else',
};

export const MEDICATION_TAKEN: readonly { value: MedicationTaken; label: string; staffLabel: string }[] = [
  { value: 'yes', label: 'Yes, all of it', staffLabel: 'Taken' },
  { value: 'partly', label: 'Some of it', staffLabel: 'Partly' },
  { value: 'no', label: 'No', staffLabel: 'Not taken' },
  { value: 'none_prescribed', label: 'I don’t take any', staffLabel: 'None prescribed' },
];

export function moodLabel(mood: number): string {
  return MOODS.find((m) => m.value === mood)?.label ?? String(mood);
}

export function sleepQualityLabel(quality: number): string {
  return SLEEP_QUALITY.find((q) => q.value === quality)?.label ?? String(quality);
}

export function medicationTakenLabel(value: MedicationTaken): string {
  return MEDICATION_TAKEN.find((m) => m.value === value)?.staffLabel ?? value;
}

/** Staff read the full names ("Methamphetamine"); patients tap the everyday words above. */
const SUBSTANCE_NAMES: Record<Substance, string> = {
  alcohol: 'Alcohol',
  cannabis: 'Cannabis',
  opioids: 'Opioids',
  fentanyl: 'Fentanyl',
  cocaine: 'Cocaine',
  methamphetamine: 'Methamphetamine',
  benzodiazepines: 'Benzodiazepines',
  other: 'Other',
};

export function substanceLabel(code: string): string {
  return (SUBSTANCE_NAMES as Record<string, string>)[code] ?? code;
}

/** The craving scale's words at its ends and middle. */
export function cravingWords(value: number): string {
  if (value === 0) return 'None';
  if (value <= 3) return 'Mild';
  if (value <= 6) return 'Moderate';
  if (value <= 8) return 'Strong';
  return 'Very strong';
}
