/**
 * Signing in: password (argon2id), lockout after repeated failures, optional TOTP, and
 * the organization-wide TOTP requirement. Each outcome is written to the audit trail.
 */
import type { Transaction } from 'kysely';
import type { AppDeps } from '../deps.ts';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../http/errors.ts';
import { getOrganization } from '../organizations/organizations.store.ts';
import type { StaffRow } from '../db/schema.ts';
import { clearLoginFailures, findStaffByEmail, recordLoginFailure } from './auth.store.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { afterFailedLogin, isLocked } from './session-rules.ts';
import { type NewSession, startSession } from './sessions.ts';
import { totpCodeValid } from './totp.ts';

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

async function fail(deps: AppDeps, staff: StaffRow, client: Client, reason: string): Promise<never> {
  const now = deps.clock.now();
  const change = afterFailedLogin(staff.failed_login_count, now, {
    maxFailures: deps.config.loginMaxFailures,
    lockMinutes: deps.config.loginLockMinutes,
  });
  await deps.db.transaction().execute(async (trx) => {
    await recordLoginFailure(trx, staff.org_id, staff.staff_id, change, now);
    await audit(trx, deps, staff, client, 'login_failed', change.lockedUntil ? `${reason}; account locked` : reason);
  });
  if (change.lockedUntil) throw lockedError(deps.config.loginLockMinutes);
  throw reason === 'totp_invalid' ? new AppError(401, 'totp_invalid', 'The authenticator code is not right.') : INVALID();
}

function lockedError(minutes: number): AppError {
  return new AppError(423, 'account_locked', `Too many failed sign-ins. The account is locked for ${minutes} minutes.`, {
    lockMinutes: minutes,
  });
}

export async function login(deps: AppDeps, input: LoginInput, client: Client): Promise<{ staff: StaffRow; session: NewSession }> {
  const staff = await findStaffByEmail(deps.db, input.email);
  if (!staff || !staff.password_hash) {
    await burnPasswordCheck(input.password);
    throw INVALID();
  }
  const now = deps.clock.now();
  if (isLocked(staff.locked_until, now)) {
    await deps.db.transaction().execute((trx) => audit(trx, deps, staff, client, 'login_failed', 'account locked'));
    throw lockedError(deps.config.loginLockMinutes);
  }
  if (!(await verifyPassword(staff.password_hash, input.password))) return fail(deps, staff, client, 'wrong password');
  if (staff.status !== 'active') {
    throw new AppError(403, 'account_inactive', 'This account has been deactivated. Ask an administrator.');
  }
  if (staff.totp_enabled_at && staff.totp_secret) {
    if (!input.totp) throw new AppError(401, 'totp_required', 'Enter the 6-digit code from your authenticator app.');
    if (!totpCodeValid(staff.totp_secret, input.totp, now)) return fail(deps, staff, client, 'totp_invalid');
  }
  const org = await getOrganization(deps.db, staff.org_id);
  const mfaState = org?.require_totp && !staff.totp_enabled_at ? 'enrollment_required' : 'satisfied';
  const session = await deps.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, staff.org_id, staff.staff_id);
    const started = await startSession(trx, deps, { orgId: staff.org_id, staffId: staff.staff_id, mfaState }, client);
    await audit(trx, deps, staff, client, 'login');
    return started;
  });
  return { staff, session };
}
