/**
 * argon2id hashing (OWASP parameters: 19 MiB memory, 2 iterations) via @node-rs/argon2,
 * whose default algorithm is argon2id (its `Algorithm` is a const enum, which
 * verbatimModuleSyntax cannot import; passwords.test.ts checks the hash's prefix).
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown e-mails cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('cairn-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
