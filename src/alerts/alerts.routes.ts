/** Alert inbox, counts, a patient's alerts, acknowledge, resolve; and (on-call.routes.ts) on-call shifts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { ALERT_HANDLERS, CLINICAL_READERS } from '../staff/roles.ts';
import { alertFacility } from './alert-views.store.ts';
import { acknowledge, counts, inbox, patientAlerts, resolve } from './alerts.ts';
import { AlertCounts, AlertList, AlertParams, AlertView, InboxQuery, PatientAlertsQuery, PatientParams, ResolveInput } from './alerts.schemas.ts';
import { onCallRoutes } from './on-call.routes.ts';

const tags = ['Alerts'];

/** The facility of the alert in the path: any alert handler there may act on it. */
const alertInPath: FacilityResolver = async (request, db, actor) => alertFacility(db, actor.orgId, (request.params as { alertId: string }).alertId);

export async function alertsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/alerts/inbox', {
    config: { access: allow.facilities(ALERT_HANDLERS, 'treatment') },
    schema: {
      tags,
      summary: 'My alerts (or, for clinical directors, every alert at my facilities), most severe and earliest due first',
      querystring: InboxQuery,
      response: { 200: AlertList, ...staffErrors },
    },
  }, async (request) => inbox(deps, actorOf(request), audit(request), request.query));

  app.get('/api/alerts/counts', {
    config: { access: allow.facilities(ALERT_HANDLERS, 'treatment') },
    schema: { tags, summary: 'Unresolved, critical and overdue alerts addressed to me (the nav badge)', response: { 200: AlertCounts, ...staffErrors } },
  }, async (request) => counts(deps, actorOf(request)));

  app.get('/api/patients/:patientId/alerts', {
    config: { access: allow.patient(CLINICAL_READERS, patientInPath) },
    schema: {
      tags,
      summary: 'A patient’s open and acknowledged alerts first; resolved ones too with include=resolved',
      params: PatientParams,
      querystring: PatientAlertsQuery,
      response: { 200: AlertList, ...staffErrors },
    },
  }, async (request) => patientAlerts(deps, actorOf(request), audit(request), request.params.patientId, request.query.include === 'resolved'));

  app.post('/api/alerts/:alertId/acknowledge', {
    config: { access: allow.facility(ALERT_HANDLERS, alertInPath, 'treatment') },
    schema: { tags, summary: 'Acknowledge an open alert (any alert handler at its facility)', params: AlertParams, response: { 200: AlertView, ...staffErrors } },
  }, async (request) => acknowledge(deps, actorOf(request), audit(request), request.params.alertId));

  app.post('/api/alerts/:alertId/resolve', {
    config: { access: allow.facility(ALERT_HANDLERS, alertInPath, 'treatment') },
    schema: {
      tags,
      summary: 'Resolve an acknowledged alert with a note saying what was done',
      params: AlertParams,
      body: ResolveInput,
      response: { 200: AlertView, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request) => resolve(deps, actorOf(request), audit(request), request.params.alertId, request.body));

  await onCallRoutes(root, deps);
}
