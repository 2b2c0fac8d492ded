/** Alert rows as the inbox and the chart show them. Pure: `now` decides what is overdue. */
import { displayName } from '../attendance/attendance-rules.ts';
import type { AlertView } from './alerts.schemas.ts';
import type { AlertRow, RecipientRow } from './alert-views.store.ts';
import { ALERT_RULES, type AlertRule, RULE_DEFINITIONS } from './rules.ts';

const isRule = (rule: string): rule is AlertRule => (ALERT_RULES as readonly string[]).includes(rule);

export function toAlertView(row: AlertRow, recipients: readonly RecipientRow[], now: Date): AlertView {
  return {
    alertId: row.alert_id,
    patient: {
      patientId: row.patient_id,
      displayName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }),
      mrn: row.mrn,
    },
    episodeId: row.episode_id,
    facilityId: row.facility_id,
    rule: row.rule,
    title: isRule(row.rule) ? RULE_DEFINITIONS[row.rule].title : row.rule,
    severity: row.severity,
    state: row.state,
    raisedAt: row.raised_at.toISOString(),
    dueBy: row.due_by.toISOString(),
    overdue: row.state !== 'resolved' && row.due_by.getTime() < now.getTime(),
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    details: row.details,
    source: { entity: row.source_entity, id: row.source_id },
    acknowledged: row.acknowledged_by && row.acknowledged_at ? { by: { staffId: row.acknowledged_by, fullName: row.acknowledged_by_name ?? '' }, at: row.acknowledged_at.toISOString() } : null,
    resolved:
      row.resolved_by && row.resolved_at && row.resolution_note !== null
        ? { by: { staffId: row.resolved_by, fullName: row.resolved_by_name ?? '' }, at: row.resolved_at.toISOString(), note: row.resolution_note }
        : null,
    recipients: recipients.filter((r) => r.alert_id === row.alert_id).map((r) => ({ staffId: r.staff_id, fullName: r.full_name, reason: r.reason })),
  };
}

/** Views of many rows with their recipients. */
export function toAlertViews(rows: readonly AlertRow[], recipients: readonly RecipientRow[], now: Date): AlertView[] {
  const byAlert = new Map<string, RecipientRow[]>();
  for (const r of recipients) byAlert.set(r.alert_id, [...(byAlert.get(r.alert_id) ?? []), r]);
  return rows.map((row) => toAlertView(row, byAlert.get(row.alert_id) ?? [], now));
}
