/** `cairn audit verify`: walks every organization's chain and names the first break. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chainBatch, organizationsWithChains } from './audit.store.ts';
import { ChainVerifier, describeBreak } from './chain.ts';

export interface VerifyReport {
  readonly ok: boolean;
  readonly organizations: number;
  readonly events: number;
  /** One line per organization whose chain is broken, naming its first broken event. */
  readonly problems: readonly string[];
}

const BATCH = 2000;

/** Verifies every organization's chain, or only `orgId`'s. */
export async function verifyAuditTrail(db: Kysely<Database>, orgId?: string): Promise<VerifyReport> {
  const heads = (await organizationsWithChains(db)).filter((h) => !orgId || h.org_id === orgId);
  const problems: string[] = [];
  let events = 0;
  for (const head of heads) {
    const verifier = new ChainVerifier();
    let afterSeq = 0;
    let problem;
    for (;;) {
      const batch = await chainBatch(db, head.org_id, afterSeq, BATCH);
      for (const event of batch) {
        problem = verifier.push(event);
        if (problem) break;
      }
      if (problem || batch.length < BATCH) break;
      afterSeq = batch[batch.length - 1]!.seq;
    }
    problem ??= verifier.finish(head.last_seq === null || head.last_hash === null ? undefined : { lastSeq: head.last_seq, lastHash: head.last_hash });
    events += verifier.count;
    if (problem) problems.push(describeBreak(head.org_id, problem));
  }
  return { ok: problems.length === 0, organizations: heads.length, events, problems };
}
