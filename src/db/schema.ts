/**
 * The Kysely view of the schema in ./migrations. Kept by hand beside the SQL: a migration
 * that changes a table changes its interface here in the same commit.
 * Column types are what both drivers return (see connect.ts): timestamptz → Date,
 * numeric and bigint → number, date and time → string.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = Date;

export interface OrganizationsTable {
  org_id: string;
  name: string;
  asam_edition: '3' | '4';
  require_totp: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FacilitiesTable {
  org_id: string;
  facility_id: string;
  name: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  time_zone: string;
  npi: string | null;
  phone: string | null;
  week_starts_on: number;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgramsTable {
  org_id: string;
  program_id: string;
  facility_id: string;
  name: string;
  asam_edition: '3' | '4';
  level_of_care: string;
  population: 'adult' | 'adolescent';
  modality: 'in_person' | 'telehealth' | 'hybrid';
  expected_length_of_stay_days: number;
  active: boolean;
  plan_review_days: Generated<number>;
  instrument_cadence: ColumnType<InstrumentCadenceEntry[], string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgramTracksTable {
  org_id: string;
  track_id: string;
  program_id: string;
  kind: 'morning' | 'afternoon' | 'evening';
  name: string;
  starts_at: string;
  ends_at: string;
  days_of_week: number[];
}

export interface ProgramPhasesTable {
  org_id: string;
  phase_id: string;
  program_id: string;
  position: number;
  name: string;
  required_days_per_week: number;
  min_hours_per_week: number;
  max_hours_per_week: number;
  advancement_criteria: ColumnType<AdvancementCriteria | null, string | null | undefined, string | null>;
}

export interface StaffTable {
  org_id: string;
  staff_id: string;
  email: string;
  full_name: string;
  credentials: string[];
  roles: string[];
  status: 'invited' | 'active' | 'deactivated';
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffFacilitiesTable {
  org_id: string;
  staff_id: string;
  facility_id: string;
}

export interface AuthSessionsTable {
  org_id: string;
  session_id: string;
  staff_id: string;
  csrf_token: string;
  mfa_state: 'satisfied' | 'enrollment_required';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AccountTokensTable {
  org_id: string;
  token_hash: string;
  purpose: 'setup' | 'invite' | 'password_reset';
  staff_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditEventsTable {
  org_id: string;
  seq: number;
  event_id: string;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  purpose: string;
  details: ColumnType<unknown, string | null, string | null>;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  org_id: string;
  last_seq: number;
  last_hash: string;
}

/** jsonb: read as parsed JSON, written as a JSON string (pg would turn a JS array into a PostgreSQL array). */
type Json<T> = ColumnType<T, string, string>;

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
}
export interface ContactPerson {
  name: string;
  relationship: string;
  phone?: string | null;
  email?: string | null;
}
export interface AvailabilityWindow {
  /** ISO weekday, 1 = Monday. */
  dayOfWeek: number;
  /** Local wall-clock 'HH:MM'. */
  start: string;
  end: string;
  label: string;
}
export interface DiagnosisEntry {
  code: string;
  description: string;
  primary: boolean;
}

export interface MrnCountersTable {
  org_id: string;
  last_value: number;
}

export interface PatientsTable {
  org_id: string;
  patient_id: string;
  facility_id: string;
  mrn: string;
  legal_given_name: string;
  legal_family_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex_at_birth: 'female' | 'male' | 'intersex' | 'unknown';
  gender_identity: 'woman' | 'man' | 'transgender_woman' | 'transgender_man' | 'nonbinary' | 'other' | 'not_disclosed';
  pronouns: string | null;
  language: string;
  phone: string | null;
  email: string | null;
  address: Json<PostalAddress | null> ;
  emergency_contact: Json<ContactPerson | null>;
  support_persons: Json<ContactPerson[]>;
  residence: 'home' | 'sober_living' | 'other';
  residence_note: string | null;
  availability: Json<AvailabilityWindow[]>;
  diagnoses: Json<DiagnosisEntry[]>;
  specialty_populations: string[];
  possible_duplicate_of: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DischargeReason = 'completed' | 'stepped_down_to_outpatient' | 'transferred_to_higher_level' | 'left_against_advice' | 'administrative' | 'other';

export interface EpisodesTable {
  org_id: string;
  episode_id: string;
  patient_id: string;
  program_id: string;
  status: 'active' | 'discharged';
  admitted_on: string;
  referral_source: string;
  level_of_care: string;
  phase_id: string;
  track_id: string | null;
  primary_clinician_id: string;
  discharged_on: string | null;
  discharge_reason: DischargeReason | null;
  discharge_summary: string | null;
  expected_discharge_on: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EpisodePhasesTable {
  org_id: string;
  episode_id: string;
  effective_on: string;
  phase_id: string;
  changed_by: string;
  changed_at: Timestamp;
  reason: string | null;
}

export type GroupType = 'process' | 'psychoeducation' | 'relapse_prevention' | 'skills' | 'family' | 'twelve_step_facilitation' | 'specialty';

export interface GroupsTable {
  org_id: string;
  group_id: string;
  facility_id: string;
  program_id: string | null;
  track_id: string | null;
  name: string;
  group_type: GroupType;
  topic: string | null;
  facilitator_id: string;
  room: string | null;
  video_url: string | null;
  capacity: number;
  waitlist_enabled: boolean;
  eligible_population: 'adult' | 'adolescent' | null;
  eligible_gender: 'women' | 'men' | null;
  eligible_specialty: string | null;
  rrule: string;
  starts_on: string;
  ends_on: string | null;
  start_time: string;
  duration_minutes: number;
  active: boolean;
  /** Migration 0004: when the schedule last changed; earlier occurrences are not materialised from the current rule. */
  schedule_changed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  org_id: string;
  session_id: string;
  facility_id: string;
  kind: 'group' | 'individual' | 'family';
  group_id: string | null;
  /** Local wall-clock start of the occurrence as first generated, 'YYYY-MM-DDTHH:MM:SS'. */
  occurrence_key: ColumnType<string | null, string | null, string | null>;
  patient_id: string | null;
  clinician_id: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  local_date: string;
  room: string | null;
  video_url: string | null;
  status: 'scheduled' | 'cancelled';
  status_reason: string | null;
  moved: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupEnrollmentsTable {
  org_id: string;
  enrollment_id: string;
  group_id: string;
  patient_id: string;
  episode_id: string;
  status: 'enrolled' | 'waitlisted' | 'ended';
  starts_on: string;
  ends_on: string | null;
  /** The first day the place held a seat; null for a waitlist place or one ended before it was seated (0006). */
  seated_on: string | null;
  override_reason: string | null;
  override_by: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused_absence' | 'unexcused_absence';
export type AttendanceMethod = 'front_desk' | 'roster' | 'telehealth' | 'staff_entry';

export interface AttendanceTable {
  org_id: string;
  session_id: string;
  patient_id: string;
  status: AttendanceStatus;
  checked_in_at: Timestamp | null;
  checked_out_at: Timestamp | null;
  minutes_attended: number;
  method: AttendanceMethod;
  recorded_by: string | null;
  recorded_at: Timestamp;
  correction_reason: string | null;
}

export interface PatientAccountsTable {
  org_id: string;
  patient_id: string;
  email: string;
  status: 'invited' | 'active' | 'deactivated';
  password_hash: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PatientAccountTokensTable {
  org_id: string;
  token_hash: string;
  patient_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PatientSessionsTable {
  org_id: string;
  session_id: string;
  patient_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/* ---- Issue 4: measurement-based care, placement, plans, step-down, aftercare (0009_care.sql) ---- */

export type InstrumentId = 'phq9' | 'gad7' | 'audit' | 'audit_c' | 'dast10' | 'bam' | 'cssrs_screener';

/** When a program gives an instrument (programs.instrument_cadence). */
export interface InstrumentCadenceEntry {
  instrument: InstrumentId;
  atAdmission: boolean;
  /** Repeat every N days after the last response; null: not repeated. */
  everyDays: number | null;
  atDischarge: boolean;
}

/** What it takes to leave a phase (program_phases.advancement_criteria). */
export interface AdvancementCriteria {
  /** Completed weeks in a row, ending with the last completed week, with hours and days met. */
  consecutiveWeeksMet: number;
  /** Sessions attended over scheduled in those weeks, percent. */
  minAttendancePercent: number;
  /** PHQ-9 improved by `improvedBy` points from the episode's first score, or latest below `orBelow`; null: not required. */
  phq9: { improvedBy: number; orBelow: number } | null;
  /** Every plan objective tied to this phase is met. */
  objectivesMet: boolean;
  /** In the phase longer than this many weeks without meeting the criteria proposes more intensive care; null: never. */
  maxWeeksInPhase: number | null;
}

export interface EpisodeStayExtensionsTable {
  org_id: string;
  extension_id: string;
  episode_id: string;
  previous_expected_on: string;
  new_expected_on: string;
  reason: string;
  extended_by: string;
  created_at: Timestamp;
}

export interface InstrumentResponsesTable {
  org_id: string;
  response_id: string;
  patient_id: string;
  episode_id: string | null;
  instrument: InstrumentId;
  /** The answers as submitted, item order (numbers, or booleans for yes/no instruments). */
  answers: Json<unknown[]>;
  total_score: number | null;
  severity: string | null;
  subscales: Json<Record<string, number> | null>;
  flags: string[];
  administered_on: string;
  administered_at: Timestamp;
  source: 'staff' | 'portal';
  administered_by: string | null;
  created_at: Timestamp;
}

export interface IntakeAssessmentsTable {
  org_id: string;
  assessment_id: string;
  patient_id: string;
  program_id: string | null;
  asam_edition: '3' | '4';
  population: 'adult' | 'adolescent';
  dimensions: Json<unknown>;
  candidacy: Json<unknown>;
  recommendation: Json<unknown>;
  recommended_level: string;
  decision: 'accepted' | 'overridden';
  placed_level: string;
  override_reason: string | null;
  assessed_on: string;
  assessed_by: string;
  created_at: Timestamp;
}

export type PlanVersionStatus = 'draft' | 'awaiting_patient' | 'active' | 'superseded';

export interface TreatmentPlanVersionsTable {
  org_id: string;
  episode_id: string;
  version: number;
  patient_id: string;
  status: PlanVersionStatus;
  content: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  clinician_signed_by: string | null;
  clinician_signed_at: Timestamp | null;
  patient_signed_at: Timestamp | null;
  patient_signed_name: string | null;
  effective_on: string | null;
  review_due_on: string | null;
}

export interface TreatmentPlanReviewsTable {
  org_id: string;
  review_id: string;
  episode_id: string;
  version: number;
  reviewed_on: string;
  reviewed_by: string;
  note: string;
  next_review_due_on: string;
  created_at: Timestamp;
}

export interface ObjectiveMeasurementsTable {
  org_id: string;
  measurement_id: string;
  episode_id: string;
  objective_id: string;
  measured_on: string;
  value: number;
  note: string | null;
  recorded_by: string;
  created_at: Timestamp;
}

export type StepDirection = 'advance' | 'complete' | 'intensify';

export interface StepDownDecisionsTable {
  org_id: string;
  decision_id: string;
  episode_id: string;
  patient_id: string;
  week_start: string;
  direction: StepDirection;
  from_phase_id: string;
  to_phase_id: string | null;
  evidence: Json<unknown>;
  decision: 'approved' | 'declined';
  reason: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

export interface AftercarePlansTable {
  org_id: string;
  episode_id: string;
  patient_id: string;
  summary: Json<unknown>;
  plan: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}

export interface AftercareFollowupsTable {
  org_id: string;
  followup_id: string;
  episode_id: string;
  patient_id: string;
  days_after: 30 | 60 | 90;
  due_on: string;
  outcome: 'reached' | 'no_answer' | 'declined' | 'readmitted' | 'other' | null;
  note: string | null;
  completed_on: string | null;
  completed_by: string | null;
  updated_at: Timestamp;
}

// ── Monitoring and clinical safety (0010_monitoring.sql) ──────────────────────────────
export interface JobsTable {
  org_id: string;
  job_id: string;
  kind: string;
  dedupe_key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  last_error: string | null;
  finished_at: Timestamp | null;
  created_at: Timestamp;
}

export type SpecimenType = 'urine' | 'oral_fluid';
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DrugTestPoliciesTable {
  org_id: string;
  program_id: string;
  active: boolean;
  tests_per_week: number;
  eligible_weekdays: IsoWeekday[];
  specimen_types: SpecimenType[];
  panel_id: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DrugTestSelectionRunsTable {
  org_id: string;
  facility_id: string;
  selected_on: string;
  run_at: Timestamp;
  run_by: string | null;
  inputs: Json<Record<string, unknown>>;
}

export type DrugTestReason = 'random' | 'for_cause' | 'scheduled';
export type DrugTestStatus = 'pending' | 'collected' | 'refused' | 'not_collected' | 'resulted' | 'reviewed';
export type SpecimenValidity = 'valid' | 'dilute' | 'substituted' | 'adulterated' | 'invalid';
export type DrugTestOutcome = 'negative' | 'expected_only' | 'unexpected_positive' | 'missing_expected' | 'invalid_specimen' | 'refused';

export interface DrugTestsTable {
  org_id: string;
  test_id: string;
  patient_id: string;
  episode_id: string | null;
  facility_id: string;
  selected_on: string;
  reason: DrugTestReason;
  reason_note: string | null;
  specimen_type: SpecimenType;
  panel_id: string;
  selected_at: Timestamp;
  selected_by: string | null;
  status: DrugTestStatus;
  specimen_id: string | null;
  observed: boolean | null;
  collected_at: Timestamp | null;
  collected_by: string | null;
  temperature_c: number | null;
  temperature_in_range: boolean | null;
  collection_note: string | null;
  not_collected_reason: string | null;
  creatinine_mg_dl: number | null;
  specific_gravity: number | null;
  ph: number | null;
  oxidants_present: boolean | null;
  validity: SpecimenValidity | null;
  outcome: DrugTestOutcome | null;
  resulted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CustodyEvent = 'collected' | 'sealed' | 'sent_to_lab' | 'received_by_lab' | 'resulted' | 'disposed' | 'other';

export interface DrugTestCustodyEventsTable {
  org_id: string;
  event_id: string;
  test_id: string;
  event: CustodyEvent;
  occurred_at: Timestamp;
  staff_id: string | null;
  party: string | null;
  note: string | null;
  created_at: Timestamp;
}

export type ResultMethod = 'poc_cup' | 'lab_initial' | 'lab_confirmation';
export type AnalyteInterpretation = 'negative' | 'positive' | 'expected' | 'missing_expected';

export interface DrugTestResultsTable {
  org_id: string;
  result_id: string;
  test_id: string;
  analyte: string;
  method: ResultMethod;
  detected: boolean;
  value: number | null;
  unit: string | null;
  cutoff: number | null;
  interpretation: AnalyteInterpretation;
  source: 'manual' | 'hl7';
  created_at: Timestamp;
}

export interface Hl7ImportsTable {
  org_id: string;
  import_id: string;
  message_control_id: string;
  sending_facility: string | null;
  test_id: string;
  received_at: Timestamp;
  received_by: string;
  raw_message: string;
}

export type CheckinSource = 'portal' | 'kiosk' | 'staff';
export type MedicationTaken = 'yes' | 'partly' | 'no' | 'none_prescribed';

export interface DailyCheckinsTable {
  org_id: string;
  checkin_id: string;
  patient_id: string;
  episode_id: string | null;
  checkin_on: string;
  submitted_at: Timestamp;
  source: CheckinSource;
  recorded_by: string | null;
  craving: number;
  mood: number;
  sleep_hours: number;
  sleep_quality: number;
  used_since_last: boolean;
  substances: string[];
  medication_taken: MedicationTaken;
  note: string | null;
  created_at: Timestamp;
}

export type MedicationRoute = 'oral' | 'sublingual' | 'buccal' | 'injection_im' | 'injection_sc' | 'implant' | 'transdermal' | 'nasal' | 'inhaled' | 'other';
export type AddictionMedication = 'moud' | 'maud';

export interface MedicationsTable {
  org_id: string;
  medication_id: string;
  patient_id: string;
  name: string;
  dose: string;
  route: MedicationRoute;
  frequency: string;
  prescriber: string;
  started_on: string;
  stopped_on: string | null;
  stop_reason: string | null;
  addiction_medication: AddictionMedication | null;
  expected_analytes: string[];
  observed_weekdays: IsoWeekday[] | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DoseOutcome = 'given' | 'missed' | 'refused' | 'held';

export interface DoseAdministrationsTable {
  org_id: string;
  dose_id: string;
  medication_id: string;
  patient_id: string;
  scheduled_on: string;
  outcome: DoseOutcome;
  dose_given: string | null;
  given_at: Timestamp | null;
  recorded_by: string | null;
  patient_response: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface OnCallShiftsTable {
  org_id: string;
  shift_id: string;
  facility_id: string;
  staff_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low';
export type AlertState = 'open' | 'acknowledged' | 'resolved';
export type AlertRecipientReason = 'primary_clinician' | 'on_call' | 'escalation' | 'fallback';

export interface AlertsTable {
  org_id: string;
  alert_id: string;
  patient_id: string;
  episode_id: string | null;
  facility_id: string;
  rule: string;
  severity: AlertSeverity;
  condition_key: string;
  source_entity: string;
  source_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  raised_at: Timestamp;
  due_by: Timestamp;
  state: AlertState;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  resolution_note: string | null;
  escalated_at: Timestamp | null;
}

export interface AlertRecipientsTable {
  org_id: string;
  alert_id: string;
  staff_id: string;
  reason: AlertRecipientReason;
  added_at: Timestamp;
}

export interface Database {
  organizations: OrganizationsTable;
  facilities: FacilitiesTable;
  programs: ProgramsTable;
  program_tracks: ProgramTracksTable;
  program_phases: ProgramPhasesTable;
  staff: StaffTable;
  staff_facilities: StaffFacilitiesTable;
  auth_sessions: AuthSessionsTable;
  account_tokens: AccountTokensTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  schema_migrations: SchemaMigrationsTable;
  mrn_counters: MrnCountersTable;
  patients: PatientsTable;
  episodes: EpisodesTable;
  episode_phases: EpisodePhasesTable;
  groups: GroupsTable;
  sessions: SessionsTable;
  group_enrollments: GroupEnrollmentsTable;
  attendance: AttendanceTable;
  patient_accounts: PatientAccountsTable;
  patient_account_tokens: PatientAccountTokensTable;
  patient_sessions: PatientSessionsTable;
  episode_stay_extensions: EpisodeStayExtensionsTable;
  instrument_responses: InstrumentResponsesTable;
  intake_assessments: IntakeAssessmentsTable;
  treatment_plan_versions: TreatmentPlanVersionsTable;
  treatment_plan_reviews: TreatmentPlanReviewsTable;
  objective_measurements: ObjectiveMeasurementsTable;
  step_down_decisions: StepDownDecisionsTable;
  aftercare_plans: AftercarePlansTable;
  aftercare_followups: AftercareFollowupsTable;
  jobs: JobsTable;
  drug_test_policies: DrugTestPoliciesTable;
  drug_test_selection_runs: DrugTestSelectionRunsTable;
  drug_tests: DrugTestsTable;
  drug_test_custody_events: DrugTestCustodyEventsTable;
  drug_test_results: DrugTestResultsTable;
  hl7_imports: Hl7ImportsTable;
  daily_checkins: DailyCheckinsTable;
  medications: MedicationsTable;
  dose_administrations: DoseAdministrationsTable;
  on_call_shifts: OnCallShiftsTable;
  alerts: AlertsTable;
  alert_recipients: AlertRecipientsTable;
}

export type StaffRow = Selectable<StaffTable>;
export type FacilityRow = Selectable<FacilitiesTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type PatientRow = Selectable<PatientsTable>;
export type EpisodeRow = Selectable<EpisodesTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AttendanceRow = Selectable<AttendanceTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type StaffUpdate = Updateable<StaffTable>;
