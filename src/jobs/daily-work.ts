/**
 * Work other areas own, run by the job runner each facility day: the morning random drug-test
 * draw (drugtests/daily-selection.ts) and marking observed doses nobody recorded as missed
 * (medications/missed-doses.ts). Each is idempotent for its facility day.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { runDailySelection } from '../drugtests/daily-selection.ts';
import { recordMissedDoses } from '../medications/missed-doses.ts';
import { dateOfJob, facilityOfJob } from './facility-job.ts';
import type { JobContext } from './runner.ts';
import { systemAudit } from './system-audit.ts';

/** Today's random selection at the facility (the job is planned from 05:00 local, schedule.ts). */
export async function drugTestSelectionJob(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  await runDailySelection(trx, systemAudit(job.orgId, job.now), { orgId: job.orgId, facilityId: facility.facility_id, date: dateOfJob(job), now: job.now, runBy: null });
}

/** Observed doses of a past facility day that nobody recorded become missed, with their alerts. */
export async function missedDosesJob(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  await recordMissedDoses(trx, systemAudit(job.orgId, job.now), { orgId: job.orgId, facilityId: facility.facility_id, date: dateOfJob(job), now: job.now });
}
