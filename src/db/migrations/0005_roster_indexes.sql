-- Rosters are read by group and day (the board, hours), including ended enrolments for the
-- days they covered, which the partial unique index of 0002 does not serve.
CREATE INDEX group_enrollments_group ON group_enrollments (org_id, group_id, starts_on);
CREATE INDEX attendance_session ON attendance (org_id, session_id);
