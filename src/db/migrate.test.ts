import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/support/database.ts';
import { loadMigrations, migrate } from './migrate.ts';

describe('migrations', () => {
  it('apply in order once, are recorded, and a second run applies nothing', async () => {
    const database = await openTestDatabase({ migrated: false });
    try {
      const names = loadMigrations().map((m) => m.name);
      assert.deepEqual(await migrate(database.db), names);
      assert.deepEqual(await migrate(database.db), []);
      const recorded = await database.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
      assert.deepEqual(recorded.map((r) => r.name), names);
    } finally {
      await database.close();
    }
  });

  it('refuse to run when an applied migration was edited afterwards', async () => {
    const database = await openTestDatabase({ migrated: false });
    const dir = mkdtempSync(join(tmpdir(), 'cairn-migrations-')) + '/';
    try {
      writeFileSync(`${dir}0001_first.sql`, 'CREATE TABLE t1 (id int);');
      await migrate(database.db, loadMigrations(dir));
      writeFileSync(`${dir}0001_first.sql`, 'CREATE TABLE t1 (id bigint);');
      await assert.rejects(migrate(database.db, loadMigrations(dir)), /0001_first\.sql was changed after it was applied/);
    } finally {
      await database.close();
    }
  });

  it('a failing migration leaves nothing behind (each runs in a transaction)', async () => {
    const database = await openTestDatabase({ migrated: false });
    const dir = mkdtempSync(join(tmpdir(), 'cairn-migrations-')) + '/';
    try {
      writeFileSync(`${dir}0001_broken.sql`, 'CREATE TABLE half_done (id int);\nSELECT no_such_function();');
      await assert.rejects(migrate(database.db, loadMigrations(dir)));
      const table = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(database.db);
      assert.equal(table.rows[0]!.n, 0);
    } finally {
      await database.close();
    }
  });

  it('every table carries org_id, first in its primary key', async () => {
    const database = await openTestDatabase();
    try {
      const rows = await sql<{ table_name: string; first_key: string | null; has_org: boolean }>`
        select t.table_name,
          (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = (quote_ident(t.table_name))::regclass and i.indisprimary) as first_key,
          exists (select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'org_id') as has_org
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> 'schema_migrations'`.execute(database.db);
      assert.ok(rows.rows.length >= 10);
      for (const row of rows.rows) {
        assert.ok(row.has_org, `${row.table_name} has org_id`);
        assert.equal(row.first_key, 'org_id', `${row.table_name} primary key starts with org_id`);
      }
    } finally {
      await database.close();
    }
  });
});
