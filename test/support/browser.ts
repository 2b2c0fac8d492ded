/**
 * Shared pieces of the browser tests: Debian's Chromium driven by playwright-core, an HTTP
 * client that seeds data through the real API (cookie + CSRF, as the web UI does), and a
 * facility time zone where it is daytime now, so a session can be under way and its
 * check-in open whatever the hour on the machine running the tests.
 */
import { it } from 'node:test';
import { HttpClient } from './http-client.ts';
import { type RunningServer, startServer } from './server.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A browser context as a person at the facility has it: the facility's zone, US English. */
export async function facilityContext(browser: Browser, timeZone: string, viewport: { width: number; height: number }, mobile = false): Promise<BrowserContext> {
  return browser.newContext({ viewport, timezoneId: timeZone, locale: 'en-US', ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
}

/** Screenshots of key steps go to SCREENSHOT_DIR when it is set (e.g. scratch/), else nowhere. */
export async function snap(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env['SCREENSHOT_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `browser-${name}.png`), fullPage });
}

/** On failure, what the page looked like, in test-results/. */
export async function failureShot(page: Page | undefined, name: string): Promise<void> {
  if (!page || !process.exitCode) return;
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}-failure.png`, fullPage: true }).catch(() => {});
}

const ZONES = [
  'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney',
  'Pacific/Honolulu', 'America/Sao_Paulo', 'America/Chicago', 'Europe/Berlin', 'Asia/Dubai', 'Asia/Singapore',
];

/**
 * A zone where the local hour now is 09–15: a 3-hour session starting at the top of the
 * previous hour is under way (started 60–119 minutes ago, so a check-in now is late) and
 * ends the same local day, before 18:00.
 */
export function daytimeZone(): string {
  const zone = ZONES.find((z) => {
    const hour = Temporal.Now.zonedDateTimeISO(z).hour;
    return hour >= 9 && hour <= 15;
  });
  if (!zone) throw new Error('no listed time zone is in daytime now');
  return zone;
}

export interface LocalNow {
  readonly timeZone: string;
  /** 'YYYY-MM-DD' in the zone. */
  readonly today: string;
  /** ISO weekday of today, 1 (Monday) … 7. */
  readonly weekday: number;
  /** RRULE day code of today: MO … SU. */
  readonly rruleDay: string;
  /** 'HH:00' an hour before the current local hour: a session from then is under way. */
  readonly runningStart: string;
}

export function localNow(timeZone: string): LocalNow {
  const now = Temporal.Now.zonedDateTimeISO(timeZone);
  return {
    timeZone,
    today: now.toPlainDate().toString(),
    weekday: now.dayOfWeek,
    rruleDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][now.dayOfWeek - 1]!,
    runningStart: `${String(now.hour - 1).padStart(2, '0')}:00`,
  };
}

export interface SeededClinic {
  readonly facilityId: string;
  readonly facilityName: string;
  readonly programId: string;
  readonly phaseId: string;
  readonly staffId: string;
}

/**
 * A facility in `timeZone` with an adult IOP (phase "Engagement", 9–12 h/week over 3 days),
 * and the signed-in administrator made a clinician of that facility so they can facilitate
 * groups, be a primary clinician and work the board.
 */
export async function seedClinic(client: HttpClient, timeZone: string, facilityName = 'Harbor Light Downtown'): Promise<SeededClinic> {
  const facility = await client.ok('POST', '/api/facilities', {
    name: facilityName, addressLine1: '41 Wharf Road', city: 'New Haven', state: 'CT', postalCode: '06511', timeZone,
  });
  const program = await client.ok('POST', '/api/programs', {
    facilityId: facility.facilityId, name: 'Adult IOP', levelOfCare: '2.1', population: 'adult', modality: 'hybrid', expectedLengthOfStayDays: 84,
    tracks: [{ kind: 'morning', name: 'Day', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 3, 4, 5] }],
    phases: [{ name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 }],
  });
  const me = await client.ok('GET', '/api/me');
  await client.ok('PUT', `/api/staff/${me.staffId}`, {
    email: me.email, fullName: me.fullName, credentials: ['LCSW'], roles: ['admin', 'clinician'], facilityIds: [facility.facilityId],
  });
  return { facilityId: facility.facilityId, facilityName, programId: program.programId, phaseId: program.phases[0].phaseId, staffId: me.staffId };
}

/** Signs in on the staff sign-in page and waits to leave it. */
export async function signInStaff(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export { HttpClient };

export const STORY_ADMIN = 'morgan@harborlight.example';
export const STORY_PASSWORD = 'juniper-canyon-ledger-88';

/**
 * The real server with a signed-in administrator (also the clinic's clinician) and a
 * facility in a zone where it is daytime now: the opening of every browser story.
 */
export async function startStoryServer(): Promise<{ server: RunningServer; client: HttpClient; local: LocalNow; clinic: SeededClinic }> {
  const server = await startServer({ CAIRN_ADMIN_EMAIL: STORY_ADMIN, CAIRN_ADMIN_PASSWORD: STORY_PASSWORD, CAIRN_ADMIN_NAME: 'Morgan Reyes', CAIRN_ORG_NAME: 'Harbor Light Recovery', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const client = new HttpClient(server.url);
  await client.ok('POST', '/api/auth/login', { email: STORY_ADMIN, password: STORY_PASSWORD });
  const local = localNow(daytimeZone());
  const clinic = await seedClinic(client, local.timeZone);
  return { server, client, local, clinic };
}

/**
 * Steps of one browser story: once a step fails the later ones are skipped, rather than
 * each waiting out its timeouts against a page in the wrong state.
 */
export function storySteps(): (name: string, fn: () => Promise<void>) => void {
  let broken = false;
  return (name, fn) => {
    it(name, async (t) => {
      if (broken) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (error) {
        broken = true;
        throw error;
      }
    });
  };
}

