/** Sign-in, sign-out, the caller's own account, one-time links and first-run setup. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { allow, actorOf } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { auditContextOf, recordAudit } from '../audit/record.ts';
import { acceptLink, completeSetup, describeLink } from './account-links.ts';
import { changeOwnPassword, confirmTotpEnrollment, describeMe, disableOwnTotp, startTotpEnrollment } from './account.ts';
import { AcceptLinkBody, ChangePasswordBody, LinkInfo, LinkQuery, LoginBody, Me, SetupBody, TotpCodeBody, TotpDisableBody, TotpSetup } from './auth.schemas.ts';
import { revokeSession } from './auth.store.ts';
import { type Client, login } from './login.ts';
import { authenticateCookie, clearSessionCookie, setSessionCookie } from './sessions.ts';

const tags = ['Sign-in and account'];

function clientOf(request: FastifyRequest): Client {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export async function authRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const limited = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } };

  app.post('/api/auth/login', {
    config: { access: allow.public('signing in'), ...limited },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password (and a TOTP code when the account has one)',
      body: LoginBody,
      response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request, reply) => {
    const { session } = await login(deps, request.body, clientOf(request));
    setSessionCookie(request, reply, session);
    request.actor = await authenticateCookie(deps, session.cookie);
    return describeMe(deps, request.actor);
  });

  app.post('/api/auth/logout', {
    config: { access: allow.self({ duringTotpEnrollment: true }) },
    schema: { tags, summary: 'Sign out: ends this session on the server', response: { 204: Type.Null(), ...staffErrors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await deps.db.transaction().execute(async (trx) => {
      await revokeSession(trx, actor.orgId, actor.sessionId, deps.clock.now());
      await recordAudit(trx, auditContextOf(request, deps.clock.now()), { action: 'logout', entity: 'session', entityId: actor.staffId });
    });
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get('/api/me', {
    config: { access: allow.self({ duringTotpEnrollment: true }) },
    schema: { tags, summary: 'The signed-in staff member, their facilities and the CSRF token', response: { 200: Me, ...staffErrors } },
  }, async (request) => describeMe(deps, actorOf(request)));

  app.post('/api/me/password', {
    config: { access: allow.self() },
    schema: { tags, summary: 'Change your own password; your other sessions end', body: ChangePasswordBody, response: { 204: Type.Null(), 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    await changeOwnPassword(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send(null);
  });

  app.post('/api/me/totp', {
    config: { access: allow.self({ duringTotpEnrollment: true }) },
    schema: { tags, summary: 'Start setting up an authenticator app (returns the secret once)', response: { 200: TotpSetup, ...staffErrors } },
  }, async (request) => startTotpEnrollment(deps, actorOf(request), auditContextOf(request, deps.clock.now())));

  app.post('/api/me/totp/confirm', {
    config: { access: allow.self({ duringTotpEnrollment: true }) },
    schema: { tags, summary: 'Confirm the authenticator with its current code; turns the second factor on', body: TotpCodeBody, response: { 204: Type.Null(), 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    await confirmTotpEnrollment(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.body.code);
    return reply.status(204).send(null);
  });

  app.post('/api/me/totp/disable', {
    config: { access: allow.self() },
    schema: { tags, summary: 'Turn your second factor off (not allowed when the organization requires it)', body: TotpDisableBody, response: { 204: Type.Null(), 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    await disableOwnTotp(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.body.password);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/link', {
    config: { access: allow.public('opening an invitation, reset or setup link'), ...limited },
    schema: { tags, summary: 'What a one-time link is for, if it is still valid', querystring: LinkQuery, response: { 200: LinkInfo, 404: ErrorResponse } },
  }, async (request) => describeLink(deps, request.query.token));

  app.post('/api/auth/accept-link', {
    config: { access: allow.public('accepting an invitation or password reset'), ...limited },
    schema: { tags, summary: 'Set a password from an invitation or reset link, and sign in', body: AcceptLinkBody, response: { 200: Me, 404: ErrorResponse, 422: ErrorResponse } },
  }, async (request, reply) => {
    const session = await acceptLink(deps, request.body.token, request.body.password, request.body.totp, clientOf(request));
    setSessionCookie(request, reply, session);
    request.actor = await authenticateCookie(deps, session.cookie);
    return describeMe(deps, request.actor);
  });

  app.post('/api/setup', {
    config: { access: allow.public('first-run setup with the printed link'), ...limited },
    schema: { tags, summary: 'First run: name the organization and create its first administrator', body: SetupBody, response: { 200: Me, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } },
  }, async (request, reply) => {
    const session = await completeSetup(deps, request.body, clientOf(request));
    setSessionCookie(request, reply, session);
    request.actor = await authenticateCookie(deps, session.cookie);
    return describeMe(deps, request.actor);
  });
}
