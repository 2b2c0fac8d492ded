/**
 * Patient portal sessions: a cookie of its own (`cairn_portal`), resolved to the signed-in
 * patient on each portal request. Same lifetimes and secret handling as staff sessions.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { PatientActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { needsTouch, sessionExpiry, sessionState } from '../auth/session-rules.ts';
import { sessionCookieOptions } from '../auth/sessions.ts';
import { issueSecret, parseSecret, randomToken } from '../auth/tokens.ts';
import { findPortalSession, insertPortalSession, touchPortalSession } from './portal.store.ts';

export const PORTAL_COOKIE = 'cairn_portal';

export interface NewPortalSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function startPortalSession(
  db: Kysely<Database> | Transaction<Database>,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  account: { orgId: string; patientId: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<NewPortalSession> {
  const now = deps.clock.now();
  const secret = issueSecret(account.orgId);
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(now, deps.config.sessionAbsoluteHours);
  await insertPortalSession(db, {
    org_id: account.orgId,
    session_id: secret.hash,
    patient_id: account.patientId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    revoked_at: null,
    ip: client.ip,
    user_agent: client.userAgent,
  });
  return { cookie: secret.token, csrfToken, expiresAt };
}

export function setPortalCookie(request: FastifyRequest, reply: FastifyReply, session: NewPortalSession): void {
  reply.setCookie(PORTAL_COOKIE, session.cookie, sessionCookieOptions(request));
}

export function clearPortalCookie(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: '/' });
}

/** Resolves the portal cookie to the signed-in patient, or throws 401. */
export async function authenticatePatient(deps: AppDeps, request: FastifyRequest): Promise<PatientActor> {
  const parsed = parseSecret(request.cookies[PORTAL_COOKIE]);
  if (!parsed) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const row = await findPortalSession(deps.db, parsed.orgId, parsed.hash);
  if (!row) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const now = deps.clock.now();
  const state = sessionState({ lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, revokedAt: row.revoked_at }, now, deps.config.sessionIdleMinutes);
  if (state !== 'active' || row.account_status !== 'active') {
    throw new AppError(401, 'session_expired', 'Your session has ended. Sign in again.', { reason: row.account_status === 'active' ? state : 'account_inactive' });
  }
  if (needsTouch(row.last_seen_at, now, deps.config.sessionIdleMinutes)) await touchPortalSession(deps.db, parsed.orgId, parsed.hash, now);
  return { kind: 'patient', orgId: parsed.orgId, patientId: row.patient_id, sessionId: row.session_id, csrfToken: row.csrf_token };
}
