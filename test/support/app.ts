/**
 * Builds an in-memory Cairn app for HTTP tests (app.inject, no sockets) and a small
 * client that carries the session cookie and CSRF token like the browser does.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { after } from 'node:test';
import { buildApp, type CairnApp } from '../../src/app.ts';
import { createAdministrator } from '../../src/auth/account-links.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { ManualClock } from '../../src/clock.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { insertOrganization } from '../../src/organizations/organizations.store.ts';
import { insertStaff, setStaffFacilities } from '../../src/staff/staff.store.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type TestDatabase, openTestDatabase } from './database.ts';

export const PASSWORD = 'tidal-compass-lantern-42';

export interface TestContext extends CairnApp {
  readonly deps: AppDeps;
  readonly clock: ManualClock;
  readonly database: TestDatabase;
}

const opened: (() => Promise<void>)[] = [];
// Registered when this module is first imported, i.e. at the top level of a test file, so
// it runs once after all of that file's tests.
after(async () => {
  for (const close of opened.splice(0)) await close();
});

/** An app with its own fresh database, closed when the file's tests finish. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  const config: Config = { ...loadConfig({}), logLevel: 'silent', loginRateLimitPerMinute: 10_000, publicUrl: 'http://cairn.test', ...overrides };
  const deps: AppDeps = { db: database.db, engine: database.engine, clock, config };
  const built = await buildApp(deps, { logger: false, serveWebUi: false });
  opened.push(async () => {
    await built.app.close();
    await database.close();
  });
  return { ...built, deps, clock, database };
}

export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'cairn_session');
    if (setCookie) this.cookie = setCookie.value ? `cairn_session=${setCookie.value}` : undefined;
    // Signing in by password, setup or a one-time link answers with the CSRF token, as /api/me does.
    if (setCookie?.value && response.statusCode === 200) this.csrf = response.json().csrfToken;
    return response;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);

  async login(email: string, password = PASSWORD, totp?: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { email, password, ...(totp ? { totp } : {}) });
    if (response.statusCode === 200) this.csrf = response.json().csrfToken;
    return response;
  }
}

export interface TestOrg {
  readonly orgId: string;
  readonly adminEmail: string;
  readonly admin: Client;
}

let passwordHash: Promise<string> | undefined;

/** A new organization with a signed-in administrator. */
export async function createOrg(ctx: TestContext, name = 'Riverbend Recovery'): Promise<TestOrg> {
  const orgId = randomUUID();
  const adminEmail = `admin-${orgId.slice(0, 8)}@example.org`;
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  await ctx.deps.db.transaction().execute(async (trx) => {
    await insertOrganization(trx, { orgId, name, now: ctx.clock.now() });
    await createAdministrator(trx, { orgId, email: adminEmail, fullName: 'Ada Admin', passwordHash: hash, now: ctx.clock.now() }, null);
  });
  const admin = new Client(ctx.app);
  const response = await admin.login(adminEmail);
  if (response.statusCode !== 200) throw new Error(`admin login failed: ${response.body}`);
  return { orgId, adminEmail, admin };
}

/** An active staff member with the given roles and facilities, signed in. */
export async function createStaffMember(ctx: TestContext, org: TestOrg, roles: StaffRole[], facilityIds: string[] = []): Promise<Client & { staffId: string; email: string }> {
  const staffId = randomUUID();
  const email = `${roles.join('-') || 'noroles'}-${staffId.slice(0, 8)}@example.org`;
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  await ctx.deps.db.transaction().execute(async (trx) => {
    await insertStaff(trx, { orgId: org.orgId, staffId, email, fullName: `Staff ${roles.join(' ')}`, credentials: [], roles, status: 'active', passwordHash: hash, now: ctx.clock.now() });
    await setStaffFacilities(trx, org.orgId, staffId, facilityIds);
  });
  const client = new Client(ctx.app) as Client & { staffId: string; email: string };
  const response = await client.login(email);
  if (response.statusCode !== 200) throw new Error(`staff login failed: ${response.body}`);
  client.staffId = staffId;
  client.email = email;
  return client;
}

export const facilityInput = (name = 'Riverbend Downtown', timeZone = 'America/New_York') => ({
  name,
  addressLine1: '120 Water Street',
  city: 'Hartford',
  state: 'CT',
  postalCode: '06103',
  timeZone,
  npi: '1234567893',
  phone: '(860) 555-0142',
});

export const programInput = (facilityId: string, overrides: Record<string, unknown> = {}) => ({
  facilityId,
  name: 'Adult Substance Use IOP',
  levelOfCare: '2.1',
  population: 'adult',
  modality: 'hybrid',
  expectedLengthOfStayDays: 84,
  tracks: [
    { kind: 'morning', name: 'Morning', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 3, 4, 5] },
    { kind: 'evening', name: 'Evening (working patients)', startsAt: '18:00', endsAt: '21:00', daysOfWeek: [1, 2, 4] },
  ],
  phases: [
    { name: 'Engagement', requiredDaysPerWeek: 4, minHoursPerWeek: 12, maxHoursPerWeek: 15 },
    { name: 'Early recovery', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 },
    { name: 'Maintenance', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 10 },
  ],
  ...overrides,
});
