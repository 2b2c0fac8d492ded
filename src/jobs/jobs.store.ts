/**
 * SQL for the job table (0010_monitoring.sql): enqueue idempotently by (kind, dedupe_key),
 * claim with FOR UPDATE SKIP LOCKED and a lease (DESIGN.md "Data"), finish or fail. A claim
 * is fenced by (claimed_by, attempts): a worker whose lease ran out and whose job was
 * claimed again cannot finish or fail it any more.
 */
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Database, JobsTable } from '../db/schema.ts';
import { MAX_ATTEMPTS } from './schedule.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  readonly orgId: string;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly payload?: Record<string, unknown>;
  /** Not before this instant (default now). */
  readonly runAt?: Date;
}

/** The claim a worker holds: only its holder may finish or fail the job. */
export interface Claim {
  readonly orgId: string;
  readonly jobId: string;
  readonly claimedBy: string;
  readonly attempts: number;
}

export const claimOf = (job: JobRow): Claim => ({ orgId: job.org_id, jobId: job.job_id, claimedBy: job.claimed_by!, attempts: job.attempts });

/** Adds jobs unless the same (kind, dedupe key) exists in the organization, finished or not; returns how many were new. */
export async function enqueueJobs(db: Db, jobs: readonly NewJob[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const inserted = await db
    .insertInto('jobs')
    .values(jobs.map((j) => ({
      org_id: j.orgId,
      job_id: randomUUID(),
      kind: j.kind,
      dedupe_key: j.dedupeKey,
      payload: JSON.stringify(j.payload ?? {}),
      run_at: j.runAt ?? now,
      created_at: now,
    })))
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'dedupe_key']).doNothing())
    .returning('job_id')
    .execute();
  return inserted.length;
}

/**
 * Claims up to `limit` runnable jobs (due, unfinished, not under a live lease), oldest due
 * first, across organizations. Rows another transaction is claiming are skipped, not waited
 * for, so concurrent workers take different jobs; the lease lets another worker take a job
 * whose worker died.
 *
 * Every claim counts as an attempt. A job already claimed `maxAttempts` times whose lease ran
 * out without a finish or a failure (its worker crashed, or was killed, every time) is not
 * claimed again: in the same statement it is finished with last_error "abandoned after N
 * attempts", so a job that kills its worker cannot be reclaimed forever.
 */
export async function claimJobs(db: Db, workerId: string, now: Date, leaseMs: number, limit: number, maxAttempts: number = MAX_ATTEMPTS): Promise<JobRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<JobRow>`
    WITH runnable AS (
      SELECT org_id, job_id, attempts FROM jobs
       WHERE finished_at IS NULL AND run_at <= ${now} AND (claimed_until IS NULL OR claimed_until <= ${now})
       ORDER BY run_at, job_id
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED
    ), abandoned AS (
      UPDATE jobs AS j
         SET finished_at = ${now}, claimed_until = NULL, last_error = 'abandoned after ' || j.attempts || ' attempts'
        FROM runnable
       WHERE j.org_id = runnable.org_id AND j.job_id = runnable.job_id AND runnable.attempts >= ${maxAttempts}
      RETURNING j.job_id
    )
    UPDATE jobs AS j
       SET claimed_by = ${workerId}, claimed_until = ${leaseUntil}, attempts = j.attempts + 1
      FROM runnable
     WHERE j.org_id = runnable.org_id AND j.job_id = runnable.job_id AND runnable.attempts < ${maxAttempts}
 RETURNING j.*`.execute(db);
  return [...result.rows].sort((a, b) => a.run_at.getTime() - b.run_at.getTime());
}

const heldBy = (claim: Claim) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.and([eb('org_id', '=', claim.orgId), eb('job_id', '=', claim.jobId), eb('claimed_by', '=', claim.claimedBy), eb('attempts', '=', claim.attempts), eb('finished_at', 'is', null)]);

/** Marks the job done; false when the claim was lost (the lease ran out and another worker has it). */
export async function finishJob(db: Db, claim: Claim, now: Date): Promise<boolean> {
  const row = await db.updateTable('jobs').set({ finished_at: now, claimed_until: null, last_error: null }).where(heldBy(claim)).returning('job_id').executeTakeFirst();
  return row !== undefined;
}

/**
 * Records a failure: the job runs again at `retryAt`, or, when `retryAt` is null (out of
 * attempts), it is finished with its last error kept for whoever reads the table.
 */
export async function failJob(db: Db, claim: Claim, error: string, retryAt: Date | null, now: Date): Promise<boolean> {
  const fields = retryAt ? { run_at: retryAt, claimed_by: null, claimed_until: null, last_error: error } : { finished_at: now, claimed_until: null, last_error: error };
  const row = await db.updateTable('jobs').set(fields).where(heldBy(claim)).returning('job_id').executeTakeFirst();
  return row !== undefined;
}

/** Finished jobs older than `before` (their dedupe keys are time buckets long past). */
export async function deleteFinishedJobs(db: Db, orgId: string, before: Date): Promise<number> {
  const rows = await db.deleteFrom('jobs').where('org_id', '=', orgId).where('finished_at', '<', before).returning('job_id').execute();
  return rows.length;
}

export function jobById(db: Db, orgId: string, jobId: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('org_id', '=', orgId).where('job_id', '=', jobId).executeTakeFirst();
}

/** Every organization (each gets its own sweeps). */
export async function organizationIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('organizations').select('org_id').orderBy('org_id').execute()).map((r) => r.org_id);
}

/** Active facilities of an organization with what scheduling their jobs needs. */
export function activeFacilities(db: Db, orgId: string) {
  return db.selectFrom('facilities').select(['facility_id', 'time_zone', 'week_starts_on']).where('org_id', '=', orgId).where('active', '=', true).orderBy('facility_id').execute();
}
export type FacilityClock = Awaited<ReturnType<typeof activeFacilities>>[number];
