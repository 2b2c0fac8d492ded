/** The patient portal: invitations (staff side), sign-in, and the patient's own week. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf, portalAuditContextOf, recordAudit } from '../audit/record.ts';
import { actorOf, allow, patientActorOf, patientInPath } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PATIENT_READERS, PATIENT_REGISTRARS } from '../staff/roles.ts';
import { type Client, acceptInvitation, invitePatient, portalLogin, setPortalAccess } from './portal-accounts.ts';
import { loadWeeklyHours } from '../attendance/patient-hours.ts';
import { WeeklyHours } from '../attendance/attendance.schemas.ts';
import { checkIn } from '../attendance/attendance.ts';
import { loadSession } from '../scheduling/sessions.ts';
import { loadPatientSchedule } from '../scheduling/patient-sessions.ts';
import { PatientSchedule } from '../scheduling/sessions.schemas.ts';
import { PortalJoin, PortalSessionParams, PortalWeekQuery, PortalAcceptBody, PortalAccessBody, PortalAccountStatus, PortalInvitation, PortalInviteBody, PortalLoginBody, PortalMe, PortalPatientParams } from './portal.schemas.ts';
import { clearPortalCookie, setPortalCookie } from './portal-sessions.ts';
import { findPortalAccount, portalProfile, revokePortalSession } from './portal.store.ts';

const tags = ['Patient portal'];
const clientOf = (request: FastifyRequest): Client => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

async function describePortalMe(deps: AppDeps, orgId: string, patientId: string, csrfToken: string) {
  const profile = await portalProfile(deps.db, orgId, patientId);
  if (!profile) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  return {
    patientId,
    givenName: profile.legal_given_name,
    familyName: profile.legal_family_name,
    preferredName: profile.preferred_name,
    organizationName: profile.organization_name,
    facilityName: profile.facility_name,
    timeZone: profile.time_zone,
    csrfToken,
  };
}

export async function portalRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const limited = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } };

  // Staff side.
  app.get('/api/patients/:patientId/portal', {
    config: { access: allow.patient(PATIENT_READERS, patientInPath) },
    schema: { tags, summary: 'Whether the patient has a portal account', params: PortalPatientParams, response: { 200: PortalAccountStatus, ...staffErrors } },
  }, async (request) => {
    const { patientId } = request.params;
    const account = await findPortalAccount(deps.db, actorOf(request).orgId, patientId);
    await deps.db.transaction().execute((trx) => recordAudit(trx, auditContextOf(request, deps.clock.now()), { action: 'read', entity: 'portal_account', entityId: patientId, patientId }));
    return { status: account?.status ?? ('none' as const), email: account?.email ?? null };
  });

  app.post('/api/patients/:patientId/portal-invite', {
    config: { access: allow.patient(PATIENT_REGISTRARS, patientInPath) },
    schema: {
      tags,
      summary: 'Invite the patient to the portal: returns a one-time link (72 h) to hand over',
      params: PortalPatientParams,
      body: PortalInviteBody,
      response: { 201: PortalInvitation, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request, reply) => {
    const { patientId } = request.params;
    const invitation = await invitePatient(deps, auditContextOf(request, deps.clock.now()), patientId, request.body.email);
    return reply.status(201).send({ link: invitation.link, expiresAt: invitation.expiresAt.toISOString() });
  });

  app.post('/api/patients/:patientId/portal-access', {
    config: { access: allow.patient(PATIENT_REGISTRARS, patientInPath) },
    schema: { tags, summary: 'Switch the patient’s portal access off (ends their sessions) or back on', params: PortalPatientParams, body: PortalAccessBody, response: { 204: Type.Null(), ...staffErrors } },
  }, async (request, reply) => {
    const { patientId } = request.params;
    await setPortalAccess(deps, auditContextOf(request, deps.clock.now()), patientId, request.body.active);
    return reply.status(204).send(null);
  });

  // Patient side.
  app.post('/api/portal/accept', {
    config: { access: allow.public('a patient accepting a portal invitation'), ...limited },
    schema: { tags, summary: 'Set a password from the invitation link and sign in', body: PortalAcceptBody, response: { 200: PortalMe, 404: ErrorResponse, 422: ErrorResponse } },
  }, async (request, reply) => {
    const { orgId, patientId, session } = await acceptInvitation(deps, request.body.token, request.body.password, clientOf(request));
    setPortalCookie(request, reply, session);
    return describePortalMe(deps, orgId, patientId, session.csrfToken);
  });

  app.post('/api/portal/login', {
    config: { access: allow.public('a patient signing in to the portal'), ...limited },
    schema: { tags, summary: 'Sign in to the portal with e-mail and password', body: PortalLoginBody, response: { 200: PortalMe, 401: ErrorResponse, 403: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse } },
  }, async (request, reply) => {
    const { orgId, patientId, session } = await portalLogin(deps, request.body.email, request.body.password, clientOf(request));
    setPortalCookie(request, reply, session);
    return describePortalMe(deps, orgId, patientId, session.csrfToken);
  });

  app.post('/api/portal/logout', {
    config: { access: allow.portal('operations') },
    schema: { tags, summary: 'Sign out of the portal', response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } },
  }, async (request, reply) => {
    const patient = patientActorOf(request);
    await deps.db.transaction().execute(async (trx) => {
      await revokePortalSession(trx, patient.orgId, patient.sessionId, deps.clock.now());
      await recordAudit(trx, portalAuditContextOf(request, deps.clock.now()), { action: 'logout', entity: 'portal_session', entityId: patient.patientId, patientId: patient.patientId });
    });
    clearPortalCookie(reply);
    return reply.status(204).send(null);
  });

  app.get('/api/portal/schedule', {
    config: { access: allow.portal() },
    schema: { tags, summary: 'My sessions in one week (default: this week), with my attendance', querystring: PortalWeekQuery, response: { 200: PatientSchedule, 401: ErrorResponse, 422: ErrorResponse } },
  }, async (request) => {
    const patient = patientActorOf(request);
    return loadPatientSchedule(deps, patient.orgId, portalAuditContextOf(request, deps.clock.now()), patient.patientId, request.query.weekOf);
  });

  app.get('/api/portal/hours', {
    config: { access: allow.portal() },
    schema: { tags, summary: 'My weekly hours: the last 8 weeks through this one, against my program’s band', response: { 200: Type.Array(WeeklyHours), 401: ErrorResponse } },
  }, async (request) => {
    const patient = patientActorOf(request);
    return deps.db.transaction().execute(async (trx) => {
      const weeks = await loadWeeklyHours(trx, patient.orgId, patient.patientId, {}, deps.clock.now());
      await recordAudit(trx, portalAuditContextOf(request, deps.clock.now()), { action: 'read', entity: 'patient_hours', entityId: patient.patientId, patientId: patient.patientId });
      return weeks;
    });
  });

  app.post('/api/portal/sessions/:sessionId/join', {
    config: { access: allow.portal() },
    schema: {
      tags,
      summary: 'Join one of my telehealth sessions: records my attendance (telehealth) and returns the video link',
      params: PortalSessionParams,
      response: { 200: PortalJoin, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
    },
  }, async (request) => {
    const patient = patientActorOf(request);
    const session = await loadSession(deps.db, patient.orgId, request.params.sessionId);
    if (!session.videoUrl) throw new AppError(409, 'telehealth_unavailable', 'This session has no video link. Please come in person or call the clinic.');
    // The roster check inside check-in keeps a patient out of sessions that are not theirs.
    await checkIn(deps, { orgId: patient.orgId, staffId: null }, portalAuditContextOf(request, deps.clock.now()), session.sessionId, patient.patientId, { telehealth: true });
    return { videoUrl: session.videoUrl };
  });

  app.get('/api/portal/me', {
    config: { access: allow.portal('operations') },
    schema: { tags, summary: 'The signed-in patient and the CSRF token', response: { 200: PortalMe, 401: ErrorResponse } },
  }, async (request) => {
    const patient = patientActorOf(request);
    return describePortalMe(deps, patient.orgId, patient.patientId, patient.csrfToken);
  });
}
