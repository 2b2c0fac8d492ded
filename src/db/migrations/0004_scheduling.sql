-- When a group's schedule (RRULE, dates, start time) last changed. Occurrences before this
-- instant are never materialised from the current rule: the sessions that ran then were
-- those of the old schedule, and regenerating the past would invent sessions that never
-- took place (src/scheduling/sessions.ts, ensureSessions).
ALTER TABLE groups ADD COLUMN schedule_changed_at timestamptz;
