/**
 * Plan reviews overdue (daily per facility): the facility's plan worklist rows (one query,
 * plans.store.ts) judged by rules.ts planReviewAlerts against the facility's today.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { planReviewAlerts } from '../alerts/rules.ts';
import { worklistRows } from '../plans/plans.store.ts';
import { localDateOf } from '../time/local-time.ts';
import { facilityOfJob } from './facility-job.ts';
import type { JobContext } from './runner.ts';
import { systemAudit } from './system-audit.ts';

export async function planReviewSweep(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  const today = localDateOf(job.now, facility.time_zone);
  const candidates = (await worklistRows(trx, job.orgId, facility.facility_id)).flatMap((row) =>
    row.active_version !== null && row.review_due_on !== null
      ? planReviewAlerts({ patientId: row.patient_id, episodeId: row.episode_id, facilityId: facility.facility_id, version: row.active_version, reviewDueOn: row.review_due_on, today })
      : [],
  );
  await raiseAlerts(trx, systemAudit(job.orgId, job.now), candidates, job.now);
}
