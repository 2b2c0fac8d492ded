/**
 * `npm run bench`: starts bench/server.ts in a child process (so the load generator does
 * not share its event loop) and drives it with autocannon at 50 connections, printing
 * requests/s and p50/p99 latency for GET /api/me with a valid session next to a bare
 * Fastify route in the same server process. BENCH_SECONDS sets the duration (default 10);
 * with DATABASE_URL the server runs on a fresh database created on that PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = 50;

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
const info = await new Promise<{ cairnUrl: string; bareUrl: string; cookie: string; database: string; loginStatus: number }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
if (info.loginStatus !== 200) throw new Error(`bench login failed with ${info.loginStatus}`);

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

try {
  const rows = [
    await measure('GET /api/me (valid session)', `${info.cairnUrl}/api/me`, { cookie: info.cookie }),
    await measure('bare Fastify route (same process)', `${info.bareUrl}/bare`),
  ];
  console.log(`\nCairn benchmark: ${connections} connections, ${seconds} s per route, database ${info.database}, Node ${process.version}\n`);
  console.log('| route | requests/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  console.log('');
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
