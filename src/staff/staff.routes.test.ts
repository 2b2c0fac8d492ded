import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Client, type TestContext, type TestOrg, createOrg, facilityInput, startTestApp } from '../../test/support/app.ts';
import { totpCodeAt } from '../auth/totp.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
});

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

async function invite(email: string, roles = ['clinician']) {
  const response = await org.admin.post('/api/staff', { email, fullName: 'Casey Counselor', credentials: ['LCSW', 'CADC'], roles, facilityIds: [facilityId] });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { staff: { staffId: string; status: string }; link: { url: string; purpose: string } };
}

describe('staff accounts', () => {
  it('an invited clinician sets a password with the one-time link and is signed in to their facility', async () => {
    const { staff, link } = await invite('casey@example.org');
    assert.equal(staff.status, 'invited');
    assert.equal(link.purpose, 'invite');
    assert.match(link.url, /^http:\/\/cairn\.test\/welcome#token=/);
    const info = await new Client(ctx.app).get(`/api/auth/link?token=${encodeURIComponent(tokenOf(link.url))}`);
    assert.deepEqual({ ...(info.json() as object), expiresAt: undefined }, { purpose: 'invite', totpRequired: false, organizationName: 'Riverbend Recovery', email: 'casey@example.org', fullName: 'Casey Counselor', expiresAt: undefined });

    const casey = new Client(ctx.app);
    const weak = await casey.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'password1234' });
    assert.equal(weak.statusCode, 422);
    const accepted = await casey.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(accepted.json().facilities.map((f: { facilityId: string }) => f.facilityId), [facilityId]);
    assert.deepEqual(accepted.json().credentials, ['LCSW', 'CADC']);
    const again = await new Client(ctx.app).post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    assert.equal(again.statusCode, 404, 'the link works once');
    assert.equal(again.json().error.code, 'token_invalid');
  });

  it('an invitation link expires after 72 hours', async () => {
    const { link } = await invite('late@example.org');
    ctx.clock.advanceMinutes(72 * 60);
    const response = await new Client(ctx.app).post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    assert.equal(response.statusCode, 404);
    await org.admin.login(org.adminEmail); // the administrator's own session ended meanwhile
  });

  it('an e-mail address can belong to one account only', async () => {
    await invite('dup@example.org');
    const response = await org.admin.post('/api/staff', { email: 'DUP@example.org', fullName: 'Other', credentials: [], roles: ['billing'], facilityIds: [] });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'email_taken');
  });

  it('deactivation signs the person out everywhere and blocks sign-in', async () => {
    const { staff, link } = await invite('leaving@example.org', ['front_desk']);
    const person = new Client(ctx.app);
    await person.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    assert.equal((await person.get('/api/me')).statusCode, 200);
    assert.equal((await org.admin.post(`/api/staff/${staff.staffId}/deactivate`)).json().status, 'deactivated');
    assert.equal((await person.get('/api/me')).statusCode, 401);
    const login = await new Client(ctx.app).login('leaving@example.org', 'meadow-lantern-river-9');
    assert.equal(login.statusCode, 403);
    assert.equal(login.json().error.code, 'account_inactive');
    assert.equal((await org.admin.post(`/api/staff/${staff.staffId}/reactivate`)).json().status, 'active');
    assert.equal((await new Client(ctx.app).login('leaving@example.org', 'meadow-lantern-river-9')).statusCode, 200);
  });

  it('role changes take effect on the next request', async () => {
    const { staff, link } = await invite('promoted@example.org', ['clinician']);
    const person = new Client(ctx.app);
    await person.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    assert.equal((await person.get('/api/staff')).statusCode, 403);
    await org.admin.put(`/api/staff/${staff.staffId}`, { email: 'promoted@example.org', fullName: 'Casey Counselor', credentials: [], roles: ['clinician', 'clinical_director'], facilityIds: [facilityId] });
    assert.equal((await person.get('/api/staff')).statusCode, 200);
  });

  it('the last active administrator cannot be removed or deactivated, and nobody deactivates themselves', async () => {
    const me = (await org.admin.get('/api/me')).json();
    const demote = await org.admin.put(`/api/staff/${me.staffId}`, { email: org.adminEmail, fullName: 'Ada Admin', credentials: [], roles: ['clinician'], facilityIds: [] });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().error.code, 'last_admin');
    const self = await org.admin.post(`/api/staff/${me.staffId}/deactivate`);
    assert.equal(self.json().error.code, 'cannot_change_self');
  });

  it('a password reset link replaces the password and ends existing sessions', async () => {
    const { staff, link } = await invite('forgetful@example.org');
    const person = new Client(ctx.app);
    await person.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    const reset = (await org.admin.post(`/api/staff/${staff.staffId}/account-link`)).json();
    assert.equal(reset.purpose, 'password_reset');
    const fresh = new Client(ctx.app);
    assert.equal((await fresh.post('/api/auth/accept-link', { token: tokenOf(reset.url), password: 'harbor-quilt-summit-3' })).statusCode, 200);
    assert.equal((await person.get('/api/me')).statusCode, 401);
    assert.equal((await new Client(ctx.app).login('forgetful@example.org', 'harbor-quilt-summit-3')).statusCode, 200);
  });

  it('a reset link for an account with an authenticator needs its current code too', async () => {
    const { staff, link } = await invite('careful@example.org');
    const person = new Client(ctx.app);
    await person.post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    const { secret } = (await person.post('/api/me/totp')).json();
    await person.post('/api/me/totp/confirm', { code: totpCodeAt(secret, ctx.clock.now()) });
    ctx.clock.advanceMinutes(1);
    const resetResponse = await org.admin.post(`/api/staff/${staff.staffId}/account-link`);
    assert.equal(resetResponse.statusCode, 200, resetResponse.body);
    const reset = resetResponse.json();
    const info = (await new Client(ctx.app).get(`/api/auth/link?token=${encodeURIComponent(tokenOf(reset.url))}`)).json();
    assert.equal(info.totpRequired, true);
    const intruder = new Client(ctx.app);
    const noCode = await intruder.post('/api/auth/accept-link', { token: tokenOf(reset.url), password: 'harbor-quilt-summit-3' });
    assert.equal(noCode.statusCode, 401);
    assert.equal(noCode.json().error.code, 'totp_required');
    const wrong = await intruder.post('/api/auth/accept-link', { token: tokenOf(reset.url), password: 'harbor-quilt-summit-3', totp: totpCodeAt(secret, new Date(ctx.clock.now().getTime() + 3_600_000)) });
    assert.equal(wrong.json().error.code, 'totp_invalid');
    assert.equal((await new Client(ctx.app).login('careful@example.org', 'meadow-lantern-river-9', totpCodeAt(secret, ctx.clock.now()))).statusCode, 200, 'the old password still works: nothing changed');
    ctx.clock.advanceMinutes(1);
    const ok = await new Client(ctx.app).post('/api/auth/accept-link', { token: tokenOf(reset.url), password: 'harbor-quilt-summit-3', totp: totpCodeAt(secret, ctx.clock.now()) });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('two administrators deactivating each other at once leave one active administrator', async () => {
    const second = await invite('second-admin@example.org', ['admin']);
    const secondAdmin = new Client(ctx.app);
    await secondAdmin.post('/api/auth/accept-link', { token: tokenOf(second.link.url), password: 'meadow-lantern-river-9' });
    const me = (await org.admin.get('/api/me')).json();
    const [a, b] = await Promise.all([
      org.admin.post(`/api/staff/${second.staff.staffId}/deactivate`),
      secondAdmin.post(`/api/staff/${me.staffId}/deactivate`),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    assert.ok(codes[0] === 200 && codes[1] !== 200, `answers ${codes}`);
    const admins = (await ctx.deps.db.selectFrom('staff').select('staff_id').where('org_id', '=', org.orgId).where('status', '=', 'active').execute()).length;
    assert.ok(admins >= 1);
    if (a.statusCode !== 200) {
      // The second administrator won; carry on as them.
      org.admin.cookie = secondAdmin.cookie;
      org.admin.csrf = secondAdmin.csrf;
    } else {
      await org.admin.post(`/api/staff/${second.staff.staffId}/reactivate`);
    }
  });

  it('an administrator can unlock a locked account', async () => {
    const { staff, link } = await invite('locked@example.org');
    await new Client(ctx.app).post('/api/auth/accept-link', { token: tokenOf(link.url), password: 'meadow-lantern-river-9' });
    for (let i = 0; i < 5; i += 1) await new Client(ctx.app).login('locked@example.org', 'wrong-password-xyz');
    assert.ok((await org.admin.get(`/api/staff/${staff.staffId}`)).json().lockedUntil);
    assert.equal((await org.admin.post(`/api/staff/${staff.staffId}/unlock`)).json().lockedUntil, null);
    assert.equal((await new Client(ctx.app).login('locked@example.org', 'meadow-lantern-river-9')).statusCode, 200);
  });

  it('assigning a facility of another organization is refused', async () => {
    const response = await org.admin.post('/api/staff', { email: 'x@example.org', fullName: 'X', credentials: [], roles: ['billing'], facilityIds: ['00000000-0000-4000-8000-000000000001'] });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details[0].path, 'facilityIds[0]');
  });
});
