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

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
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
}

export type StaffRow = Selectable<StaffTable>;
export type FacilityRow = Selectable<FacilitiesTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type StaffUpdate = Updateable<StaffTable>;
