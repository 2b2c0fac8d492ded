import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { requireOrganization } from '../organizations/organizations.store.ts';
import { STAFF_ROLES } from '../staff/roles.ts';
import { LEVELS_OF_CARE, describeBand } from './levels-of-care.ts';
import { createProgram, editProgram, loadProgram, loadPrograms } from './programs.ts';
import { LevelsOfCare, Program, ProgramInput, ProgramListQuery, ProgramParams } from './programs.schemas.ts';
import { getProgramRow } from './programs.store.ts';

const tags = ['Programs'];
const PROGRAM_EDITORS = ['admin', 'clinical_director'] as const;

/** The facility of the program named in the path (the guard checks the caller's assignment). */
const programFacility: FacilityResolver = async (request, db, actor) =>
  (await getProgramRow(db, actor.orgId, (request.params as { programId: string }).programId))?.facility_id;

/** The facility a new program is to be created in (checked again inside the transaction). */
const bodyFacility: FacilityResolver = async (request) => (request.body as { facilityId: string }).facilityId;

export async function programsRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/levels-of-care', {
    config: { access: allow.organization(STAFF_ROLES, 'operations') },
    schema: { tags, summary: 'Levels of care of the organization’s ASAM edition, with their weekly-hours bands', response: { 200: LevelsOfCare, ...staffErrors } },
  }, async (request) => {
    const edition = (await requireOrganization(deps.db, actorOf(request).orgId)).asam_edition;
    return {
      edition,
      levels: LEVELS_OF_CARE[edition].map((level) => ({
        code: level.code,
        name: level.name,
        schedulable: level.hours.adult !== null,
        adult: describeBand(level, 'adult'),
        adolescent: describeBand(level, 'adolescent'),
      })),
    };
  });

  app.get('/api/programs', {
    config: { access: allow.facilities(STAFF_ROLES) },
    schema: { tags, summary: 'Programs at the facilities you are assigned to', querystring: ProgramListQuery, response: { 200: Type.Array(Program), ...staffErrors } },
  }, async (request) => loadPrograms(deps.db, actorOf(request), request.query));

  app.post('/api/programs', {
    config: { access: allow.facility(PROGRAM_EDITORS, bodyFacility, 'administration') },
    schema: { tags, summary: 'Create a program with its tracks and phases', body: ProgramInput, response: { 201: Program, 422: ErrorResponse, ...staffErrors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const programId = await createProgram(deps, actor, auditContextOf(request, deps.clock.now()), request.body);
    return reply.status(201).send((await loadProgram(deps.db, actor.orgId, programId))!);
  });

  app.get('/api/programs/:programId', {
    config: { access: allow.facility(STAFF_ROLES, programFacility) },
    schema: { tags, summary: 'One program with its tracks and phases', params: ProgramParams, response: { 200: Program, ...staffErrors } },
  }, async (request) => {
    const program = await loadProgram(deps.db, actorOf(request).orgId, request.params.programId);
    if (!program) throw new AppError(404, 'not_found', 'No such program.');
    return program;
  });

  app.put('/api/programs/:programId', {
    config: { access: allow.facility(PROGRAM_EDITORS, programFacility, 'administration') },
    schema: {
      tags,
      summary: 'Replace a program’s definition; phases and tracks keep their ids when sent back with them',
      params: ProgramParams,
      body: ProgramInput,
      response: { 200: Program, 422: ErrorResponse, ...staffErrors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    await editProgram(deps, actor, auditContextOf(request, deps.clock.now()), request.params.programId, request.body);
    return (await loadProgram(deps.db, actor.orgId, request.params.programId))!;
  });
}
