/**
 * Environment → typed Config. The only place that reads process.env; everything else
 * receives a Config so tests can build many apps side by side (STYLE.md).
 */
export interface Config {
  /** `postgres://…` for a PostgreSQL ≥ 15 server; undefined → embedded PGlite. */
  readonly databaseUrl: string | undefined;
  /** Where PGlite keeps its files when databaseUrl is unset. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Public base URL used in printed links (setup link). */
  readonly publicUrl: string;
  /** HIPAA §164.312(a)(2)(iii) automatic logoff: idle minutes before a session ends. */
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  /** Login attempts allowed per client IP per minute. */
  readonly loginRateLimitPerMinute: number;
  /**
   * Which X-Forwarded-* hops to believe (client IP for rate limits and the audit trail,
   * https for Secure cookies): false, a hop count, or proxy addresses / CIDRs. `true`
   * (believe any hop) lets clients forge their address; use it only behind a proxy that
   * overwrites the header.
   */
  readonly trustProxy: boolean | number | string[];
  readonly logLevel: string;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly adminName: string;
  readonly organizationName: string;
  /** `cairn demo` only: its own database, never DATA_DIR or DATABASE_URL (src/demo/demo.ts). */
  readonly demo: {
    readonly dataDir: string;
    readonly databaseUrl: string | undefined;
    /** CAIRN_ORG_NAME as given, so the demo can use its own name when it is not. */
    readonly organizationName: string | undefined;
  };
  /** Directory of the built web UI; served from `/` when present. */
  readonly webDistDir: string;
  /**
   * How often the background job worker (alert escalation, absence and hours sweeps, the
   * morning drug-test draw) looks for work, in ms; 0 turns it off. CAIRN_JOBS_POLL_MS,
   * default 5000, off by default under NODE_ENV=test.
   */
  readonly jobsPollMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function trustProxy(raw: string | undefined): Config['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || ['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  if (['true', 'yes'].includes(value.toLowerCase())) return true;
  if (/^[1-9]\d?$/.test(value)) return Number(value);
  const addresses = value.split(',').map((a) => a.trim()).filter(Boolean);
  if (addresses.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) return addresses;
  throw new ConfigError(`TRUST_PROXY must be false, a hop count such as 1, or proxy addresses such as 10.0.0.5,10.0.1.0/24; got "${raw}"`);
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST') ?? '0.0.0.0';
  return {
    databaseUrl: text(env, 'DATABASE_URL'),
    dataDir: text(env, 'DATA_DIR') ?? './data',
    host,
    port,
    publicUrl: (text(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, ''),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
    adminEmail: text(env, 'CAIRN_ADMIN_EMAIL'),
    adminPassword: env['CAIRN_ADMIN_PASSWORD'] || undefined,
    adminName: text(env, 'CAIRN_ADMIN_NAME') ?? 'Administrator',
    organizationName: text(env, 'CAIRN_ORG_NAME') ?? 'My organization',
    demo: {
      dataDir: text(env, 'CAIRN_DEMO_DATA_DIR') ?? './data-demo',
      databaseUrl: text(env, 'CAIRN_DEMO_DATABASE_URL'),
      organizationName: text(env, 'CAIRN_ORG_NAME'),
    },
    webDistDir: text(env, 'WEB_DIST_DIR') ?? new URL('../web/dist', import.meta.url).pathname,
    jobsPollMs: int(env, 'CAIRN_JOBS_POLL_MS', env['NODE_ENV'] === 'test' ? 0 : 5000, 0, 3_600_000),
  };
}
