/** SQL for sign-in: accounts by e-mail, sessions, one-time links. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AccountTokensTable, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function findStaffByEmail(db: Db, email: string) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/**
 * Numbers this sign-in attempt atomically (failed_login_count + 1), unless the account is
 * locked: then undefined. Concurrent attempts get distinct numbers.
 */
export async function beginLoginAttempt(db: Db, orgId: string, staffId: string, now: Date): Promise<number | undefined> {
  const row = await db
    .updateTable('staff')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_login_count')
    .executeTakeFirst();
  return row?.failed_login_count;
}

export async function lockAccount(db: Db, orgId: string, staffId: string, until: Date, now: Date): Promise<void> {
  await db
    .updateTable('staff')
    .set({ failed_login_count: 0, locked_until: until, updated_at: now })
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .execute();
}

/** A successful sign-in: attempts start again from zero; the TOTP step used cannot be used again. */
export async function recordLoginSuccess(db: Db, orgId: string, staffId: string, totpStep: number | undefined): Promise<void> {
  await db
    .updateTable('staff')
    .set({ failed_login_count: 0, locked_until: null, ...(totpStep !== undefined ? { totp_last_step: totpStep } : {}) })
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .execute();
}

export async function insertSession(
  db: Db,
  session: {
    orgId: string;
    sessionId: string;
    staffId: string;
    csrfToken: string;
    mfaState: 'satisfied' | 'enrollment_required';
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({
      org_id: session.orgId,
      session_id: session.sessionId,
      staff_id: session.staffId,
      csrf_token: session.csrfToken,
      mfa_state: session.mfaState,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      revoked_at: null,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** The session and its account in one read: this runs on every authenticated request. */
export function findSessionWithStaff(db: Db, orgId: string, sessionId: string) {
  return db
    .selectFrom('auth_sessions as s')
    .innerJoin('staff as u', (join) => join.onRef('u.org_id', '=', 's.org_id').onRef('u.staff_id', '=', 's.staff_id'))
    .select([
      's.session_id',
      's.csrf_token',
      's.mfa_state',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.staff_id',
      'u.email',
      'u.full_name',
      'u.roles',
      'u.status',
      sql<string[]>`coalesce((select array_agg(f.facility_id::text) from staff_facilities f
        where f.org_id = u.org_id and f.staff_id = u.staff_id), '{}')`.as('facility_ids'),
    ])
    .where('s.org_id', '=', orgId)
    .where('s.session_id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Db, orgId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('auth_sessions').set({ last_seen_at: now }).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, orgId: string, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every open session of an account (deactivation, password reset, role change). */
export async function revokeStaffSessions(db: Db, orgId: string, staffId: string, now: Date, exceptSessionId?: string): Promise<number> {
  let query = db
    .updateTable('auth_sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('session_id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setSessionMfaSatisfied(db: Db, orgId: string, sessionId: string): Promise<void> {
  await db.updateTable('auth_sessions').set({ mfa_state: 'satisfied' }).where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
}

/**
 * When an organization starts requiring a second factor, open sessions of staff without
 * one drop to enrolment-only at once rather than running on for hours.
 */
export async function requireEnrollmentForSessionsWithoutTotp(db: Db, orgId: string): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ mfa_state: 'enrollment_required' })
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .where('staff_id', 'in', (eb) => eb.selectFrom('staff').select('staff_id').where('org_id', '=', orgId).where('totp_enabled_at', 'is', null))
    .execute();
}

export async function insertAccountToken(
  db: Db,
  token: { orgId: string; hash: string; purpose: AccountTokensTable['purpose']; staffId: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({
      org_id: token.orgId,
      token_hash: token.hash,
      purpose: token.purpose,
      staff_id: token.staffId,
      created_at: token.now,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

/** Locks the link's row so two browsers cannot both use it. */
export function findAccountTokenForUpdate(trx: Transaction<Database>, orgId: string, hash: string) {
  return trx
    .selectFrom('account_tokens')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

export function findAccountToken(db: Db, orgId: string, hash: string) {
  return db.selectFrom('account_tokens').selectAll().where('org_id', '=', orgId).where('token_hash', '=', hash).executeTakeFirst();
}

export async function markAccountTokenUsed(trx: Transaction<Database>, orgId: string, hash: string, now: Date): Promise<void> {
  await trx.updateTable('account_tokens').set({ used_at: now }).where('org_id', '=', orgId).where('token_hash', '=', hash).execute();
}

/** Earlier unused links for the same account stop working when a new one is issued. */
export async function expireOpenTokens(db: Db, orgId: string, staffId: string, now: Date): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .execute();
}
