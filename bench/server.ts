/**
 * The benchmark's server process: Cairn on a fresh embedded database (or DATABASE_URL),
 * with an organization and a signed-in administrator, plus a bare Fastify app with one
 * route, both in this one process. Prints their addresses and the session as one JSON line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { createAdministrator } from '../src/auth/account-links.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { insertOrganization } from '../src/organizations/organizations.store.ts';
import { freshServerDatabase } from '../test/support/database.ts';

// A database of its own: a temporary PGlite directory, or, with DATABASE_URL, a fresh
// database created on that server (the one named is only used to create it) and dropped after.
const base = loadConfig();
const server = base.databaseUrl ? await freshServerDatabase(base.databaseUrl) : undefined;
const config = { ...base, databaseUrl: server?.url, dataDir: mkdtempSync(join(tmpdir(), 'cairn-bench-')), logLevel: 'silent', loginRateLimitPerMinute: 1000 };
const handle = await openDatabase(config);
await migrate(handle.db);
const deps = { db: handle.db, engine: handle.engine, clock: systemClock, config };
const { app } = await buildApp(deps, { logger: false, serveWebUi: false });

const orgId = crypto.randomUUID();
const email = `bench-${orgId.slice(0, 8)}@example.org`;
const password = 'bench-lantern-harbor-2026';
const passwordHash = await hashPassword(password);
await handle.db.transaction().execute(async (trx) => {
  await insertOrganization(trx, { orgId, name: 'Bench Org', now: new Date() });
  await createAdministrator(trx, { orgId, email, fullName: 'Bench Admin', passwordHash, now: new Date() }, null);
});
const cairnUrl = await app.listen({ host: '127.0.0.1', port: 0 });
const login = await fetch(`${cairnUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

process.stdout.write(`${JSON.stringify({ cairnUrl, bareUrl, cookie, database: handle.engine, loginStatus: login.status })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await bare.close();
  await handle.close();
  await server?.drop();
  process.exit(0);
});
