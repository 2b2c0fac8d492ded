/**
 * When a sign-in session ends and when an account locks. Pure: `now` comes in.
 * HIPAA §164.312(a)(2)(iii) automatic logoff: idle timeout (default 15 min) and an
 * absolute lifetime (default 12 h).
 */
export interface SessionTimes {
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export type SessionState = 'active' | 'idle_timeout' | 'expired' | 'revoked';

export function sessionState(session: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMinutes * 60_000) return 'idle_timeout';
  return 'active';
}

/**
 * last_seen_at is written at most once a minute (or a quarter of a very short idle
 * timeout), so reads do not each cost a write yet activity always keeps a session alive.
 */
export function needsTouch(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  const interval = Math.min(60_000, (idleMinutes * 60_000) / 4);
  return now.getTime() - lastSeenAt.getTime() >= interval;
}

export function sessionExpiry(createdAt: Date, absoluteHours: number): Date {
  return new Date(createdAt.getTime() + absoluteHours * 3_600_000);
}

export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * Attempts are numbered before the password is checked (1 = first since the last
 * success), so guesses sent in parallel each take a number. Past the limit an attempt
 * is refused unchecked.
 */
export function attemptOverLimit(attempt: number, policy: LockoutPolicy): boolean {
  return attempt > policy.maxFailures;
}

/** When the failed attempt numbered `attempt` locks the account: at the limit, for lockMinutes. */
export function lockAfterFailure(attempt: number, now: Date, policy: LockoutPolicy): Date | null {
  return attempt >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
}
