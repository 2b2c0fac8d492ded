import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblem } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { attemptOverLimit, isLocked, lockAfterFailure, needsTouch, sessionState } from './session-rules.ts';

const at = (iso: string) => new Date(iso);

describe('password policy (NIST SP 800-63B)', () => {
  it('needs at least 12 characters, counting characters not bytes', () => {
    assert.equal(passwordProblem('elevenchars'), 'too_short');
    assert.equal(passwordProblem('twelve chars'), undefined);
    assert.equal(passwordProblem('ñandú-ñandú'), 'too_short');
  });
  it('refuses common passwords whatever their case', () => {
    assert.equal(passwordProblem('qwerty123456'), 'common');
    assert.equal(passwordProblem('QWERTY123456'), 'common');
  });
  it('refuses a password containing the e-mail name', () => {
    assert.equal(passwordProblem('casey.morgan-2026!', { email: 'casey.morgan@example.org' }), 'contains_email');
  });
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('river stone lantern');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'river stone lantern'), true);
    assert.equal(await verifyPassword(hash, 'river stone lanterns'), false);
  });
});

describe('session lifetime', () => {
  const session = { lastSeenAt: at('2026-11-24T15:00:00Z'), expiresAt: at('2026-11-25T03:00:00Z'), revokedAt: null };
  it('is active up to 15 idle minutes and ends at 15', () => {
    assert.equal(sessionState(session, at('2026-11-24T15:14:59Z'), 15), 'active');
    assert.equal(sessionState(session, at('2026-11-24T15:15:00Z'), 15), 'idle_timeout');
  });
  it('ends at its absolute expiry even when just used', () => {
    assert.equal(sessionState({ ...session, lastSeenAt: at('2026-11-25T02:59:00Z') }, at('2026-11-25T03:00:00Z'), 15), 'expired');
  });
  it('activity keeps even a one-minute idle timeout alive: last use is recorded often enough', () => {
    const last = at('2026-11-24T15:00:00Z');
    assert.equal(needsTouch(last, at('2026-11-24T15:00:14Z'), 1), false);
    assert.equal(needsTouch(last, at('2026-11-24T15:00:15Z'), 1), true);
    assert.equal(needsTouch(last, at('2026-11-24T15:00:59Z'), 15), false);
    assert.equal(needsTouch(last, at('2026-11-24T15:01:00Z'), 15), true);
  });
  it('a revoked session is revoked', () => {
    assert.equal(sessionState({ ...session, revokedAt: at('2026-11-24T15:01:00Z') }, at('2026-11-24T15:02:00Z'), 15), 'revoked');
  });
});

describe('lockout', () => {
  const policy = { maxFailures: 5, lockMinutes: 15 };
  const now = at('2026-11-24T15:00:00Z');
  it('a fourth failure does not lock; the fifth locks for 15 minutes', () => {
    assert.equal(lockAfterFailure(4, now, policy), null);
    assert.deepEqual(lockAfterFailure(5, now, policy), at('2026-11-24T15:15:00Z'));
  });
  it('a sixth attempt racing the fifth is refused without checking the password', () => {
    assert.equal(attemptOverLimit(5, policy), false);
    assert.equal(attemptOverLimit(6, policy), true);
  });
  it('a lock lapses at its end', () => {
    assert.equal(isLocked(at('2026-11-24T15:15:00Z'), at('2026-11-24T15:14:59Z')), true);
    assert.equal(isLocked(at('2026-11-24T15:15:00Z'), at('2026-11-24T15:15:00Z')), false);
  });
});
