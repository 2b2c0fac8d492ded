/** Staff roles (DESIGN.md "Who uses it"). A staff member holds one or more. */
export const STAFF_ROLES = [
  'admin',
  'clinical_director',
  'clinician',
  'medical',
  'admissions',
  'billing',
  'front_desk',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  clinical_director: 'Clinical director',
  clinician: 'Clinician',
  medical: 'Medical (nurse, prescriber)',
  admissions: 'Admissions',
  billing: 'Billing',
  front_desk: 'Front desk',
};

/** Common licences and certifications; free text beyond these is allowed (state-specific titles). */
export const COMMON_CREDENTIALS = [
  'LCSW', 'LICSW', 'LMSW', 'LPC', 'LPCC', 'LMHC', 'LMFT', 'CADC', 'LADC', 'CAC', 'CASAC',
  'PsyD', 'PhD', 'RN', 'LPN', 'NP', 'PMHNP', 'PA', 'MD', 'DO', 'CPRS', 'PRS',
] as const;

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** Administrators see every facility of their organization; everyone else only those assigned. */
export function seesAllFacilities(roles: readonly StaffRole[]): boolean {
  return roles.includes('admin');
}
