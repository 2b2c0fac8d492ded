/**
 * When background work runs: pure functions of `now` and a facility's clock. Every job is
 * named by a dedupe key built from a time bucket, so however many server processes plan the
 * same minute, each piece of work is enqueued once (jobs UNIQUE (org_id, kind, dedupe_key)).
 */
import { MID_WEEK_DAY } from '../alerts/rules.ts';
import { addDays, daysBetween, localDateOf, localTimeOf, weekStartOf } from '../time/local-time.ts';
import type { FacilityClock, NewJob } from './jobs.store.ts';

export const JOB_KINDS = ['sweep', 'absences', 'hours_at_risk', 'plan_reviews', 'drug_test_selection', 'missed_doses'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** A failing job is tried this many times in all, then kept finished with its last error. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/** Exponential backoff: 30 s after the first failure, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** When a job that failed on its `attempts`-th try runs next; null when it has used them all. */
export function nextRetry(attempts: number, now: Date): Date | null {
  return attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts));
}

/** `now` floored to a bucket of `minutes`, as an ISO instant to the minute: '2026-11-24T15:05Z'. */
export function timeBucket(now: Date, minutes: number): string {
  const ms = minutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString().slice(0, 16) + 'Z';
}

/** Each organization is swept once a minute: escalation, then planning its facilities' work. */
export const sweepJob = (orgId: string, now: Date): NewJob => ({ orgId, kind: 'sweep', dedupeKey: timeBucket(now, 1) });

/** Sessions nobody recorded are looked at every five minutes. */
export const ABSENCE_SWEEP_MINUTES = 5;
/** The morning draw runs once the facility's day has begun: from 05:00 local. */
export const SELECTION_HOUR = 5;
/** Observed doses left unrecorded are marked missed for the past few days (a server down over a weekend catches up). */
export const MISSED_DOSE_LOOKBACK_DAYS = 3;

export interface PlanOptions {
  /** Kinds whose handler is wired; others are not planned (so they run once wired, not marked done as no-ops). */
  readonly kinds: ReadonlySet<JobKind>;
}

/** The work a facility is due at `now`, each piece keyed so it is enqueued once per bucket. */
export function facilityJobs(orgId: string, facility: FacilityClock, now: Date, options: PlanOptions): NewJob[] {
  const today = localDateOf(now, facility.time_zone);
  const hour = Number(localTimeOf(now, facility.time_zone).slice(0, 2));
  const facilityId = facility.facility_id;
  const payload = { facilityId };
  const jobs: NewJob[] = [
    { orgId, kind: 'absences', dedupeKey: `${facilityId}:${timeBucket(now, ABSENCE_SWEEP_MINUTES)}`, payload },
    { orgId, kind: 'plan_reviews', dedupeKey: `${facilityId}:${today}`, payload: { ...payload, date: today } },
  ];
  // Hours at risk is judged from mid-week on, hourly (sessions end through the day).
  if (daysBetween(weekStartOf(today, facility.week_starts_on), today) >= MID_WEEK_DAY) {
    jobs.push({ orgId, kind: 'hours_at_risk', dedupeKey: `${facilityId}:${today}T${String(hour).padStart(2, '0')}`, payload });
  }
  if (hour >= SELECTION_HOUR) jobs.push({ orgId, kind: 'drug_test_selection', dedupeKey: `${facilityId}:${today}`, payload: { ...payload, date: today } });
  for (let back = 1; back <= MISSED_DOSE_LOOKBACK_DAYS; back += 1) {
    const date = addDays(today, -back);
    jobs.push({ orgId, kind: 'missed_doses', dedupeKey: `${facilityId}:${date}`, payload: { ...payload, date } });
  }
  return jobs.filter((job) => options.kinds.has(job.kind as JobKind));
}
