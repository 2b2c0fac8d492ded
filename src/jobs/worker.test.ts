/** The worker a server process runs: it sweeps every organization and stops cleanly. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, startTestApp } from '../../test/support/app.ts';
import { loadConfig } from '../config.ts';
import { startJobWorker } from './worker.ts';

let ctx: TestContext;
let org: TestOrg;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
});

const sweeps = () => ctx.deps.db.selectFrom('jobs').selectAll().where('org_id', '=', org.orgId).where('kind', '=', 'sweep').execute();

describe('the job worker', () => {
  it('is off in tests unless asked for, and on every 5 s otherwise', () => {
    assert.equal(loadConfig({ NODE_ENV: 'test' }).jobsPollMs, 0);
    assert.equal(loadConfig({}).jobsPollMs, 5000);
    assert.equal(loadConfig({ NODE_ENV: 'test', CAIRN_JOBS_POLL_MS: '250' }).jobsPollMs, 250);
  });

  it('sweeps each organization once a minute, however often it polls, and stops when asked', async () => {
    const seen: string[] = [];
    const worker = startJobWorker(ctx.deps, { pollMs: 10, handlers: { sweep: async (_trx, job) => { seen.push(job.jobId); } }, onError: (e) => assert.fail(String(e)) });
    for (let i = 0; i < 200 && seen.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    ctx.clock.advanceMinutes(1);
    for (let i = 0; i < 200 && seen.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    const rows = await sweeps();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.finished_at !== null && r.claimed_by === worker.workerId));
    assert.equal(new Set(seen).size, 2);
    // Stopped: nothing more runs.
    ctx.clock.advanceMinutes(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await sweeps()).length, 2);
  });
});
