/** Who is calling: established by the access guard from the session cookie. */
import type { StaffRole } from '../staff/roles.ts';

export type FacilityScope = { readonly kind: 'all' } | { readonly kind: 'assigned'; readonly facilityIds: readonly string[] };

export interface StaffActor {
  readonly kind: 'staff';
  readonly orgId: string;
  readonly staffId: string;
  readonly email: string;
  readonly fullName: string;
  readonly roles: readonly StaffRole[];
  readonly facilities: FacilityScope;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mfaState: 'satisfied' | 'enrollment_required';
}

export function canSeeFacility(actor: StaffActor, facilityId: string): boolean {
  return actor.facilities.kind === 'all' || actor.facilities.facilityIds.includes(facilityId);
}

/** The roles recorded in the audit trail (an actor may hold several). */
export function auditRole(actor: StaffActor): string {
  return actor.roles.length ? actor.roles.join(',') : 'none';
}

/** A patient signed in to the portal: reaches only their own records. */
export interface PatientActor {
  readonly kind: 'patient';
  readonly orgId: string;
  readonly patientId: string;
  readonly sessionId: string;
  readonly csrfToken: string;
}
