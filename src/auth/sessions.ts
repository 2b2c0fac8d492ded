/** Sign-in sessions: creating them, resolving the cookie on each request, ending them. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { isStaffRole, seesAllFacilities } from '../staff/roles.ts';
import { findSessionWithStaff, insertSession, touchSession } from './auth.store.ts';
import { needsTouch, sessionExpiry, sessionState } from './session-rules.ts';
import { issueSecret, parseSecret, randomToken } from './tokens.ts';

export const SESSION_COOKIE = 'cairn_session';

export interface NewSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function startSession(
  db: Kysely<Database> | Transaction<Database>,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  account: { orgId: string; staffId: string; mfaState: 'satisfied' | 'enrollment_required' },
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const secret = issueSecret(account.orgId);
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(now, deps.config.sessionAbsoluteHours);
  await insertSession(db, {
    orgId: account.orgId,
    sessionId: secret.hash,
    staffId: account.staffId,
    csrfToken,
    mfaState: account.mfaState,
    now,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { cookie: secret.token, csrfToken, expiresAt };
}

/** How every sign-in cookie is set (staff and portal): HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function sessionCookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' } as const;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.cookie, sessionCookieOptions(request));
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the session cookie to a signed-in staff member, or throws 401. */
export function authenticate(deps: AppDeps, request: FastifyRequest): Promise<StaffActor> {
  return authenticateCookie(deps, request.cookies[SESSION_COOKIE]);
}

export async function authenticateCookie(deps: AppDeps, cookie: string | undefined): Promise<StaffActor> {
  const parsed = parseSecret(cookie);
  if (!parsed) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const row = await findSessionWithStaff(deps.db, parsed.orgId, parsed.hash);
  if (!row) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const now = deps.clock.now();
  const state = sessionState(
    { lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, revokedAt: row.revoked_at },
    now,
    deps.config.sessionIdleMinutes,
  );
  if (state !== 'active' || row.status !== 'active') {
    throw new AppError(401, 'session_expired', 'Your session has ended. Sign in again.', { reason: row.status === 'active' ? state : 'account_inactive' });
  }
  if (needsTouch(row.last_seen_at, now, deps.config.sessionIdleMinutes)) await touchSession(deps.db, parsed.orgId, parsed.hash, now);
  const roles = row.roles.filter(isStaffRole);
  return {
    kind: 'staff',
    orgId: parsed.orgId,
    staffId: row.staff_id,
    email: row.email,
    fullName: row.full_name,
    roles,
    facilities: seesAllFacilities(roles) ? { kind: 'all' } : { kind: 'assigned', facilityIds: row.facility_ids },
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    mfaState: row.mfa_state,
  };
}
