import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { PATIENT_READERS, SCHEDULERS } from '../staff/roles.ts';
import { Enrollment } from './enrollments.schemas.ts';
import { listGroupEnrollments } from './enrollments.ts';
import { createGroup, editGroup, loadGroup, loadGroups } from './groups.ts';
import { Group, GroupInput, GroupListQuery, GroupParams } from './groups.schemas.ts';
import { groupFacilityId } from './groups.store.ts';

const tags = ['Groups'];

/** The facility of the group named in the path (the guard checks the caller's assignment). */
export const groupFacility: FacilityResolver = async (request, db, actor) => groupFacilityId(db, actor.orgId, (request.params as { groupId: string }).groupId);

/** The facility a new group is to run at (checked again inside the transaction). */
const bodyFacility: FacilityResolver = async (request) => (request.body as { facilityId?: string } | undefined)?.facilityId;

export async function groupsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/groups', {
    config: { access: allow.facilities(PATIENT_READERS) },
    schema: { tags, summary: 'Groups at the facilities you are assigned to, with seats taken and next meetings', querystring: GroupListQuery, response: { 200: Type.Array(Group), ...staffErrors } },
  }, async (request) => loadGroups(deps.db, actorOf(request), request.query, deps.clock.now()));

  app.post('/api/groups', {
    config: { access: allow.facility(SCHEDULERS, bodyFacility) },
    schema: { tags, summary: 'Create a recurring group; its sessions for the next 8 weeks are written', body: GroupInput, response: { 201: Group, 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const groupId = await createGroup(deps, actor, auditContextOf(request, deps.clock.now()), request.body);
    return reply.status(201).send((await loadGroup(deps.db, actor.orgId, groupId, deps.clock.now()))!);
  });

  app.get('/api/groups/:groupId', {
    config: { access: allow.facility(PATIENT_READERS, groupFacility) },
    schema: { tags, summary: 'One group', params: GroupParams, response: { 200: Group, ...staffErrors } },
  }, async (request) => {
    const group = await loadGroup(deps.db, actorOf(request).orgId, request.params.groupId, deps.clock.now());
    if (!group) throw new AppError(404, 'group_not_found', 'No such group.');
    return group;
  });

  app.put('/api/groups/:groupId', {
    config: { access: allow.facility(SCHEDULERS, groupFacility) },
    schema: {
      tags,
      summary: 'Change a group; future sessions without attendance follow the new schedule',
      params: GroupParams,
      body: GroupInput,
      response: { 200: Group, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    await editGroup(deps, actor, auditContextOf(request, deps.clock.now()), request.params.groupId, request.body);
    return (await loadGroup(deps.db, actor.orgId, request.params.groupId, deps.clock.now()))!;
  });

  app.get('/api/groups/:groupId/enrollments', {
    config: { access: allow.facility(PATIENT_READERS, groupFacility, 'treatment') },
    schema: { tags, summary: 'The group’s current members and its waitlist, in order', params: GroupParams, response: { 200: Type.Array(Enrollment), ...staffErrors } },
  }, async (request) => listGroupEnrollments(deps, actorOf(request), auditContextOf(request, deps.clock.now()), request.params.groupId));
}
