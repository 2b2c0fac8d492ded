-- Monitoring and clinical safety (issue 5): random drug testing, collection and results,
-- daily check-ins, medications and observed dosing, alerts, on-call shifts, and the job
-- table that background work (selection, sweeps, escalation) is claimed from.
-- Anything the database must enforce (one alert per condition, one selection per facility
-- day, who signed a review) is a column with a constraint.

-- ── Jobs ────────────────────────────────────────────────────────────────────────────────
-- Background work claimed with FOR UPDATE SKIP LOCKED (DESIGN.md "Data"), so several server
-- processes can share it. A claim is a lease: a process killed mid-job leaves the lease to
-- run out and another process claims the job again. `dedupe_key` makes enqueueing
-- idempotent (the same facility day, the same alert's escalation, is enqueued once).
CREATE TABLE jobs (
  org_id         uuid NOT NULL,
  job_id         uuid NOT NULL,
  kind           text NOT NULL,
  dedupe_key     text NOT NULL,
  payload        jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at         timestamptz NOT NULL,
  attempts       integer NOT NULL DEFAULT 0,
  claimed_by     text,
  claimed_until  timestamptz,
  last_error     text,
  finished_at    timestamptz,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, job_id),
  UNIQUE (org_id, kind, dedupe_key)
);
CREATE INDEX jobs_runnable ON jobs (run_at) WHERE finished_at IS NULL;

-- ── Drug testing ────────────────────────────────────────────────────────────────────────
-- A program's random-testing policy: the average number of tests per patient per week,
-- the weekdays tests may fall on (ISO 1 = Monday … 7 = Sunday), the specimen types and
-- the panel (src/drugtests/panels.ts holds panels and cut-offs as data).
CREATE TABLE drug_test_policies (
  org_id               uuid NOT NULL,
  program_id           uuid NOT NULL,
  active               boolean NOT NULL DEFAULT true,
  tests_per_week       numeric(4,2) NOT NULL CHECK (tests_per_week > 0 AND tests_per_week <= 7),
  eligible_weekdays    smallint[] NOT NULL CHECK (cardinality(eligible_weekdays) BETWEEN 1 AND 7 AND eligible_weekdays <@ ARRAY[1,2,3,4,5,6,7]::smallint[]),
  specimen_types       text[] NOT NULL CHECK (cardinality(specimen_types) >= 1 AND specimen_types <@ ARRAY['urine','oral_fluid']::text[]),
  panel_id             text NOT NULL,
  updated_by           uuid NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (org_id, program_id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id),
  FOREIGN KEY (org_id, updated_by) REFERENCES staff (org_id, staff_id)
);

-- One random selection per facility day: the inputs it drew from are kept (who was
-- scheduled, each patient's probability) so an auditor can check it was fair.
CREATE TABLE drug_test_selection_runs (
  org_id        uuid NOT NULL,
  facility_id   uuid NOT NULL,
  selected_on   date NOT NULL,
  run_at        timestamptz NOT NULL,
  run_by        uuid,
  inputs        jsonb NOT NULL,
  PRIMARY KEY (org_id, facility_id, selected_on),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, run_by) REFERENCES staff (org_id, staff_id)
);

-- One drug test, from selection through collection, results and medical review.
CREATE TABLE drug_tests (
  org_id                uuid NOT NULL,
  test_id               uuid NOT NULL,
  patient_id            uuid NOT NULL,
  episode_id            uuid,
  facility_id           uuid NOT NULL,
  selected_on           date NOT NULL,
  reason                text NOT NULL CHECK (reason IN ('random', 'for_cause', 'scheduled')),
  reason_note           text,
  specimen_type         text NOT NULL CHECK (specimen_type IN ('urine', 'oral_fluid')),
  panel_id              text NOT NULL,
  selected_at           timestamptz NOT NULL,
  selected_by           uuid,
  status                text NOT NULL CHECK (status IN ('pending', 'collected', 'refused', 'not_collected', 'resulted', 'reviewed')),
  -- Collection
  specimen_id           text,
  observed              boolean,
  collected_at          timestamptz,
  collected_by          uuid,
  temperature_c         numeric(4,1),
  temperature_in_range  boolean,
  collection_note       text,
  not_collected_reason  text,
  -- Specimen validity (domain-rules.md "Drug testing"); null until measured
  creatinine_mg_dl      numeric(6,2),
  specific_gravity      numeric(6,4),
  ph                    numeric(4,2),
  oxidants_present      boolean,
  validity              text CHECK (validity IN ('valid', 'dilute', 'substituted', 'adulterated', 'invalid')),
  -- Overall reading once results are in: the worst analyte interpretation
  outcome               text CHECK (outcome IN ('negative', 'expected_only', 'unexpected_positive', 'missing_expected', 'invalid_specimen', 'refused')),
  resulted_at           timestamptz,
  -- Medical review and signature
  reviewed_by           uuid,
  reviewed_at           timestamptz,
  review_note           text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (org_id, test_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, selected_by) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, collected_by) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, reviewed_by) REFERENCES staff (org_id, staff_id),
  -- A for-cause test says why; a random one was chosen by the generator, not a person.
  CHECK (reason <> 'for_cause' OR (reason_note IS NOT NULL AND length(btrim(reason_note)) > 0 AND selected_by IS NOT NULL)),
  CHECK ((status IN ('collected', 'resulted', 'reviewed')) = (collected_at IS NOT NULL AND specimen_id IS NOT NULL AND collected_by IS NOT NULL)),
  CHECK ((status IN ('resulted', 'reviewed')) = (resulted_at IS NOT NULL)),
  CHECK ((status = 'reviewed') = (reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL)),
  CHECK (status <> 'not_collected' OR (not_collected_reason IS NOT NULL AND length(btrim(not_collected_reason)) > 0))
);
-- One random test per patient per facility day; for-cause tests may be added beside it.
CREATE UNIQUE INDEX drug_tests_one_random ON drug_tests (org_id, facility_id, selected_on, patient_id) WHERE reason = 'random';
CREATE UNIQUE INDEX drug_tests_specimen ON drug_tests (org_id, specimen_id) WHERE specimen_id IS NOT NULL;
CREATE INDEX drug_tests_day ON drug_tests (org_id, facility_id, selected_on);
CREATE INDEX drug_tests_patient ON drug_tests (org_id, patient_id, selected_on);
CREATE INDEX drug_tests_awaiting_review ON drug_tests (org_id, facility_id, resulted_at) WHERE status = 'resulted';

-- Chain of custody: every hand a specimen passes through.
CREATE TABLE drug_test_custody_events (
  org_id      uuid NOT NULL,
  event_id    uuid NOT NULL,
  test_id     uuid NOT NULL,
  event       text NOT NULL CHECK (event IN ('collected', 'sealed', 'sent_to_lab', 'received_by_lab', 'resulted', 'disposed', 'other')),
  occurred_at timestamptz NOT NULL,
  staff_id    uuid,
  party       text,
  note        text,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, event_id),
  FOREIGN KEY (org_id, test_id) REFERENCES drug_tests (org_id, test_id),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id),
  -- Someone holds the specimen: a staff member or a named outside party (the lab, a courier).
  CHECK (staff_id IS NOT NULL OR (party IS NOT NULL AND length(btrim(party)) > 0))
);
CREATE INDEX drug_test_custody_test ON drug_test_custody_events (org_id, test_id, occurred_at);

-- One analyte reading. A point-of-care cup gives a qualitative reading against the cup's
-- cut-off; a laboratory gives an initial (screen) and a confirmation value. The cut-off in
-- force is stored with the reading, and the interpretation against the patient's own
-- prescriptions (expected / unexpected / missing) is computed at write by a pure function.
CREATE TABLE drug_test_results (
  org_id          uuid NOT NULL,
  result_id       uuid NOT NULL,
  test_id         uuid NOT NULL,
  analyte         text NOT NULL,
  method          text NOT NULL CHECK (method IN ('poc_cup', 'lab_initial', 'lab_confirmation')),
  detected        boolean NOT NULL,
  value           numeric(12,3),
  unit            text,
  cutoff          numeric(12,3),
  interpretation  text NOT NULL CHECK (interpretation IN ('negative', 'positive', 'expected', 'missing_expected')),
  source          text NOT NULL CHECK (source IN ('manual', 'hl7')),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, result_id),
  UNIQUE (org_id, test_id, analyte, method),
  FOREIGN KEY (org_id, test_id) REFERENCES drug_tests (org_id, test_id)
);

-- HL7 v2 ORU^R01 messages received: the message control id makes a resend idempotent.
CREATE TABLE hl7_imports (
  org_id              uuid NOT NULL,
  import_id           uuid NOT NULL,
  message_control_id  text NOT NULL,
  sending_facility    text,
  test_id             uuid NOT NULL,
  received_at         timestamptz NOT NULL,
  received_by         uuid NOT NULL,
  raw_message         text NOT NULL,
  PRIMARY KEY (org_id, import_id),
  UNIQUE (org_id, message_control_id),
  FOREIGN KEY (org_id, test_id) REFERENCES drug_tests (org_id, test_id),
  FOREIGN KEY (org_id, received_by) REFERENCES staff (org_id, staff_id)
);

-- ── Daily check-ins ─────────────────────────────────────────────────────────────────────
-- The patient's own report (portal or front-desk kiosk; staff may enter one read over the
-- phone). One per patient per facility-local day; a second the same day replaces the first.
CREATE TABLE daily_checkins (
  org_id             uuid NOT NULL,
  checkin_id         uuid NOT NULL,
  patient_id         uuid NOT NULL,
  episode_id         uuid,
  checkin_on         date NOT NULL,
  submitted_at       timestamptz NOT NULL,
  source             text NOT NULL CHECK (source IN ('portal', 'kiosk', 'staff')),
  recorded_by        uuid,
  craving            smallint NOT NULL CHECK (craving BETWEEN 0 AND 10),
  mood               smallint NOT NULL CHECK (mood BETWEEN 1 AND 5),
  sleep_hours        numeric(3,1) NOT NULL CHECK (sleep_hours >= 0 AND sleep_hours <= 24),
  sleep_quality      smallint NOT NULL CHECK (sleep_quality BETWEEN 1 AND 5),
  used_since_last    boolean NOT NULL,
  substances         text[] NOT NULL DEFAULT '{}',
  medication_taken   text NOT NULL CHECK (medication_taken IN ('yes', 'partly', 'no', 'none_prescribed')),
  note               text,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, checkin_id),
  UNIQUE (org_id, patient_id, checkin_on),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES staff (org_id, staff_id),
  CHECK (used_since_last OR cardinality(substances) = 0),
  CHECK ((source = 'portal') = (recorded_by IS NULL))
);

-- ── Medications and observed dosing ─────────────────────────────────────────────────────
CREATE TABLE medications (
  org_id               uuid NOT NULL,
  medication_id        uuid NOT NULL,
  patient_id           uuid NOT NULL,
  name                 text NOT NULL CHECK (length(btrim(name)) > 0),
  dose                 text NOT NULL CHECK (length(btrim(dose)) > 0),
  route                text NOT NULL CHECK (route IN ('oral', 'sublingual', 'buccal', 'injection_im', 'injection_sc', 'implant', 'transdermal', 'nasal', 'inhaled', 'other')),
  frequency            text NOT NULL CHECK (length(btrim(frequency)) > 0),
  prescriber           text NOT NULL CHECK (length(btrim(prescriber)) > 0),
  started_on           date NOT NULL,
  stopped_on           date,
  stop_reason          text,
  -- Medication for opioid or alcohol use disorder (MOUD / MAUD), or neither.
  addiction_medication text CHECK (addiction_medication IN ('moud', 'maud')),
  -- Drug-test analytes this prescription explains (buprenorphine → buprenorphine,
  -- methadone → methadone and EDDP); filled from src/medications/catalog.ts, editable.
  expected_analytes    text[] NOT NULL DEFAULT '{}',
  -- Dispensed under observation on these ISO weekdays; null when the patient self-administers.
  observed_weekdays    smallint[] CHECK (observed_weekdays IS NULL OR (cardinality(observed_weekdays) BETWEEN 1 AND 7 AND observed_weekdays <@ ARRAY[1,2,3,4,5,6,7]::smallint[])),
  created_by           uuid NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (org_id, medication_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, created_by) REFERENCES staff (org_id, staff_id),
  CHECK (stopped_on IS NULL OR stopped_on >= started_on),
  CHECK ((stopped_on IS NULL) = (stop_reason IS NULL))
);
CREATE INDEX medications_patient ON medications (org_id, patient_id, started_on);

-- One scheduled observed dose and what happened: given (by whom, when, the patient's
-- response), missed (the patient did not come; recorded by staff or by the end-of-day job),
-- refused, or held (withheld on clinical grounds, which does not count against adherence).
CREATE TABLE dose_administrations (
  org_id           uuid NOT NULL,
  dose_id          uuid NOT NULL,
  medication_id    uuid NOT NULL,
  patient_id       uuid NOT NULL,
  scheduled_on     date NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('given', 'missed', 'refused', 'held')),
  dose_given       text,
  given_at         timestamptz,
  recorded_by      uuid,
  patient_response text,
  note             text,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, dose_id),
  UNIQUE (org_id, medication_id, scheduled_on),
  FOREIGN KEY (org_id, medication_id) REFERENCES medications (org_id, medication_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES staff (org_id, staff_id),
  CHECK ((outcome = 'given') = (given_at IS NOT NULL AND dose_given IS NOT NULL)),
  -- Only a missed dose may be recorded by the system (no staff member) at the end of the day.
  CHECK (recorded_by IS NOT NULL OR outcome = 'missed'),
  CHECK (outcome NOT IN ('refused', 'held') OR (note IS NOT NULL AND length(btrim(note)) > 0))
);
CREATE INDEX dose_administrations_patient ON dose_administrations (org_id, patient_id, scheduled_on);

-- ── On-call and alerts ──────────────────────────────────────────────────────────────────
-- Who is on call for a facility, and when. Shifts may overlap (two clinicians on call).
CREATE TABLE on_call_shifts (
  org_id       uuid NOT NULL,
  shift_id     uuid NOT NULL,
  facility_id  uuid NOT NULL,
  staff_id     uuid NOT NULL,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  created_by   uuid NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (org_id, shift_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, created_by) REFERENCES staff (org_id, staff_id),
  CHECK (ends_at > starts_at)
);
CREATE INDEX on_call_shifts_facility ON on_call_shifts (org_id, facility_id, starts_at, ends_at);

-- An alert raised by a pure rule (src/alerts/rules.ts) in the same transaction as the
-- event that caused it. (rule, condition_key) names the condition: the same condition is
-- never raised twice, even after it was resolved. open → acknowledged → resolved (with a
-- note); escalated_at is set when it was still unresolved at due_by.
CREATE TABLE alerts (
  org_id           uuid NOT NULL,
  alert_id         uuid NOT NULL,
  patient_id       uuid NOT NULL,
  episode_id       uuid,
  facility_id      uuid NOT NULL,
  rule             text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  condition_key    text NOT NULL,
  source_entity    text NOT NULL,
  source_id        text NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}'::jsonb,
  raised_at        timestamptz NOT NULL,
  due_by           timestamptz NOT NULL,
  state            text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
  acknowledged_by  uuid,
  acknowledged_at  timestamptz,
  resolved_by      uuid,
  resolved_at      timestamptz,
  resolution_note  text,
  escalated_at     timestamptz,
  PRIMARY KEY (org_id, alert_id),
  UNIQUE (org_id, rule, condition_key),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, facility_id) REFERENCES facilities (org_id, facility_id),
  FOREIGN KEY (org_id, acknowledged_by) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, resolved_by) REFERENCES staff (org_id, staff_id),
  CHECK (due_by > raised_at),
  CHECK ((state = 'open') = (acknowledged_at IS NULL)),
  CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
  CHECK ((state = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
  CHECK ((resolved_at IS NULL) = (resolution_note IS NULL)),
  CHECK (resolution_note IS NULL OR length(btrim(resolution_note)) > 0)
);
CREATE INDEX alerts_patient ON alerts (org_id, patient_id, raised_at);
CREATE INDEX alerts_unresolved ON alerts (org_id, facility_id, due_by) WHERE state <> 'resolved';

-- Who an alert is addressed to, and why: the episode's primary clinician, whoever was on
-- call when it was raised, and the facility's clinical directors once it escalates.
CREATE TABLE alert_recipients (
  org_id     uuid NOT NULL,
  alert_id   uuid NOT NULL,
  staff_id   uuid NOT NULL,
  reason     text NOT NULL CHECK (reason IN ('primary_clinician', 'on_call', 'escalation', 'fallback')),
  added_at   timestamptz NOT NULL,
  PRIMARY KEY (org_id, alert_id, staff_id),
  FOREIGN KEY (org_id, alert_id) REFERENCES alerts (org_id, alert_id),
  FOREIGN KEY (org_id, staff_id) REFERENCES staff (org_id, staff_id)
);
CREATE INDEX alert_recipients_staff ON alert_recipients (org_id, staff_id, alert_id);
