/**
 * Command line: `cairn start | demo | migrate | audit verify`.
 * `npm start` runs `start`; `npm run cairn -- <command>` runs the others.
 */
import { buildApp } from './app.ts';
import { verifyAuditTrail } from './audit/verify.ts';
import { ensureFirstRun, FirstRunError } from './auth/first-run.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connect.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { migrate } from './db/migrate.ts';
import { DemoError, demoSettings, prepareDemo, signInLines } from './demo/demo.ts';
import { type JobWorker, startJobWorker } from './jobs/worker.ts';

const USAGE = `Usage: cairn <command>
  start          migrate, then serve the API and web UI (default)
  demo           serve a demo organization from its own data directory (CAIRN_DEMO_DATA_DIR, default ./data-demo)
  migrate        apply pending database migrations and exit
  audit verify   check the audit trail's hash chain; exit 1 naming the first broken event`;

async function withDatabase<T>(config: Config, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL at ${new URL(config.databaseUrl).host}` : `embedded PGlite in ${config.dataDir}`;
}

/** `opened`: a database the caller already opened (the demo); `banner`: lines printed after the address. */
async function start(config: Config, opened?: DatabaseHandle, banner: readonly string[] = []): Promise<void> {
  const handle = opened ?? (await openDatabase(config));
  const applied = await migrate(handle.db);
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock, config };
  const { app } = await buildApp(deps);
  app.log.info({ database: handle.engine, migrationsApplied: applied.length }, 'database ready');
  const outcome = await ensureFirstRun(deps);
  await app.listen({ host: config.host, port: config.port });
  const lines = [`Cairn is running at ${config.publicUrl} (${describeDatabase(config)})`];
  if (outcome.kind === 'admin_created') lines.push(`Created administrator ${outcome.email} from CAIRN_ADMIN_EMAIL. Sign in at ${config.publicUrl}/`);
  if (outcome.kind === 'setup_link') {
    lines.push('First run: open this one-time link to create the administrator (valid 24 hours):', `  ${outcome.url}`);
  }
  lines.push(...banner);
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  // Background work (alert escalation, absence and hours sweeps, the morning drug-test draw).
  const worker: JobWorker | undefined = config.jobsPollMs > 0
    ? startJobWorker(deps, {
        pollMs: config.jobsPollMs,
        // Type and stack frames only: messages from the database can quote row values.
        onError: (error) => app.log.error({ errType: (error as Error)?.name, stack: String((error as Error)?.stack ?? '').split('\n').slice(1).join('\n') }, 'job worker round failed'),
      })
    : undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number> {
  const [command = 'start', sub] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      await start(config);
      return -1; // keep running
    case 'demo': {
      const settings = demoSettings(config);
      for (const note of settings.notes) console.log(note);
      const { handle } = await prepareDemo(settings, systemClock, (line) => console.log(line));
      await start(settings.config, handle, await signInLines(handle, settings));
      return -1;
    }
    case 'migrate': {
      const applied = await withDatabase(config, (h) => migrate(h.db));
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const report = await withDatabase(config, async (h) => {
        await migrate(h.db);
        return verifyAuditTrail(h.db);
      });
      if (report.ok) {
        console.log(`Audit trail intact: ${report.events} events in ${report.organizations} organization(s).`);
        return 0;
      }
      for (const problem of report.problems) console.error(`BROKEN: ${problem}`);
      return 1;
    }
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof FirstRunError || error instanceof DataDirInUseError || error instanceof DemoError) console.error(`cairn: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`cairn: port ${loadConfig().port} is already in use; set PORT to another port`);
    else console.error(error);
    process.exit(1);
  },
);
