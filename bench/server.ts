/**
 * The benchmark's server process: Cairn on a fresh embedded database (or DATABASE_URL)
 * loaded with a 504-patient clinic (bench/seed.ts), plus a bare Fastify app in the same
 * process with a trivial route and "direct" routes that replay the exact SQL of the board
 * and check-in endpoints on the driver (bench/capture.ts). Prints one JSON line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { createAdministrator } from '../src/auth/account-links.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openPGlite, postgresPool } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { PGlitePool } from '../src/db/pglite-pool.ts';
import type { Database } from '../src/db/schema.ts';
import { insertOrganization } from '../src/organizations/organizations.store.ts';
import { freshServerDatabase } from '../test/support/database.ts';
import { QueryCapture, replay, replayable } from './capture.ts';
import { seedAlerts } from './alerts.ts';
import { seedClinic } from './seed.ts';

const base = loadConfig();
const server = base.databaseUrl ? await freshServerDatabase(base.databaseUrl) : undefined;
const config = { ...base, databaseUrl: server?.url, dataDir: mkdtempSync(join(tmpdir(), 'cairn-bench-')), logLevel: 'silent', loginRateLimitPerMinute: 1000 };
const pool: PostgresPool = server ? postgresPool(server.url) : new PGlitePool(await openPGlite(config.dataDir));
const capture = new QueryCapture();
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: capture.log });
await migrate(db);
const deps = { db, engine: server ? ('postgres' as const) : ('pglite' as const), clock: systemClock, config };
const { app } = await buildApp(deps, { logger: false, serveWebUi: false });

const orgId = crypto.randomUUID();
const email = `bench-${orgId.slice(0, 8)}@example.org`;
const password = 'bench-lantern-harbor-2026';
const passwordHash = await hashPassword(password);
await db.transaction().execute(async (trx) => {
  await insertOrganization(trx, { orgId, name: 'Bench Org', now: new Date() });
  await createAdministrator(trx, { orgId, email, fullName: 'Bench Admin', passwordHash, now: new Date() }, null);
});
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const cookie = `cairn_session=${login.cookies.find((c) => c.name === 'cairn_session')!.value}`;
const csrf: string = login.json().csrfToken;
const headers = { cookie, 'x-csrf-token': csrf };

const seedStarted = performance.now();
const clinic = await seedClinic(app, cookie, csrf);
const seedSeconds = (performance.now() - seedStarted) / 1000;
const alerts = await seedAlerts(db, orgId, clinic.facilityId, clinic.today);

// Record one board read and one check-in; the first pair's check-in is spent on it.
const boardUrl = `/api/facilities/${clinic.facilityId}/board?date=${clinic.today}`;
const board = replayable(await capture.record(() => app.inject({ method: 'GET', url: boardUrl, headers })));
const [first, ...rest] = clinic.pairs;
const checkIn = replayable(
  await capture.record(() => app.inject({ method: 'POST', url: `/api/sessions/${first!.sessionId}/attendance/${first!.patientId}/check-in`, headers, payload: {} })),
);
// Half the remaining pairs for the endpoint, half for the direct replay.
const half = Math.floor(rest.length / 2);
const apiPairs = rest.slice(0, half);
const directPairs = rest.slice(half);

const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
bare.get('/direct/board', async () => ({ rows: await replay(pool, board.queries) }));
let nextDirect = 0;
bare.post('/direct/check-in', async () => {
  const pair = directPairs[nextDirect++ % directPairs.length]!;
  const substitute = new Map<unknown, unknown>([[first!.sessionId, pair.sessionId], [first!.patientId, pair.patientId]]);
  return { rows: await replay(pool, checkIn.queries, substitute) };
});
// What the job worker does hourly on PGlite (src/jobs/worker.ts): refresh planner statistics.
bare.post('/maintenance/analyze', async () => {
  await sql`ANALYZE`.execute(db);
  return { ok: true };
});
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
const cairnUrl = await app.listen({ host: '127.0.0.1', port: 0 });

process.stdout.write(
  `${JSON.stringify({
    cairnUrl, bareUrl, cookie, csrf, database: deps.engine, loginStatus: login.statusCode,
    clinic: { patients: clinic.patients, sessions: clinic.sessions, rosterEntries: clinic.pairs.length, seedSeconds: Math.round(seedSeconds) },
    boardUrl, facilityId: clinic.facilityId, alerts, apiPairs, directPairs: directPairs.length,
    statements: { board: board.queries.length, boardAuditSkipped: board.skipped, checkIn: checkIn.queries.length, checkInAuditSkipped: checkIn.skipped },
  })}\n`,
);
process.on('SIGTERM', async () => {
  await app.close();
  await bare.close();
  await db.destroy();
  await server?.drop();
  process.exit(0);
});
