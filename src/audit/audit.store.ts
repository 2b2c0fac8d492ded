/** SQL for the audit trail. Appends lock the organization's chain head row. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditAction, type StoredEvent, GENESIS_HASH, eventHash } from './chain.ts';

export interface AuditWrite {
  readonly orgId: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly ip: string | null;
  readonly purpose: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId?: string | null;
  readonly patientId?: string | null;
  readonly details?: Record<string, unknown> | null;
}

/** Starts an organization's chain; called in the transaction that creates the organization. */
export async function startChain(trx: Transaction<Database>, orgId: string): Promise<void> {
  await trx.insertInto('audit_chain_heads').values({ org_id: orgId, last_seq: 0, last_hash: GENESIS_HASH }).execute();
}

export async function appendAuditEvent(trx: Transaction<Database>, write: AuditWrite): Promise<void> {
  const head = await trx
    .selectFrom('audit_chain_heads')
    .select(['last_seq', 'last_hash'])
    .where('org_id', '=', write.orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const event = {
    orgId: write.orgId,
    seq: head.last_seq + 1,
    eventId: randomUUID(),
    occurredAt: write.occurredAt,
    actorId: write.actorId,
    actorRole: write.actorRole,
    action: write.action,
    entity: write.entity,
    entityId: write.entityId ?? null,
    patientId: write.patientId ?? null,
    ip: write.ip,
    purpose: write.purpose,
    details: write.details ?? null,
    prevHash: head.last_hash,
  };
  const hash = eventHash(event);
  await trx
    .insertInto('audit_events')
    .values({
      org_id: event.orgId,
      seq: event.seq,
      event_id: event.eventId,
      occurred_at: event.occurredAt,
      actor_id: event.actorId,
      actor_role: event.actorRole,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      patient_id: event.patientId,
      ip: event.ip,
      purpose: event.purpose,
      details: event.details === null ? null : JSON.stringify(event.details),
      prev_hash: event.prevHash,
      hash,
    })
    .execute();
  await trx
    .updateTable('audit_chain_heads')
    .set({ last_seq: event.seq, last_hash: hash })
    .where('org_id', '=', write.orgId)
    .execute();
}

export interface AuditSearch {
  readonly orgId: string;
  readonly actorId?: string | undefined;
  readonly patientId?: string | undefined;
  readonly entity?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Events with seq below this (keyset paging, newest first). */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

export async function searchAuditEvents(db: Kysely<Database>, search: AuditSearch) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'e.org_id').onRef('s.staff_id', '=', 'e.actor_id'))
    .select([
      'e.seq',
      'e.event_id',
      'e.occurred_at',
      'e.actor_id',
      's.full_name as actor_name',
      's.email as actor_email',
      'e.actor_role',
      'e.action',
      'e.entity',
      'e.entity_id',
      'e.patient_id',
      'e.ip',
      'e.purpose',
      'e.details',
    ])
    .where('e.org_id', '=', search.orgId);
  if (search.actorId) query = query.where('e.actor_id', '=', search.actorId);
  if (search.patientId) query = query.where('e.patient_id', '=', search.patientId);
  if (search.entity) query = query.where('e.entity', '=', search.entity);
  if (search.action) query = query.where('e.action', '=', search.action);
  if (search.from) query = query.where('e.occurred_at', '>=', search.from);
  if (search.to) query = query.where('e.occurred_at', '<', search.to);
  if (search.beforeSeq) query = query.where('e.seq', '<', search.beforeSeq);
  return query.orderBy('e.seq', 'desc').limit(search.limit).execute();
}

/** Every organization with its chain head (null when the head row is missing: itself a break). */
export async function organizationsWithChains(db: Kysely<Database>) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('audit_chain_heads as h', 'h.org_id', 'o.org_id')
    .select(['o.org_id', 'h.last_seq', 'h.last_hash'])
    .orderBy('o.org_id')
    .execute();
}

/** One batch of an organization's events in chain order, for verification. */
export async function chainBatch(db: Kysely<Database>, orgId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    seq: r.seq,
    eventId: r.event_id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    ip: r.ip,
    purpose: r.purpose,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
