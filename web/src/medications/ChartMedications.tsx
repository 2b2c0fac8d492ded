import type { Patient } from '../api/types.ts';

/** The chart's medication section (owned by the medication screens; the lead's placeholder until they land). */
export function ChartMedications(_props: { patient: Patient }) {
  return null;
}
