/**
 * Patient portal accounts: staff invite a patient with a one-time link (72 h); the patient
 * sets a password and is signed in; later sign-ins are by e-mail and password, with the
 * same lockout as staff accounts. Every step is in the audit trail.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { checkPassword } from '../auth/account-links.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { attemptOverLimit, lockAfterFailure } from '../auth/session-rules.ts';
import { issueSecret, parseSecret } from '../auth/tokens.ts';
import { AppError } from '../http/errors.ts';
import { type NewPortalSession, startPortalSession } from './portal-sessions.ts';
import {
  activateAccount,
  beginPortalLoginAttempt,
  findPortalAccountsByEmail,
  findPortalAccountForUpdate,
  findPortalTokenForUpdate,
  insertPortalToken,
  lockPortalAccount,
  markPortalTokenUsed,
  portalEmailTaken,
  revokePortalSessionsOf,
  setAccountStatus,
  upsertInvitedAccount,
} from './portal.store.ts';

export const PORTAL_INVITE_VALID_HOURS = 72;

export interface Client {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

const patientContext = (orgId: string, patientId: string, now: Date, client: Client): AuditContext => ({
  orgId,
  occurredAt: now,
  actorId: patientId,
  actorRole: 'patient',
  ip: client.ip,
  purpose: 'security',
});

/** Staff invite (or re-invite) a patient to the portal; returns the one-time link. */
export async function invitePatient(deps: AppDeps, context: AuditContext, patientId: string, email: string): Promise<{ link: string; expiresAt: Date }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findPortalAccountForUpdate(trx, context.orgId, patientId);
    if (existing?.status === 'active') {
      throw new AppError(409, 'portal_account_exists', 'This patient already has an active portal account. Deactivate it first to send a new invitation.');
    }
    if (await portalEmailTaken(trx, email, { orgId: context.orgId, patientId })) {
      throw new AppError(409, 'email_taken', 'Another patient of your organization uses this e-mail address for the portal.', [{ path: 'email', message: 'is already in use' }]);
    }
    await upsertInvitedAccount(trx, context.orgId, patientId, email, now);
    const secret = issueSecret(context.orgId);
    const expiresAt = new Date(now.getTime() + PORTAL_INVITE_VALID_HOURS * 3_600_000);
    await insertPortalToken(trx, { org_id: context.orgId, token_hash: secret.hash, patient_id: patientId, created_at: now, expires_at: expiresAt });
    await recordAudit(trx, context, { action: 'create', entity: 'portal_invitation', entityId: patientId, patientId });
    // The token travels in the fragment, which browsers send neither to servers nor in Referer.
    return { link: `${deps.config.publicUrl}/portal/accept#token=${secret.token}`, expiresAt };
  });
}

/** Staff switch a patient's portal access off (all portal sessions end) or back on. */
export async function setPortalAccess(deps: AppDeps, context: AuditContext, patientId: string, active: boolean): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const account = await findPortalAccountForUpdate(trx, context.orgId, patientId);
    if (!account || account.status === 'invited') throw new AppError(404, 'not_found', 'This patient has no active portal account.');
    if (active && !account.password_hash) throw new AppError(409, 'conflict', 'The patient has not set a password yet; send a new invitation.');
    await setAccountStatus(trx, context.orgId, patientId, active ? 'active' : 'deactivated', now);
    if (!active) await revokePortalSessionsOf(trx, context.orgId, patientId, now);
    await recordAudit(trx, context, { action: 'update', entity: 'portal_account', entityId: patientId, patientId, details: { status: active ? 'active' : 'deactivated' } });
  });
}

const invalidLink = () => new AppError(404, 'token_invalid', 'This link is not valid: it may have expired or been used already. Ask the clinic for a new one.');

/** The patient sets a password from the invitation link and is signed in. */
export async function acceptInvitation(deps: AppDeps, token: string, password: string, client: Client): Promise<{ orgId: string; patientId: string; session: NewPortalSession }> {
  const parsed = parseSecret(token);
  if (!parsed) throw invalidLink();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx: Transaction<Database>) => {
    const row = await findPortalTokenForUpdate(trx, parsed.orgId, parsed.hash);
    if (!row || row.used_at !== null || row.expires_at.getTime() <= now.getTime()) throw invalidLink();
    const account = await findPortalAccountForUpdate(trx, parsed.orgId, row.patient_id);
    if (!account || account.status === 'deactivated') throw invalidLink();
    checkPassword(password, account.email);
    await markPortalTokenUsed(trx, parsed.orgId, parsed.hash, now);
    await activateAccount(trx, parsed.orgId, row.patient_id, await hashPassword(password), now);
    const session = await startPortalSession(trx, deps, { orgId: parsed.orgId, patientId: row.patient_id }, client);
    await recordAudit(trx, patientContext(parsed.orgId, row.patient_id, now, client), { action: 'login', entity: 'portal_session', entityId: row.patient_id, patientId: row.patient_id, details: { via: 'invitation' } });
    return { orgId: parsed.orgId, patientId: row.patient_id, session };
  });
}

const INVALID = () => new AppError(401, 'invalid_credentials', 'The e-mail or password is not right.');

type Account = NonNullable<Awaited<ReturnType<typeof findPortalAccountsByEmail>>[number]>;
type AttemptResult = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'locked' } | { kind: 'inactive' };

/**
 * One counted attempt on one account, as for staff: counted before the password is
 * checked so parallel guesses each count; the attempt that reaches the limit locks.
 */
async function attemptAccount(deps: AppDeps, account: Account, password: string, client: Client, now: Date): Promise<AttemptResult> {
  const { org_id: orgId, patient_id: patientId } = account;
  const policy = { maxFailures: deps.config.loginMaxFailures, lockMinutes: deps.config.loginLockMinutes };
  const fail = (reason: string) =>
    deps.db.transaction().execute((trx) => recordAudit(trx, patientContext(orgId, patientId, now, client), { action: 'login_failed', entity: 'portal_session', entityId: patientId, patientId, details: { reason } }));
  const attempt = await beginPortalLoginAttempt(deps.db, orgId, patientId, now);
  if (attempt === undefined || attemptOverLimit(attempt, policy)) {
    if (attempt !== undefined) await lockPortalAccount(deps.db, orgId, patientId, lockAfterFailure(attempt, now, policy), now);
    await fail('account locked');
    return { kind: 'locked' };
  }
  if (!account.password_hash || !(await verifyPassword(account.password_hash, password))) {
    const lockUntil = lockAfterFailure(attempt, now, policy);
    if (lockUntil) await lockPortalAccount(deps.db, orgId, patientId, lockUntil, now);
    await fail(lockUntil ? 'wrong password; account locked' : 'wrong password');
    return { kind: lockUntil ? 'locked' : 'wrong' };
  }
  if (account.status !== 'active') {
    await fail('account deactivated');
    return { kind: 'inactive' };
  }
  return { kind: 'ok' };
}

/**
 * Portal sign-in by e-mail and password. An address is unique within an organization, so
 * the same person may hold accounts at two organizations: each is tried, and the one
 * whose password matches signs in.
 */
export async function portalLogin(deps: AppDeps, email: string, password: string, client: Client): Promise<{ orgId: string; patientId: string; session: NewPortalSession }> {
  const accounts = (await findPortalAccountsByEmail(deps.db, email)).filter((a) => a.password_hash !== null);
  if (accounts.length === 0) {
    await burnPasswordCheck(password);
    throw INVALID();
  }
  const now = deps.clock.now();
  const lockMinutes = deps.config.loginLockMinutes;
  let signedIn: Account | undefined;
  const results: AttemptResult[] = [];
  for (const account of accounts) {
    const result = await attemptAccount(deps, account, password, client, now);
    results.push(result);
    if (result.kind === 'ok') {
      signedIn = account;
      break;
    }
  }
  if (!signedIn) {
    if (results.some((r) => r.kind === 'inactive')) throw new AppError(403, 'account_inactive', 'Portal access for this account is switched off. Please contact your clinic.');
    if (results.every((r) => r.kind === 'locked')) throw new AppError(423, 'account_locked', `Too many failed sign-ins. Try again in ${lockMinutes} minutes.`, { lockMinutes });
    throw INVALID();
  }
  const { org_id: orgId, patient_id: patientId } = signedIn;
  const session = await deps.db.transaction().execute(async (trx) => {
    await lockPortalAccount(trx, orgId, patientId, null, now);
    const started = await startPortalSession(trx, deps, { orgId, patientId }, client);
    await recordAudit(trx, patientContext(orgId, patientId, now, client), { action: 'login', entity: 'portal_session', entityId: patientId, patientId });
    return started;
  });
  return { orgId, patientId, session };
}
