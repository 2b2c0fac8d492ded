import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { actorOf, allow } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { Nullable, Timestamp, Uuid, staffErrors } from '../http/schemas.ts';
import { searchAuditEvents } from './audit.store.ts';
import { auditContextOf, recordAudit } from './record.ts';
import { verifyAuditTrail } from './verify.ts';

const tags = ['Audit'];

/** A date-time the schema accepted but JavaScript cannot represent (e.g. a leap second) is a 400, not a 500. */
function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError(400, 'validation_failed', `${field} is not a usable date and time.`, [{ path: `querystring.${field}`, message: 'is not a usable date-time' }]);
  return date;
}

const AuditQuery = Type.Object({
  actorId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  entity: Type.Optional(Type.String({ maxLength: 50 })),
  action: Type.Optional(Type.String({ maxLength: 30 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

const AuditEvent = Type.Object({
  seq: Type.Integer(),
  eventId: Uuid,
  occurredAt: Timestamp,
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  patientId: Nullable(Uuid),
  ip: Nullable(Type.String()),
  purpose: Type.String(),
  details: Type.Unknown(),
});

export async function auditRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/audit', {
    config: { access: allow.organization(['admin'], 'security') },
    schema: {
      tags,
      summary: 'Search the audit trail by user, patient, entity, action and time; newest first',
      querystring: AuditQuery,
      response: { 200: Type.Object({ events: Type.Array(AuditEvent), nextBeforeSeq: Nullable(Type.Integer()) }), ...staffErrors },
    },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 100;
    const rows = await searchAuditEvents(deps.db, {
      orgId: actorOf(request).orgId,
      actorId: q.actorId,
      patientId: q.patientId,
      entity: q.entity,
      action: q.action,
      from: instant(q.from, 'from'),
      to: instant(q.to, 'to'),
      beforeSeq: q.beforeSeq,
      limit,
    });
    // Looking at who accessed what is itself an access worth recording.
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, auditContextOf(request, deps.clock.now()), {
        action: 'read',
        entity: 'audit_log',
        patientId: q.patientId ?? null,
        details: { filters: Object.keys(q).filter((k) => k !== 'limit' && k !== 'beforeSeq'), results: rows.length },
      }),
    );
    return {
      events: rows.map((r) => ({
        seq: r.seq,
        eventId: r.event_id,
        occurredAt: r.occurred_at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorEmail: r.actor_email,
        actorRole: r.actor_role,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        patientId: r.patient_id,
        ip: r.ip,
        purpose: r.purpose,
        details: r.details,
      })),
      nextBeforeSeq: rows.length === limit ? rows[rows.length - 1]!.seq : null,
    };
  });

  app.get('/api/audit/verify', {
    config: { access: allow.organization(['admin'], 'security') },
    schema: {
      tags,
      summary: 'Check the hash chain of the audit trail (the same check as `cairn audit verify`)',
      response: { 200: Type.Object({ ok: Type.Boolean(), events: Type.Integer(), problems: Type.Array(Type.String()) }), ...staffErrors },
    },
  }, async (request) => {
    const orgId = actorOf(request).orgId;
    const report = await verifyAuditTrail(deps.db, orgId);
    return { ok: report.ok, events: report.events, problems: [...report.problems] };
  });
}
