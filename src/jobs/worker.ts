/**
 * The background worker a server process runs (`cairn start` / `demo`): every poll it
 * enqueues this minute's sweeps (deduplicated across processes) and runs due jobs until none
 * are left. Several processes may run it against one database: claims never overlap.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { jobHandlers } from './handlers.ts';
import { type JobHandlers, type RunOptions, runDueJobs } from './runner.ts';
import { enqueueSweeps } from './sweep.ts';

export interface WorkerOptions {
  readonly pollMs: number;
  /** Default 5 minutes: a job still running after that may be taken by another worker. */
  readonly leaseMs?: number;
  readonly batch?: number;
  readonly handlers?: JobHandlers;
  /** Called with anything a round threw (the database gone away); the worker keeps polling. */
  readonly onError?: (error: unknown) => void;
}

export interface JobWorker {
  readonly workerId: string;
  /** Stops polling and waits for the round under way, if any. */
  stop(): Promise<void>;
}

/** Rounds of claiming per poll before yielding to the next poll. */
const MAX_ROUNDS = 20;
/** How often the embedded database's planner statistics are refreshed. */
const ANALYZE_EVERY_MS = 60 * 60_000;

/**
 * PGlite runs no autovacuum, so its planner never learns table sizes and picks nested loops
 * that grow quadratically (the alert badge's join took 40 ms at 400 alerts, 1.4 ms once
 * analyzed). The worker refreshes the statistics at start and hourly; PostgreSQL's own
 * autovacuum does this on a server.
 */
function plannerStatistics(deps: AppDeps): () => Promise<void> {
  let last = Number.NEGATIVE_INFINITY;
  return async () => {
    if (deps.engine !== 'pglite' || deps.clock.now().getTime() - last < ANALYZE_EVERY_MS) return;
    last = deps.clock.now().getTime();
    await sql`ANALYZE`.execute(deps.db);
  };
}

/** One poll: plan the sweeps, then drain due jobs. */
export async function workOnce(deps: AppDeps, handlers: JobHandlers, options: RunOptions): Promise<number> {
  await enqueueSweeps(deps.db, deps.clock.now());
  let ran = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const summary = await runDueJobs(deps, handlers, options);
    ran += summary.claimed;
    // Jobs may enqueue jobs (the sweep plans facility work): drain until none are due.
    if (summary.claimed === 0) break;
  }
  return ran;
}

export function startJobWorker(deps: AppDeps, options: WorkerOptions): JobWorker {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const handlers = options.handlers ?? jobHandlers();
  const runOptions: RunOptions = { workerId, leaseMs: options.leaseMs ?? 5 * 60_000, batch: options.batch ?? 10 };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const analyze = plannerStatistics(deps);
  const poll = () => {
    round = workOnce(deps, handlers, runOptions)
      .then(analyze)
      .then(() => undefined, (error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, options.pollMs);
      });
  };
  timer = setTimeout(poll, 0);
  return {
    workerId,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
