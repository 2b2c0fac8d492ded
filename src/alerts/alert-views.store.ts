/**
 * SQL for reading alerts: the inbox (addressed to me, or every alert at some facilities),
 * the nav badge's counts, a patient's alerts, and recipients. Facility scoping is a filter
 * here: `facilities` is the caller's list, or 'all' for an organization-wide account.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { AlertRecipientReason, AlertState, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type FacilityFilter = 'all' | readonly string[];

/** Most urgent first: severity, then the earliest due. */
const severityRank = sql<number>`case a.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** A list never grows past this; an inbox that long is a staffing problem, not a paging one. */
export const MAX_ALERTS = 500;

function alertQuery(db: Db, orgId: string) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('patients as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.patient_id', '=', 'a.patient_id'))
    .leftJoin('staff as ack', (j) => j.onRef('ack.org_id', '=', 'a.org_id').onRef('ack.staff_id', '=', 'a.acknowledged_by'))
    .leftJoin('staff as res', (j) => j.onRef('res.org_id', '=', 'a.org_id').onRef('res.staff_id', '=', 'a.resolved_by'))
    .selectAll('a')
    .select(['p.mrn', 'p.legal_given_name', 'p.legal_family_name', 'p.preferred_name', 'ack.full_name as acknowledged_by_name', 'res.full_name as resolved_by_name'])
    .where('a.org_id', '=', orgId);
}
export type AlertRow = Awaited<ReturnType<ReturnType<typeof alertQuery>['execute']>>[number];

export interface AlertFilter {
  /** Only alerts addressed to this staff member. */
  readonly recipient?: string;
  readonly patientId?: string;
  readonly alertId?: string;
  readonly facilities: FacilityFilter;
  /** unresolved = open or acknowledged; undefined = every state. */
  readonly state?: AlertState | 'unresolved';
}

/** Alerts matching the filter: unresolved most urgent first; resolved ones most recently resolved first. */
export function alertRows(db: Db, orgId: string, filter: AlertFilter): Promise<AlertRow[]> {
  let query = alertQuery(db, orgId);
  if (filter.recipient) {
    const staffId = filter.recipient;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('alert_recipients as r').select(sql`1`.as('one')).whereRef('r.org_id', '=', 'a.org_id').whereRef('r.alert_id', '=', 'a.alert_id').where('r.staff_id', '=', staffId)),
    );
  }
  if (filter.patientId) query = query.where('a.patient_id', '=', filter.patientId);
  if (filter.alertId) query = query.where('a.alert_id', '=', filter.alertId);
  if (filter.facilities !== 'all') {
    if (filter.facilities.length === 0) return Promise.resolve([]);
    query = query.where('a.facility_id', 'in', filter.facilities);
  }
  if (filter.state === 'unresolved') query = query.where('a.state', '<>', 'resolved');
  else if (filter.state) query = query.where('a.state', '=', filter.state);
  return query
    .orderBy(sql`case when a.state = 'resolved' then 1 else 0 end`)
    .orderBy(sql`case when a.state = 'resolved' then null else ${severityRank} end`)
    .orderBy(sql`case when a.state = 'resolved' then null else a.due_by end`)
    .orderBy('a.resolved_at', 'desc')
    .orderBy('a.raised_at')
    .orderBy('a.alert_id')
    .limit(MAX_ALERTS)
    .execute();
}

export interface RecipientRow {
  readonly alert_id: string;
  readonly staff_id: string;
  readonly full_name: string;
  readonly reason: AlertRecipientReason;
}

export function recipientsOf(db: Db, orgId: string, alertIds: readonly string[]): Promise<RecipientRow[]> {
  if (alertIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('alert_recipients as r')
    .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'r.org_id').onRef('s.staff_id', '=', 'r.staff_id'))
    .select(['r.alert_id', 'r.staff_id', 's.full_name', 'r.reason'])
    .where('r.org_id', '=', orgId)
    .where('r.alert_id', 'in', alertIds)
    .orderBy('r.added_at')
    .orderBy('s.full_name')
    .execute();
}

/**
 * The badge: unresolved alerts addressed to the staff member at the facilities they see.
 * One indexed aggregate (alert_recipients_staff, then alerts by primary key).
 */
export async function inboxCounts(db: Db, orgId: string, staffId: string, facilities: FacilityFilter, now: Date): Promise<{ unresolved: number; critical: number; overdue: number }> {
  if (facilities !== 'all' && facilities.length === 0) return { unresolved: 0, critical: 0, overdue: 0 };
  let query = db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.alert_id', '=', 'r.alert_id'))
    .select((eb) => [
      eb.fn.countAll<number>().as('unresolved'),
      eb.fn.countAll<number>().filterWhere('a.severity', '=', 'critical').as('critical'),
      eb.fn.countAll<number>().filterWhere('a.due_by', '<', now).as('overdue'),
    ])
    .where('r.org_id', '=', orgId)
    .where('r.staff_id', '=', staffId)
    .where('a.state', '<>', 'resolved');
  if (facilities !== 'all') query = query.where('a.facility_id', 'in', facilities);
  const row = await query.executeTakeFirstOrThrow();
  return { unresolved: Number(row.unresolved), critical: Number(row.critical), overdue: Number(row.overdue) };
}

/** The facility of an alert (the access guard's resolver). */
export async function alertFacility(db: Db, orgId: string, alertId: string): Promise<string | undefined> {
  return (await db.selectFrom('alerts').select('facility_id').where('org_id', '=', orgId).where('alert_id', '=', alertId).executeTakeFirst())?.facility_id;
}
