/** SQL for patient portal accounts, invitations and sessions. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
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

export async function revokePortalSession(db: Db, orgId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('patient_sessions').set({ revoked_at: now }).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}

export async function revokePortalSessionsOf(db: Db, orgId: string, patientId: string, now: Date): Promise<void> {
  await db.updateTable('patient_sessions').set({ revoked_at: now }).where('org_id', '=', orgId).where('patient_id', '=', patientId).where('revoked_at', 'is', null).execute();
}

export function findPortalAccount(db: Db, orgId: string, patientId: string) {
  return db.selectFrom('patient_accounts').selectAll().where('org_id', '=', orgId).where('patient_id', '=', patientId).executeTakeFirst();
}

export function findPortalAccountForUpdate(trx: Transaction<Database>, orgId: string, patientId: string) {
  return trx.selectFrom('patient_accounts').selectAll().where('org_id', '=', orgId).where('patient_id', '=', patientId).forUpdate().executeTakeFirst();
}

/** Portal accounts with this address: at most one per organization, possibly several in all. */
export function findPortalAccountsByEmail(db: Db, email: string) {
  return db.selectFrom('patient_accounts').selectAll().where(sql`lower(email)`, '=', email.trim().toLowerCase()).orderBy('org_id').limit(10).execute();
}

/** Whether another patient of the same organization already uses this address (other organizations are not consulted). */
export async function portalEmailTaken(db: Db, email: string, except: { orgId: string; patientId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('patient_accounts')
    .select('patient_id')
    .where('org_id', '=', except.orgId)
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .where('patient_id', '<>', except.patientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertInvitedAccount(trx: Transaction<Database>, orgId: string, patientId: string, email: string, now: Date): Promise<void> {
  await trx
    .insertInto('patient_accounts')
    .values({ org_id: orgId, patient_id: patientId, email: email.trim(), status: 'invited', password_hash: null, locked_until: null, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'patient_id']).doUpdateSet({ email: email.trim(), status: 'invited', password_hash: null, updated_at: now }))
    .execute();
}

export async function activateAccount(trx: Transaction<Database>, orgId: string, patientId: string, passwordHash: string, now: Date): Promise<void> {
  await trx
    .updateTable('patient_accounts')
    .set({ status: 'active', password_hash: passwordHash, failed_login_count: 0, locked_until: null, updated_at: now })
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .execute();
}

export async function setAccountStatus(trx: Transaction<Database>, orgId: string, patientId: string, status: 'active' | 'deactivated', now: Date): Promise<void> {
  await trx.updateTable('patient_accounts').set({ status, updated_at: now }).where('org_id', '=', orgId).where('patient_id', '=', patientId).execute();
}

/** Counts an attempt before the password is checked (as for staff), so parallel guesses each count. */
export async function beginPortalLoginAttempt(db: Db, orgId: string, patientId: string, now: Date): Promise<number | undefined> {
  const row = await db
    .updateTable('patient_accounts')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_login_count')
    .executeTakeFirst();
  return row?.failed_login_count;
}

export async function lockPortalAccount(db: Db, orgId: string, patientId: string, until: Date | null, now: Date): Promise<void> {
  await db.updateTable('patient_accounts').set({ failed_login_count: 0, locked_until: until, updated_at: now }).where('org_id', '=', orgId).where('patient_id', '=', patientId).execute();
}

export async function insertPortalToken(trx: Transaction<Database>, row: { org_id: string; token_hash: string; patient_id: string; created_at: Date; expires_at: Date }): Promise<void> {
  // A new invitation makes earlier unused ones void.
  await trx.updateTable('patient_account_tokens').set({ used_at: row.created_at }).where('org_id', '=', row.org_id).where('patient_id', '=', row.patient_id).where('used_at', 'is', null).execute();
  await trx.insertInto('patient_account_tokens').values({ ...row, used_at: null }).execute();
}

export function findPortalTokenForUpdate(trx: Transaction<Database>, orgId: string, tokenHash: string) {
  return trx.selectFrom('patient_account_tokens').selectAll().where('org_id', '=', orgId).where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function markPortalTokenUsed(trx: Transaction<Database>, orgId: string, tokenHash: string, now: Date): Promise<void> {
  await trx.updateTable('patient_account_tokens').set({ used_at: now }).where('org_id', '=', orgId).where('token_hash', '=', tokenHash).execute();
}

/** What the portal greets the patient with. */
export function portalProfile(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .innerJoin('organizations as o', 'o.org_id', 'p.org_id')
    .select(['p.patient_id', 'p.legal_given_name', 'p.legal_family_name', 'p.preferred_name', 'p.facility_id', 'f.name as facility_name', 'f.time_zone', 'f.week_starts_on', 'o.name as organization_name'])
    .where('p.org_id', '=', orgId)
    .where('p.patient_id', '=', patientId)
    .executeTakeFirst();
}
