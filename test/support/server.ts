/**
 * Starts the real server (`src/main.ts start`) as a child process on a free port with a
 * database of its own: a temporary PGlite directory, or a fresh database on the
 * TEST_DATABASE_URL server. Browser tests use it exactly as `npm start` runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshServerDatabase } from './database.ts';

export interface RunningServer {
  readonly url: string;
  /** Everything the server printed to stdout so far (setup link, sign-in details). */
  output(): string;
  stop(): Promise<void>;
  /** kill -9: no shutdown hooks, no flush; the database is kept for `restart`. */
  crash(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-server-'));
  const serverUrl = process.env['TEST_DATABASE_URL'];
  const database = serverUrl ? await freshServerDatabase(serverUrl) : undefined;
  const url = `http://127.0.0.1:${port}`;
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: database?.url,
    ...env,
  };
  delete childEnv['TEST_DATABASE_URL'];
  if (!database) delete childEnv['DATABASE_URL'];
  let out = '';
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = out.length;
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${out}`));
      });
      const poll = setInterval(() => {
        if (out.slice(started).includes('Cairn is running at')) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 100);
    });
  };
  await launch();
  const exited = () => new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    output: () => out,
    crash: async () => {
      child.removeAllListeners('exit');
      const gone = exited();
      child.kill('SIGKILL');
      await gone;
    },
    restart: launch,
    stop: async () => {
      child.removeAllListeners('exit');
      if (child.exitCode === null && child.signalCode === null) {
        const gone = exited();
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}
