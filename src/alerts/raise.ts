/**
 * Writing alerts. Called inside the transaction that writes the event which caused them
 * (a questionnaire, a drug-test result, a missed dose…), so the event and its alert commit
 * together: a crash loses both or neither. The unique (rule, condition_key) means a
 * condition raised before — even one since resolved — is not raised again.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AlertRecipientReason, AlertSeverity, Database } from '../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type AlertCandidate, type AlertRule, RULE_DEFINITIONS } from './rules.ts';
import { alertRecipientsFor, insertAlertIfNew, insertRecipients } from './alerts.store.ts';

export interface RaisedAlert {
  readonly alertId: string;
  readonly rule: AlertRule;
  readonly severity: AlertSeverity;
  readonly patientId: string;
  readonly dueBy: Date;
  readonly recipients: readonly { readonly staffId: string; readonly reason: AlertRecipientReason }[];
}

/**
 * Raise the candidates that are new; return only those raised now. Recipients: the
 * episode's primary clinician, whoever is on call at the facility for rules that notify
 * on call, and — when that finds nobody — the facility's clinical directors, so an alert is
 * never addressed to no one.
 */
export async function raiseAlerts(trx: Transaction<Database>, audit: AuditContext, candidates: readonly AlertCandidate[], now: Date): Promise<RaisedAlert[]> {
  const raised: RaisedAlert[] = [];
  for (const candidate of candidates) {
    const definition = RULE_DEFINITIONS[candidate.rule];
    const alertId = randomUUID();
    const dueBy = new Date(now.getTime() + definition.dueWithinMinutes * 60_000);
    const inserted = await insertAlertIfNew(trx, audit.orgId, {
      alert_id: alertId,
      patient_id: candidate.patientId,
      episode_id: candidate.episodeId,
      facility_id: candidate.facilityId,
      rule: candidate.rule,
      severity: definition.severity,
      condition_key: candidate.conditionKey,
      source_entity: candidate.source.entity,
      source_id: candidate.source.id,
      details: JSON.stringify(candidate.details),
      raised_at: now,
      due_by: dueBy,
      state: 'open',
    });
    if (!inserted) continue;
    const recipients = await alertRecipientsFor(trx, audit.orgId, { episodeId: candidate.episodeId, facilityId: candidate.facilityId, onCall: definition.notifyOnCall, at: now });
    await insertRecipients(trx, audit.orgId, alertId, recipients, now);
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'alert',
      entityId: alertId,
      patientId: candidate.patientId,
      details: { rule: candidate.rule, severity: definition.severity, sourceEntity: candidate.source.entity, sourceId: candidate.source.id, recipients: recipients.map((r) => r.staffId) },
    });
    raised.push({ alertId, rule: candidate.rule, severity: definition.severity, patientId: candidate.patientId, dueBy, recipients });
  }
  return raised;
}
