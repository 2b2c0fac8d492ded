/**
 * Every change writes one audit event in the same transaction, and `cairn audit verify`
 * detects any row changed or removed afterwards, naming the first broken event.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { type TestContext, type TestOrg, createOrg, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { freshServerDatabase } from '../../test/support/database.ts';
import { fromPGlite, fromPostgres, openPGlite } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { insertOrganization } from '../organizations/organizations.store.ts';
import { appendAuditEvent } from './audit.store.ts';
import { verifyAuditTrail } from './verify.ts';

const run = promisify(execFile);
let ctx: TestContext;
let org: TestOrg;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
});

const events = (orgId: string) =>
  ctx.deps.db.selectFrom('audit_events').selectAll().where('org_id', '=', orgId).orderBy('seq').execute();

/** What a database administrator with direct access could do, bypassing the append-only trigger. */
async function tamper(statement: string) {
  await ctx.deps.db.transaction().execute(async (trx) => {
    await sql.raw('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update').execute(trx);
    await sql.raw(statement).execute(trx);
    await sql.raw('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update').execute(trx);
  });
}

describe('audit events', () => {
  it('creating a facility writes one event naming the actor, role, action, entity, address and purpose', async () => {
    const beforeCount = (await events(org.orgId)).length;
    const facility = (await org.admin.post('/api/facilities', facilityInput('Audit House'))).json();
    const after = await events(org.orgId);
    assert.equal(after.length, beforeCount + 1);
    const event = after.at(-1)!;
    assert.equal(event.action, 'create');
    assert.equal(event.entity, 'facility');
    assert.equal(event.entity_id, facility.facilityId);
    assert.equal(event.actor_role, 'admin');
    assert.equal(event.ip, '127.0.0.1');
    assert.equal(event.purpose, 'administration');
    assert.ok(event.actor_id);
  });

  it('a rejected write leaves neither the row nor an audit event (one transaction)', async () => {
    const facility = (await org.admin.post('/api/facilities', facilityInput('Partial House'))).json();
    const beforeCount = (await events(org.orgId)).length;
    const bad = await org.admin.post('/api/programs', programInput(facility.facilityId, {
      phases: [
        { name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15 },
        { name: 'Too light', requiredDaysPerWeek: 2, minHoursPerWeek: 4, maxHoursPerWeek: 6 },
      ],
    }));
    assert.equal(bad.statusCode, 422);
    assert.equal((await events(org.orgId)).length, beforeCount);
    const programs = await ctx.deps.db.selectFrom('programs').select('program_id').where('org_id', '=', org.orgId).where('facility_id', '=', facility.facilityId).execute();
    assert.deepEqual(programs, []);
  });

  it('the database itself refuses to update or delete an audit event', async () => {
    await assert.rejects(sql`UPDATE audit_events SET action = 'read' WHERE org_id = ${org.orgId}`.execute(ctx.deps.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_events WHERE org_id = ${org.orgId}`.execute(ctx.deps.db), /append-only/);
  });

  it('an admin can search the trail by user and date; the search itself is recorded', async () => {
    const me = (await org.admin.get('/api/me')).json();
    const response = await org.admin.get(`/api/audit?actorId=${me.staffId}&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.ok(body.events.length >= 3);
    assert.ok(body.events.every((e: { actorId: string }) => e.actorId === me.staffId));
    assert.ok(body.events.some((e: { entity: string; action: string }) => e.entity === 'facility' && e.action === 'create'));
    const last = (await events(org.orgId)).at(-1)!;
    assert.equal(last.entity, 'audit_log');
    assert.equal(last.action, 'read');
    const none = (await org.admin.get('/api/audit?from=2026-12-01T00:00:00Z')).json();
    assert.deepEqual(none.events, []);
  });
});

describe('tamper evidence', () => {
  it('an intact trail verifies', async () => {
    const report = await verifyAuditTrail(ctx.deps.db);
    assert.equal(report.ok, true, report.problems.join('\n'));
    assert.ok(report.events > 5);
  });

  it('a changed row is named as the first broken event', async () => {
    const victim = (await createOrg(ctx, 'Changed Org')).orgId;
    const rows = await events(victim);
    const target = rows[0]!;
    await tamper(`UPDATE audit_events SET ip = '203.0.113.9' WHERE org_id = '${victim}' AND seq = ${target.seq}`);
    const report = await verifyAuditTrail(ctx.deps.db, victim);
    assert.equal(report.ok, false);
    assert.match(report.problems[0]!, new RegExp(`event #${target.seq} \\(${target.event_id}\\) was changed`));
  });

  it('a removed row is named as missing', async () => {
    const victim = await createOrg(ctx, 'Removed Org');
    await victim.admin.post('/api/facilities', facilityInput('One'));
    await victim.admin.post('/api/facilities', facilityInput('Two'));
    const rows = await events(victim.orgId);
    await tamper(`DELETE FROM audit_events WHERE org_id = '${victim.orgId}' AND seq = 2`);
    const report = await verifyAuditTrail(ctx.deps.db, victim.orgId);
    assert.equal(report.ok, false);
    assert.match(report.problems[0]!, new RegExp(`event #2 is missing \\(found before event ${rows[2]!.event_id}\\)`));
  });
});

describe('chain heads', () => {
  it('cannot be deleted or moved back', async () => {
    await assert.rejects(sql`DELETE FROM audit_chain_heads WHERE org_id = ${org.orgId}`.execute(ctx.deps.db), /only moves forward/);
    await assert.rejects(sql`UPDATE audit_chain_heads SET last_seq = 1 WHERE org_id = ${org.orgId}`.execute(ctx.deps.db), /only moves forward/);
  });

  it('a removed chain head is itself reported, so it cannot hide removed events', async () => {
    const victim = await createOrg(ctx, 'Headless Org');
    await ctx.deps.db.transaction().execute(async (trx) => {
      await sql.raw('ALTER TABLE audit_chain_heads DISABLE TRIGGER audit_chain_heads_forward').execute(trx);
      await sql.raw(`DELETE FROM audit_chain_heads WHERE org_id = '${victim.orgId}'`).execute(trx);
      await sql.raw('ALTER TABLE audit_chain_heads ENABLE TRIGGER audit_chain_heads_forward').execute(trx);
    });
    const report = await verifyAuditTrail(ctx.deps.db, victim.orgId);
    assert.equal(report.ok, false);
    assert.match(report.problems[0]!, /chain head is missing/);
  });
});

describe('cairn audit verify (command line)', () => {
  it('exits 0 on an intact chain and 1 naming the first broken event after a row is changed', { timeout: 120_000 }, async () => {
    // A database of its own that the command opens: a PGlite directory, or a fresh database
    // on the test server.
    const dataDir = mkdtempSync(join(tmpdir(), 'cairn-audit-'));
    const serverUrl = process.env['TEST_DATABASE_URL'];
    const server = serverUrl ? await freshServerDatabase(serverUrl) : undefined;
    const open = async () => (server ? fromPostgres(server.url, 2) : fromPGlite(await openPGlite(dataDir)));
    const orgId = '11111111-1111-4111-8111-111111111111';
    let handle = await open();
    await migrate(handle.db);
    await handle.db.transaction().execute(async (trx) => {
      await insertOrganization(trx, { orgId, name: 'CLI Org', now: new Date('2026-11-24T15:00:00Z') });
      for (let i = 0; i < 3; i += 1) {
        await appendAuditEvent(trx, { orgId, occurredAt: new Date(`2026-11-24T15:0${i}:00Z`), actorId: null, actorRole: 'system', ip: null, purpose: 'operations', action: 'create', entity: 'facility', entityId: `f${i}` });
      }
    });
    await handle.close();

    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: server?.url, LOG_LEVEL: 'silent' };
    delete env['TEST_DATABASE_URL'];
    if (!server) delete env['DATABASE_URL'];
    const cli = ['--import', 'tsx', 'src/main.ts', 'audit', 'verify'];
    const ok = await run(process.execPath, cli, { env });
    assert.match(ok.stdout, /Audit trail intact: 3 events in 1 organization/);

    handle = await open();
    await handle.db.transaction().execute(async (trx) => {
      await sql.raw('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update').execute(trx);
      await sql.raw("UPDATE audit_events SET entity = 'patient' WHERE seq = 2").execute(trx);
      await sql.raw('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update').execute(trx);
    });
    const second = await handle.db.selectFrom('audit_events').select('event_id').where('seq', '=', 2).executeTakeFirstOrThrow();
    await handle.close();
    const broken = await run(process.execPath, cli, { env }).then(
      () => assert.fail('verify should exit 1'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, new RegExp(`BROKEN: organization ${orgId}: event #2 \\(${second.event_id}\\) was changed after it was written`));
    rmSync(dataDir, { recursive: true, force: true });
    await server?.drop();
  });
});
