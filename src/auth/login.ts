/**
 * Signing in: password (argon2id), lockout after repeated failures, optional TOTP, and
 * the organization-wide TOTP requirement. Each outcome is written to the audit trail.
 */
import type { Transaction } from 'kysely';
import type { AppDeps } from '../deps.ts';
import type { Database, StaffRow } from '../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../http/errors.ts';
import { getOrganization } from '../organizations/organizations.store.ts';
import { beginLoginAttempt, findStaffByEmail, lockAccount, recordLoginSuccess } from './auth.store.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { attemptOverLimit, lockAfterFailure } from './session-rules.ts';
import { type NewSession, startSession } from './sessions.ts';
import { totpCodeAccepted } from './totp.ts';

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly totp?: string | undefined;
}

export interface Client {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

const INVALID = () => new AppError(401, 'invalid_credentials', 'The e-mail or password is not right.');

function audit(
  trx: Transaction<Database>,
  deps: AppDeps,
  staff: StaffRow,
  client: Client,
  action: 'login' | 'login_failed',
  reason?: string,
): Promise<void> {
  return recordAudit(
    trx,
    {
      orgId: staff.org_id,
      occurredAt: deps.clock.now(),
      actorId: staff.staff_id,
      actorRole: staff.roles.join(',') || 'none',
      ip: client.ip,
      purpose: 'security',
    },
    { action, entity: 'session', entityId: staff.staff_id, details: reason ? { reason } : null },
  );
}

function auditFailure(deps: AppDeps, staff: StaffRow, client: Client, reason: string): Promise<void> {
  return deps.db.transaction().execute((trx) => audit(trx, deps, staff, client, 'login_failed', reason));
}

function lockedError(minutes: number): AppError {
  return new AppError(423, 'account_locked', `Too many failed sign-ins. The account is locked for ${minutes} minutes.`, {
    lockMinutes: minutes,
  });
}

/** Checks a second-factor code for an account that has one; returns the accepted time step. */
export function checkTotp(staff: StaffRow, code: string | undefined, now: Date): { ok: true; step: number | undefined } | { ok: false; missing: boolean } {
  if (!staff.totp_enabled_at || !staff.totp_secret) return { ok: true, step: undefined };
  if (!code) return { ok: false, missing: true };
  const step = totpCodeAccepted(staff.totp_secret, code, now, staff.totp_last_step);
  return step === undefined ? { ok: false, missing: false } : { ok: true, step };
}

export const TOTP_REQUIRED = () => new AppError(401, 'totp_required', 'Enter the 6-digit code from your authenticator app.');
export const TOTP_INVALID = () => new AppError(401, 'totp_invalid', 'The authenticator code is not right, or was already used.');

export type AttemptOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly error: AppError };

/**
 * One counted sign-in attempt for an account: refused when locked or over the limit,
 * otherwise `check` decides, and a failure counts toward the lock. Sign-in and
 * second-factor checks on one-time links share it, so neither can be guessed around it.
 */
export async function countedAttempt<T>(deps: AppDeps, staff: StaffRow, client: Client, check: () => Promise<AttemptOutcome<T>>): Promise<T> {
  const policy = { maxFailures: deps.config.loginMaxFailures, lockMinutes: deps.config.loginLockMinutes };
  const now = deps.clock.now();
  const attempt = await beginLoginAttempt(deps.db, staff.org_id, staff.staff_id, now);
  if (attempt === undefined || attemptOverLimit(attempt, policy)) {
    if (attempt !== undefined) await lockAccount(deps.db, staff.org_id, staff.staff_id, lockAfterFailure(attempt, now, policy)!, now);
    await auditFailure(deps, staff, client, 'account locked');
    throw lockedError(policy.lockMinutes);
  }
  const outcome = await check();
  if (outcome.ok) return outcome.value;
  const lockUntil = lockAfterFailure(attempt, now, policy);
  if (lockUntil) await lockAccount(deps.db, staff.org_id, staff.staff_id, lockUntil, now);
  await auditFailure(deps, staff, client, lockUntil ? `${outcome.reason}; account locked` : outcome.reason);
  throw lockUntil ? lockedError(policy.lockMinutes) : outcome.error;
}

/** The second-factor part of an attempt: a missing code is a prompt (it throws), a wrong or replayed one a failure. */
export function secondFactorOutcome(staff: StaffRow, code: string | undefined, now: Date): AttemptOutcome<number | undefined> {
  const totp = checkTotp(staff, code, now);
  if (!totp.ok && totp.missing) throw TOTP_REQUIRED();
  return totp.ok ? { ok: true, value: totp.step } : { ok: false, reason: 'totp_invalid', error: TOTP_INVALID() };
}

export async function login(deps: AppDeps, input: LoginInput, client: Client): Promise<{ staff: StaffRow; session: NewSession }> {
  const staff = await findStaffByEmail(deps.db, input.email);
  if (!staff || !staff.password_hash) {
    await burnPasswordCheck(input.password);
    throw INVALID();
  }
  const passwordHash = staff.password_hash;
  const totpStep = await countedAttempt(deps, staff, client, async () => {
    if (!(await verifyPassword(passwordHash, input.password))) return { ok: false, reason: 'wrong password', error: INVALID() };
    if (staff.status !== 'active') {
      await auditFailure(deps, staff, client, 'account deactivated');
      throw new AppError(403, 'account_inactive', 'This account has been deactivated. Ask an administrator.');
    }
    return secondFactorOutcome(staff, input.totp, deps.clock.now());
  });

  const org = await getOrganization(deps.db, staff.org_id);
  const mfaState = org?.require_totp && !staff.totp_enabled_at ? 'enrollment_required' : 'satisfied';
  const session = await deps.db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, staff.org_id, staff.staff_id, totpStep);
    const started = await startSession(trx, deps, { orgId: staff.org_id, staffId: staff.staff_id, mfaState }, client);
    await audit(trx, deps, staff, client, 'login');
    return started;
  });
  return { staff, session };
}
