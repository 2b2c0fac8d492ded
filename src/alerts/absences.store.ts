/** SQL for the absence rule: where rostered sessions took place, and the patients' group seats. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Bound parameters per query stay well under PostgreSQL's 65,535. */
const CHUNK = 10_000;

/** Facility and group of each session. */
export async function sessionFacilities(db: Db, orgId: string, sessionIds: readonly string[]) {
  const ids = [...new Set(sessionIds)];
  const out: { session_id: string; facility_id: string; group_id: string | null }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...await db.selectFrom('sessions').select(['session_id', 'facility_id', 'group_id']).where('org_id', '=', orgId).where('session_id', 'in', ids.slice(i, i + CHUNK)).execute());
  }
  return out;
}

/** The patients' group seats (enrolled or ended, seated: attendance/hours.store.ts rosteredSessions' definition), with the episode each was made under. */
export function groupSeatsOf(db: Db, orgId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_enrollments')
    .select(['patient_id', 'group_id', 'episode_id', 'seated_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('patient_id', 'in', [...patientIds])
    .where('status', 'in', ['enrolled', 'ended'])
    .where('seated_on', 'is not', null)
    .execute();
}
