/** What facility jobs share: the facility named in the payload, with its clock. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import type { JobContext } from './runner.ts';

/** The job's facility; a facility since removed or deactivated leaves nothing to do (undefined). */
export async function facilityOfJob(trx: Transaction<Database>, job: JobContext) {
  const facilityId = job.payload['facilityId'];
  if (typeof facilityId !== 'string') throw new Error(`job ${job.jobId} names no facility`);
  const facility = await getFacility(trx, job.orgId, facilityId);
  return facility?.active ? facility : undefined;
}

/** The facility-local day named in the payload. */
export function dateOfJob(job: JobContext): string {
  const date = job.payload['date'];
  if (typeof date !== 'string') throw new Error(`job ${job.jobId} names no date`);
  return date;
}
