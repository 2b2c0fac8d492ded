/**
 * Closing an alert whose condition turned out not to hold, in the transaction of the write
 * that showed it (a dose the system marked missed, then recorded by a nurse as given). The
 * staff member whose entry settles it acknowledges and resolves it, with a short note; the
 * audit trail records the change of state by ids and codes only.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { lockAlertByCondition, markAcknowledged, markResolved } from './alerts.store.ts';
import type { AlertRule } from './rules.ts';

export interface SettleCondition {
  readonly rule: AlertRule;
  readonly conditionKey: string;
  /** The staff member whose entry settles it: recorded as acknowledging and resolving. */
  readonly staffId: string;
  /** The resolution note shown on the alert (fixed wording from the caller, no free text). */
  readonly note: string;
  /** Why, as a code, for the audit trail. */
  readonly reason: string;
  readonly now: Date;
}

/** Resolves the condition's alert unless there is none or it is resolved already; returns the alert id it resolved. */
export async function settleConditionAlert(trx: Transaction<Database>, audit: AuditContext, q: SettleCondition): Promise<string | null> {
  const alert = await lockAlertByCondition(trx, audit.orgId, q.rule, q.conditionKey);
  if (!alert || alert.state === 'resolved') return null;
  if (alert.state === 'open') {
    await markAcknowledged(trx, audit.orgId, alert.alert_id, q.staffId, q.now);
    await recordAudit(trx, audit, { action: 'update', entity: 'alert', entityId: alert.alert_id, patientId: alert.patient_id, details: { change: 'acknowledged', rule: alert.rule, from: 'open', to: 'acknowledged', reason: q.reason } });
  }
  await markResolved(trx, audit.orgId, alert.alert_id, q.staffId, q.note, q.now);
  await recordAudit(trx, audit, { action: 'update', entity: 'alert', entityId: alert.alert_id, patientId: alert.patient_id, details: { change: 'resolved', rule: alert.rule, from: 'acknowledged', to: 'resolved', reason: q.reason } });
  return alert.alert_id;
}
