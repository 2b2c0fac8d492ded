/** Request and response shapes of the daily check-in routes (portal, kiosk, staff). */
import { Type, type Static } from 'typebox';
import { LocalDay, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { MEDICATION_TAKEN, SUBSTANCES, type Substance } from './checkin-rules.ts';

export const SubstanceSchema = Type.Unsafe<Substance>({ type: 'string', enum: [...SUBSTANCES] });
const MedicationTakenSchema = Type.Unsafe<(typeof MEDICATION_TAKEN)[number]>({ type: 'string', enum: [...MEDICATION_TAKEN] });

const answerFields = {
  craving: Type.Integer({ minimum: 0, maximum: 10, description: 'Craving now, 0 (none) to 10 (strongest)' }),
  mood: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very low) to 5 (very good)' }),
  sleepHours: Type.Number({ minimum: 0, maximum: 24, multipleOf: 0.5, description: 'Hours slept last night, in half hours' }),
  sleepQuality: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very poor) to 5 (very good)' }),
  usedSinceLast: Type.Boolean({ description: 'Any alcohol or drug use since the last check-in' }),
  substances: Type.Array(SubstanceSchema, { uniqueItems: true, maxItems: SUBSTANCES.length, description: 'Required (non-empty) when usedSinceLast; empty otherwise' }),
  medicationTaken: MedicationTakenSchema,
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};

export const CheckinInput = Type.Object(answerFields, { additionalProperties: false });
export type CheckinInput = Static<typeof CheckinInput>;

export const KioskCheckinInput = Type.Object({ patientId: Uuid, ...answerFields }, { additionalProperties: false });
export type KioskCheckinInput = Static<typeof KioskCheckinInput>;

export const Checkin = Type.Object({
  checkinId: Uuid,
  patientId: Uuid,
  episodeId: Nullable(Uuid),
  checkinOn: LocalDay('The facility-local day it belongs to'),
  submittedAt: Timestamp,
  source: Type.Union([Type.Literal('portal'), Type.Literal('kiosk'), Type.Literal('staff')]),
  recordedBy: Nullable(Type.Object({ staffId: Uuid, fullName: Type.String() }, { description: 'The kiosk account or staff member; null from the portal' })),
  craving: Type.Integer(),
  mood: Type.Integer(),
  sleepHours: Type.Number(),
  sleepQuality: Type.Integer(),
  usedSinceLast: Type.Boolean(),
  substances: Type.Array(SubstanceSchema),
  medicationTaken: MedicationTakenSchema,
  note: Nullable(Type.String()),
});
export type Checkin = Static<typeof Checkin>;

export const CheckinCreated = Type.Object({
  checkin: Checkin,
  replaced: Type.Boolean({ description: 'An earlier check-in the same day was replaced' }),
});
export type CheckinCreated = Static<typeof CheckinCreated>;

export const PortalCheckinsQuery = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 90, default: 14 }) }, { additionalProperties: false });

export const PortalCheckins = Type.Object({
  today: Nullable(Checkin),
  checkins: Type.Array(Checkin, { description: 'The last `days` days, today included, newest first' }),
});
export type PortalCheckins = Static<typeof PortalCheckins>;

export const CheckinsQuery = Type.Object(
  {
    from: Type.Optional(LocalDay('First day (default: 29 days before `to`)')),
    to: Type.Optional(LocalDay('Last day, inclusive (default: today at the patient’s facility)')),
  },
  { additionalProperties: false },
);
export type CheckinsQuery = Static<typeof CheckinsQuery>;

export const CheckinSummarySchema = Type.Object({
  from: LocalDay(),
  to: LocalDay(),
  days: Type.Integer({ description: 'Days with a check-in' }),
  averageCraving: Nullable(Type.Number()),
  maxCraving: Nullable(Type.Integer()),
  averageMood: Nullable(Type.Number()),
  averageSleepHours: Nullable(Type.Number()),
  averageSleepQuality: Nullable(Type.Number()),
  useDays: Type.Integer({ description: 'Days use was reported' }),
  substances: Type.Array(Type.Object({ substance: SubstanceSchema, days: Type.Integer() }), { description: 'Most often reported first' }),
  medicationMissedDays: Type.Integer({ description: 'Days prescribed medication was reported not taken or partly taken' }),
});

export const PatientCheckins = Type.Object({
  checkins: Type.Array(Checkin, { description: 'Oldest first (for trend charts)' }),
  summary: CheckinSummarySchema,
});
export type PatientCheckins = Static<typeof PatientCheckins>;

export const KioskIdentifyInput = Type.Object(
  {
    lastName: Name(100),
    dateOfBirth: Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' }),
  },
  { additionalProperties: false },
);
export type KioskIdentifyInput = Static<typeof KioskIdentifyInput>;

export const KioskIdentity = Type.Object({
  patientId: Uuid,
  greetingName: Type.String({ description: 'Preferred or given name only' }),
  checkedInToday: Type.Boolean(),
});
export type KioskIdentity = Static<typeof KioskIdentity>;

export const KioskReceipt = Type.Object({
  checkinOn: LocalDay(),
  replaced: Type.Boolean({ description: 'An earlier check-in today was replaced' }),
});
export type KioskReceipt = Static<typeof KioskReceipt>;

export const PatientParams = Type.Object({ patientId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });
