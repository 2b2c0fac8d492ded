import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { actorOf, allow } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { editStaff, inviteStaff, issueAccountLink, resetStaffTotp, setStaffActive, toStaffMember, unlockStaff } from './staff.ts';
import { AccountLink, StaffCreated, StaffInput, StaffMember, StaffParams } from './staff.schemas.ts';
import { getStaff, listStaff } from './staff.store.ts';

const tags = ['Staff'];
const admin = allow.organization(['admin']);

export async function staffRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const load = async (orgId: string, staffId: string) => {
    const row = await getStaff(deps.db, orgId, staffId);
    if (!row) throw new AppError(404, 'not_found', 'No such staff member.');
    return toStaffMember(row);
  };

  app.get('/api/staff', {
    config: { access: allow.facilities(['admin', 'clinical_director'], 'administration') },
    schema: { tags, summary: 'Staff (clinical directors see those who share a facility with them)', response: { 200: Type.Array(StaffMember), ...staffErrors } },
  }, async (request) => {
    const actor = actorOf(request);
    return (await listStaff(deps.db, actor.orgId, actor.facilities)).map(toStaffMember);
  });

  app.post('/api/staff', {
    config: { access: admin },
    schema: { tags, summary: 'Invite a staff member: returns a one-time link (valid 72 h) to set their password', body: StaffInput, response: { 201: StaffCreated, 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { staffId, link } = await inviteStaff(deps, auditContextOf(request, deps.clock.now()), request.body);
    return reply.status(201).send({ staff: await load(actor.orgId, staffId), link });
  });

  app.get('/api/staff/:staffId', {
    config: { access: admin },
    schema: { tags, summary: 'One staff member', params: StaffParams, response: { 200: StaffMember, ...staffErrors } },
  }, async (request) => load(actorOf(request).orgId, request.params.staffId));

  app.put('/api/staff/:staffId', {
    config: { access: admin },
    schema: { tags, summary: 'Edit name, e-mail, credentials, roles and facilities', params: StaffParams, body: StaffInput, response: { 200: StaffMember, 422: ErrorResponse, ...staffErrors } },
  }, async (request) => {
    const actor = actorOf(request);
    await editStaff(deps, actor, auditContextOf(request, deps.clock.now()), request.params.staffId, request.body);
    return load(actor.orgId, request.params.staffId);
  });

  for (const [path, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/api/staff/:staffId/${path}`, {
      config: { access: admin },
      schema: { tags, summary: active ? 'Reactivate an account' : 'Deactivate an account: signs it out everywhere', params: StaffParams, response: { 200: StaffMember, ...staffErrors } },
    }, async (request) => {
      const actor = actorOf(request);
      await setStaffActive(deps, actor, auditContextOf(request, deps.clock.now()), request.params.staffId, active);
      return load(actor.orgId, request.params.staffId);
    });
  }

  app.post('/api/staff/:staffId/account-link', {
    config: { access: admin },
    schema: { tags, summary: 'New one-time link: an invitation if never accepted, otherwise a password reset', params: StaffParams, response: { 200: AccountLink, ...staffErrors } },
  }, async (request) => issueAccountLink(deps, auditContextOf(request, deps.clock.now()), request.params.staffId));

  app.post('/api/staff/:staffId/unlock', {
    config: { access: admin },
    schema: { tags, summary: 'Unlock an account locked by failed sign-ins', params: StaffParams, response: { 200: StaffMember, ...staffErrors } },
  }, async (request) => {
    await unlockStaff(deps, auditContextOf(request, deps.clock.now()), request.params.staffId);
    return load(actorOf(request).orgId, request.params.staffId);
  });

  app.post('/api/staff/:staffId/totp/reset', {
    config: { access: admin },
    schema: { tags, summary: 'Remove a staff member’s authenticator (lost phone)', params: StaffParams, response: { 200: StaffMember, ...staffErrors } },
  }, async (request) => {
    await resetStaffTotp(deps, auditContextOf(request, deps.clock.now()), request.params.staffId);
    return load(actorOf(request).orgId, request.params.staffId);
  });
}
