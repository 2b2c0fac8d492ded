/**
 * Records the SQL a request issues (through Kysely's log hook) and replays it directly on
 * the driver, so the benchmark can set each endpoint beside "the same SQL without Cairn":
 * no HTTP, validation, access guard or serialisation. Audit appends are left out of the
 * replay (each carries the next sequence number and chain hash, so it cannot be replayed);
 * the figures say how many statements that is.
 */
import type { LogEvent, PostgresPool } from 'kysely';

export interface CapturedQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export class QueryCapture {
  #recording: CapturedQuery[] | undefined;

  readonly log = (event: LogEvent): void => {
    if (this.#recording && event.level === 'query') this.#recording.push({ sql: event.query.sql, parameters: event.query.parameters });
  };

  async record(run: () => Promise<unknown>): Promise<CapturedQuery[]> {
    this.#recording = [];
    try {
      await run();
      return this.#recording;
    } finally {
      this.#recording = undefined;
    }
  }
}

const AUDIT = /\b(audit_events|audit_chain_heads)\b/;

export function replayable(queries: readonly CapturedQuery[]): { queries: CapturedQuery[]; skipped: number } {
  const kept = queries.filter((q) => !AUDIT.test(q.sql));
  return { queries: kept, skipped: queries.length - kept.length };
}

/** Runs the queries in order on one connection from the pool, substituting parameter values. */
export async function replay(pool: PostgresPool, queries: readonly CapturedQuery[], substitute: ReadonlyMap<unknown, unknown> = new Map()): Promise<number> {
  const client = await pool.connect();
  let rows = 0;
  try {
    for (const query of queries) {
      const parameters = substitute.size ? query.parameters.map((p) => (substitute.has(p) ? substitute.get(p) : p)) : query.parameters;
      rows += (await client.query(query.sql, parameters)).rows.length;
    }
  } finally {
    client.release();
  }
  return rows;
}
