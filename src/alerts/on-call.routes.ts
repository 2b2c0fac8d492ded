/** A facility's on-call roster: read by alert handlers and roster keepers, kept by ON_CALL_MANAGERS. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { ALERT_HANDLERS, ON_CALL_MANAGERS } from '../staff/roles.ts';
import { FacilityParams, OnCallInput, OnCallQuery, OnCallRoster, OnCallShift, ShiftParams } from './alerts.schemas.ts';
import { addShift, onCallRoster, removeShift } from './on-call.ts';
import { shiftFacility } from './on-call.store.ts';

const tags = ['On-call'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;
const shiftInPath: FacilityResolver = async (request, db, actor) => shiftFacility(db, actor.orgId, (request.params as { shiftId: string }).shiftId);

const ROSTER_READERS = [...new Set([...ALERT_HANDLERS, ...ON_CALL_MANAGERS])];

export async function onCallRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/facilities/:facilityId/on-call', {
    config: { access: allow.facility(ROSTER_READERS, facilityInPath, 'operations') },
    schema: {
      tags,
      summary: 'On-call shifts over facility-local days (default the next two weeks) and who is on call now',
      params: FacilityParams,
      querystring: OnCallQuery,
      response: { 200: OnCallRoster, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request) => onCallRoster(deps, actorOf(request), request.params.facilityId, request.query));

  app.post('/api/facilities/:facilityId/on-call', {
    config: { access: allow.facility(ON_CALL_MANAGERS, facilityInPath, 'operations') },
    schema: {
      tags,
      summary: 'Put an active clinician, clinical director or medical staff member of the facility on call',
      params: FacilityParams,
      body: OnCallInput,
      response: { 201: OnCallShift, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await addShift(deps, actorOf(request), audit(request), request.params.facilityId, request.body)));

  app.delete('/api/on-call/:shiftId', {
    config: { access: allow.facility(ON_CALL_MANAGERS, shiftInPath, 'operations') },
    schema: { tags, summary: 'Remove an on-call shift', params: ShiftParams, response: { 204: Type.Null(), ...staffErrors } },
  }, async (request, reply) => {
    await removeShift(deps, actorOf(request), audit(request), request.params.shiftId);
    return reply.status(204).send(null);
  });
}
