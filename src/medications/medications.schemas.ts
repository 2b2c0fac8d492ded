/** Request and response shapes of the medication list, catalog and observed dosing routes. */
import { Type, type Static } from 'typebox';
import type { AddictionMedication, DoseOutcome, MedicationRoute } from '../db/schema.ts';
import { LocalDay, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

export const MEDICATION_ROUTES: readonly MedicationRoute[] = ['oral', 'sublingual', 'buccal', 'injection_im', 'injection_sc', 'implant', 'transdermal', 'nasal', 'inhaled', 'other'];
export const DOSE_OUTCOMES: readonly DoseOutcome[] = ['given', 'missed', 'refused', 'held'];

const RouteSchema = Type.Unsafe<MedicationRoute>({ type: 'string', enum: [...MEDICATION_ROUTES] });
const AddictionSchema = Type.Unsafe<AddictionMedication>({ type: 'string', enum: ['moud', 'maud'], description: 'Medication for opioid (moud) or alcohol (maud) use disorder' });
const OutcomeSchema = Type.Unsafe<DoseOutcome>({ type: 'string', enum: [...DOSE_OUTCOMES] });
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'ISO weekdays, 1 = Monday … 7 = Sunday' });
const AnalyteCodes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, description: 'Analyte codes of src/drugtests/panels.ts (GET /api/medications/catalog lists them)' });

export const PatientRef = Type.Object({ patientId: Uuid, displayName: Type.String(), mrn: Type.String() });
export const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });

export const Adherence = Type.Object({
  windowDays: Type.Integer(),
  from: LocalDay(),
  to: LocalDay(),
  scheduled: Type.Integer({ description: 'Recorded doses plus past due days with nothing recorded' }),
  given: Type.Integer(),
  missed: Type.Integer(),
  refused: Type.Integer(),
  held: Type.Integer({ description: 'Withheld on clinical grounds; not counted against' }),
  unrecorded: Type.Integer({ description: 'Past due days nobody recorded yet (counted against)' }),
  percent: Nullable(Type.Integer({ description: 'given ÷ (given + missed + refused + unrecorded); null with nothing to count' })),
});

export const Medication = Type.Object({
  medicationId: Uuid,
  patientId: Uuid,
  name: Type.String(),
  dose: Type.String(),
  route: RouteSchema,
  frequency: Type.String(),
  prescriber: Type.String(),
  startedOn: LocalDay(),
  stoppedOn: Nullable(LocalDay('First day no longer taken')),
  stopReason: Nullable(Type.String()),
  active: Type.Boolean({ description: 'In force today (facility-local)' }),
  addictionMedication: Nullable(AddictionSchema),
  expectedAnalytes: Type.Array(Type.String()),
  observedWeekdays: Nullable(Type.Array(Type.Integer(), { description: 'null: self-administered' })),
  createdBy: StaffRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  adherence: Nullable(Adherence),
});
export type Medication = Static<typeof Medication>;

export const Medications = Type.Object({ medications: Type.Array(Medication, { description: 'In force first (by start, newest first), then stopped' }) });
export type Medications = Static<typeof Medications>;

const prescriptionFields = {
  name: Name(200),
  dose: Name(100),
  route: RouteSchema,
  frequency: Name(100),
  prescriber: Name(200),
  startedOn: LocalDay('First day taken'),
};

export const MedicationInput = Type.Object(
  {
    ...prescriptionFields,
    addictionMedication: Type.Optional(Nullable(AddictionSchema)),
    expectedAnalytes: Type.Optional(AnalyteCodes),
    observedWeekdays: Type.Optional(Nullable(Weekdays)),
  },
  { additionalProperties: false, description: 'addictionMedication and expectedAnalytes default from the catalog when omitted; observedWeekdays omitted or null: self-administered' },
);
export type MedicationInput = Static<typeof MedicationInput>;

/** An edit states every field: nothing is filled in or left as it was by omission. */
export const MedicationEdit = Type.Object(
  {
    ...prescriptionFields,
    addictionMedication: Nullable(AddictionSchema),
    expectedAnalytes: AnalyteCodes,
    observedWeekdays: Nullable(Weekdays),
  },
  { additionalProperties: false },
);
export type MedicationEdit = Static<typeof MedicationEdit>;

export const StopInput = Type.Object({ stoppedOn: LocalDay('First day no longer taken'), reason: Name(500) }, { additionalProperties: false });
export type StopInput = Static<typeof StopInput>;

export const Catalog = Type.Object({
  medications: Type.Array(Type.Object({
    name: Type.String(),
    brands: Type.Array(Type.String()),
    addictionMedication: Nullable(AddictionSchema),
    addictionMedicationOptions: Type.Array(AddictionSchema, { description: 'Two options: the prescriber must say which' }),
    expectedAnalytes: Type.Array(Type.String()),
  })),
  analytes: Type.Array(Type.Object({ analyte: Type.String(), name: Type.String() })),
});
export type Catalog = Static<typeof Catalog>;

// ── Doses ────────────────────────────────────────────────────────────────────────────────

export const DoseRecord = Type.Object({
  doseId: Uuid,
  medicationId: Uuid,
  medicationName: Type.String(),
  patientId: Uuid,
  scheduledOn: LocalDay(),
  outcome: OutcomeSchema,
  doseGiven: Nullable(Type.String()),
  givenAt: Nullable(Timestamp),
  recordedBy: Type.Union([StaffRef, Type.Null()], { description: 'null: recorded missed by the end-of-day job' }),
  patientResponse: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type DoseRecord = Static<typeof DoseRecord>;

export const DoseInput = Type.Object(
  {
    scheduledOn: LocalDay('The observed dosing day'),
    outcome: OutcomeSchema,
    doseGiven: Type.Optional(Name(100)),
    givenAt: Type.Optional(Timestamp),
    patientResponse: Type.Optional(Type.String({ maxLength: 1000 })),
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'Required when refused or held' })),
  },
  { additionalProperties: false, description: 'given: doseGiven defaults to the prescribed dose, givenAt to now (on the day)' },
);
export type DoseInput = Static<typeof DoseInput>;

export const DoseLog = Type.Object({ doses: Type.Array(DoseRecord, { description: 'Newest first' }) });
export type DoseLog = Static<typeof DoseLog>;

export const DoseRangeQuery = Type.Object(
  { from: Type.Optional(LocalDay('Default: 29 days before `to`')), to: Type.Optional(LocalDay('Default: today')) },
  { additionalProperties: false },
);
export type DoseRangeQuery = Static<typeof DoseRangeQuery>;

export const DosingQuery = Type.Object({ date: Type.Optional(LocalDay('Default: today at the facility')) }, { additionalProperties: false });

export const DosingDay = Type.Object({
  facilityId: Uuid,
  date: LocalDay(),
  doses: Type.Array(Type.Object({
    medicationId: Uuid,
    patient: PatientRef,
    episodeId: Uuid,
    name: Type.String(),
    dose: Type.String(),
    route: RouteSchema,
    addictionMedication: Nullable(AddictionSchema),
    recorded: Nullable(DoseRecord),
  }), { description: 'By patient name, then medication' }),
});
export type DosingDay = Static<typeof DosingDay>;

export const PatientParams = Type.Object({ patientId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });
export const MedicationParams = Type.Object({ medicationId: Uuid });
