import type { Patient } from '../api/types.ts';

/** The chart's drug-test section (owned by the drug-test screens; the lead's placeholder until they land). */
export function ChartDrugTests(_props: { patient: Patient }) {
  return null;
}
