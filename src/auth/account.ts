/** The signed-in user's own account: profile, password, second factor. */
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { recordAudit, type AuditContext } from '../audit/record.ts';
import { getOrganization } from '../organizations/organizations.store.ts';
import { getStaffForUpdate, updateStaff } from '../staff/staff.store.ts';
import { checkPassword } from './account-links.ts';
import type { Me } from './auth.schemas.ts';
import { revokeStaffSessions, setSessionMfaSatisfied } from './auth.store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newTotpSecret, totpCodeValid, totpUri } from './totp.ts';

export async function describeMe(deps: AppDeps, actor: StaffActor): Promise<Me> {
  // One read: this answers every page load of the web UI.
  const row = await deps.db
    .selectFrom('staff as s')
    .innerJoin('organizations as o', 'o.org_id', 's.org_id')
    .select(['s.credentials', 's.totp_enabled_at', 'o.name as org_name', 'o.require_totp', 'o.asam_edition'])
    .select(
      sql<{ facility_id: string; name: string; time_zone: string }[]>`coalesce((
        select json_agg(json_build_object('facility_id', f.facility_id, 'name', f.name, 'time_zone', f.time_zone) order by f.name)
        from facilities f
        where f.org_id = s.org_id
          and (${actor.facilities.kind === 'all'}
               or f.facility_id in (select sf.facility_id from staff_facilities sf where sf.org_id = s.org_id and sf.staff_id = s.staff_id))
      ), '[]'::json)`.as('facilities'),
    )
    .where('s.org_id', '=', actor.orgId)
    .where('s.staff_id', '=', actor.staffId)
    .executeTakeFirstOrThrow();
  return {
    staffId: actor.staffId,
    email: actor.email,
    fullName: actor.fullName,
    roles: [...actor.roles],
    credentials: row.credentials,
    facilities: row.facilities.map((f) => ({ facilityId: f.facility_id, name: f.name, timeZone: f.time_zone })),
    allFacilities: actor.facilities.kind === 'all',
    organization: { orgId: actor.orgId, name: row.org_name, requireTotp: row.require_totp, asamEdition: row.asam_edition },
    csrfToken: actor.csrfToken,
    totpEnabled: row.totp_enabled_at !== null,
    mfaState: actor.mfaState,
    idleTimeoutMinutes: deps.config.sessionIdleMinutes,
  };
}

export async function changeOwnPassword(deps: AppDeps, actor: StaffActor, audit: AuditContext, current: string, next: string): Promise<void> {
  checkPassword(next, actor.email);
  const nextHash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    const staff = await getStaffForUpdate(trx, actor.orgId, actor.staffId);
    if (!staff?.password_hash || !(await verifyPassword(staff.password_hash, current))) {
      throw new AppError(422, 'invalid_credentials', 'The current password is not right.', [{ path: 'currentPassword', message: 'is not right' }]);
    }
    const now = deps.clock.now();
    await updateStaff(trx, actor.orgId, actor.staffId, { password_hash: nextHash }, now);
    // Other sessions (another browser, a stolen cookie) end; this one continues.
    await revokeStaffSessions(trx, actor.orgId, actor.staffId, now, actor.sessionId);
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: actor.staffId, details: { fields: ['password'] } });
  });
}

/** Step 1 of enrolment: a new secret, shown once as a QR code / text; not active until confirmed. */
export async function startTotpEnrollment(deps: AppDeps, actor: StaffActor, audit: AuditContext): Promise<{ secret: string; uri: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const staff = await getStaffForUpdate(trx, actor.orgId, actor.staffId);
    if (staff?.totp_enabled_at) throw new AppError(409, 'totp_already_enabled', 'An authenticator is already set up. Turn it off first to replace it.');
    const secret = newTotpSecret();
    await updateStaff(trx, actor.orgId, actor.staffId, { totp_secret: secret }, deps.clock.now());
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: actor.staffId, details: { fields: ['totp_secret'], step: 'enrolment_started' } });
    return { secret, uri: totpUri(secret, actor.email) };
  });
}

/** Step 2: the first correct code turns the second factor on. */
export async function confirmTotpEnrollment(deps: AppDeps, actor: StaffActor, audit: AuditContext, code: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const staff = await getStaffForUpdate(trx, actor.orgId, actor.staffId);
    if (!staff?.totp_secret) throw new AppError(409, 'totp_not_started', 'Start setting up an authenticator first.');
    if (staff.totp_enabled_at) throw new AppError(409, 'totp_already_enabled', 'An authenticator is already set up.');
    const now = deps.clock.now();
    if (!totpCodeValid(staff.totp_secret, code, now)) {
      throw new AppError(422, 'totp_invalid', 'That code is not right. Check the time on your phone and try the next code.', [{ path: 'code', message: 'is not right' }]);
    }
    await updateStaff(trx, actor.orgId, actor.staffId, { totp_enabled_at: now }, now);
    await setSessionMfaSatisfied(trx, actor.orgId, actor.staffId);
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: actor.staffId, details: { fields: ['totp_enabled'], value: true } });
  });
}

export async function disableOwnTotp(deps: AppDeps, actor: StaffActor, audit: AuditContext, password: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const org = await getOrganization(trx, actor.orgId);
    if (org?.require_totp) throw new AppError(409, 'conflict', 'Your organization requires a second factor, so it cannot be turned off.');
    const staff = await getStaffForUpdate(trx, actor.orgId, actor.staffId);
    if (!staff?.password_hash || !(await verifyPassword(staff.password_hash, password))) {
      throw new AppError(422, 'invalid_credentials', 'The password is not right.', [{ path: 'password', message: 'is not right' }]);
    }
    await updateStaff(trx, actor.orgId, actor.staffId, { totp_secret: null, totp_enabled_at: null }, deps.clock.now());
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: actor.staffId, details: { fields: ['totp_enabled'], value: false } });
  });
}
