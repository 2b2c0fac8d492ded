/** The front-desk kiosk: a patient finds themself by last name and birthday, then checks in. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { CHECKIN_RECORDERS } from '../staff/roles.ts';
import { FacilityParams, KioskCheckinInput, KioskIdentifyInput, KioskIdentity, KioskReceipt } from './checkins.schemas.ts';
import { kioskCheckin, kioskIdentify } from './kiosk.ts';

const tags = ['Check-ins'];

const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

export async function kioskRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());
  // Identification is guessable (a name and a birthday): limited like sign-in.
  const limited = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } };

  app.post('/api/facilities/:facilityId/kiosk/identify', {
    config: { access: allow.facility(CHECKIN_RECORDERS, facilityInPath, 'treatment'), ...limited },
    schema: {
      tags,
      summary: 'Kiosk: find the patient in a program at this facility by last name (accent- and case-insensitive) and date of birth; any non-match is 404 kiosk_no_match',
      params: FacilityParams,
      body: KioskIdentifyInput,
      response: { 200: KioskIdentity, ...staffErrors, 429: ErrorResponse },
    },
  }, async (request) => kioskIdentify(deps, audit(request), request.params.facilityId, request.body));

  app.post('/api/facilities/:facilityId/kiosk/checkins', {
    config: { access: allow.facility(CHECKIN_RECORDERS, facilityInPath, 'treatment') },
    schema: {
      tags,
      summary: 'Kiosk: the identified patient’s check-in for today at this facility; the receipt carries no answers back',
      params: FacilityParams,
      body: KioskCheckinInput,
      response: { 201: KioskReceipt, ...staffErrors, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await kioskCheckin(deps, actorOf(request), audit(request), request.params.facilityId, request.body)));
}
