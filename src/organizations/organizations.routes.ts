import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf, recordAudit } from '../audit/record.ts';
import { actorOf, allow } from '../http/access.ts';
import { Name, Uuid, staffErrors } from '../http/schemas.ts';
import { STAFF_ROLES } from '../staff/roles.ts';
import { requireEnrollmentForSessionsWithoutTotp } from '../auth/auth.store.ts';
import { getOrganization, updateOrganization } from './organizations.store.ts';

const tags = ['Organization'];
const Organization = Type.Object({ orgId: Uuid, name: Type.String(), asamEdition: Type.String(), requireTotp: Type.Boolean() });
const OrganizationInput = Type.Object(
  {
    name: Type.Optional(Name(200)),
    requireTotp: Type.Optional(Type.Boolean({ description: 'Require an authenticator app for every staff sign-in' })),
    asamEdition: Type.Optional(Type.Union([Type.Literal('3'), Type.Literal('4')], { description: 'ASAM Criteria edition for new programs' })),
  },
  { additionalProperties: false },
);

export async function organizationRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const load = async (orgId: string) => {
    const org = (await getOrganization(deps.db, orgId))!;
    return { orgId: org.org_id, name: org.name, asamEdition: org.asam_edition, requireTotp: org.require_totp };
  };

  app.get('/api/organization', {
    config: { access: allow.organization(STAFF_ROLES) },
    schema: { tags, summary: 'Your organization', response: { 200: Organization, ...staffErrors } },
  }, async (request) => load(actorOf(request).orgId));

  app.put('/api/organization', {
    config: { access: allow.organization(['admin']) },
    schema: { tags, summary: 'Rename, require a second factor, choose the ASAM edition', body: OrganizationInput, response: { 200: Organization, ...staffErrors } },
  }, async (request) => {
    const audit = auditContextOf(request, deps.clock.now());
    await deps.db.transaction().execute(async (trx) => {
      await updateOrganization(trx, audit.orgId, { ...request.body, name: request.body.name?.trim() }, deps.clock.now());
      if (request.body.requireTotp) await requireEnrollmentForSessionsWithoutTotp(trx, audit.orgId);
      await recordAudit(trx, audit, { action: 'update', entity: 'organization', entityId: audit.orgId, details: { fields: Object.keys(request.body) } });
    });
    return load(audit.orgId);
  });
}
