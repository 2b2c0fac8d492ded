/**
 * `npm run bench`: starts bench/server.ts in a child process (so the load generator does
 * not share its event loop) and drives it with autocannon at 50 connections. Each Cairn
 * endpoint is measured next to the same SQL replayed directly on the driver in the same
 * process and run (bench/capture.ts), and a bare Fastify route gives the HTTP floor.
 * BENCH_SECONDS sets the duration of the timed runs (default 10); with DATABASE_URL the
 * server runs on a fresh database created on that PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = 50;

interface ServerInfo {
  cairnUrl: string;
  bareUrl: string;
  cookie: string;
  csrf: string;
  database: string;
  loginStatus: number;
  clinic: { patients: number; sessions: number; rosterEntries: number; seedSeconds: number };
  boardUrl: string;
  facilityId: string;
  /** Unresolved alerts addressed to the bench clinician (bench/alerts.ts). */
  alerts: number;
  apiPairs: { sessionId: string; patientId: string }[];
  directPairs: number;
  statements: { board: number; boardAuditSkipped: number; checkIn: number; checkInAuditSkipped: number };
}

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
const info = await new Promise<ServerInfo>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
if (info.loginStatus !== 200) throw new Error(`bench login failed with ${info.loginStatus}`);

interface Row {
  title: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function measure(title: string, options: autocannon.Options, warmUp = true): Promise<Row> {
  const busy = options.connections ?? connections;
  if (warmUp) await autocannon({ connections, ...options, duration: 2 });
  const result = await autocannon({ connections, ...(options.amount ? {} : { duration: seconds }), ...options });
  // A fixed-count run (each check-in a new patient) ends within autocannon's one-second
  // tick, so its throughput is taken from the mean latency with every connection busy.
  const rps = options.amount ? Math.round((busy * 1000) / Math.max(result.latency.mean, 0.001)) : Math.round(result.requests.average);
  return { title, rps, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}

const auth = { cookie: info.cookie, 'x-csrf-token': info.csrf, 'content-type': 'application/json' };
let nextPair = 0;

try {
  const me = await measure('GET /api/me (valid session)', { url: `${info.cairnUrl}/api/me`, headers: { cookie: info.cookie } });
  const board = await measure(`GET board (${info.clinic.sessions} sessions, ${info.clinic.rosterEntries} on rosters)`, { url: `${info.cairnUrl}${info.boardUrl}`, headers: { cookie: info.cookie } });
  const boardDirect = await measure(`  same SQL on the driver (${info.statements.board} statements)`, { url: `${info.bareUrl}/direct/board` });
  // Each check-in is a first check-in of a different patient: no warm-up, a fixed count.
  const checkIn = await measure(`POST check-in (${info.apiPairs.length} distinct patients)`, {
    url: info.cairnUrl,
    amount: info.apiPairs.length,
    requests: [{
      method: 'POST',
      headers: auth,
      body: '{}',
      setupRequest: (request) => {
        const pair = info.apiPairs[nextPair++ % info.apiPairs.length]!;
        return { ...request, path: `/api/sessions/${pair.sessionId}/attendance/${pair.patientId}/check-in` };
      },
    }],
  }, false);
  const checkInDirect = await measure(`  same SQL on the driver (${info.statements.checkIn} statements)`, { url: `${info.bareUrl}/direct/check-in`, method: 'POST', amount: info.directPairs }, false);
  // Clinical worklists: set-based over every active episode of the facility. A few
  // clinicians open them at once, not fifty: 4 connections, a fixed count of 20 requests.
  const worklist = (title: string, path: string) =>
    measure(`${title}, 4 connections`, { url: `${info.cairnUrl}/api/facilities/${info.facilityId}/${path}`, headers: { cookie: info.cookie }, connections: 4, amount: 20 }, false);
  const stepDown = await worklist(`GET step-down queue (${info.clinic.patients} active episodes)`, 'step-down-queue');
  const due = await worklist(`GET instruments due (${info.clinic.patients} active episodes)`, 'instruments-due');
  const reviews = await worklist(`GET plan reviews (${info.clinic.patients} active episodes)`, 'plan-reviews');
  // The nav badge polls the counts every 30 s for every signed-in clinician: 50 connections.
  // The inbox is opened by a few clinicians at a time, like the worklists; each read is audited.
  // Measured as loaded, then after ANALYZE (the job worker refreshes PGlite's planner
  // statistics hourly; PostgreSQL's autovacuum does it on a server).
  const alertRoutes = async (when: string) => [
    await measure(`GET alert counts (${info.alerts} unresolved alerts${when})`, { url: `${info.cairnUrl}/api/alerts/counts`, headers: { cookie: info.cookie } }),
    await measure(`GET alert inbox (${info.alerts} alerts${when}), 4 connections`, { url: `${info.cairnUrl}/api/alerts/inbox`, headers: { cookie: info.cookie }, connections: 4, amount: 40 }, false),
  ];
  const alertsAsLoaded = await alertRoutes('');
  await fetch(`${info.bareUrl}/maintenance/analyze`, { method: 'POST' });
  const alertsAnalyzed = await alertRoutes(', after ANALYZE');
  const bare = await measure('bare Fastify route (same process)', { url: `${info.bareUrl}/bare` });

  const ratio = (a: Row, b: Row) => (b.rps ? `${(a.rps / b.rps).toFixed(2)}×` : 'n/a');
  console.log(`\nCairn benchmark: ${connections} connections, ${seconds} s per timed route, database ${info.database}, Node ${process.version}`);
  console.log(`Clinic: ${info.clinic.patients} patients loaded through the API in ${info.clinic.seedSeconds} s. The driver replays leave out the audit append (${info.statements.boardAuditSkipped} statement(s) for the board, ${info.statements.checkInAuditSkipped} for a check-in).\n`);
  console.log('| route | requests/s | p50 ms | p99 ms | requests | non-2xx | errors | endpoint ÷ direct SQL |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const line = (r: Row, extra = '') => console.log(`| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.non2xx} | ${r.errors} | ${extra} |`);
  line(me);
  line(board, ratio(board, boardDirect));
  line(boardDirect);
  line(checkIn, ratio(checkIn, checkInDirect));
  line(checkInDirect);
  line(stepDown);
  line(due);
  line(reviews);
  for (const row of [...alertsAsLoaded, ...alertsAnalyzed]) line(row);
  line(bare);
  console.log('');
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
