/** The signed-in user's own account: profile, password, second factor. */
import type { AppDeps } from '../deps.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { recordAudit, type AuditContext } from '../audit/record.ts';
import { getOrganization } from '../organizations/organizations.store.ts';
import { getStaffForUpdate, staffProfile, updateStaff } from '../staff/staff.store.ts';
import { checkPassword } from './account-links.ts';
import type { Me } from './auth.schemas.ts';
import { revokeStaffSessions, setSessionMfaSatisfied } from './auth.store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newTotpSecret, totpCodeAccepted, totpUri } from './totp.ts';

export async function describeMe(deps: AppDeps, actor: StaffActor): Promise<Me> {
  const row = await staffProfile(deps.db, actor.orgId, actor.staffId, actor.facilities.kind === 'all');
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
    const step = totpCodeAccepted(staff.totp_secret, code, now, staff.totp_last_step);
    if (step === undefined) {
      throw new AppError(422, 'totp_invalid', 'That code is not right. Check the time on your phone and try the next code.', [{ path: 'code', message: 'is not right' }]);
    }
    await updateStaff(trx, actor.orgId, actor.staffId, { totp_enabled_at: now, totp_last_step: step }, now);
    // Only this session proved the second factor; others the user may have open must sign in again.
    await setSessionMfaSatisfied(trx, actor.orgId, actor.sessionId);
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
    await updateStaff(trx, actor.orgId, actor.staffId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null }, deps.clock.now());
    await recordAudit(trx, audit, { action: 'update', entity: 'staff', entityId: actor.staffId, details: { fields: ['totp_enabled'], value: false } });
  });
}
