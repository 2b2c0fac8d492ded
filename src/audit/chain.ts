/**
 * The audit trail's tamper evidence: each event's hash covers its own fields and the
 * previous event's hash, per organization, so changing or removing any event breaks the
 * chain from that point on (HIPAA §164.312(b) audit controls, (c) integrity).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'login', 'login_failed', 'logout', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The fields an event's hash covers, in the form stored. */
export interface ChainedEvent {
  readonly orgId: string;
  readonly seq: number;
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly patientId: string | null;
  readonly ip: string | null;
  readonly purpose: string;
  readonly details: unknown;
  readonly prevHash: string;
}

/** JSON with object keys sorted, since jsonb does not keep the order they were written in. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(event: ChainedEvent): string {
  const body = canonicalJson([
    event.orgId,
    event.seq,
    event.eventId,
    event.occurredAt.toISOString(),
    event.actorId,
    event.actorRole,
    event.action,
    event.entity,
    event.entityId,
    event.patientId,
    event.ip,
    event.purpose,
    event.details ?? null,
  ]);
  return createHash('sha256').update(event.prevHash).update('\n').update(body).digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  readonly hash: string;
}

export type ChainBreak =
  | { readonly kind: 'modified'; readonly seq: number; readonly eventId: string }
  | { readonly kind: 'relinked'; readonly seq: number; readonly eventId: string }
  | { readonly kind: 'missing'; readonly seq: number; readonly beforeEventId: string | null }
  | { readonly kind: 'head_mismatch'; readonly seq: number }
  | { readonly kind: 'head_missing' };

export function describeBreak(orgId: string, problem: ChainBreak): string {
  switch (problem.kind) {
    case 'modified':
      return `organization ${orgId}: event #${problem.seq} (${problem.eventId}) was changed after it was written`;
    case 'relinked':
      return `organization ${orgId}: event #${problem.seq} (${problem.eventId}) does not follow the event before it`;
    case 'missing':
      return problem.beforeEventId
        ? `organization ${orgId}: event #${problem.seq} is missing (found before event ${problem.beforeEventId})`
        : `organization ${orgId}: event #${problem.seq} and any after it are missing (the chain head records more events)`;
    case 'head_mismatch':
      return `organization ${orgId}: the chain head does not match event #${problem.seq}`;
    case 'head_missing':
      return `organization ${orgId}: the chain head is missing, so removed events could go unnoticed`;
  }
}

/**
 * Walks one organization's events in seq order and reports the first break. Incremental
 * (push batch by batch) so a long trail is verified in constant memory.
 */
export class ChainVerifier {
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #count = 0;

  push(event: StoredEvent): ChainBreak | undefined {
    if (event.seq !== this.#expectedSeq) {
      return { kind: 'missing', seq: this.#expectedSeq, beforeEventId: event.eventId };
    }
    if (event.prevHash !== this.#prevHash) return { kind: 'relinked', seq: event.seq, eventId: event.eventId };
    if (eventHash(event) !== event.hash) return { kind: 'modified', seq: event.seq, eventId: event.eventId };
    this.#prevHash = event.hash;
    this.#expectedSeq += 1;
    this.#count += 1;
    return undefined;
  }

  /** Compares the end of the walk with the organization's chain head. */
  finish(head: { lastSeq: number; lastHash: string } | undefined): ChainBreak | undefined {
    if (!head) return { kind: 'head_missing' };
    const lastSeq = head.lastSeq;
    if (lastSeq > this.#count) return { kind: 'missing', seq: this.#count + 1, beforeEventId: null };
    if (lastSeq < this.#count || head.lastHash !== this.#prevHash) {
      return { kind: 'head_mismatch', seq: this.#count };
    }
    return undefined;
  }

  get count(): number {
    return this.#count;
  }
}
