/**
 * Opens the database: a `pg` pool when a URL is given, otherwise embedded PGlite (real
 * PostgreSQL compiled to WASM) persisted in a directory, or in memory for tests.
 * Both are configured to return the same JavaScript types, so code and tests cannot
 * tell them apart.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGlitePool } from './pglite-pool.ts';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082, time: 1083, timestamp: 1114 } as const;
const asNumber = (value: string) => Number(value);
const asText = (value: string) => value;

/** Parsers shared by both engines: counts and hours as numbers, calendar days as 'YYYY-MM-DD', wall-clock times as text. */
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: asNumber,
  [OID.numeric]: asNumber,
  [OID.date]: asText,
  [OID.time]: asText,
  // timestamp without time zone holds local wall-clock times (a group occurrence's key);
  // as a Date it would be read in the server's zone.
  [OID.timestamp]: asText,
};

export function postgresPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, a failover, pg_terminate_backend, a
  // dropped test database) is reported here; unhandled, node-postgres turns it into an
  // uncaught exception that kills the process. The pool has already discarded that client
  // and opens a new one for the next query, so there is nothing else to do.
  pool.on('error', () => {});
  return pool;
}

export async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs typo-tolerant patient search (migration 0002); PostgreSQL ships it in contrib.
  return PGlite.create(dataDir ?? 'memory://', { parsers, extensions: { pg_trgm } });
}

export function fromPGlite(pglite: PGlite): DatabaseHandle {
  const pool = new PGlitePool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

export function fromPostgres(connectionString: string, max?: number): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(connectionString, max) }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return fromPostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  try {
    const handle = fromPGlite(await openPGlite(options.dataDir));
    return {
      ...handle,
      close: async () => {
        await handle.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
