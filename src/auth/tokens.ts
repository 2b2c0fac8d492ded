/**
 * Secrets handed to browsers: session cookies and one-time links. Each is
 * `<org_id>.<random>`: the organization part lets the lookup use the full
 * (org_id, …) key; only a SHA-256 of the random part is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface IssuedSecret {
  /** What the browser holds. */
  readonly token: string;
  /** What the database holds. */
  readonly hash: string;
}

export function issueSecret(orgId: string): IssuedSecret {
  const secret = randomToken();
  return { token: `${orgId}.${secret}`, hash: sha256Hex(secret) };
}

export function parseSecret(token: string | undefined): { orgId: string; hash: string } | undefined {
  if (!token) return undefined;
  const dot = token.indexOf('.');
  const orgId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (dot < 0 || !UUID.test(orgId) || !/^[A-Za-z0-9_-]{20,200}$/.test(secret)) return undefined;
  return { orgId, hash: sha256Hex(secret) };
}
