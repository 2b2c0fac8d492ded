/**
 * The alert inbox, the nav badge's counts, a patient's alerts, acknowledging and resolving.
 * Each action is one transaction; every read of alerts is audited with the patients it showed.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type FacilityFilter, alertRows, inboxCounts, recipientsOf } from './alert-views.store.ts';
import { toAlertViews } from './alert-view.ts';
import type { AlertCounts, AlertList, AlertView, InboxQuery, ResolveInput } from './alerts.schemas.ts';
import { lockAlert, markAcknowledged, markResolved } from './alerts.store.ts';

type Trx = Transaction<Database>;

const facilitiesOf = (actor: StaffActor): FacilityFilter => (actor.facilities.kind === 'all' ? 'all' : actor.facilities.facilityIds);

/** Only clinical directors see every alert at their facilities; others see what is addressed to them. */
function inboxFilter(actor: StaffActor, query: InboxQuery) {
  const scope = query.scope ?? 'mine';
  if (scope === 'facility' && !actor.roles.includes('clinical_director')) {
    throw new AppError(403, 'forbidden', 'Only clinical directors see every alert at a facility.', { allowedRoles: ['clinical_director'] });
  }
  if (query.facilityId && !canSeeFacility(actor, query.facilityId)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
  const facilities: FacilityFilter = query.facilityId ? [query.facilityId] : facilitiesOf(actor);
  return { scope, facilities, recipient: scope === 'mine' ? actor.staffId : undefined, state: query.state ?? 'unresolved' };
}

async function views(trx: Trx, orgId: string, rows: Awaited<ReturnType<typeof alertRows>>, now: Date): Promise<AlertView[]> {
  return toAlertViews(rows, await recipientsOf(trx, orgId, rows.map((r) => r.alert_id)), now);
}

export async function inbox(deps: AppDeps, actor: StaffActor, audit: AuditContext, query: InboxQuery): Promise<AlertList> {
  const filter = inboxFilter(actor, query);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await alertRows(trx, actor.orgId, filter);
    const alerts = await views(trx, actor.orgId, rows, deps.clock.now());
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'alert_inbox',
      entityId: null,
      details: { scope: filter.scope, state: filter.state, facilityId: query.facilityId ?? null, patientIds: [...new Set(rows.map((r) => r.patient_id))] },
    });
    return { alerts };
  });
}

/**
 * Counts only, no patient: not audited. The nav polls this every 30 s for every signed-in
 * clinician; an audit event per poll would put thousands of rows a day per user through the
 * organization's audit-chain lock without recording any access to a patient.
 */
export async function counts(deps: AppDeps, actor: StaffActor): Promise<AlertCounts> {
  return inboxCounts(deps.db, actor.orgId, actor.staffId, facilitiesOf(actor), deps.clock.now());
}

/** A patient's alerts at the facilities the caller sees: unresolved first, then (if asked) resolved. */
export async function patientAlerts(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, includeResolved: boolean): Promise<AlertList> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await alertRows(trx, actor.orgId, { patientId, facilities: facilitiesOf(actor), ...(includeResolved ? {} : { state: 'unresolved' as const }) });
    const alerts = await views(trx, actor.orgId, rows, deps.clock.now());
    await recordAudit(trx, audit, { action: 'read', entity: 'alert', entityId: null, patientId, details: { includeResolved, alertIds: rows.map((r) => r.alert_id) } });
    return { alerts };
  });
}

async function viewOf(trx: Trx, actor: StaffActor, alertId: string, now: Date): Promise<AlertView> {
  const rows = await alertRows(trx, actor.orgId, { alertId, facilities: 'all' });
  return (await views(trx, actor.orgId, rows, now))[0]!;
}

/** Any alert handler at the alert's facility may acknowledge it (a colleague may pick it up). */
export async function acknowledge(deps: AppDeps, actor: StaffActor, audit: AuditContext, alertId: string): Promise<AlertView> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const alert = await lockAlert(trx, actor.orgId, alertId);
    if (!alert) throw new AppError(404, 'alert_not_found', 'No such alert.');
    if (alert.state === 'resolved') throw new AppError(409, 'alert_already_resolved', 'This alert has already been resolved.');
    if (alert.state === 'acknowledged') throw new AppError(409, 'alert_already_acknowledged', 'Someone has already acknowledged this alert.');
    await markAcknowledged(trx, actor.orgId, alertId, actor.staffId, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'alert', entityId: alertId, patientId: alert.patient_id, details: { change: 'acknowledged', rule: alert.rule, from: 'open', to: 'acknowledged' } });
    return viewOf(trx, actor, alertId, now);
  });
}

/** Resolving needs an acknowledgement first and a note saying what was done. */
export async function resolve(deps: AppDeps, actor: StaffActor, audit: AuditContext, alertId: string, input: ResolveInput): Promise<AlertView> {
  const note = input.note.trim();
  if (!note) throw new AppError(422, 'validation_failed', 'Say what was done before resolving the alert.', [{ path: 'note', message: 'is required' }]);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const alert = await lockAlert(trx, actor.orgId, alertId);
    if (!alert) throw new AppError(404, 'alert_not_found', 'No such alert.');
    if (alert.state === 'resolved') throw new AppError(409, 'alert_already_resolved', 'This alert has already been resolved.');
    if (alert.state === 'open') throw new AppError(409, 'alert_not_acknowledged', 'Acknowledge the alert before resolving it.');
    await markResolved(trx, actor.orgId, alertId, actor.staffId, note, now);
    // The note stays on the alert; the audit trail records that it was resolved, not what it says.
    await recordAudit(trx, audit, { action: 'update', entity: 'alert', entityId: alertId, patientId: alert.patient_id, details: { change: 'resolved', rule: alert.rule, from: 'acknowledged', to: 'resolved' } });
    return viewOf(trx, actor, alertId, now);
  });
}
