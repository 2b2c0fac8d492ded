/** The worker a server process runs: it sweeps every organization and stops cleanly. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { loadConfig } from '../config.ts';
import { jobHandlers } from './handlers.ts';
import { startJobWorker, workOnce } from './worker.ts';

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

describe('one round with every handler wired', () => {
  it('plans and runs a facility’s day: absences, plan reviews, the morning draw and missed doses, without errors', async () => {
    const facilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Northside'))).json().facilityId;
    await org.admin.post('/api/programs', programInput(facilityId, { name: 'Northside IOP' }));
    ctx.clock.set('2026-11-25T15:00:00Z'); // Wednesday 10:00 in New York
    await workOnce(ctx.deps, jobHandlers(), { workerId: 'round', leaseMs: 60_000, batch: 10 });
    const jobs = await ctx.deps.db.selectFrom('jobs').selectAll().where('org_id', '=', org.orgId).where('kind', '<>', 'sweep').execute();
    const forFacility = jobs.filter((j) => (j.payload as { facilityId?: string }).facilityId === facilityId);
    assert.deepEqual(forFacility.map((j) => j.kind).sort(), ['absences', 'drug_test_selection', 'hours_at_risk', 'missed_doses', 'missed_doses', 'missed_doses', 'plan_reviews']);
    assert.deepEqual(forFacility.filter((j) => j.finished_at === null || j.last_error !== null).map((j) => [j.kind, j.last_error]), []);
    const run = await ctx.deps.db.selectFrom('drug_test_selection_runs').selectAll().where('org_id', '=', org.orgId).where('facility_id', '=', facilityId).execute();
    assert.deepEqual(run.map((r) => [r.selected_on, r.run_by]), [['2026-11-25', null]]);
  });
});
