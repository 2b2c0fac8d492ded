/**
 * The first hour of a new installation, in a real browser: open the printed setup link,
 * create the administrator, sign out and back in, add a facility, and define an adult IOP
 * whose phase hours must sit inside level 2.1's band (9 to under 20 hours a week).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type RunningServer, startServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const PASSWORD = 'juniper-canyon-ledger-88';

before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(15_000);
});

after(async () => {
  if (page && process.exitCode) {
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/first-program-failure.png', fullPage: true }).catch(() => {});
  }
  await browser?.close();
  await server?.stop();
});

async function pick(label: string, search: string, option: RegExp) {
  const input = page.getByLabel(new RegExp(`^${label}`)).first();
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('a new installation in the browser', { timeout: 180_000 }, () => {
  it('the setup link creates the administrator and signs them in', async () => {
    const link = /(http:\/\/\S+\/setup#token=\S+)/.exec(server.output())?.[1];
    assert.ok(link, `no setup link printed:\n${server.output()}`);
    await page.goto(link);
    await page.getByLabel('Organization name').fill('Harbor Light Recovery');
    await page.getByLabel('Full name').fill('Morgan Reyes');
    await page.getByLabel('E-mail').fill('morgan@harborlight.example');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create organization and sign in' }).click();
    await page.getByText('Harbor Light Recovery').first().waitFor();
    await page.getByText(/Morgan/).first().waitFor();
  });

  it('signs out and signs back in with the new password', async () => {
    await page.getByRole('button', { name: /sign out/i }).first().click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill('morgan@harborlight.example');
    await page.getByLabel(/^Password/).fill('wrong-password-entirely');
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await page.getByText(/e-mail address or password is not right/i).waitFor();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByText('Harbor Light Recovery').first().waitFor();
  });

  it('adds a facility in its time zone', async () => {
    await page.goto(`${server.url}/facilities/new`);
    await page.getByLabel('Facility name').fill('Harbor Light Downtown');
    await page.getByLabel('Street address').fill('41 Wharf Road');
    await page.getByLabel('City').fill('New Haven');
    await pick('State', 'Connecticut', /Connecticut/);
    await page.getByLabel('ZIP code').fill('06511');
    await pick('Time zone', 'New_York', /America\/New_York/);
    await page.getByLabel('NPI').fill('1234567893');
    await page.getByRole('button', { name: 'Create facility' }).click();
    await page.getByRole('heading', { name: 'Harbor Light Downtown' }).waitFor();
  });

  it('refuses a phase outside the level of care’s band, then creates the program', async () => {
    await page.goto(`${server.url}/programs/new`);
    await page.getByLabel('Program name').fill('Adult Evening IOP');
    await page.getByLabel('Name').first().waitFor();
    const phaseNames = page.getByRole('region', { name: /phases/i }).getByLabel('Name');
    await phaseNames.first().fill('Engagement');
    await page.getByLabel('Minimum hours per week').first().fill('6');
    await page.getByLabel('Maximum hours per week').first().fill('8');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByText(/9 to under 20 hours per week/).first().waitFor();
    assert.match(page.url(), /\/programs\/new$/, 'still on the editor');

    await page.getByLabel('Minimum hours per week').first().fill('12');
    await page.getByLabel('Maximum hours per week').first().fill('15');
    await page.getByRole('button', { name: 'Add phase' }).click();
    await phaseNames.nth(1).fill('Early recovery');
    await page.getByLabel('Minimum hours per week').nth(1).fill('9');
    await page.getByLabel('Maximum hours per week').nth(1).fill('12');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('heading', { name: 'Adult Evening IOP' }).waitFor();
    await page.getByText('Engagement').first().waitFor();
    await page.getByText('Early recovery').first().waitFor();

    const programs = (await page.evaluate(async () => (await fetch('/api/programs')).json())) as { facilityName: string; phases: { name: string; minHoursPerWeek: number }[] }[];
    assert.equal(programs.length, 1);
    assert.deepEqual(programs[0]!.phases.map((p: { name: string; minHoursPerWeek: number }) => `${p.name} ${p.minHoursPerWeek}`), ['Engagement 12', 'Early recovery 9']);
    assert.equal(programs[0]!.facilityName, 'Harbor Light Downtown');
  });
});
