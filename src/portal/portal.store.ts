/** SQL for patient portal accounts, invitations and sessions. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, PatientSessionsTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertPortalSession(db: Db, row: Insertable<PatientSessionsTable>): Promise<void> {
  await db.insertInto('patient_sessions').values(row).execute();
}

export function findPortalSession(db: Db, orgId: string, sessionId: string) {
  return db
    .selectFrom('patient_sessions as s')
    .innerJoin('patient_accounts as a', (join) => join.onRef('a.org_id', '=', 's.org_id').onRef('a.patient_id', '=', 's.patient_id'))
    .select(['s.session_id', 's.patient_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.revoked_at', 'a.status as account_status'])
    .where('s.org_id', '=', orgId)
    .where('s.session_id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchPortalSession(db: Db, orgId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('patient_sessions').set({ last_seen_at: now }).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}
