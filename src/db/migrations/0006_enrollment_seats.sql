-- The first day a group place held a seat (src/scheduling/seats.ts). A place holds its seat
-- from seated_on through ends_on (or open), so an enrolment ended on a future day keeps its
-- seat until then. NULL for a place that never held a seat: a waitlist place, or one ended
-- before its first day (a discharge before the start). Rosters and seat counts read
-- seated_on, never starts_on (a waitlist place has a starts_on too).
ALTER TABLE group_enrollments ADD COLUMN seated_on date;

-- NOT VALID: rows enrolled before this column existed are seated by the backfill (0007),
-- which then validates the constraint.
ALTER TABLE group_enrollments ADD CONSTRAINT group_enrollments_seat CHECK (
  CASE status
    WHEN 'waitlisted' THEN seated_on IS NULL
    WHEN 'enrolled' THEN seated_on IS NOT NULL
    ELSE true
  END
  AND (seated_on IS NULL OR (seated_on >= starts_on AND (ends_on IS NULL OR ends_on >= seated_on)))
) NOT VALID;

-- Rosters and seat counts are read by group and day.
CREATE INDEX group_enrollments_seats ON group_enrollments (org_id, group_id, seated_on) WHERE seated_on IS NOT NULL;
