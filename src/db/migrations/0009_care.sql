-- Measurement-based care, placement, treatment plans, step-down, length of stay and
-- aftercare (issue 4). JSON columns hold shapes validated by TypeBox schemas at the edge;
-- anything the database must enforce (one draft plan, one decision per week, who signed)
-- is a column with a constraint.

-- Programs: how often each instrument is given, how often a plan is reviewed.
ALTER TABLE programs ADD COLUMN plan_review_days integer NOT NULL DEFAULT 30 CHECK (plan_review_days BETWEEN 7 AND 180);
-- [{ instrument, atAdmission, everyDays, atDischarge }]; the default is domain-rules'
-- example: PHQ-9 and GAD-7 at admission, every 2 weeks and at discharge; BAM monthly.
ALTER TABLE programs ADD COLUMN instrument_cadence jsonb NOT NULL DEFAULT '[
  {"instrument":"phq9","atAdmission":true,"everyDays":14,"atDischarge":true},
  {"instrument":"gad7","atAdmission":true,"everyDays":14,"atDischarge":true},
  {"instrument":"bam","atAdmission":true,"everyDays":30,"atDischarge":true},
  {"instrument":"cssrs_screener","atAdmission":true,"everyDays":null,"atDischarge":false}
]'::jsonb;

-- Phases: what it takes to advance out of this one (null: staff move patients by hand).
ALTER TABLE program_phases ADD COLUMN advancement_criteria jsonb;
UPDATE program_phases SET advancement_criteria =
  '{"consecutiveWeeksMet":4,"minAttendancePercent":90,"phq9":{"improvedBy":5,"orBelow":10},"objectivesMet":true,"maxWeeksInPhase":12}'::jsonb;

-- Episodes: the expected discharge date, moved only by a documented extension.
ALTER TABLE episodes ADD COLUMN expected_discharge_on date;
UPDATE episodes e SET expected_discharge_on = e.admitted_on + p.expected_length_of_stay_days
  FROM programs p WHERE p.org_id = e.org_id AND p.program_id = e.program_id;
ALTER TABLE episodes ALTER COLUMN expected_discharge_on SET NOT NULL;
ALTER TABLE episodes ADD CONSTRAINT episodes_expected_after_admission CHECK (expected_discharge_on >= admitted_on);

CREATE TABLE episode_stay_extensions (
  org_id               uuid NOT NULL,
  extension_id         uuid NOT NULL,
  episode_id           uuid NOT NULL,
  previous_expected_on date NOT NULL,
  new_expected_on      date NOT NULL CHECK (new_expected_on > previous_expected_on),
  reason               text NOT NULL CHECK (length(btrim(reason)) > 0),
  extended_by          uuid NOT NULL,
  created_at           timestamptz NOT NULL,
  PRIMARY KEY (org_id, extension_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, extended_by) REFERENCES staff (org_id, staff_id)
);
CREATE INDEX episode_stay_extensions_episode ON episode_stay_extensions (org_id, episode_id, created_at);

-- One completed standard instrument. Scores are computed by the pure scorers at write and
-- kept beside the answers, so a list of scores never re-reads every answer.
CREATE TABLE instrument_responses (
  org_id           uuid NOT NULL,
  response_id      uuid NOT NULL,
  patient_id       uuid NOT NULL,
  episode_id       uuid,
  instrument       text NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'audit', 'audit_c', 'dast10', 'bam', 'cssrs_screener')),
  answers          jsonb NOT NULL,
  total_score      smallint,
  severity         text,
  subscales        jsonb,
  flags            text[] NOT NULL DEFAULT '{}',
  administered_on  date NOT NULL,
  administered_at  timestamptz NOT NULL,
  source           text NOT NULL CHECK (source IN ('staff', 'portal')),
  administered_by  uuid,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, response_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, administered_by) REFERENCES staff (org_id, staff_id),
  -- Staff entries name who gave the instrument; a patient's own portal entry names nobody.
  CHECK ((source = 'staff') = (administered_by IS NOT NULL))
);
CREATE INDEX instrument_responses_patient ON instrument_responses (org_id, patient_id, instrument, administered_at);
CREATE INDEX instrument_responses_episode ON instrument_responses (org_id, episode_id, instrument, administered_at);

-- Intake screening: the six dimensions, the IOP candidacy questions, the pure function's
-- recommendation, and the clinician's decision beside it.
CREATE TABLE intake_assessments (
  org_id             uuid NOT NULL,
  assessment_id      uuid NOT NULL,
  patient_id         uuid NOT NULL,
  program_id         uuid,
  asam_edition       text NOT NULL CHECK (asam_edition IN ('3', '4')),
  population         text NOT NULL CHECK (population IN ('adult', 'adolescent')),
  dimensions         jsonb NOT NULL,
  candidacy          jsonb NOT NULL,
  recommendation     jsonb NOT NULL,
  recommended_level  text NOT NULL,
  decision           text NOT NULL CHECK (decision IN ('accepted', 'overridden')),
  placed_level       text NOT NULL,
  override_reason    text,
  assessed_on        date NOT NULL,
  assessed_by        uuid NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, assessment_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id),
  FOREIGN KEY (org_id, assessed_by) REFERENCES staff (org_id, staff_id),
  CHECK ((decision = 'overridden') = (override_reason IS NOT NULL AND length(btrim(override_reason)) > 0)),
  CHECK (decision = 'overridden' OR placed_level = recommended_level)
);
CREATE INDEX intake_assessments_patient ON intake_assessments (org_id, patient_id, created_at);

-- Treatment plan of an episode, as numbered versions. A version is a draft, then signed by
-- the clinician (awaiting the patient), then active once the patient signs; signing a new
-- version supersedes the old one.
CREATE TABLE treatment_plan_versions (
  org_id                 uuid NOT NULL,
  episode_id             uuid NOT NULL,
  version                integer NOT NULL CHECK (version >= 1),
  patient_id             uuid NOT NULL,
  status                 text NOT NULL CHECK (status IN ('draft', 'awaiting_patient', 'active', 'superseded')),
  content                jsonb NOT NULL,
  created_by             uuid NOT NULL,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  clinician_signed_by    uuid,
  clinician_signed_at    timestamptz,
  patient_signed_at      timestamptz,
  patient_signed_name    text,
  effective_on           date,
  review_due_on          date,
  PRIMARY KEY (org_id, episode_id, version),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, created_by) REFERENCES staff (org_id, staff_id),
  FOREIGN KEY (org_id, clinician_signed_by) REFERENCES staff (org_id, staff_id),
  CHECK ((status = 'draft') = (clinician_signed_at IS NULL)),
  CHECK ((clinician_signed_by IS NULL) = (clinician_signed_at IS NULL)),
  CHECK ((status IN ('active', 'superseded')) = (patient_signed_at IS NOT NULL)),
  CHECK ((patient_signed_at IS NULL) = (patient_signed_name IS NULL)),
  CHECK ((status IN ('active', 'superseded')) = (effective_on IS NOT NULL AND review_due_on IS NOT NULL))
);
-- At most one version being written or awaiting signature, and one in force, per episode.
CREATE UNIQUE INDEX treatment_plan_one_open ON treatment_plan_versions (org_id, episode_id) WHERE status IN ('draft', 'awaiting_patient');
CREATE UNIQUE INDEX treatment_plan_one_active ON treatment_plan_versions (org_id, episode_id) WHERE status = 'active';
CREATE INDEX treatment_plan_review_due ON treatment_plan_versions (org_id, review_due_on) WHERE status = 'active';

-- A review of the plan in force without changing it; moves the next review date.
CREATE TABLE treatment_plan_reviews (
  org_id             uuid NOT NULL,
  review_id          uuid NOT NULL,
  episode_id         uuid NOT NULL,
  version            integer NOT NULL,
  reviewed_on        date NOT NULL,
  reviewed_by        uuid NOT NULL,
  note               text NOT NULL CHECK (length(btrim(note)) > 0),
  next_review_due_on date NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, review_id),
  FOREIGN KEY (org_id, episode_id, version) REFERENCES treatment_plan_versions (org_id, episode_id, version),
  FOREIGN KEY (org_id, reviewed_by) REFERENCES staff (org_id, staff_id)
);
CREATE INDEX treatment_plan_reviews_episode ON treatment_plan_reviews (org_id, episode_id, reviewed_on);

-- Values of "counted custom" objectives (e.g. mutual-help meetings attended), recorded by staff.
-- Objective ids live in the plan content and survive new versions.
CREATE TABLE objective_measurements (
  org_id          uuid NOT NULL,
  measurement_id  uuid NOT NULL,
  episode_id      uuid NOT NULL,
  objective_id    uuid NOT NULL,
  measured_on     date NOT NULL,
  value           numeric(10, 2) NOT NULL,
  note            text,
  recorded_by     uuid NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, measurement_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES staff (org_id, staff_id)
);
CREATE INDEX objective_measurements_objective ON objective_measurements (org_id, episode_id, objective_id, measured_on);

-- The clinical director's answer to a step-down (or step-up) proposal for one evaluated
-- week, with the evidence as it stood. One answer per episode, week and direction.
CREATE TABLE step_down_decisions (
  org_id          uuid NOT NULL,
  decision_id     uuid NOT NULL,
  episode_id      uuid NOT NULL,
  patient_id      uuid NOT NULL,
  week_start      date NOT NULL,
  direction       text NOT NULL CHECK (direction IN ('advance', 'complete', 'intensify')),
  from_phase_id   uuid NOT NULL,
  to_phase_id     uuid,
  evidence        jsonb NOT NULL,
  decision        text NOT NULL CHECK (decision IN ('approved', 'declined')),
  reason          text,
  decided_by      uuid NOT NULL,
  decided_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, decision_id),
  UNIQUE (org_id, episode_id, week_start, direction),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, from_phase_id) REFERENCES program_phases (org_id, phase_id),
  FOREIGN KEY (org_id, to_phase_id) REFERENCES program_phases (org_id, phase_id),
  FOREIGN KEY (org_id, decided_by) REFERENCES staff (org_id, staff_id),
  CHECK (decision = 'approved' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE INDEX step_down_decisions_episode ON step_down_decisions (org_id, episode_id, decided_at);

-- Discharge summary (figures as they stood at discharge) and the aftercare plan.
CREATE TABLE aftercare_plans (
  org_id        uuid NOT NULL,
  episode_id    uuid NOT NULL,
  patient_id    uuid NOT NULL,
  summary       jsonb NOT NULL,
  plan          jsonb NOT NULL,
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, episode_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, created_by) REFERENCES staff (org_id, staff_id)
);

-- Follow-up contacts 30, 60 and 90 days after discharge.
CREATE TABLE aftercare_followups (
  org_id        uuid NOT NULL,
  followup_id   uuid NOT NULL,
  episode_id    uuid NOT NULL,
  patient_id    uuid NOT NULL,
  days_after    smallint NOT NULL CHECK (days_after IN (30, 60, 90)),
  due_on        date NOT NULL,
  outcome       text CHECK (outcome IN ('reached', 'no_answer', 'declined', 'readmitted', 'other')),
  note          text,
  completed_on  date,
  completed_by  uuid,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, followup_id),
  UNIQUE (org_id, episode_id, days_after),
  FOREIGN KEY (org_id, episode_id) REFERENCES aftercare_plans (org_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients (org_id, patient_id),
  FOREIGN KEY (org_id, completed_by) REFERENCES staff (org_id, staff_id),
  CHECK ((outcome IS NULL) = (completed_on IS NULL)),
  CHECK ((completed_on IS NULL) = (completed_by IS NULL))
);
CREATE INDEX aftercare_followups_due ON aftercare_followups (org_id, due_on) WHERE completed_on IS NULL;
