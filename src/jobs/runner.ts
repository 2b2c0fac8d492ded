/**
 * Running jobs: claim a batch (jobs.store.ts), run each in its own transaction that also
 * marks it finished, so a job's effects and its completion commit together; a crash in the
 * middle loses neither, and the lease hands the job to another worker. A failure is kept on
 * the job (last_error) and retried with backoff (schedule.ts).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type JobRow, claimJobs, claimOf, failJob, finishJob } from './jobs.store.ts';
import { nextRetry } from './schedule.ts';

export interface JobContext {
  readonly orgId: string;
  readonly jobId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The clock's now when the job started. */
  readonly now: Date;
}

export type JobHandler = (trx: Transaction<Database>, job: JobContext) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RunOptions {
  readonly workerId: string;
  /** How long a claim holds before another worker may take the job. */
  readonly leaseMs: number;
  readonly batch: number;
}

export interface RunSummary {
  readonly claimed: number;
  readonly finished: number;
  readonly failed: number;
}

/** Thrown inside the job's transaction when its claim was lost, to roll its effects back. */
class ClaimLost extends Error {}

/** What is kept of an error: its type and message, bounded. */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1000);
}

async function runOne(deps: AppDeps, handlers: JobHandlers, job: JobRow): Promise<'finished' | 'failed' | 'lost'> {
  const claim = claimOf(job);
  const handler = handlers[job.kind];
  const now = deps.clock.now();
  if (!handler) {
    await failJob(deps.db, claim, `no handler for job kind ${job.kind}`, null, now);
    return 'failed';
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      await handler(trx, { orgId: job.org_id, jobId: job.job_id, payload: job.payload, now });
      if (!(await finishJob(trx, claim, deps.clock.now()))) throw new ClaimLost();
    });
    return 'finished';
  } catch (error) {
    if (error instanceof ClaimLost) return 'lost';
    const failedAt = deps.clock.now();
    await failJob(deps.db, claim, describe(error), nextRetry(job.attempts, failedAt), failedAt);
    return 'failed';
  }
}

/** Claims up to a batch of due jobs and runs them one after another. */
export async function runDueJobs(deps: AppDeps, handlers: JobHandlers, options: RunOptions): Promise<RunSummary> {
  const jobs = await claimJobs(deps.db, options.workerId, deps.clock.now(), options.leaseMs, options.batch);
  let finished = 0;
  let failed = 0;
  for (const job of jobs) {
    const outcome = await runOne(deps, handlers, job);
    if (outcome === 'finished') finished += 1;
    if (outcome === 'failed') failed += 1;
  }
  return { claimed: jobs.length, finished, failed };
}
