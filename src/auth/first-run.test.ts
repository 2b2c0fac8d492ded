import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client, startTestApp } from '../../test/support/app.ts';
import { ensureFirstRun } from './first-run.ts';

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

describe('first run', () => {
  it('with CAIRN_ADMIN_EMAIL and CAIRN_ADMIN_PASSWORD, creates the organization and that administrator', async () => {
    const ctx = await startTestApp({ adminEmail: 'director@example.org', adminPassword: 'sturdy-maple-harbor-11', adminName: 'Dana Director', organizationName: 'Harbor Light IOP' });
    const outcome = await ensureFirstRun(ctx.deps);
    assert.deepEqual(outcome, { kind: 'admin_created', email: 'director@example.org' });
    const client = new Client(ctx.app);
    const login = await client.login('director@example.org', 'sturdy-maple-harbor-11');
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().organization.name, 'Harbor Light IOP');
    assert.equal(login.json().fullName, 'Dana Director');
    assert.deepEqual(await ensureFirstRun(ctx.deps), { kind: 'ready' }, 'a second start changes nothing');
  });

  it('refuses a weak CAIRN_ADMIN_PASSWORD rather than creating a weak administrator', async () => {
    const ctx = await startTestApp({ adminEmail: 'director@example.org', adminPassword: 'password' });
    await assert.rejects(ensureFirstRun(ctx.deps), /CAIRN_ADMIN_PASSWORD is not acceptable/);
  });

  it('otherwise prints a setup link, valid 24 hours, that creates the administrator once', async () => {
    const ctx = await startTestApp({ adminEmail: undefined, adminPassword: undefined });
    const outcome = await ensureFirstRun(ctx.deps);
    assert.equal(outcome.kind, 'setup_link');
    if (outcome.kind !== 'setup_link') return;
    assert.match(outcome.url, /^http:\/\/cairn\.test\/setup#token=/);
    assert.equal(outcome.expiresAt.getTime() - ctx.clock.now().getTime(), 24 * 3_600_000);
    const token = tokenOf(outcome.url);

    const browser = new Client(ctx.app);
    assert.equal((await browser.get(`/api/auth/link?token=${encodeURIComponent(token)}`)).json().purpose, 'setup');
    const weak = await browser.post('/api/setup', { token, organizationName: 'Cedar Path', fullName: 'Dana Director', email: 'dana@example.org', password: 'short' });
    assert.equal(weak.statusCode, 422);
    const created = await browser.post('/api/setup', { token, organizationName: 'Cedar Path', fullName: 'Dana Director', email: 'dana@example.org', password: 'sturdy-maple-harbor-11' });
    assert.equal(created.statusCode, 200, created.body);
    assert.deepEqual(created.json().roles, ['admin']);
    assert.equal(created.json().organization.name, 'Cedar Path');
    assert.equal((await browser.get('/api/me')).statusCode, 200, 'signed in by setup');

    const reuse = await new Client(ctx.app).post('/api/setup', { token, organizationName: 'Evil', fullName: 'Eve', email: 'eve@example.org', password: 'sturdy-maple-harbor-11' });
    assert.equal(reuse.statusCode, 404);
    assert.deepEqual(await ensureFirstRun(ctx.deps), { kind: 'ready' });
  });

  it('a setup link no longer works after 24 hours; the next start prints a new one', async () => {
    const ctx = await startTestApp({ adminEmail: undefined, adminPassword: undefined });
    const first = await ensureFirstRun(ctx.deps);
    ctx.clock.advanceMinutes(24 * 60);
    assert.equal(first.kind, 'setup_link');
    if (first.kind !== 'setup_link') return;
    const late = await new Client(ctx.app).post('/api/setup', { token: tokenOf(first.url), organizationName: 'Late', fullName: 'L', email: 'l@example.org', password: 'sturdy-maple-harbor-11' });
    assert.equal(late.statusCode, 404);
    const second = await ensureFirstRun(ctx.deps);
    assert.equal(second.kind, 'setup_link');
  });
});
