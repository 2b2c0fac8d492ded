/**
 * The job table as a queue several processes share: concurrent claimers never take the same
 * job, an expired lease lets another worker take it, a failure is kept and retried with
 * backoff, and a job's effects commit with its completion or not at all.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, startTestApp } from '../../test/support/app.ts';
import type { AppDeps } from '../deps.ts';
import { claimJobs, claimOf, enqueueJobs, failJob, finishJob, jobById } from './jobs.store.ts';
import { type JobHandlers, runDueJobs } from './runner.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './schedule.ts';

let ctx: TestContext;
let org: TestOrg;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
});

const kindFor = (label: string) => `test_${label}_${randomUUID().slice(0, 8)}`;
const jobsOfKind = (kind: string) => ctx.deps.db.selectFrom('jobs').selectAll().where('org_id', '=', org.orgId).where('kind', '=', kind).orderBy('dedupe_key').execute();

/** Finishes every other test's leftovers so each test sees only its own runnable jobs. */
async function clearRunnable(): Promise<void> {
  await ctx.deps.db.updateTable('jobs').set({ finished_at: ctx.clock.now() }).where('finished_at', 'is', null).execute();
}

describe('enqueueing', () => {
  it('the same kind and dedupe key is enqueued once, even after it finished', async () => {
    const kind = kindFor('dedupe');
    const now = ctx.clock.now();
    assert.equal(await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'facility-1:2026-11-24' }], now), 1);
    assert.equal(await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'facility-1:2026-11-24' }, { orgId: org.orgId, kind, dedupeKey: 'facility-1:2026-11-25' }], now), 1);
    const [first] = await claimJobs(ctx.deps.db, 'w', now, 60_000, 100).then((rows) => rows.filter((r) => r.kind === kind));
    await finishJob(ctx.deps.db, claimOf(first!), now);
    assert.equal(await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: first!.dedupe_key }], now), 0);
    assert.equal((await jobsOfKind(kind)).length, 2);
  });
});

describe('claiming', () => {
  it('two claimers racing over the same jobs never take the same one, and between them take all', async () => {
    await clearRunnable();
    const kind = kindFor('race');
    const now = ctx.clock.now();
    await enqueueJobs(ctx.deps.db, Array.from({ length: 60 }, (_, i) => ({ orgId: org.orgId, kind, dedupeKey: String(i).padStart(3, '0') })), now);
    const taken = new Map<string, string[]>();
    const claimer = async (workerId: string) => {
      for (;;) {
        const rows = await claimJobs(ctx.deps.db, workerId, now, 60_000, 4);
        if (rows.length === 0) return;
        for (const row of rows) {
          taken.set(row.job_id, [...(taken.get(row.job_id) ?? []), workerId]);
          await finishJob(ctx.deps.db, claimOf(row), now);
        }
      }
    };
    await Promise.all([claimer('worker-a'), claimer('worker-b'), claimer('worker-c')]);
    const twice = [...taken.values()].filter((workers) => workers.length > 1);
    assert.deepEqual(twice, []);
    assert.equal(taken.size, 60);
    const rows = await jobsOfKind(kind);
    assert.ok(rows.every((r) => r.finished_at !== null && r.attempts === 1));
  });

  it('two workers running jobs at once never run the same one', async () => {
    await clearRunnable();
    const kind = kindFor('run');
    const now = ctx.clock.now();
    await enqueueJobs(ctx.deps.db, Array.from({ length: 24 }, (_, i) => ({ orgId: org.orgId, kind, dedupeKey: String(i) })), now);
    const runs: string[] = [];
    const handlers: JobHandlers = {
      [kind]: async (_trx, job) => {
        runs.push(job.jobId);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const worker = async (workerId: string) => {
      while ((await runDueJobs(ctx.deps, handlers, { workerId, leaseMs: 60_000, batch: 3 })).claimed > 0);
    };
    await Promise.all([worker('worker-a'), worker('worker-b')]);
    assert.equal(runs.length, 24);
    assert.equal(new Set(runs).size, 24);
  });

  it('a job not yet due, or under a live lease, is not claimed; once the lease runs out another worker takes it', async () => {
    await clearRunnable();
    const kind = kindFor('lease');
    const now = ctx.clock.now();
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'later', runAt: new Date(now.getTime() + 3_600_000) }, { orgId: org.orgId, kind, dedupeKey: 'now' }], now);
    const [first] = await claimJobs(ctx.deps.db, 'dies-mid-job', now, 60_000, 10);
    assert.equal(first?.dedupe_key, 'now');
    assert.deepEqual(await claimJobs(ctx.deps.db, 'other', new Date(now.getTime() + 59_000), 60_000, 10), []);
    const [again] = await claimJobs(ctx.deps.db, 'other', new Date(now.getTime() + 60_000), 60_000, 10);
    assert.equal(again?.job_id, first!.job_id);
    assert.equal(again?.attempts, 2);
    // The first worker wakes up: its claim is gone, so it can neither finish nor fail the job.
    assert.equal(await finishJob(ctx.deps.db, claimOf(first!), now), false);
    assert.equal(await failJob(ctx.deps.db, claimOf(first!), 'late', null, now), false);
    assert.equal(await finishJob(ctx.deps.db, claimOf(again!), now), true);
  });
});

describe('a job whose worker dies mid-run every time', () => {
  it('is claimed at most MAX_ATTEMPTS times, then given up: finished with “abandoned after N attempts”', async () => {
    await clearRunnable();
    const kind = kindFor('crash');
    const start = Date.parse('2026-11-24T15:00:00Z');
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'poison' }], new Date(start));
    // Each worker claims it and dies before finishing or failing it; the next one takes it once the lease runs out.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const rows = await claimJobs(ctx.deps.db, `crashing-${attempt}`, new Date(start + attempt * 60_000), 60_000, 10);
      assert.deepEqual(rows.map((r) => [r.kind, r.attempts]), [[kind, attempt]]);
    }
    const afterLast = new Date(start + (MAX_ATTEMPTS + 1) * 60_000);
    assert.deepEqual(await claimJobs(ctx.deps.db, 'next', afterLast, 60_000, 10), []);
    const [job] = await jobsOfKind(kind);
    assert.deepEqual([job!.attempts, job!.last_error, job!.finished_at?.getTime(), job!.claimed_until], [MAX_ATTEMPTS, `abandoned after ${MAX_ATTEMPTS} attempts`, afterLast.getTime(), null]);
    assert.deepEqual(await claimJobs(ctx.deps.db, 'later', new Date(afterLast.getTime() + 86_400_000), 60_000, 10), []);
  });

  it('gives up only the job out of attempts: the others in the same batch are claimed', async () => {
    await clearRunnable();
    const kind = kindFor('mixed');
    const now = new Date('2026-11-24T15:00:00Z');
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'fresh' }, { orgId: org.orgId, kind, dedupeKey: 'worn' }], now);
    await ctx.deps.db.updateTable('jobs').set({ attempts: MAX_ATTEMPTS - 1 }).where('kind', '=', kind).where('dedupe_key', '=', 'worn').execute();
    assert.deepEqual((await claimJobs(ctx.deps.db, 'w', now, 60_000, 10)).map((r) => [r.dedupe_key, r.attempts]).sort(), [['fresh', 1], ['worn', MAX_ATTEMPTS]]);
    const later = new Date(now.getTime() + 60_000);
    assert.deepEqual((await claimJobs(ctx.deps.db, 'w2', later, 60_000, 10)).map((r) => [r.dedupe_key, r.attempts]), [['fresh', 2]]);
    assert.deepEqual((await jobsOfKind(kind)).map((j) => [j.dedupe_key, j.finished_at !== null, j.last_error]), [['fresh', false, null], ['worn', true, `abandoned after ${MAX_ATTEMPTS} attempts`]]);
  });
});

describe('running', () => {
  const at = (ms: number) => new Date(Date.parse('2026-11-24T15:00:00Z') + ms);
  const deps = (): AppDeps => ctx.deps;

  it('a failing job keeps its error and is retried with growing backoff, then given up with the error kept', async () => {
    await clearRunnable();
    const kind = kindFor('fail');
    ctx.clock.set(at(0));
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'once' }], ctx.clock.now());
    let calls = 0;
    const handlers: JobHandlers = { [kind]: async () => { calls += 1; throw new Error('laboratory feed unreachable'); } };
    const options = { workerId: 'w', leaseMs: 60_000, batch: 5 };
    let elapsed = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      ctx.clock.set(at(elapsed));
      assert.deepEqual(await runDueJobs(deps(), handlers, options), { claimed: 1, finished: 0, failed: 1 });
      const [job] = await jobsOfKind(kind);
      assert.equal(job!.attempts, attempt);
      assert.equal(job!.last_error, 'Error: laboratory feed unreachable');
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(job!.finished_at, null);
        assert.equal(job!.claimed_by, null);
        assert.equal(job!.run_at.getTime(), at(elapsed).getTime() + retryDelayMs(attempt));
        // Not before its backoff is over.
        ctx.clock.set(at(elapsed + retryDelayMs(attempt) - 1000));
        assert.equal((await runDueJobs(deps(), handlers, options)).claimed, 0);
        elapsed += retryDelayMs(attempt);
      } else {
        assert.notEqual(job!.finished_at, null);
      }
    }
    assert.equal(calls, MAX_ATTEMPTS);
    assert.deepEqual([retryDelayMs(1), retryDelayMs(2), retryDelayMs(3)], [30_000, 60_000, 120_000]);
    ctx.clock.set(at(elapsed + 86_400_000));
    assert.equal((await runDueJobs(deps(), handlers, options)).claimed, 0);
    ctx.clock.set('2026-11-24T15:00:00Z');
  });

  it('a job that fails leaves none of its writes; one that succeeds commits them with its completion', async () => {
    await clearRunnable();
    const kind = kindFor('atomic');
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'fails', payload: { fail: true } }, { orgId: org.orgId, kind, dedupeKey: 'works', payload: { fail: false } }], ctx.clock.now());
    const marker = kindFor('written');
    const handlers: JobHandlers = {
      [kind]: async (trx, job) => {
        await enqueueJobs(trx, [{ orgId: job.orgId, kind: marker, dedupeKey: job.jobId }], job.now);
        if (job.payload['fail']) throw new Error('halfway');
      },
    };
    await runDueJobs(ctx.deps, handlers, { workerId: 'w', leaseMs: 60_000, batch: 5 });
    const jobs = await jobsOfKind(kind);
    const works = jobs.find((j) => j.dedupe_key === 'works')!;
    assert.notEqual(works.finished_at, null);
    assert.deepEqual((await jobsOfKind(marker)).map((j) => j.dedupe_key), [works.job_id]);
  });

  it('a job of an unknown kind is given up at once, saying so', async () => {
    await clearRunnable();
    const kind = kindFor('unknown');
    await enqueueJobs(ctx.deps.db, [{ orgId: org.orgId, kind, dedupeKey: 'x' }], ctx.clock.now());
    await runDueJobs(ctx.deps, {}, { workerId: 'w', leaseMs: 60_000, batch: 5 });
    const [job] = await jobsOfKind(kind);
    assert.notEqual(job!.finished_at, null);
    assert.match(job!.last_error ?? '', /no handler/);
    assert.equal((await jobById(ctx.deps.db, org.orgId, job!.job_id))?.attempts, 1);
  });
});
