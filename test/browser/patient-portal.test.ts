/**
 * The patient portal on a phone (375 px), in a real browser: staff invite the patient from
 * the chart's Demographics tab, the patient opens the one-time link in their own browser,
 * chooses a password and sees their week (today's video group, under way, with "Join video
 * session") and their hours this week against the phase's minimum; joining records their
 * attendance by video, and the hours follow what the front desk records.
 *
 * Seeded through the API: a facility in a zone where it is daytime now, the adult IOP
 * (phase 9–12 h/week), the administrator as its clinician, a telehealth group meeting
 * weekly on today's weekday from the top of the previous hour for 3 hours (under way, and
 * the only session of the week), and a patient admitted today and enrolled in it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../support/server.ts';
import { HttpClient, type LocalNow, type SeededClinic, daytimeZone, facilityContext, failureShot, launchChromium, localNow, seedClinic, signInStaff, snap, startStoryServer, storySteps, STORY_ADMIN, STORY_PASSWORD } from '../support/browser.ts';

const ADMIN = STORY_ADMIN;
const PASSWORD = STORY_PASSWORD;
const PATIENT_PASSWORD = 'marigold-tugboat-vesper-19';
const GROUP = 'Coping skills by video';
const VIDEO_URL = 'https://video.example.org/room/coping-skills';

let server: RunningServer;
let browser: Browser;
let staff: Page;
let phoneContext: BrowserContext;
let phone: Page;
let clinic: SeededClinic;
let local: LocalNow;
let patientId: string;
let link: string;

before(async () => {
  let client: HttpClient;
  ({ server, client, local, clinic } = await startStoryServer());
  const group = await client.ok('POST', '/api/groups', {
    facilityId: clinic.facilityId, programId: clinic.programId, facilitatorId: clinic.staffId, name: GROUP, groupType: 'skills', videoUrl: VIDEO_URL,
    capacity: 10, rrule: `FREQ=WEEKLY;BYDAY=${local.rruleDay}`, startsOn: local.today, startTime: local.runningStart, durationMinutes: 180,
  });
  const patient = await client.ok('POST', '/api/patients', {
    facilityId: clinic.facilityId, legalGivenName: 'Jordana', legalFamilyName: 'Alvarez', preferredName: 'Jo', dateOfBirth: '1991-02-17',
    sexAtBirth: 'female', genderIdentity: 'nonbinary', pronouns: 'they/them', residence: 'home', email: 'jo.alvarez@example.net',
  });
  patientId = patient.patientId;
  await client.ok('POST', `/api/patients/${patientId}/episodes`, {
    programId: clinic.programId, admittedOn: local.today, referralSource: 'Self', phaseId: clinic.phaseId, primaryClinicianId: clinic.staffId,
  });
  await client.ok('POST', `/api/patients/${patientId}/enrollments`, { groupId: group.groupId, startsOn: local.today });

  browser = await launchChromium();
  const staffContext = await facilityContext(browser, local.timeZone, { width: 1366, height: 900 });
  staff = await staffContext.newPage();
  staff.setDefaultTimeout(15_000);
  await signInStaff(staff, server.url, ADMIN, PASSWORD);

  // The patient's own phone: no staff cookies; the video service is stubbed.
  phoneContext = await facilityContext(browser, local.timeZone, { width: 375, height: 812 }, true);
  await phoneContext.route('https://video.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Video room</title><h1>Video room</h1>' }));
  phone = await phoneContext.newPage();
  phone.setDefaultTimeout(15_000);
});

after(async () => {
  await failureShot(phone, 'patient-portal-phone');
  await failureShot(staff, 'patient-portal-staff');
  await browser?.close();
  await server?.stop();
});

const step = storySteps();

const sessionCard = () => phone.locator('section').filter({ has: phone.getByRole('heading', { name: /^Today · / }) }).filter({ hasText: GROUP });
const hoursCard = () => phone.getByRole('region', { name: 'My hours this week' });

async function noSidewaysScroll(page: Page) {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= 375, `the page is ${width} px wide at 375 px`);
}

describe('the patient portal on a phone', { timeout: 240_000 }, () => {
  step('staff invite the patient from the chart’s Demographics tab', async () => {
    await staff.goto(`${server.url}/patients/${patientId}?tab=demographics`);
    await staff.getByText('No portal account').waitFor();
    assert.equal(await staff.getByLabel('Patient’s e-mail for signing in').inputValue(), 'jo.alvarez@example.net', 'the chart’s e-mail is offered');
    await staff.getByRole('button', { name: 'Invite to the portal' }).click();
    const panel = staff.getByRole('region', { name: 'One-time portal link' });
    await panel.getByText('Give this link to Jo yourself').waitFor();
    link = await panel.getByLabel('Portal link').inputValue();
    assert.match(link, new RegExp(`^${server.url}/portal/accept#token=\\S+$`));
    await staff.getByText('Invited, not signed in yet · jo.alvarez@example.net').waitFor();
    await snap(staff, 'portal-1-invite', false);
  });

  step('the patient opens the link on their phone and chooses a password', async () => {
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Welcome' }).waitFor();
    await noSidewaysScroll(phone);
    await phone.getByLabel(/^Password/).fill(PATIENT_PASSWORD);
    await phone.getByLabel(/^Repeat the password/).fill(PATIENT_PASSWORD);
    await snap(phone, 'portal-2-accept');
    await phone.getByRole('button', { name: 'Set password and continue' }).click();
    await phone.waitForURL((url) => url.pathname === '/portal' && url.hash === '');
    await phone.getByRole('heading', { name: 'Hello, Jo' }).waitFor();
  });

  step('the portal shows this week: today’s video group, under way, and the hours against the minimum', async () => {
    await phone.getByText(clinic.facilityName).waitFor();
    // Hours: nothing attended yet, 9 h minimum, today's 3 h still to come.
    await hoursCard().getByText('0 of 9 hours', { exact: true }).waitFor();
    // At 0 % the bar's filled section has no width: present, not visible.
    const empty = hoursCard().getByRole('progressbar', { name: '0 of 9 hours attended this week' });
    await empty.waitFor({ state: 'attached' });
    assert.equal(await empty.getAttribute('aria-valuenow'), '0');
    await hoursCard().getByText('9 more hours to reach your weekly minimum. You have 3 hours of sessions left this week.').waitFor();
    // The week: today's group, live, by video, with whom.
    await phone.getByRole('heading', { name: 'My schedule' }).waitFor();
    await phone.getByRole('button', { name: 'This week' }).and(phone.locator(':disabled')).waitFor();
    const card = sessionCard();
    await card.getByText(GROUP, { exact: true }).waitFor();
    await card.getByText('Now', { exact: true }).waitFor();
    await card.getByText('Video session · with Morgan Reyes').waitFor();
    await card.getByRole('button', { name: 'Join video session' }).waitFor();
    assert.equal(await phone.getByText(GROUP, { exact: true }).count(), 1, 'one session this week');
    await noSidewaysScroll(phone);
    await snap(phone, 'portal-3-home');
  });

  step('joining the video session opens the room and records attendance by video', async () => {
    const popup = phone.waitForEvent('popup');
    await sessionCard().getByRole('button', { name: 'Join video session' }).click();
    const room = await popup;
    await room.waitForURL(VIDEO_URL);
    await room.getByRole('heading', { name: 'Video room' }).waitFor();
    await room.close();
    await phone.reload();
    await sessionCard().getByText('Attended', { exact: true }).waitFor();

    await staff.goto(`${server.url}/board`);
    const row = staff.getByRole('list', { name: `Roster for ${GROUP}` }).getByRole('listitem').filter({ hasText: 'Jo (Jordana) Alvarez' });
    await row.getByText('Late', { exact: true }).waitFor();
    await row.locator('[aria-label="By video"]').waitFor();
    await snap(staff, 'portal-4-board-by-video', false);
  });

  step('the hours on the portal follow what the front desk records', async () => {
    const row = staff.getByRole('list', { name: `Roster for ${GROUP}` }).getByRole('listitem').filter({ hasText: 'Jo (Jordana) Alvarez' });
    await row.getByRole('button', { name: 'Set attendance for Jo (Jordana) Alvarez' }).click();
    await staff.getByRole('menuitem', { name: 'Present', exact: true }).click();
    await row.getByText('180 min').waitFor();

    await phone.reload();
    await hoursCard().getByText('3 of 9 hours', { exact: true }).waitFor();
    const bar = hoursCard().getByRole('progressbar', { name: '3 of 9 hours attended this week' });
    assert.equal(Math.round(Number(await bar.getAttribute('aria-valuenow'))), 33);
    await hoursCard().getByText(/^6 more hours to reach your weekly minimum\./).waitFor();
    await noSidewaysScroll(phone);
    await snap(phone, 'portal-5-home-after');
  });
});
