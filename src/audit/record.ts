/** Writing audit events from a request: who, from where, for what purpose. */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { auditRole } from '../http/actor.ts';
import { accessOf, actorOf, patientActorOf } from '../http/access.ts';
import { type AuditWrite, appendAuditEvent } from './audit.store.ts';
import type { AuditAction } from './chain.ts';

/** Everything about an audit event that comes from the request rather than the action. */
export type AuditContext = Pick<AuditWrite, 'orgId' | 'occurredAt' | 'actorId' | 'actorRole' | 'ip' | 'purpose'>;

export interface AuditEntry {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId?: string | null;
  readonly patientId?: string | null;
  /** What changed, by field name; never free text that may hold clinical content. */
  readonly details?: Record<string, unknown> | null;
}

export function auditContextOf(request: FastifyRequest, now: Date): AuditContext {
  const actor = actorOf(request);
  return {
    orgId: actor.orgId,
    occurredAt: now,
    actorId: actor.staffId,
    actorRole: auditRole(actor),
    ip: request.ip,
    purpose: accessOf(request).purpose,
  };
}

export function recordAudit(trx: Transaction<Database>, context: AuditContext, entry: AuditEntry): Promise<void> {
  return appendAuditEvent(trx, { ...context, ...entry });
}

/** A portal request: the patient is the actor, acting on their own records. */
export function portalAuditContextOf(request: FastifyRequest, now: Date): AuditContext {
  const patient = patientActorOf(request);
  return { orgId: patient.orgId, occurredAt: now, actorId: patient.patientId, actorRole: 'patient', ip: request.ip, purpose: accessOf(request).purpose };
}
