-- Foundation: organizations, facilities, programs (tracks, phases), staff, sign-in
-- sessions, one-time account links, and the hash-chained audit trail.
-- Every table carries org_id and every primary and foreign key starts with it, so the
-- schema can be distributed by org_id (DESIGN.md "Data").

CREATE TABLE organizations (
  org_id        uuid PRIMARY KEY,
  name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  asam_edition  text NOT NULL DEFAULT '3' CHECK (asam_edition IN ('3', '4')),
  require_totp  boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE facilities (
  org_id         uuid NOT NULL REFERENCES organizations (org_id),
  facility_id    uuid NOT NULL,
  name           text NOT NULL,
  address_line1  text NOT NULL,
  address_line2  text,
  city           text NOT NULL,
  state          text NOT NULL,
  postal_code    text NOT NULL,
  time_zone      text NOT NULL,
  npi            text CHECK (npi ~ '^[0-9]{10}$'),
  phone          text,
  -- ISO weekday the facility's compliance week starts on (1 = Monday), DESIGN.md.
  week_starts_on smallint NOT NULL DEFAULT 1 CHECK (week_starts_on BETWEEN 1 AND 7),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, facility_id)
);
CREATE UNIQUE INDEX facilities_name_key ON facilities (org_id, lower(name));

CREATE TABLE programs (
  org_id                       uuid NOT NULL,
  program_id                   uuid NOT NULL,
  facility_id                  uuid NOT NULL,
  name                         text NOT NULL,
  asam_edition                 text NOT NULL CHECK (asam_edition IN ('3', '4')),
  level_of_care                text NOT NULL,
  population                   text NOT NULL CHECK (population IN ('adult', 'adolescent')),
  modality                     text NOT NULL CHECK (modality IN ('in_person', 'telehealth', 'hybrid')),
  expected_length_of_stay_days integer NOT NULL CHECK (expected_length_of_stay_days BETWEEN 1 AND 730),
  active                       boolean NOT NULL DEFAULT true,
  created_at                   timestamptz NOT NULL,
  updated_at                   timestamptz NOT NULL,
  PRIMARY KEY (org_id, program_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id)
);
CREATE UNIQUE INDEX programs_name_key ON programs (org_id, facility_id, lower(name));

CREATE TABLE program_tracks (
  org_id       uuid NOT NULL,
  track_id     uuid NOT NULL,
  program_id   uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('morning', 'afternoon', 'evening')),
  name         text NOT NULL,
  starts_at    time NOT NULL,
  ends_at      time NOT NULL CHECK (ends_at > starts_at),
  -- ISO weekdays (1 = Monday … 7 = Sunday) the track meets.
  days_of_week smallint[] NOT NULL CHECK (cardinality(days_of_week) BETWEEN 1 AND 7),
  PRIMARY KEY (org_id, track_id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id) ON DELETE CASCADE
);
CREATE INDEX program_tracks_program ON program_tracks (org_id, program_id);

CREATE TABLE program_phases (
  org_id                 uuid NOT NULL,
  phase_id               uuid NOT NULL,
  program_id             uuid NOT NULL,
  position               smallint NOT NULL CHECK (position >= 1),
  name                   text NOT NULL,
  required_days_per_week smallint NOT NULL CHECK (required_days_per_week BETWEEN 1 AND 7),
  min_hours_per_week     numeric(4, 1) NOT NULL CHECK (min_hours_per_week >= 0),
  max_hours_per_week     numeric(4, 1) NOT NULL CHECK (max_hours_per_week <= 168),
  CHECK (min_hours_per_week <= max_hours_per_week),
  PRIMARY KEY (org_id, phase_id),
  UNIQUE (org_id, program_id, position) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id) ON DELETE CASCADE
);

CREATE TABLE staff (
  org_id              uuid NOT NULL REFERENCES organizations (org_id),
  staff_id            uuid NOT NULL,
  email               text NOT NULL,
  full_name           text NOT NULL,
  credentials         text[] NOT NULL DEFAULT '{}',
  roles               text[] NOT NULL DEFAULT '{}',
  status              text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
  password_hash       text,
  totp_secret         text,
  totp_enabled_at     timestamptz,
  -- The last 30-second TOTP step accepted, so a code cannot be used twice (RFC 6238 §5.2).
  totp_last_step      bigint,
  -- Sign-in attempts since the last success; counted before the password is checked, so
  -- parallel guesses each count.
  failed_login_count  integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (org_id, staff_id),
  CHECK (status <> 'active' OR password_hash IS NOT NULL)
);
-- Sign-in is by e-mail alone, so an address names one account across the installation.
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

CREATE TABLE staff_facilities (
  org_id      uuid NOT NULL,
  staff_id    uuid NOT NULL,
  facility_id uuid NOT NULL,
  PRIMARY KEY (org_id, staff_id, facility_id),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id)
);

-- Server-side sessions. session_id is the SHA-256 of the secret half of the cookie, so a
-- database read does not yield usable cookies.
CREATE TABLE auth_sessions (
  org_id        uuid NOT NULL,
  session_id    text NOT NULL,
  staff_id      uuid NOT NULL,
  csrf_token    text NOT NULL,
  -- 'enrollment_required': the organization requires TOTP and this user has none yet;
  -- such a session may only enrol.
  mfa_state     text NOT NULL CHECK (mfa_state IN ('satisfied', 'enrollment_required')),
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text,
  PRIMARY KEY (org_id, session_id),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id)
);
CREATE INDEX auth_sessions_staff ON auth_sessions (org_id, staff_id);

-- One-time links: the first-run setup link and staff invitations / password resets.
CREATE TABLE account_tokens (
  org_id      uuid NOT NULL REFERENCES organizations (org_id),
  token_hash  text NOT NULL,
  purpose     text NOT NULL CHECK (purpose IN ('setup', 'invite', 'password_reset')),
  staff_id    uuid,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id) ON DELETE CASCADE,
  CHECK ((purpose = 'setup') = (staff_id IS NULL))
);

-- Append-only audit trail, chained per organization: hash = SHA-256(prev_hash ‖ event).
CREATE TABLE audit_events (
  org_id       uuid NOT NULL REFERENCES organizations (org_id),
  seq          bigint NOT NULL CHECK (seq >= 1),
  event_id     uuid NOT NULL,
  occurred_at  timestamptz NOT NULL,
  actor_id     uuid,
  actor_role   text,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  patient_id   uuid,
  ip           text,
  purpose      text NOT NULL,
  details      jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_events_actor ON audit_events (org_id, actor_id, occurred_at);
CREATE INDEX audit_events_patient ON audit_events (org_id, patient_id, occurred_at);
CREATE INDEX audit_events_time ON audit_events (org_id, occurred_at);

-- The head of each organization's chain. Appending locks this row, which serialises
-- appends per organization and lets `audit verify` notice a removed last event.
CREATE TABLE audit_chain_heads (
  org_id     uuid PRIMARY KEY REFERENCES organizations (org_id),
  last_seq   bigint NOT NULL,
  last_hash  text NOT NULL
);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- A chain head only moves forward and is never removed, so it cannot be used to hide
-- removed events.
CREATE FUNCTION audit_chain_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq OR NEW.org_id <> OLD.org_id THEN
    RAISE EXCEPTION 'audit_chain_heads only moves forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE OR DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_forward_only();
