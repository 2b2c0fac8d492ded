-- The core IOP loop: patients, episodes of care, recurring groups and their sessions,
-- enrolment, attendance, and patient portal accounts.
-- As in 0001, every table leads its keys with org_id (DESIGN.md "Data").

-- Typo-tolerant patient search: trigram similarity on names (pg_trgm ships with
-- PostgreSQL's contrib and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- MRNs are per organization and handed out in order.
CREATE TABLE mrn_counters (
  org_id     uuid PRIMARY KEY REFERENCES organizations (org_id),
  last_value integer NOT NULL CHECK (last_value >= 0)
);

CREATE TABLE patients (
  org_id                 uuid NOT NULL REFERENCES organizations (org_id),
  patient_id             uuid NOT NULL,
  -- The facility that registered the patient; staff there may see the chart, as may
  -- staff at the facility of any of the patient's episodes.
  facility_id            uuid NOT NULL,
  mrn                    text NOT NULL CHECK (length(mrn) BETWEEN 1 AND 40),
  legal_given_name       text NOT NULL CHECK (length(btrim(legal_given_name)) BETWEEN 1 AND 100),
  legal_family_name      text NOT NULL CHECK (length(btrim(legal_family_name)) BETWEEN 1 AND 100),
  preferred_name         text,
  date_of_birth          date NOT NULL,
  sex_at_birth           text NOT NULL CHECK (sex_at_birth IN ('female', 'male', 'intersex', 'unknown')),
  gender_identity        text NOT NULL CHECK (gender_identity IN ('woman', 'man', 'transgender_woman', 'transgender_man', 'nonbinary', 'other', 'not_disclosed')),
  pronouns               text,
  language               text NOT NULL DEFAULT 'en',
  phone                  text,
  email                  text,
  address                jsonb,
  emergency_contact      jsonb,
  -- [{ name, relationship ('family' | 'sponsor' | ...), phone, email }]
  support_persons        jsonb NOT NULL DEFAULT '[]',
  residence              text NOT NULL CHECK (residence IN ('home', 'sober_living', 'other')),
  residence_note         text,
  -- Work/school hours as local time windows: [{ dayOfWeek 1..7, start 'HH:MM', end 'HH:MM', label }]
  availability           jsonb NOT NULL DEFAULT '[]',
  -- ICD-10-CM: [{ code, description, primary }]
  diagnoses              jsonb NOT NULL DEFAULT '[]',
  -- Specialty populations the patient belongs to, for group eligibility (e.g. 'lgbtq', 'trauma').
  specialty_populations  text[] NOT NULL DEFAULT '{}',
  -- Set when staff chose to register this record although it matched an existing patient.
  possible_duplicate_of  uuid,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (org_id, patient_id),
  UNIQUE (org_id, mrn),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id)
);
CREATE INDEX patients_name_trgm ON patients USING gin ((lower(legal_given_name || ' ' || legal_family_name || ' ' || coalesce(preferred_name, ''))) gin_trgm_ops);
CREATE INDEX patients_birth ON patients (org_id, date_of_birth);
CREATE INDEX patients_facility ON patients (org_id, facility_id);

CREATE TABLE episodes (
  org_id                uuid NOT NULL,
  episode_id            uuid NOT NULL,
  patient_id            uuid NOT NULL,
  program_id            uuid NOT NULL,
  status                text NOT NULL CHECK (status IN ('active', 'discharged')),
  admitted_on           date NOT NULL,
  referral_source       text NOT NULL,
  level_of_care         text NOT NULL,
  phase_id              uuid NOT NULL,
  track_id              uuid,
  primary_clinician_id  uuid NOT NULL,
  discharged_on         date,
  discharge_reason      text CHECK (discharge_reason IN ('completed', 'stepped_down_to_outpatient', 'transferred_to_higher_level', 'left_against_advice', 'administrative', 'other')),
  discharge_summary     text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (org_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id),
  FOREIGN KEY (org_id, phase_id) REFERENCES program_phases (org_id, phase_id),
  FOREIGN KEY (org_id, track_id) REFERENCES program_tracks (org_id, track_id) ON DELETE SET NULL (track_id),
  FOREIGN KEY (org_id, primary_clinician_id) REFERENCES staff (org_id, staff_id),
  CHECK ((status = 'discharged') = (discharged_on IS NOT NULL AND discharge_reason IS NOT NULL)),
  CHECK (discharged_on IS NULL OR discharged_on >= admitted_on)
);
-- At most one active episode per patient per program.
CREATE UNIQUE INDEX episodes_one_active ON episodes (org_id, patient_id, program_id) WHERE status = 'active';
CREATE INDEX episodes_program ON episodes (org_id, program_id, status);

-- Phase history: the phase in force from a date, so each past week is judged against the
-- band that applied then.
CREATE TABLE episode_phases (
  org_id        uuid NOT NULL,
  episode_id    uuid NOT NULL,
  effective_on  date NOT NULL,
  phase_id      uuid NOT NULL,
  changed_by    uuid NOT NULL,
  changed_at    timestamptz NOT NULL,
  reason        text,
  PRIMARY KEY (org_id, episode_id, effective_on),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, phase_id) REFERENCES program_phases (org_id, phase_id),
  FOREIGN KEY (org_id, changed_by) REFERENCES staff (org_id, staff_id)
);

-- A recurring group service (DESIGN.md "Group").
CREATE TABLE groups (
  org_id                 uuid NOT NULL,
  group_id               uuid NOT NULL,
  facility_id            uuid NOT NULL,
  program_id             uuid,
  track_id               uuid,
  name                   text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  group_type             text NOT NULL CHECK (group_type IN ('process', 'psychoeducation', 'relapse_prevention', 'skills', 'family', 'twelve_step_facilitation', 'specialty')),
  topic                  text,
  facilitator_id         uuid NOT NULL,
  room                   text,
  video_url              text,
  capacity               smallint NOT NULL DEFAULT 12 CHECK (capacity BETWEEN 1 AND 100),
  waitlist_enabled       boolean NOT NULL DEFAULT true,
  eligible_population    text CHECK (eligible_population IN ('adult', 'adolescent')),
  eligible_gender        text CHECK (eligible_gender IN ('women', 'men')),
  eligible_specialty     text,
  -- RFC 5545 RRULE (without DTSTART), expanded in the facility's time zone from
  -- starts_on at start_time local.
  rrule                  text NOT NULL,
  starts_on              date NOT NULL,
  ends_on                date,
  start_time             time NOT NULL,
  duration_minutes       smallint NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
  active                 boolean NOT NULL DEFAULT true,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (org_id, group_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id),
  FOREIGN KEY (org_id, track_id) REFERENCES program_tracks (org_id, track_id) ON DELETE SET NULL (track_id),
  FOREIGN KEY (org_id, facilitator_id) REFERENCES staff (org_id, staff_id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX groups_facility ON groups (org_id, facility_id);

-- One occurrence of a group, or a one-off individual or family session.
CREATE TABLE sessions (
  org_id          uuid NOT NULL,
  session_id      uuid NOT NULL,
  facility_id     uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('group', 'individual', 'family')),
  group_id        uuid,
  -- The occurrence's original local start (wall-clock time in the facility's zone), which
  -- identifies it even after it is moved.
  occurrence_key  timestamp,
  -- Individual and family sessions are with one patient.
  patient_id      uuid,
  clinician_id    uuid NOT NULL,
  title           text NOT NULL,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  -- Local calendar day in the facility's zone, for the board and the compliance week.
  local_date      date NOT NULL,
  room            text,
  video_url       text,
  status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  status_reason   text,
  moved           boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, session_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, group_id) REFERENCES groups (org_id, group_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, clinician_id) REFERENCES staff (org_id, staff_id),
  CHECK (ends_at > starts_at),
  CHECK ((kind = 'group') = (group_id IS NOT NULL AND occurrence_key IS NOT NULL)),
  CHECK ((kind = 'group') = (patient_id IS NULL)),
  CHECK (status = 'scheduled' OR status_reason IS NOT NULL)
);
CREATE UNIQUE INDEX sessions_occurrence_key ON sessions (org_id, group_id, occurrence_key) WHERE group_id IS NOT NULL;
CREATE INDEX sessions_day ON sessions (org_id, facility_id, local_date);
CREATE INDEX sessions_patient ON sessions (org_id, patient_id, local_date) WHERE patient_id IS NOT NULL;

-- A patient's place in a group (or in its waitlist), for a span of days.
CREATE TABLE group_enrollments (
  org_id             uuid NOT NULL,
  enrollment_id      uuid NOT NULL,
  group_id           uuid NOT NULL,
  patient_id         uuid NOT NULL,
  episode_id         uuid NOT NULL,
  status             text NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'ended')),
  starts_on          date NOT NULL,
  ends_on            date,
  -- A clinician may enrol a patient outside the group's eligibility, with a reason.
  override_reason    text,
  override_by        uuid,
  created_by         uuid NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, enrollment_id),
  FOREIGN KEY (org_id, group_id) REFERENCES groups (org_id, group_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, override_by) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, created_by) REFERENCES staff (org_id, staff_id),
  CHECK ((override_reason IS NULL) = (override_by IS NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX group_enrollments_current ON group_enrollments (org_id, group_id, patient_id) WHERE status <> 'ended';
CREATE INDEX group_enrollments_patient ON group_enrollments (org_id, patient_id);

-- Patient × session.
CREATE TABLE attendance (
  org_id            uuid NOT NULL,
  session_id        uuid NOT NULL,
  patient_id        uuid NOT NULL,
  status            text NOT NULL CHECK (status IN ('present', 'late', 'left_early', 'excused_absence', 'unexcused_absence')),
  checked_in_at     timestamptz,
  checked_out_at    timestamptz,
  -- Derived from check-in/out when both exist, otherwise entered by staff.
  minutes_attended  integer NOT NULL CHECK (minutes_attended BETWEEN 0 AND 1440),
  method            text NOT NULL CHECK (method IN ('front_desk', 'roster', 'telehealth', 'staff_entry')),
  recorded_by       uuid,
  recorded_at       timestamptz NOT NULL,
  -- Changes after the session's day carry a reason (also in the audit trail).
  correction_reason text,
  PRIMARY KEY (org_id, session_id, patient_id),
  FOREIGN KEY (org_id, session_id) REFERENCES sessions (org_id, session_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  CHECK (checked_out_at IS NULL OR checked_in_at IS NULL OR checked_out_at >= checked_in_at),
  CHECK (status NOT IN ('excused_absence', 'unexcused_absence') OR minutes_attended = 0)
);
CREATE INDEX attendance_patient ON attendance (org_id, patient_id);

-- Patient portal accounts, invited by staff. Kept apart from staff accounts: a portal
-- session can never carry a staff role.
CREATE TABLE patient_accounts (
  org_id              uuid NOT NULL,
  patient_id          uuid NOT NULL,
  email               text NOT NULL,
  status              text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
  password_hash       text,
  failed_login_count  integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (org_id, patient_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  CHECK (status <> 'active' OR password_hash IS NOT NULL)
);
CREATE UNIQUE INDEX patient_accounts_email_key ON patient_accounts (lower(email));

CREATE TABLE patient_account_tokens (
  org_id      uuid NOT NULL,
  token_hash  text NOT NULL,
  patient_id  uuid NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, patient_id) REFERENCES patient_accounts (org_id, patient_id)
);

CREATE TABLE patient_sessions (
  org_id        uuid NOT NULL,
  session_id    text NOT NULL,
  patient_id    uuid NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text,
  PRIMARY KEY (org_id, session_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patient_accounts (org_id, patient_id)
);
