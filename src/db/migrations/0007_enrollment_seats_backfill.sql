-- Seats of places written before 0006. An enrolled place was seated on its start day (a
-- promotion moved starts_on to the day it was seated). An ended place held a seat only if
-- its audit trail shows it enrolled (created enrolled, or promoted from the waitlist) and
-- it did not end before its first day (discharge used to clamp such a place onto its
-- start day); otherwise it was a waitlist place and stays without a seat.
UPDATE group_enrollments SET seated_on = starts_on WHERE status = 'enrolled';

UPDATE group_enrollments ge
SET seated_on = ge.starts_on
WHERE ge.status = 'ended'
  AND ge.seated_on IS NULL
  AND EXISTS (
    SELECT 1 FROM audit_events a
    WHERE a.org_id = ge.org_id
      AND a.entity = 'group_enrollment'
      AND a.entity_id = ge.enrollment_id::text
      AND a.action IN ('create', 'update')
      AND a.details ->> 'status' = 'enrolled'
  )
  AND NOT EXISTS (
    SELECT 1 FROM episodes e
    WHERE e.org_id = ge.org_id
      AND e.episode_id = ge.episode_id
      AND e.discharged_on IS NOT NULL
      AND e.discharged_on < ge.starts_on
  );

ALTER TABLE group_enrollments VALIDATE CONSTRAINT group_enrollments_seat;
