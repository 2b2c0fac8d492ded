/**
 * A migrated database for one test file. node:test runs each file in its own process,
 * so each file gets one PGlite instance (shared by its tests), or, when
 * TEST_DATABASE_URL is set, a fresh database created on that server and dropped after.
 * Files therefore never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, fromPGlite, fromPostgres, openPGlite } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';

export interface TestDatabase extends DatabaseHandle {
  /** A connection string for this database when it is on a server (for child processes). */
  readonly url: string | undefined;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the TEST_DATABASE_URL server; returns its URL and a drop function. */
export async function freshServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cairn_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  let handle: TestDatabase;
  if (serverUrl) {
    const fresh = await freshServerDatabase(serverUrl);
    const inner = fromPostgres(fresh.url, 5);
    handle = {
      db: inner.db,
      engine: inner.engine,
      url: fresh.url,
      close: async () => {
        await inner.close();
        await fresh.drop();
      },
    };
  } else {
    const inner = fromPGlite(await openPGlite(undefined));
    handle = { ...inner, url: undefined };
  }
  if (options.migrated !== false) await migrate(handle.db);
  return handle;
}
