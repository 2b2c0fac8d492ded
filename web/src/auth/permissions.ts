/**
 * What each role may do, mirroring the server's access declarations (the server decides;
 * these only hide what would be refused).
 */
import {
  ALERT_HANDLERS,
  ATTENDANCE_TAKERS,
  CHECKIN_RECORDERS,
  DOSE_RECORDERS,
  DRUG_TEST_COLLECTORS,
  DRUG_TEST_POLICY_EDITORS,
  DRUG_TEST_RESULT_ENTRY,
  DRUG_TEST_REVIEWERS,
  FOR_CAUSE_ORDERERS,
  MEDICATION_MANAGERS,
  ON_CALL_MANAGERS,
  CLINICAL_READERS,
  DISCHARGERS,
  ELIGIBILITY_OVERRIDERS,
  ENROLLERS,
  EPISODE_MANAGERS,
  INSTRUMENT_ADMINISTRATORS,
  PATIENT_READERS,
  PATIENT_REGISTRARS,
  PLACEMENT_ASSESSORS,
  PLAN_AUTHORS,
  SCHEDULERS,
  STAY_MANAGERS,
  STEP_DOWN_APPROVERS,
} from '../../../src/staff/roles.ts';
import type { Me } from '../api/types.ts';

type Who = Pick<Me, 'roles'>;

const has = (me: Who, ...roles: Me['roles']) => me.roles.some((r) => roles.includes(r));

export const permissions = {
  /** POST/PUT /api/facilities: organization admin */
  manageFacilities: (me: Who) => has(me, 'admin'),
  /** POST/PUT /api/programs: PROGRAM_EDITORS */
  editPrograms: (me: Who) => has(me, 'admin', 'clinical_director'),
  /** GET /api/staff */
  seeStaff: (me: Who) => has(me, 'admin', 'clinical_director'),
  /** POST/PUT /api/staff and account actions */
  manageStaff: (me: Who) => has(me, 'admin'),
  /** GET /api/audit */
  seeAudit: (me: Who) => has(me, 'admin'),
  /** PUT /api/organization */
  manageOrganization: (me: Who) => has(me, 'admin'),
  /** GET /api/patients, charts, schedules, hours: PATIENT_READERS */
  readPatients: (me: Who) => has(me, ...PATIENT_READERS),
  /** POST/PUT /api/patients: PATIENT_REGISTRARS */
  registerPatients: (me: Who) => has(me, ...PATIENT_REGISTRARS),
  /** Admit, change phase: EPISODE_MANAGERS */
  manageEpisodes: (me: Who) => has(me, ...EPISODE_MANAGERS),
  /** Discharge: DISCHARGERS */
  discharge: (me: Who) => has(me, ...DISCHARGERS),
  /** Groups, cancel/move sessions, individual sessions: SCHEDULERS */
  schedule: (me: Who) => has(me, ...SCHEDULERS),
  /** Enrol in groups: ENROLLERS */
  enroll: (me: Who) => has(me, ...ENROLLERS),
  /** Enrol outside eligibility with a reason: ELIGIBILITY_OVERRIDERS */
  overrideEligibility: (me: Who) => has(me, ...ELIGIBILITY_OVERRIDERS),
  /** Check in/out, record attendance: ATTENDANCE_TAKERS */
  takeAttendance: (me: Who) => has(me, ...ATTENDANCE_TAKERS),
  /** The weekly compliance list on Home: clinical roles */
  seeCompliance: (me: Who) => has(me, 'clinical_director', 'clinician'),
  /** Portal invitations (staff who register patients) */
  invitePatients: (me: Who) => has(me, ...PATIENT_REGISTRARS),
  /** Instrument scores, intake assessments, plans, progress: CLINICAL_READERS */
  readClinical: (me: Who) => has(me, ...CLINICAL_READERS),
  /** Record an intake assessment and decide the placement: PLACEMENT_ASSESSORS */
  assessPlacement: (me: Who) => has(me, ...PLACEMENT_ASSESSORS),
  /** Write, sign and review treatment plans: PLAN_AUTHORS */
  writePlans: (me: Who) => has(me, ...PLAN_AUTHORS),
  /** Enter a standard instrument's answers: INSTRUMENT_ADMINISTRATORS */
  administerInstruments: (me: Who) => has(me, ...INSTRUMENT_ADMINISTRATORS),
  /** Approve or decline step-down / step-up proposals: STEP_DOWN_APPROVERS */
  decideStepDown: (me: Who) => has(me, ...STEP_DOWN_APPROVERS),
  /** Extend the expected stay, record aftercare follow-ups: STAY_MANAGERS */
  manageStay: (me: Who) => has(me, ...STAY_MANAGERS),
  /** Today's drug-test list, collection, custody, refusals: DRUG_TEST_COLLECTORS */
  collectDrugTests: (me: Who) => has(me, ...DRUG_TEST_COLLECTORS),
  /** Order a for-cause test: FOR_CAUSE_ORDERERS */
  orderForCause: (me: Who) => has(me, ...FOR_CAUSE_ORDERERS),
  /** A program's random-testing policy: DRUG_TEST_POLICY_EDITORS */
  editDrugTestPolicy: (me: Who) => has(me, ...DRUG_TEST_POLICY_EDITORS),
  /** Enter results, import HL7: DRUG_TEST_RESULT_ENTRY */
  enterDrugTestResults: (me: Who) => has(me, ...DRUG_TEST_RESULT_ENTRY),
  /** Review and sign results: DRUG_TEST_REVIEWERS */
  reviewDrugTests: (me: Who) => has(me, ...DRUG_TEST_REVIEWERS),
  /** Record a check-in for a patient (kiosk, phone): CHECKIN_RECORDERS */
  recordCheckins: (me: Who) => has(me, ...CHECKIN_RECORDERS),
  /** Keep the medication list: MEDICATION_MANAGERS */
  manageMedications: (me: Who) => has(me, ...MEDICATION_MANAGERS),
  /** Record observed doses: DOSE_RECORDERS */
  recordDoses: (me: Who) => has(me, ...DOSE_RECORDERS),
  /** GET /api/facilities/:id/dosing: dose recorders, and clinical directors read-only */
  seeDosing: (me: Who) => has(me, ...DOSE_RECORDERS, 'clinical_director'),
  /** Alert inbox, acknowledge, resolve: ALERT_HANDLERS */
  handleAlerts: (me: Who) => has(me, ...ALERT_HANDLERS),
  /** A facility's on-call roster: ON_CALL_MANAGERS */
  manageOnCall: (me: Who) => has(me, ...ON_CALL_MANAGERS),
};
