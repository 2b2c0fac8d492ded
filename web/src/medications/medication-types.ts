/** Medication and observed-dosing API shapes, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type {
  Catalog as CatalogSchema,
  DoseInput as DoseInputSchema,
  DoseRecord as DoseRecordSchema,
  DosingDay as DosingDaySchema,
  Medication as MedicationSchema,
  MedicationEdit as MedicationEditSchema,
  MedicationInput as MedicationInputSchema,
  StopInput as StopInputSchema,
} from '../../../src/medications/medications.schemas.ts';

export type Medication = Static<typeof MedicationSchema>;
export type Adherence = NonNullable<Medication['adherence']>;
export type AddictionMedication = NonNullable<Medication['addictionMedication']>;
export type MedicationRoute = Medication['route'];
export type MedicationInput = Static<typeof MedicationInputSchema>;
export type MedicationEdit = Static<typeof MedicationEditSchema>;
export type StopInput = Static<typeof StopInputSchema>;
export type Catalog = Static<typeof CatalogSchema>;
export type DoseRecord = Static<typeof DoseRecordSchema>;
export type DoseOutcome = DoseRecord['outcome'];
export type DoseInput = Static<typeof DoseInputSchema>;
export type DosingDay = Static<typeof DosingDaySchema>;
export type DoseDue = DosingDay['doses'][number];
