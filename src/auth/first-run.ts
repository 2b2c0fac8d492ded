/**
 * First run: on an empty database, create the organization and either the administrator
 * named by CAIRN_ADMIN_EMAIL / CAIRN_ADMIN_PASSWORD or a one-time setup link (24 h).
 * On later starts with still no staff, a fresh setup link is issued.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from '../audit/record.ts';
import { countOrganizations, firstOrganization, insertOrganization } from '../organizations/organizations.store.ts';
import { countStaff, emailTaken } from '../staff/staff.store.ts';
import { checkPassword, createAdministrator, issueLink } from './account-links.ts';
import { hashPassword } from './passwords.ts';

export type FirstRunOutcome =
  | { readonly kind: 'ready' }
  | { readonly kind: 'admin_created'; readonly email: string }
  | { readonly kind: 'setup_link'; readonly url: string; readonly expiresAt: Date };

export class FirstRunError extends Error {}

export async function ensureFirstRun(deps: AppDeps): Promise<FirstRunOutcome> {
  const { db, clock, config } = deps;
  if ((await countOrganizations(db)) === 0) {
    const orgId = randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertOrganization(trx, { orgId, name: config.organizationName, now: clock.now() });
      await recordAudit(
        trx,
        { orgId, occurredAt: clock.now(), actorId: null, actorRole: 'system', ip: null, purpose: 'administration' },
        { action: 'create', entity: 'organization', entityId: orgId, details: { via: 'first_run' } },
      );
    });
  }
  const org = await firstOrganization(db);
  if (!org) throw new FirstRunError('no organization after first-run creation');
  if ((await countStaff(db, org.org_id)) > 0) return { kind: 'ready' };

  if (config.adminEmail && config.adminPassword) {
    try {
      checkPassword(config.adminPassword, config.adminEmail);
    } catch (error) {
      throw new FirstRunError(`CAIRN_ADMIN_PASSWORD is not acceptable: ${(error as Error).message}`);
    }
    if (await emailTaken(db, config.adminEmail)) throw new FirstRunError(`CAIRN_ADMIN_EMAIL ${config.adminEmail} is already in use`);
    const passwordHash = await hashPassword(config.adminPassword);
    const fullName = config.adminName;
    await db.transaction().execute((trx) =>
      createAdministrator(trx, { orgId: org.org_id, email: config.adminEmail!, fullName, passwordHash, now: clock.now() }, null),
    );
    return { kind: 'admin_created', email: config.adminEmail };
  }
  const link = await issueLink(db, { orgId: org.org_id, purpose: 'setup', staffId: null, now: clock.now(), publicUrl: config.publicUrl });
  return { kind: 'setup_link', ...link };
}
