/**
 * Work other areas own, run by the job runner each facility day: the morning random drug-test
 * draw (drugtests/daily-selection.ts) and marking observed doses nobody recorded as missed
 * (medications/missed-doses.ts). Each is idempotent for its facility day.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { runDailySelection } from '../drugtests/daily-selection.ts';
import { dateOfJob, facilityOfJob } from './facility-job.ts';
import type { JobContext, JobHandler } from './runner.ts';
import { systemAudit } from './system-audit.ts';

/** Today's random selection at the facility (the job is planned from 05:00 local, schedule.ts). */
export async function drugTestSelectionJob(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  await runDailySelection(trx, systemAudit(job.orgId, job.now), { orgId: job.orgId, facilityId: facility.facility_id, date: dateOfJob(job), now: job.now, runBy: null });
}

/**
 * WIRING POINT — missed observed doses. `recordMissedDoses(trx, audit, { orgId, facilityId,
 * date, now })` from src/medications/missed-doses.ts (CM) is not written yet. Once it exists,
 * replace `undefined` with:
 *
 *   async (trx, job) => {
 *     const facility = await facilityOfJob(trx, job);
 *     if (facility) await recordMissedDoses(trx, systemAudit(job.orgId, job.now), { orgId: job.orgId, facilityId: facility.facility_id, date: dateOfJob(job), now: job.now });
 *   }
 *
 * While it is undefined the sweep does not plan 'missed_doses' jobs (handlers.ts), so the
 * past three days are caught up once it is wired rather than marked done as no-ops.
 */
export const missedDosesJob: JobHandler | undefined = undefined;
