/**
 * The per-organization sweep, once a minute: escalate overdue alerts, enqueue each active
 * facility's due work (schedule.ts), and once an hour drop finished jobs older than a week.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { escalateOverdueAlerts } from '../alerts/escalate.ts';
import { activeFacilities, deleteFinishedJobs, enqueueJobs, organizationIds } from './jobs.store.ts';
import type { JobContext, JobHandler } from './runner.ts';
import { type JobKind, facilityJobs, sweepJob } from './schedule.ts';
import { systemAudit } from './system-audit.ts';

const KEEP_FINISHED_MS = 7 * 24 * 60 * 60_000;

/** Enqueues this minute's sweep for every organization (a no-op for those already enqueued). */
export async function enqueueSweeps(db: Kysely<Database>, now: Date): Promise<number> {
  return enqueueJobs(db, (await organizationIds(db)).map((orgId) => sweepJob(orgId, now)), now);
}

export function sweepHandler(kinds: ReadonlySet<JobKind>): JobHandler {
  return async (trx: Transaction<Database>, job: JobContext) => {
    await escalateOverdueAlerts(trx, systemAudit(job.orgId, job.now), job.now);
    const facilities = await activeFacilities(trx, job.orgId);
    await enqueueJobs(trx, facilities.flatMap((f) => facilityJobs(job.orgId, f, job.now, { kinds })), job.now);
    if (job.now.getUTCMinutes() === 0) await deleteFinishedJobs(trx, job.orgId, new Date(job.now.getTime() - KEEP_FINISHED_MS));
  };
}
