/**
 * The core loop at the front desk, in a real browser: register a patient who works evenings,
 * admit them to the adult IOP, enroll them in a daytime group (and be warned off an evening
 * group that clashes with their work), check them in on the board while the group is under
 * way, and see the check-in and then the hours on the chart's hours tab.
 *
 * Seeded through the API: a facility in a zone where it is daytime now, the program (phase
 * 9–12 h/week), the administrator as its clinician, a group meeting today (weekly on today's
 * weekday, started at the top of the previous hour, 3 hours: under way, and the only session
 * of the patient's week) and an evening group on Mondays and Wednesdays at 18:30.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../support/server.ts';
import { HttpClient, type LocalNow, type SeededClinic, daytimeZone, facilityContext, failureShot, launchChromium, localNow, seedClinic, signInStaff, snap, startStoryServer, storySteps, STORY_ADMIN, STORY_PASSWORD } from '../support/browser.ts';

const ADMIN = STORY_ADMIN;
const PASSWORD = STORY_PASSWORD;
const DAY_GROUP = 'Morning process group';
const EVENING_GROUP = 'Evening relapse prevention';
const PATIENT = 'Rosalind Okafor';

let server: RunningServer;
let browser: Browser;
let page: Page;
let clinic: SeededClinic;
let local: LocalNow;
let patientId: string;

before(async () => {
  let client: HttpClient;
  ({ server, client, local, clinic } = await startStoryServer());
  const group = { facilityId: clinic.facilityId, programId: clinic.programId, facilitatorId: clinic.staffId, capacity: 12, startsOn: local.today };
  await client.ok('POST', '/api/groups', { ...group, name: DAY_GROUP, groupType: 'process', room: 'Room 2', rrule: `FREQ=WEEKLY;BYDAY=${local.rruleDay}`, startTime: local.runningStart, durationMinutes: 180 });
  await client.ok('POST', '/api/groups', { ...group, name: EVENING_GROUP, groupType: 'relapse_prevention', room: 'Room 4', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', startTime: '18:30', durationMinutes: 90 });

  browser = await launchChromium();
  const context = await facilityContext(browser, local.timeZone, { width: 1366, height: 900 });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInStaff(page, server.url, ADMIN, PASSWORD);
});

after(async () => {
  await failureShot(page, 'front-desk');
  await browser?.close();
  await server?.stop();
});

const step = storySteps();

/** A Mantine Select: open it and click the option (typing first when it is searchable). */
async function choose(label: RegExp, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).first().click();
}

const rosterRow = () => page.getByRole('list', { name: `Roster for ${DAY_GROUP}` }).getByRole('listitem').filter({ hasText: PATIENT });

/** The newest row of the chart's "Hours by week" table, as its cell texts. */
async function thisWeekHours(): Promise<string[]> {
  const row = page.getByRole('table', { name: 'Hours by week' }).locator('tbody tr').first();
  await row.waitFor();
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

/** Admitted today: the week is judged only when today is its first day (weeks start on Monday). */
const statusThisWeek = () => (local.weekday === 1 ? 'At risk · 6 h short' : 'Partial week');

describe('the front desk’s day in the browser', { timeout: 240_000 }, () => {
  step('registers a patient who works weekday evenings', async () => {
    await page.goto(`${server.url}/patients/new`);
    await page.getByLabel(/^Legal given name/).fill('Rosalind');
    await page.getByLabel(/^Legal family name/).fill('Okafor');
    await page.getByLabel(/^Date of birth/).fill('1988-04-12');
    await choose(/^Sex assigned at birth/, 'Female');
    await choose(/^Gender identity/, 'Woman');
    await page.getByLabel(/^E-mail/).first().fill('rosalind.okafor@example.net');
    await page.getByRole('button', { name: 'Add a time' }).click();
    const first = page.getByRole('group', { name: 'Unavailable window 1' });
    await first.getByLabel('From').fill('18:00');
    await first.getByLabel('Until').fill('22:00');
    await first.getByLabel('What').fill('Work');
    // Each new window copies the last one on the next day: Tuesday to Friday.
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Add a time' }).click();
    assert.equal(await page.getByRole('group', { name: 'Unavailable window 5' }).getByRole('combobox', { name: 'Day' }).inputValue(), 'Friday');
    await snap(page, 'front-desk-1-register');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/);
    patientId = /\/patients\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: PATIENT }).waitFor();
    await page.getByText('Not in a program').first().waitFor();
  });

  step('admits them from the chart’s Episode tab', async () => {
    await page.getByRole('tab', { name: 'Episode' }).click();
    await page.getByRole('button', { name: 'Admit to a program' }).click();
    await choose(/^Program/, /^Adult IOP/, 'Adult');
    assert.match(await page.getByRole('combobox', { name: /^Starting phase/ }).inputValue(), /Engagement \(9–12 h\/week\)/);
    await choose(/^Primary clinician/, /Morgan Reyes/, 'Morgan');
    assert.equal(await page.getByLabel(/^Admission date/).inputValue(), local.today, 'the admission date defaults to today at the facility');
    await choose(/^Referral source/, 'Self', 'Sel');
    await snap(page, 'front-desk-2-admit');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    const episode = page.getByRole('region', { name: 'Episode in Adult IOP' });
    await episode.getByText('Active', { exact: true }).waitFor();
    await episode.getByText('9–12 h, 3 days').waitFor();
    await page.getByText('In Adult IOP').waitFor();
  });

  step('warns that the evening group clashes with work, then enrolls them in the daytime group', async () => {
    await page.getByRole('tab', { name: 'Weekly schedule' }).click();
    await page.getByRole('button', { name: 'Enroll in a group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enroll in a group' });
    await choose(/^Group/, new RegExp(`^${EVENING_GROUP}`), 'Evening');
    const overlap = dialog.getByRole('alert').filter({ hasText: 'Overlaps the patient’s week' });
    await overlap.waitFor();
    // One clash per weekday, listed from the first occurrence on (so the order depends on today).
    const clashes = (await overlap.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
    assert.equal(clashes.length, 2, clashes.join('\n'));
    assert.match(clashes[0]!, /^On Mondays, 6:30–8:00\sPM is during the patient’s work hours \(6:00–10:00\sPM\)\.$/);
    assert.match(clashes[1]!, /^On Wednesdays, 6:30–8:00\sPM is during the patient’s work hours/);
    await dialog.getByLabel('I have checked these overlaps with the patient; enroll anyway').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Enroll', exact: true }).isDisabled(), true, 'no enrolment over work hours without acknowledging');
    await snap(page, 'front-desk-3-conflict', false);

    await choose(/^Group/, new RegExp(`^${DAY_GROUP}`), 'Morning');
    await dialog.getByText('Ready to enroll').waitFor();
    await dialog.getByText('Eligible, no conflicts, 12 seats left.').waitFor();
    await dialog.getByRole('button', { name: 'Enroll', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const groups = page.getByRole('region', { name: 'Groups' });
    const row = groups.getByRole('row').filter({ hasText: DAY_GROUP });
    await row.getByText('Enrolled', { exact: true }).waitFor();
    assert.equal(await groups.getByRole('row').filter({ hasText: EVENING_GROUP }).count(), 0);
    // The week: today's 3-hour session is the only one, short of the 9-hour minimum.
    await page.getByRole('status').filter({ hasText: 'Scheduled this week:' }).filter({ hasText: '3 h' }).waitFor();
    await page.getByText('6 h short of the minimum even if every session is attended').waitFor();
    await page.locator('[data-today]').getByText(DAY_GROUP).waitFor();
    await snap(page, 'front-desk-4-schedule');
  });

  step('checks them in on the board, and the check-in survives a reload', async () => {
    await page.goto(`${server.url}/board`);
    await page.getByRole('heading', { name: DAY_GROUP }).waitFor();
    await rosterRow().getByText('Not marked').waitFor();
    await rosterRow().getByRole('button', { name: `Check in ${PATIENT}` }).click();
    // The group started 60–119 minutes ago: more than 10 minutes after the start is late.
    await rosterRow().getByText('Late', { exact: true }).waitFor();
    await rosterRow().getByText(/^In \d{1,2}:\d{2}\s[AP]M$/).waitFor();
    await rosterRow().getByRole('button', { name: `Check out ${PATIENT}` }).waitFor();
    await page.getByText('1 here').waitFor();
    await snap(page, 'front-desk-5-board-checked-in');

    await page.reload();
    await page.getByRole('heading', { name: DAY_GROUP }).waitFor();
    await rosterRow().getByText('Late', { exact: true }).waitFor();
    await rosterRow().getByText(/^In \d{1,2}:\d{2}\s[AP]M$/).waitFor();
    assert.equal(await rosterRow().getByRole('button', { name: `Check in ${PATIENT}` }).count(), 0, 'no second check-in offered');
    const board = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/facilities/${clinic.facilityId}/board`)) as any;
    const session = board.sessions.find((x: { title: string }) => x.title === DAY_GROUP);
    const entry = session.roster.find((r: { patientId: string }) => r.patientId === patientId);
    assert.equal(entry.attendance.status, 'late');
    assert.equal(entry.attendance.method, 'front_desk');
    assert.ok(entry.attendance.checkedInAt);
  });

  step('shows the check-in on the chart’s hours tab: scheduled 3 h, none attended yet', async () => {
    await page.goto(`${server.url}/patients/${patientId}?tab=hours`);
    await page.getByRole('img', { name: /Chart of weekly attended hours/ }).waitFor();
    // Week | Phase | Attended | Scheduled | Required | Days ≥ 3 h | Status
    const [, phase, attended, scheduled, required, days, status] = await thisWeekHours();
    assert.deepEqual({ phase, attended, scheduled, required, days, status }, {
      phase: 'Engagement', attended: '0 h', scheduled: '3 h', required: '9–12 h', days: '0 of 3', status: statusThisWeek(),
    });
    const history = page.getByRole('region', { name: 'Attendance history' });
    const visit = history.getByRole('row').filter({ hasText: DAY_GROUP });
    await visit.getByText('Late', { exact: true }).waitFor();
    await visit.getByText('Front desk').waitFor();
    await snap(page, 'front-desk-6-hours-checked-in');
  });

  step('records the whole session as attended on the board, and the hours chart counts it', async () => {
    await page.goto(`${server.url}/board`);
    await rosterRow().getByRole('button', { name: `Set attendance for ${PATIENT}` }).click();
    await page.getByRole('menuitem', { name: 'Present', exact: true }).click();
    await rosterRow().getByText('Present', { exact: true }).waitFor();
    await rosterRow().getByText(/180 min/).waitFor();
    await snap(page, 'front-desk-7-board-present');

    await page.goto(`${server.url}/patients/${patientId}?tab=hours`);
    await page.getByRole('img', { name: /Chart of weekly attended hours/ }).waitFor();
    const [, , attended, scheduled, , days, status] = await thisWeekHours();
    assert.deepEqual({ attended, scheduled, days, status }, { attended: '3 h', scheduled: '3 h', days: '1 of 3', status: statusThisWeek() });
    // The chart itself: this week's bar, and its tooltip.
    const bars = await page.locator('.recharts-bar-rectangle path').all();
    const drawn = (await Promise.all(bars.map(async (bar) => ({ bar, box: await bar.boundingBox() })))).filter((b) => b.box && b.box.height > 1);
    assert.equal(drawn.length, 1, 'one bar: this week’s attended hours (the weeks before admission are empty)');
    await drawn[0]!.bar.hover();
    await page.getByText('Attended 3 h of 3 h scheduled').waitFor();
    await page.getByRole('region', { name: 'Attendance history' }).getByRole('row').filter({ hasText: DAY_GROUP }).getByText('Present', { exact: true }).waitFor();
    await snap(page, 'front-desk-8-hours-present');
  });
});
