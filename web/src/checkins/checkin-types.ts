/** Daily check-in API shapes, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type {
  Checkin as CheckinSchema,
  CheckinCreated as CheckinCreatedSchema,
  CheckinInput as CheckinInputSchema,
  KioskCheckinInput as KioskCheckinInputSchema,
  KioskIdentity as KioskIdentitySchema,
  KioskReceipt as KioskReceiptSchema,
  PatientCheckins as PatientCheckinsSchema,
  PortalCheckins as PortalCheckinsSchema,
} from '../../../src/checkins/checkins.schemas.ts';

export { SUBSTANCES } from '../../../src/checkins/checkin-rules.ts';
export type { Substance } from '../../../src/checkins/checkin-rules.ts';

export type CheckinInput = Static<typeof CheckinInputSchema>;
export type Checkin = Static<typeof CheckinSchema>;
export type CheckinCreated = Static<typeof CheckinCreatedSchema>;
export type MedicationTaken = Checkin['medicationTaken'];
export type PatientCheckins = Static<typeof PatientCheckinsSchema>;
export type CheckinSummary = PatientCheckins['summary'];
export type PortalCheckins = Static<typeof PortalCheckinsSchema>;
export type KioskIdentity = Static<typeof KioskIdentitySchema>;
export type KioskCheckinInput = Static<typeof KioskCheckinInputSchema>;
export type KioskReceipt = Static<typeof KioskReceiptSchema>;
