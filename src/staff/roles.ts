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

/*
 * Who does what with patients (DESIGN.md "Who uses it"). Facility assignment and the
 * patient's consents narrow these further; these lists are the role half of the rule.
 * Administrators are included because in most IOPs the administrator also runs intake.
 */
/** Open a chart: demographics, episodes, schedule, attendance, hours. */
export const PATIENT_READERS: readonly StaffRole[] = STAFF_ROLES;
/** Register a patient and edit demographics. */
export const PATIENT_REGISTRARS: readonly StaffRole[] = ['admin', 'clinical_director', 'clinician', 'admissions', 'front_desk'];
/** Admit to a program, change phase. */
export const EPISODE_MANAGERS: readonly StaffRole[] = ['admin', 'clinical_director', 'clinician', 'admissions'];
/** Discharge (a clinical decision). */
export const DISCHARGERS: readonly StaffRole[] = ['clinical_director', 'clinician'];
/** Create and change groups, cancel or move occurrences, book individual sessions. */
export const SCHEDULERS: readonly StaffRole[] = ['admin', 'clinical_director', 'clinician'];
/** Enrol patients in groups. */
export const ENROLLERS: readonly StaffRole[] = ['admin', 'clinical_director', 'clinician', 'admissions'];
/** Enrol outside a group's eligibility, with a reason (a clinical judgement). */
export const ELIGIBILITY_OVERRIDERS: readonly StaffRole[] = ['clinical_director', 'clinician'];
/** Check patients in and out, record attendance. */
export const ATTENDANCE_TAKERS: readonly StaffRole[] = ['admin', 'clinical_director', 'clinician', 'medical', 'front_desk'];

/*
 * Clinical records (issue 4): questionnaire answers, intake assessments, treatment plans
 * and progress. Narrower than PATIENT_READERS: the front desk and billing run the day and
 * the claims, they do not read PHQ-9 answers. Admissions runs intake screening.
 */
/** Read instrument scores, intake assessments, plans, progress and step-down evidence. */
export const CLINICAL_READERS: readonly StaffRole[] = ['clinical_director', 'clinician', 'medical', 'admissions'];
/** Administer a standard instrument and record the answers. */
export const INSTRUMENT_ADMINISTRATORS: readonly StaffRole[] = ['clinical_director', 'clinician', 'medical', 'admissions'];
/** Record an intake assessment and decide the placement (accept or override the recommendation). */
export const PLACEMENT_ASSESSORS: readonly StaffRole[] = ['clinical_director', 'clinician', 'admissions'];
/** Write, sign and review treatment plans; record custom objective measurements. */
export const PLAN_AUTHORS: readonly StaffRole[] = ['clinical_director', 'clinician'];
/** Approve or decline a step-down / step-up proposal. */
export const STEP_DOWN_APPROVERS: readonly StaffRole[] = ['clinical_director'];
/** Extend an expected length of stay, record aftercare follow-ups. */
export const STAY_MANAGERS: readonly StaffRole[] = ['clinical_director', 'clinician'];

/*
 * Monitoring and clinical safety (issue 5). Today's random drug-test list is shown only to
 * the people who collect specimens: a clinician who knows the list in advance could tip a
 * patient off. Results are clinical records (CLINICAL_READERS); medical staff sign them.
 */
/** See today's drug-test list, log collection, chain of custody, refusals. */
export const DRUG_TEST_COLLECTORS: readonly StaffRole[] = ['clinical_director', 'medical', 'front_desk'];
/** Order a for-cause test (a clinical decision; the collectors then see it on the day's list). */
export const FOR_CAUSE_ORDERERS: readonly StaffRole[] = ['clinical_director', 'clinician', 'medical'];
/** Set a program's random-testing policy. */
export const DRUG_TEST_POLICY_EDITORS: readonly StaffRole[] = ['admin', 'clinical_director'];
/** Enter results by hand and import laboratory HL7 messages. */
export const DRUG_TEST_RESULT_ENTRY: readonly StaffRole[] = ['clinical_director', 'medical'];
/** Review and sign results (domain: "medical staff review and sign results"). */
export const DRUG_TEST_REVIEWERS: readonly StaffRole[] = ['medical'];
/** Record a check-in on a patient's behalf (kiosk at the front desk, or read over the phone). */
export const CHECKIN_RECORDERS: readonly StaffRole[] = ['clinical_director', 'clinician', 'medical', 'front_desk'];
/** Keep the medication list. */
export const MEDICATION_MANAGERS: readonly StaffRole[] = ['clinical_director', 'medical'];
/** Record observed doses (given, missed, refused, held). */
export const DOSE_RECORDERS: readonly StaffRole[] = ['medical'];
/** Receive, acknowledge and resolve alerts. */
export const ALERT_HANDLERS: readonly StaffRole[] = ['clinical_director', 'clinician', 'medical'];
/** Keep a facility's on-call roster. */
export const ON_CALL_MANAGERS: readonly StaffRole[] = ['admin', 'clinical_director'];
