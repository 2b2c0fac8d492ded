/**
 * One-time links: the first-run setup link (creates the first administrator), staff
 * invitations and password resets. A link works once and expires.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AccountTokensTable, Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../http/errors.ts';
import { getOrganization, updateOrganization } from '../organizations/organizations.store.ts';
import { countStaff, emailTaken, findStaffById, getStaffForUpdate, insertStaff, updateStaff } from '../staff/staff.store.ts';
import { findAccountToken, findAccountTokenForUpdate, markAccountTokenUsed, insertAccountToken, revokeStaffSessions } from './auth.store.ts';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { type NewSession, startSession } from './sessions.ts';
import { issueSecret, parseSecret } from './tokens.ts';
import { type Client, countedAttempt, secondFactorOutcome } from './login.ts';
import type { SetupBody } from './auth.schemas.ts';

export const LINK_VALID_HOURS: Record<AccountTokensTable['purpose'], number> = {
  setup: 24,
  invite: 72,
  password_reset: 24,
};

export const LINK_PATHS: Record<AccountTokensTable['purpose'], string> = {
  setup: '/setup',
  invite: '/welcome',
  password_reset: '/welcome',
};

export async function issueLink(
  db: Kysely<Database> | Transaction<Database>,
  link: { orgId: string; purpose: AccountTokensTable['purpose']; staffId: string | null; now: Date; publicUrl: string },
): Promise<{ url: string; expiresAt: Date }> {
  const secret = issueSecret(link.orgId);
  const expiresAt = new Date(link.now.getTime() + LINK_VALID_HOURS[link.purpose] * 3_600_000);
  await insertAccountToken(db, { orgId: link.orgId, hash: secret.hash, purpose: link.purpose, staffId: link.staffId, now: link.now, expiresAt });
  // The token travels in the fragment, which browsers do not send to servers or in Referer.
  return { url: `${link.publicUrl}${LINK_PATHS[link.purpose]}#token=${secret.token}`, expiresAt };
}

const invalidLink = () =>
  new AppError(404, 'token_invalid', 'This link is not valid: it may have expired or been used already. Ask an administrator for a new one.');

function usable(token: { expires_at: Date; used_at: Date | null } | undefined, now: Date) {
  return token !== undefined && token.used_at === null && token.expires_at.getTime() > now.getTime();
}

export function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) {
    throw new AppError(422, 'weak_password', PASSWORD_PROBLEM_MESSAGES[problem], [{ path: 'password', message: PASSWORD_PROBLEM_MESSAGES[problem], problem }]);
  }
}

export async function describeLink(deps: AppDeps, token: string) {
  const parsed = parseSecret(token);
  if (!parsed) throw invalidLink();
  const row = await findAccountToken(deps.db, parsed.orgId, parsed.hash);
  if (!row || !usable(row, deps.clock.now())) throw invalidLink();
  const org = await getOrganization(deps.db, parsed.orgId);
  const staff = row.staff_id ? await findStaffById(deps.db, parsed.orgId, row.staff_id) : undefined;
  return {
    purpose: row.purpose,
    totpRequired: staff?.totp_enabled_at != null,
    organizationName: org?.name ?? '',
    email: staff?.email ?? null,
    fullName: staff?.full_name ?? null,
    expiresAt: row.expires_at.toISOString(),
  };
}

/**
 * An invited staff member sets a password, or anyone with a reset link replaces theirs.
 * An account with an authenticator must give a current code too: a reset link alone must
 * not get past the second factor.
 */
export async function acceptLink(deps: AppDeps, token: string, password: string, totpCode: string | undefined, client: Client): Promise<NewSession> {
  const parsed = parseSecret(token);
  if (!parsed) throw invalidLink();
  const link = await findAccountToken(deps.db, parsed.orgId, parsed.hash);
  if (!link || !usable(link, deps.clock.now()) || !link.staff_id) throw invalidLink();
  const holder = await findStaffById(deps.db, parsed.orgId, link.staff_id);
  if (!holder || holder.status === 'deactivated') throw invalidLink();
  checkPassword(password, holder.email);
  const totpStep = holder.totp_enabled_at
    ? await countedAttempt(deps, holder, client, async () => secondFactorOutcome(holder, totpCode, deps.clock.now()))
    : undefined;
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await findAccountTokenForUpdate(trx, parsed.orgId, parsed.hash);
    if (!row || !usable(row, now) || row.purpose === 'setup' || !row.staff_id) throw invalidLink();
    const staff = await getStaffForUpdate(trx, parsed.orgId, row.staff_id);
    if (!staff || staff.status === 'deactivated') throw invalidLink();
    checkPassword(password, staff.email);
    await updateStaff(
      trx,
      staff.org_id,
      staff.staff_id,
      { password_hash: passwordHash, status: 'active', locked_until: null, failed_login_count: 0, ...(totpStep !== undefined ? { totp_last_step: totpStep } : {}) },
      now,
    );
    await revokeStaffSessions(trx, staff.org_id, staff.staff_id, now);
    await markAccountTokenUsed(trx, parsed.orgId, parsed.hash, now);
    await recordAudit(
      trx,
      { orgId: staff.org_id, occurredAt: now, actorId: staff.staff_id, actorRole: staff.roles.join(',') || 'none', ip: client.ip, purpose: 'security' },
      { action: 'update', entity: 'staff', entityId: staff.staff_id, details: { fields: ['password'], via: row.purpose } },
    );
    const org = await getOrganization(trx, staff.org_id);
    const mfaState = org?.require_totp && !staff.totp_enabled_at ? 'enrollment_required' : 'satisfied';
    return startSession(trx, deps, { orgId: staff.org_id, staffId: staff.staff_id, mfaState }, client);
  });
}

/** First run: the setup link creates the organization's first administrator. */
export async function completeSetup(deps: AppDeps, body: SetupBody, client: Client): Promise<NewSession> {
  const parsed = parseSecret(body.token);
  if (!parsed) throw invalidLink();
  checkPassword(body.password, body.email);
  const passwordHash = await hashPassword(body.password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await findAccountTokenForUpdate(trx, parsed.orgId, parsed.hash);
    if (!row || !usable(row, now) || row.purpose !== 'setup') throw invalidLink();
    if ((await countStaff(trx, parsed.orgId)) > 0) {
      throw new AppError(409, 'already_set_up', 'This organization already has an administrator. Sign in instead.');
    }
    if (await emailTaken(trx, body.email)) throw new AppError(409, 'email_taken', 'This e-mail address already has an account.', [{ path: 'email', message: 'already in use' }]);
    const staffId = await createAdministrator(trx, { orgId: parsed.orgId, email: body.email, fullName: body.fullName, passwordHash, now }, client.ip);
    await updateOrganization(trx, parsed.orgId, { name: body.organizationName.trim() }, now);
    await recordAudit(
      trx,
      { orgId: parsed.orgId, occurredAt: now, actorId: staffId, actorRole: 'admin', ip: client.ip, purpose: 'administration' },
      { action: 'update', entity: 'organization', entityId: parsed.orgId, details: { fields: ['name'], via: 'first_run' } },
    );
    await markAccountTokenUsed(trx, parsed.orgId, parsed.hash, now);
    return startSession(trx, deps, { orgId: parsed.orgId, staffId, mfaState: 'satisfied' }, client);
  });
}

export async function createAdministrator(
  trx: Transaction<Database>,
  admin: { orgId: string; email: string; fullName: string; passwordHash: string; now: Date },
  ip: string | null,
): Promise<string> {
  const staffId = randomUUID();
  await insertStaff(trx, {
    orgId: admin.orgId,
    staffId,
    email: admin.email,
    fullName: admin.fullName,
    credentials: [],
    roles: ['admin'],
    status: 'active',
    passwordHash: admin.passwordHash,
    now: admin.now,
  });
  await recordAudit(
    trx,
    { orgId: admin.orgId, occurredAt: admin.now, actorId: null, actorRole: 'system', ip, purpose: 'administration' },
    { action: 'create', entity: 'staff', entityId: staffId, details: { roles: ['admin'], via: 'first_run' } },
  );
  return staffId;
}
