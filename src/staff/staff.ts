/** Staff accounts: invite, edit roles and facilities, deactivate, unlock, reset. */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, StaffRow } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { issueLink } from '../auth/account-links.ts';
import { expireOpenTokens, revokeStaffSessions } from '../auth/auth.store.ts';
import { existingFacilityIds } from '../facilities/facilities.store.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { countActiveAdmins, lockOrganization } from '../organizations/organizations.store.ts';
import type { StaffInput, StaffMember } from './staff.schemas.ts';
import { emailTaken, getStaff, getStaffForUpdate, insertStaff, setStaffFacilities, updateStaff } from './staff.store.ts';

type StaffView = NonNullable<Awaited<ReturnType<typeof getStaff>>>;

export function toStaffMember(row: StaffView): StaffMember {
  return {
    staffId: row.staff_id,
    email: row.email,
    fullName: row.full_name,
    credentials: row.credentials,
    roles: row.roles,
    facilityIds: row.facility_ids,
    status: row.status,
    totpEnabled: row.totp_enabled_at !== null,
    lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function checkInput(trx: Transaction<Database>, orgId: string, input: StaffInput, exceptStaffId?: string): Promise<void> {
  if (await emailTaken(trx, input.email, exceptStaffId)) {
    throw new AppError(409, 'email_taken', 'This e-mail address already has an account.', [{ path: 'email', message: 'is already in use' }]);
  }
  const known = await existingFacilityIds(trx, orgId, input.facilityIds);
  const unknown = input.facilityIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `facilityIds[${i}]`, message: 'is not a facility of this organization' }]));
  if (unknown.length) throw new AppError(422, 'facility_not_found', 'A facility does not exist.', unknown);
}

export async function inviteStaff(deps: AppDeps, audit: AuditContext, input: StaffInput) {
  return deps.db.transaction().execute(async (trx) => {
    await checkInput(trx, audit.orgId, input);
    const staffId = randomUUID();
    const now = deps.clock.now();
    await insertStaff(trx, {
      orgId: audit.orgId,
      staffId,
      email: input.email,
      fullName: input.fullName,
      credentials: input.credentials.map((c) => c.trim()),
      roles: input.roles,
      status: 'invited',
      passwordHash: null,
      now,
    });
    await setStaffFacilities(trx, audit.orgId, staffId, input.facilityIds);
    const link = await issueLink(trx, { orgId: audit.orgId, purpose: 'invite', staffId, now, publicUrl: deps.config.publicUrl });
    await recordAudit(trx, audit, { action: 'create', entity: 'staff', entityId: staffId, details: { roles: input.roles, facilityIds: input.facilityIds } });
    return { staffId, link: { url: link.url, expiresAt: link.expiresAt.toISOString(), purpose: 'invite' as const } };
  });
}

async function lockedStaff(trx: Transaction<Database>, orgId: string, staffId: string): Promise<StaffRow> {
  const staff = await getStaffForUpdate(trx, orgId, staffId);
  if (!staff) throw new AppError(404, 'not_found', 'No such staff member.');
  return staff;
}

/** An organization must keep at least one active administrator, or nobody can manage it. */
async function keepAnAdmin(trx: Transaction<Database>, orgId: string, staff: StaffRow, stillAdmin: boolean): Promise<void> {
  if (staff.status === 'active' && staff.roles.includes('admin') && !stillAdmin && (await countActiveAdmins(trx, orgId)) <= 1) {
    throw new AppError(409, 'last_admin', 'This is the only active administrator. Make someone else an administrator first.');
  }
}

export async function editStaff(deps: AppDeps, actor: StaffActor, audit: AuditContext, staffId: string, input: StaffInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, audit.orgId);
    const before = await lockedStaff(trx, audit.orgId, staffId);
    await checkInput(trx, audit.orgId, input, staffId);
    await keepAnAdmin(trx, audit.orgId, before, input.roles.includes('admin'));
    if (staffId === actor.staffId && !input.roles.includes('admin')) {
      throw new AppError(409, 'cannot_change_self', 'You cannot remove your own administrator role.');
    }
    const now = deps.clock.now();
    await updateStaff(trx, audit.orgId, staffId, { email: input.email.trim(), full_name: input.fullName.trim(), credentials: input.credentials, roles: input.roles }, now);
    await setStaffFacilities(trx, audit.orgId, staffId, input.facilityIds);
    const changed = [
      before.email !== input.email.trim() && 'email',
      before.full_name !== input.fullName.trim() && 'fullName',
      before.credentials.join() !== input.credentials.join() && 'credentials',
      before.roles.join() !== input.roles.join() && 'roles',
      'facilityIds',
    ].filter(Boolean);
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: staffId, details: { fields: changed, roles: input.roles, facilityIds: input.facilityIds } });
  });
}

export async function setStaffActive(deps: AppDeps, actor: StaffActor, audit: AuditContext, staffId: string, active: boolean): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, audit.orgId);
    const staff = await lockedStaff(trx, audit.orgId, staffId);
    if (staffId === actor.staffId) throw new AppError(409, 'cannot_change_self', 'You cannot deactivate your own account.');
    const now = deps.clock.now();
    if (!active) {
      await keepAnAdmin(trx, audit.orgId, staff, false);
      await updateStaff(trx, audit.orgId, staffId, { status: 'deactivated' }, now);
      await revokeStaffSessions(trx, audit.orgId, staffId, now);
      await expireOpenTokens(trx, audit.orgId, staffId, now);
    } else {
      await updateStaff(trx, audit.orgId, staffId, { status: staff.password_hash ? 'active' : 'invited' }, now);
    }
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: staffId, details: { fields: ['status'], active } });
  });
}

/** A fresh one-time link: an invitation again if never accepted, otherwise a password reset. */
export async function issueAccountLink(deps: AppDeps, audit: AuditContext, staffId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const staff = await lockedStaff(trx, audit.orgId, staffId);
    if (staff.status === 'deactivated') throw new AppError(409, 'account_inactive', 'Reactivate this account first.');
    const now = deps.clock.now();
    const purpose = staff.status === 'invited' ? ('invite' as const) : ('password_reset' as const);
    await expireOpenTokens(trx, audit.orgId, staffId, now);
    const link = await issueLink(trx, { orgId: audit.orgId, purpose, staffId, now, publicUrl: deps.config.publicUrl });
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: staffId, details: { fields: ['account_link'], purpose } });
    return { url: link.url, expiresAt: link.expiresAt.toISOString(), purpose };
  });
}

export async function unlockStaff(deps: AppDeps, audit: AuditContext, staffId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockedStaff(trx, audit.orgId, staffId);
    await updateStaff(trx, audit.orgId, staffId, { locked_until: null, failed_login_count: 0 }, deps.clock.now());
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: staffId, details: { fields: ['locked_until'] } });
  });
}

/** For a lost phone: the staff member sets up a new authenticator at next sign-in if required. */
export async function resetStaffTotp(deps: AppDeps, audit: AuditContext, staffId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockedStaff(trx, audit.orgId, staffId);
    const now = deps.clock.now();
    await updateStaff(trx, audit.orgId, staffId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null }, now);
    await revokeStaffSessions(trx, audit.orgId, staffId, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: staffId, details: { fields: ['totp_enabled'], value: false } });
  });
}
