/** What the app is built from: no module-level state, so tests can build many side by side. */
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Engine } from './db/connect.ts';
import type { Database } from './db/schema.ts';

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly config: Config;
}
