/**
 * Escalation (issue 5): an alert still unresolved at its due time goes to the facility's
 * clinical directors too. Exactly once per alert: escalated_at is set by one conditional
 * UPDATE, and a director already addressed keeps their first reason.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { directorsOfFacilities, insertRecipientsMany, markEscalated } from './alerts.store.ts';

export interface Escalation {
  readonly alertId: string;
  readonly patientId: string;
  readonly facilityId: string;
  /** Directors added by this escalation (not those already addressed). */
  readonly added: readonly string[];
}

/** Escalates every overdue alert of the organization not escalated before; audited per alert. */
export async function escalateOverdueAlerts(trx: Transaction<Database>, audit: AuditContext, now: Date): Promise<Escalation[]> {
  const overdue = await markEscalated(trx, audit.orgId, now);
  if (overdue.length === 0) return [];
  const directors = await directorsOfFacilities(trx, audit.orgId, [...new Set(overdue.map((a) => a.facility_id))]);
  const inserted = await insertRecipientsMany(
    trx,
    audit.orgId,
    overdue.flatMap((a) => (directors.get(a.facility_id) ?? []).map((staffId) => ({ alertId: a.alert_id, staffId, reason: 'escalation' as const }))),
    now,
  );
  const escalations: Escalation[] = [];
  for (const alert of overdue) {
    const added = inserted.filter((r) => r.alert_id === alert.alert_id).map((r) => r.staff_id).sort();
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'alert',
      entityId: alert.alert_id,
      patientId: alert.patient_id,
      details: { change: 'escalated', rule: alert.rule, severity: alert.severity, directors: added },
    });
    escalations.push({ alertId: alert.alert_id, patientId: alert.patient_id, facilityId: alert.facility_id, added });
  }
  return escalations;
}
