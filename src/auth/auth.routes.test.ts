import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Client, PASSWORD, type TestContext, createOrg, startTestApp } from '../../test/support/app.ts';
import { totpCodeAt } from './totp.ts';

let ctx: TestContext;
before(async () => {
  ctx = await startTestApp();
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with a CSRF token', async () => {
    const org = await createOrg(ctx);
    const client = new Client(ctx.app);
    const response = await client.post('/api/auth/login', { email: org.adminEmail.toUpperCase(), password: PASSWORD });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'cairn_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.secure, undefined, 'plain HTTP in tests: no Secure flag');
    const me = response.json();
    assert.equal(me.email, org.adminEmail);
    assert.deepEqual(me.roles, ['admin']);
    assert.match(me.csrfToken, /^[A-Za-z0-9_-]{20,}$/);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const org = await createOrg(ctx);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.adminEmail, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // trustProxy is off by default, so the forwarded header alone is not trusted.
    assert.equal(response.cookies.find((c) => c.name === 'cairn_session')?.secure, undefined);
    const proxied = await startTestApp({ trustProxy: true });
    const org2 = await createOrg(proxied);
    const behindTls = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org2.adminEmail, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(behindTls.cookies.find((c) => c.name === 'cairn_session')?.secure, true);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const org = await createOrg(ctx);
    const wrong = await new Client(ctx.app).login(org.adminEmail, 'not-the-password-at-all');
    const unknown = await new Client(ctx.app).login('nobody@example.org', 'not-the-password-at-all');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.code, 'invalid_credentials');
    assert.deepEqual(wrong.json(), unknown.json());
  });

  it('locks the account for 15 minutes after five failed sign-ins, even with the right password', async () => {
    const org = await createOrg(ctx);
    const client = new Client(ctx.app);
    for (let i = 1; i <= 4; i += 1) assert.equal((await client.login(org.adminEmail, 'wrong-password-123')).statusCode, 401);
    const fifth = await client.login(org.adminEmail, 'wrong-password-123');
    assert.equal(fifth.statusCode, 423);
    assert.equal(fifth.json().error.code, 'account_locked');
    assert.equal((await client.login(org.adminEmail)).statusCode, 423, 'right password while locked');
    ctx.clock.advanceMinutes(14);
    assert.equal((await client.login(org.adminEmail)).statusCode, 423, 'still locked at 14 minutes');
    ctx.clock.advanceMinutes(1);
    assert.equal((await client.login(org.adminEmail)).statusCode, 200, 'unlocked at 15 minutes');
  });

  it('guesses sent in parallel each count toward the lock', async () => {
    const org = await createOrg(ctx);
    const answers = await Promise.all(Array.from({ length: 12 }, () => new Client(ctx.app).login(org.adminEmail, 'parallel-guess-123')));
    const locked = answers.filter((a) => a.statusCode === 423).length;
    assert.ok(locked >= 7, `${locked} of 12 parallel guesses were refused as locked`);
    assert.equal((await new Client(ctx.app).login(org.adminEmail)).statusCode, 423, 'the right password is refused while locked');
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    const org = await createOrg(limited); // one attempt from 127.0.0.1
    const client = new Client(limited.app, '10.1.1.1');
    for (let i = 0; i < 3; i += 1) assert.equal((await client.login(org.adminEmail, 'wrong-password-123')).statusCode, 401);
    const blocked = await client.login(org.adminEmail);
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, 'rate_limited');
    assert.equal((await new Client(limited.app, '10.2.2.2').login(org.adminEmail)).statusCode, 200, 'another address is not limited');
  });

  it('validates the sign-in body with field paths', async () => {
    const response = await new Client(ctx.app).post('/api/auth/login', { email: 'not-an-email' });
    assert.equal(response.statusCode, 400);
    const error = response.json().error;
    assert.equal(error.code, 'validation_failed');
    const paths = error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['email', 'password']);
  });
});

describe('sessions', () => {
  it('ends after 15 idle minutes (HIPAA automatic logoff) but not while in use', async () => {
    const org = await createOrg(ctx);
    ctx.clock.advanceMinutes(10);
    assert.equal((await org.admin.get('/api/me')).statusCode, 200);
    ctx.clock.advanceMinutes(10);
    assert.equal((await org.admin.get('/api/me')).statusCode, 200, '10 minutes after the last request');
    ctx.clock.advanceMinutes(15);
    const expired = await org.admin.get('/api/me');
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.code, 'session_expired');
  });

  it('ends 12 hours after sign-in however active', async () => {
    const org = await createOrg(ctx);
    for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
      ctx.clock.advanceMinutes(10);
      assert.equal((await org.admin.get('/api/me')).statusCode, 200);
    }
    ctx.clock.advanceMinutes(10);
    assert.equal((await org.admin.get('/api/me')).statusCode, 401);
  });

  it('sign-out revokes the session on the server, so a copied cookie stops working', async () => {
    const org = await createOrg(ctx);
    const copied = org.admin.cookie!;
    assert.equal((await org.admin.post('/api/auth/logout')).statusCode, 204);
    const replay = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: copied } });
    assert.equal(replay.statusCode, 401);
  });

  it('refuses a write without the CSRF token', async () => {
    const org = await createOrg(ctx);
    const response = await org.admin.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'csrf_failed');
    assert.equal((await org.admin.get('/api/me')).statusCode, 200, 'the session was not ended');
  });
});

describe('passwords', () => {
  it('refuses short and common passwords', async () => {
    const org = await createOrg(ctx);
    for (const [newPassword, problem] of [['short-one', 'too_short'], ['qwerty123456', 'common']] as const) {
      const response = await org.admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword });
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'weak_password');
      assert.equal(response.json().error.details[0].problem, problem);
    }
  });

  it('a password change keeps this session and ends the others', async () => {
    const org = await createOrg(ctx);
    const other = new Client(ctx.app);
    await other.login(org.adminEmail);
    const response = await org.admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'granite-orchard-violin-7' });
    assert.equal(response.statusCode, 204);
    assert.equal((await org.admin.get('/api/me')).statusCode, 200);
    assert.equal((await other.get('/api/me')).statusCode, 401);
    assert.equal((await new Client(ctx.app).login(org.adminEmail, 'granite-orchard-violin-7')).statusCode, 200);
  });
});

describe('TOTP second factor', () => {
  it('once confirmed, sign-in needs the current code', async () => {
    const org = await createOrg(ctx);
    const setup = await org.admin.post('/api/me/totp');
    assert.equal(setup.statusCode, 200);
    const { secret, uri } = setup.json();
    assert.match(uri, /^otpauth:\/\/totp\/Cairn:/);
    const wrongConfirm = await org.admin.post('/api/me/totp/confirm', { code: '000000' === totpCodeAt(secret, ctx.clock.now()) ? '111111' : '000000' });
    assert.equal(wrongConfirm.statusCode, 422);
    assert.equal((await org.admin.post('/api/me/totp/confirm', { code: totpCodeAt(secret, ctx.clock.now()) })).statusCode, 204);
    ctx.clock.advanceMinutes(1); // the confirming code has been used; sign in with the next one

    const client = new Client(ctx.app);
    const noCode = await client.login(org.adminEmail);
    assert.equal(noCode.statusCode, 401);
    assert.equal(noCode.json().error.code, 'totp_required');
    const badCode = await client.login(org.adminEmail, PASSWORD, totpCodeAt(secret, new Date(ctx.clock.now().getTime() + 10 * 60_000)));
    assert.equal(badCode.json().error.code, 'totp_invalid');
    assert.equal((await client.login(org.adminEmail, PASSWORD, totpCodeAt(secret, ctx.clock.now()))).statusCode, 200);
    const replay = await new Client(ctx.app).login(org.adminEmail, PASSWORD, totpCodeAt(secret, ctx.clock.now()));
    assert.equal(replay.statusCode, 401, 'a code works once');
    assert.equal(replay.json().error.code, 'totp_invalid');
    ctx.clock.advanceMinutes(1);
    assert.equal((await new Client(ctx.app).login(org.adminEmail, PASSWORD, totpCodeAt(secret, ctx.clock.now()))).statusCode, 200, 'the next code works');
  });

  it('enrolling upgrades only the session that proved the code', async () => {
    const org = await createOrg(ctx);
    await org.admin.put('/api/organization', { requireTotp: true });
    const first = new Client(ctx.app);
    const second = new Client(ctx.app);
    await first.login(org.adminEmail);
    await second.login(org.adminEmail);
    const { secret } = (await first.post('/api/me/totp')).json();
    assert.equal((await first.post('/api/me/totp/confirm', { code: totpCodeAt(secret, ctx.clock.now()) })).statusCode, 204);
    assert.equal((await first.get('/api/facilities')).statusCode, 200);
    assert.equal((await second.get('/api/facilities')).json().error.code, 'totp_enrollment_required');
  });

  it('requiring a second factor applies at once to sessions already open', async () => {
    const org = await createOrg(ctx);
    assert.equal((await org.admin.get('/api/facilities')).statusCode, 200);
    await org.admin.put('/api/organization', { requireTotp: true });
    const after = await org.admin.get('/api/facilities');
    assert.equal(after.statusCode, 403);
    assert.equal(after.json().error.code, 'totp_enrollment_required');
  });

  it('when the organization requires it, a user without one can only enrol until they do', async () => {
    const org = await createOrg(ctx);
    assert.equal((await org.admin.put('/api/organization', { requireTotp: true })).statusCode, 200);
    const client = new Client(ctx.app);
    const login = await client.login(org.adminEmail);
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().mfaState, 'enrollment_required');
    const blocked = await client.get('/api/facilities');
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'totp_enrollment_required');
    const { secret } = (await client.post('/api/me/totp')).json();
    assert.equal((await client.post('/api/me/totp/confirm', { code: totpCodeAt(secret, ctx.clock.now()) })).statusCode, 204);
    assert.equal((await client.get('/api/facilities')).statusCode, 200);
  });
});
