/** SQL for alerts and their recipients. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { AlertRecipientReason, AlertsTable, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Insert unless the (rule, condition_key) was raised before; true when inserted. */
export async function insertAlertIfNew(db: Db, orgId: string, row: Omit<Insertable<AlertsTable>, 'org_id'>): Promise<boolean> {
  const inserted = await db
    .insertInto('alerts')
    .values({ ...row, org_id: orgId })
    .onConflict((oc) => oc.columns(['org_id', 'rule', 'condition_key']).doNothing())
    .returning('alert_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface RecipientChoice {
  readonly staffId: string;
  readonly reason: AlertRecipientReason;
}

/** Active clinical directors assigned to the facility. */
export async function facilityDirectors(db: Db, orgId: string, facilityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('staff_facilities as sf', (j) => j.onRef('sf.org_id', '=', 's.org_id').onRef('sf.staff_id', '=', 's.staff_id'))
    .select('s.staff_id')
    .where('s.org_id', '=', orgId)
    .where('sf.facility_id', '=', facilityId)
    .where('s.status', '=', 'active')
    .where(sql<boolean>`'clinical_director' = ANY(s.roles)`)
    .orderBy('s.staff_id')
    .execute();
  return rows.map((r) => r.staff_id);
}

/**
 * Who an alert goes to: the episode's primary clinician (if active), anyone on call at the
 * facility at `at` when the rule notifies on call, else the facility's clinical directors.
 */
export async function alertRecipientsFor(db: Db, orgId: string, q: { episodeId: string | null; facilityId: string; onCall: boolean; at: Date }): Promise<RecipientChoice[]> {
  const chosen = new Map<string, AlertRecipientReason>();
  if (q.episodeId) {
    const primary = await db
      .selectFrom('episodes as e')
      .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'e.org_id').onRef('s.staff_id', '=', 'e.primary_clinician_id'))
      .select('s.staff_id')
      .where('e.org_id', '=', orgId)
      .where('e.episode_id', '=', q.episodeId)
      .where('s.status', '=', 'active')
      .executeTakeFirst();
    if (primary) chosen.set(primary.staff_id, 'primary_clinician');
  }
  if (q.onCall) {
    const onCall = await db
      .selectFrom('on_call_shifts as o')
      .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.staff_id', '=', 'o.staff_id'))
      .select('o.staff_id')
      .where('o.org_id', '=', orgId)
      .where('o.facility_id', '=', q.facilityId)
      .where('o.starts_at', '<=', q.at)
      .where('o.ends_at', '>', q.at)
      .where('s.status', '=', 'active')
      .orderBy('o.staff_id')
      .execute();
    for (const row of onCall) if (!chosen.has(row.staff_id)) chosen.set(row.staff_id, 'on_call');
  }
  if (chosen.size === 0) {
    for (const staffId of await facilityDirectors(db, orgId, q.facilityId)) chosen.set(staffId, 'fallback');
  }
  return [...chosen].map(([staffId, reason]) => ({ staffId, reason }));
}

export async function insertRecipients(db: Db, orgId: string, alertId: string, recipients: readonly RecipientChoice[], now: Date): Promise<void> {
  if (recipients.length === 0) return;
  await db
    .insertInto('alert_recipients')
    .values(recipients.map((r) => ({ org_id: orgId, alert_id: alertId, staff_id: r.staffId, reason: r.reason, added_at: now })))
    .onConflict((oc) => oc.columns(['org_id', 'alert_id', 'staff_id']).doNothing())
    .execute();
}

/** The alert's state, locked for an acknowledge or resolve. */
export function lockAlert(trx: Transaction<Database>, orgId: string, alertId: string) {
  return trx
    .selectFrom('alerts')
    .select(['alert_id', 'patient_id', 'facility_id', 'rule', 'severity', 'state'])
    .where('org_id', '=', orgId)
    .where('alert_id', '=', alertId)
    .forUpdate()
    .executeTakeFirst();
}

/** The alert raised for a condition, if any, locked for an acknowledge or resolve. */
export function lockAlertByCondition(trx: Transaction<Database>, orgId: string, rule: string, conditionKey: string) {
  return trx
    .selectFrom('alerts')
    .select(['alert_id', 'patient_id', 'facility_id', 'rule', 'severity', 'state'])
    .where('org_id', '=', orgId)
    .where('rule', '=', rule)
    .where('condition_key', '=', conditionKey)
    .forUpdate()
    .executeTakeFirst();
}

export async function markAcknowledged(trx: Transaction<Database>, orgId: string, alertId: string, staffId: string, now: Date): Promise<void> {
  await trx.updateTable('alerts').set({ state: 'acknowledged', acknowledged_by: staffId, acknowledged_at: now }).where('org_id', '=', orgId).where('alert_id', '=', alertId).execute();
}

export async function markResolved(trx: Transaction<Database>, orgId: string, alertId: string, staffId: string, note: string, now: Date): Promise<void> {
  await trx.updateTable('alerts').set({ state: 'resolved', resolved_by: staffId, resolved_at: now, resolution_note: note }).where('org_id', '=', orgId).where('alert_id', '=', alertId).execute();
}

/**
 * Marks every unresolved alert of the organization past its due time and not yet escalated
 * as escalated, and returns them. One UPDATE … WHERE escalated_at IS NULL: two processes
 * sweeping at once cannot both escalate the same alert (the second finds it already set).
 */
export function markEscalated(trx: Transaction<Database>, orgId: string, now: Date) {
  return trx
    .updateTable('alerts')
    .set({ escalated_at: now })
    .where('org_id', '=', orgId)
    .where('state', '<>', 'resolved')
    .where('escalated_at', 'is', null)
    // Overdue once its due time has passed (the inbox's `overdue` uses the same edge).
    .where('due_by', '<', now)
    .returning(['alert_id', 'patient_id', 'facility_id', 'rule', 'severity'])
    .execute();
}

/** Active clinical directors of each of these facilities. */
export async function directorsOfFacilities(db: Db, orgId: string, facilityIds: readonly string[]): Promise<Map<string, string[]>> {
  const byFacility = new Map<string, string[]>();
  if (facilityIds.length === 0) return byFacility;
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('staff_facilities as sf', (j) => j.onRef('sf.org_id', '=', 's.org_id').onRef('sf.staff_id', '=', 's.staff_id'))
    .select(['sf.facility_id', 's.staff_id'])
    .where('s.org_id', '=', orgId)
    .where('sf.facility_id', 'in', facilityIds)
    .where('s.status', '=', 'active')
    .where(sql<boolean>`'clinical_director' = ANY(s.roles)`)
    .orderBy('s.staff_id')
    .execute();
  for (const row of rows) byFacility.set(row.facility_id, [...(byFacility.get(row.facility_id) ?? []), row.staff_id]);
  return byFacility;
}

/** Adds recipients to many alerts at once; one already addressed keeps their first reason. */
export async function insertRecipientsMany(db: Db, orgId: string, rows: readonly { alertId: string; staffId: string; reason: AlertRecipientReason }[], now: Date): Promise<{ alert_id: string; staff_id: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('alert_recipients')
    .values(rows.map((r) => ({ org_id: orgId, alert_id: r.alertId, staff_id: r.staffId, reason: r.reason, added_at: now })))
    .onConflict((oc) => oc.columns(['org_id', 'alert_id', 'staff_id']).doNothing())
    .returning(['alert_id', 'staff_id'])
    .execute();
}
