import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { staffErrors } from '../http/schemas.ts';
import { STAFF_ROLES } from '../staff/roles.ts';
import { createFacility, editFacility, toFacility } from './facilities.ts';
import { Facility, FacilityInput, FacilityParams } from './facilities.schemas.ts';
import { getFacility, listFacilities } from './facilities.store.ts';
import { cliniciansAt } from '../staff/staff.store.ts';

const tags = ['Facilities'];

/** The facility a /api/facilities/:facilityId route is about, if it is the caller's organization's. */
const facilityFromParams: FacilityResolver = async (request: FastifyRequest, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function facilitiesRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/facilities/:facilityId/clinicians', {
    config: { access: allow.facility(STAFF_ROLES, facilityFromParams, 'operations') },
    schema: {
      tags,
      summary: 'Active clinical staff assigned to the facility, for facilitator and primary-clinician pickers',
      params: FacilityParams,
      response: { 200: Type.Array(Type.Object({ staffId: Type.String(), fullName: Type.String(), credentials: Type.Array(Type.String()), roles: Type.Array(Type.String()) })), ...staffErrors },
    },
  }, async (request) =>
    (await cliniciansAt(deps.db, actorOf(request).orgId, request.params.facilityId)).map((s) => ({ staffId: s.staff_id, fullName: s.full_name, credentials: s.credentials, roles: s.roles })),
  );

  app.get('/api/facilities', {
    config: { access: allow.facilities(STAFF_ROLES) },
    schema: { tags, summary: 'Facilities you are assigned to (all of them for administrators)', response: { 200: Type.Array(Facility), ...staffErrors } },
  }, async (request) => {
    const actor = actorOf(request);
    return (await listFacilities(deps.db, actor.orgId, actor.facilities)).map(toFacility);
  });

  app.post('/api/facilities', {
    config: { access: allow.organization(['admin']) },
    schema: { tags, summary: 'Create a facility', body: FacilityInput, response: { 201: Facility, ...staffErrors } },
  }, async (request, reply) => {
    const facilityId = await createFacility(deps, auditContextOf(request, deps.clock.now()), request.body);
    const row = await getFacility(deps.db, actorOf(request).orgId, facilityId);
    return reply.status(201).send(toFacility(row!));
  });

  app.get('/api/facilities/:facilityId', {
    config: { access: allow.facility(STAFF_ROLES, facilityFromParams) },
    schema: { tags, summary: 'One facility', params: FacilityParams, response: { 200: Facility, ...staffErrors } },
  }, async (request) => {
    const row = await getFacility(deps.db, actorOf(request).orgId, request.params.facilityId);
    if (!row) throw new AppError(404, 'facility_not_found', 'No such facility.');
    return toFacility(row);
  });

  app.put('/api/facilities/:facilityId', {
    config: { access: allow.facility(['admin'], facilityFromParams, 'administration') },
    schema: { tags, summary: 'Edit a facility', params: FacilityParams, body: FacilityInput, response: { 200: Facility, ...staffErrors } },
  }, async (request) => {
    await editFacility(deps, auditContextOf(request, deps.clock.now()), request.params.facilityId, request.body);
    return toFacility((await getFacility(deps.db, actorOf(request).orgId, request.params.facilityId))!);
  });
}
