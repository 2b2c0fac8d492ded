/**
 * A safety signal that cannot be lost, in a real browser: the patient, on a 375 px phone,
 * answers "Several days" to PHQ-9 item 9 (thoughts of being better off dead or of self-harm);
 * the portal shows the 988 crisis resources and says the care team has been alerted. Their
 * primary clinician signs in and sees "1 critical" beside Alerts in the navigation, finds
 * the alert in the inbox (addressed to them and to whoever is on call), acknowledges it and
 * resolves it with a note, which a resolution without a note is refused.
 *
 * Then the front-desk kiosk once: a second patient finds their check-in by last name and
 * date of birth (a wrong date finds nobody), answers the questions (reporting cannabis use),
 * is thanked, and the screen starts over empty. The reported use appears in the clinician's
 * open inbox without a reload, and the check-ins show on the chart's Monitoring tab.
 *
 * Seeded through the API: the story clinic (adult IOP, PHQ-9 due at admission), a clinician
 * on the facility's on-call roster (added through the facility page), two patients admitted
 * today with the administrator (also a clinician) as primary clinician, and a portal
 * invitation for the first.
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/time/local-time.ts';
import type { RunningServer } from '../support/server.ts';
import { HttpClient, type LocalNow, type SeededClinic, facilityContext, failureShot, launchChromium, signInStaff, snap, startStoryServer, storySteps, STORY_ADMIN, STORY_PASSWORD } from '../support/browser.ts';

const PATIENT_PASSWORD = 'harbor-willow-quartz-17';
const PHQ9_NAME = 'Patient Health Questionnaire-9';
/** Item 9 "Several days" (1): the rest give a moderate total and no other flag. */
const PHQ9_ANSWERS = ['Several days', 'More than half the days', 'Several days', 'More than half the days', 'Several days', 'Several days', 'Not at all', 'Not at all', 'Several days'];
const ALERT_TITLE = 'PHQ-9 item 9: thoughts of self-harm';
const ON_CALL = 'Jordan Ellery';
const RESOLUTION = 'Same-day risk assessment by phone: no plan or intent. Safety plan reviewed; seen in person tomorrow.';

let server: RunningServer;
let browser: Browser;
let staff: Page;
let phone: Page;
let tablet: Page;
let local: LocalNow;
let clinic: SeededClinic;
let livId: string;
let link: string;

before(async () => {
  const started = await startStoryServer();
  ({ server, local, clinic } = started);
  const { client } = started;
  // A second clinician, who sets a password from the invitation (only active staff go on call).
  const invited = await client.ok('POST', '/api/staff', { email: 'jordan.ellery@harborlight.example', fullName: ON_CALL, credentials: ['LPC'], roles: ['clinician'], facilityIds: [clinic.facilityId] });
  const token = new URL(invited.link.url.replace('#', '?')).searchParams.get('token');
  await new HttpClient(server.url).ok('POST', '/api/auth/accept-link', { token, password: 'meadow-lantern-copper-63' });
  const admit = async (patient: Record<string, string>) => {
    const { patientId } = await client.ok('POST', '/api/patients', { facilityId: clinic.facilityId, sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home', ...patient });
    await client.ok('POST', `/api/patients/${patientId}/episodes`, { programId: clinic.programId, admittedOn: local.today, referralSource: 'Self', phaseId: clinic.phaseId, primaryClinicianId: clinic.staffId });
    return patientId as string;
  };
  livId = await admit({ legalGivenName: 'Olivia', legalFamilyName: 'Marchetti', preferredName: 'Liv', dateOfBirth: '1991-03-14', email: 'liv.marchetti@example.net' });
  await admit({ legalGivenName: 'Dana', legalFamilyName: 'Ó Briain', dateOfBirth: '1979-11-02' });
  ({ link } = await client.ok('POST', `/api/patients/${livId}/portal-invite`, { email: 'liv.marchetti@example.net' }));

  browser = await launchChromium();
  staff = await (await facilityContext(browser, local.timeZone, { width: 1280, height: 900 })).newPage();
  phone = await (await facilityContext(browser, local.timeZone, { width: 375, height: 812 }, true)).newPage();
  // The front-desk tablet, landscape, signed in as staff.
  tablet = await (await facilityContext(browser, local.timeZone, { width: 1180, height: 820 }, true)).newPage();
  for (const page of [staff, phone, tablet]) page.setDefaultTimeout(15_000);
});

after(async () => {
  await failureShot(phone, 'alert-inbox-phone');
  await failureShot(staff, 'alert-inbox-staff');
  await failureShot(tablet, 'alert-inbox-kiosk');
  await browser?.close();
  await server?.stop();
});

const step = storySteps();
const question = (n: number) => phone.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
const alertsLink = () => staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts/ });
const alertCard = (title: string) => staff.getByRole('article', { name: new RegExp(escape(title)) });

async function noSidewaysScroll(page: Page, width: number) {
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide at ${width} px`);
}

describe('a PHQ-9 item 9 answer in the portal reaches the primary clinician’s alert inbox', { timeout: 300_000 }, () => {
  step('the administrator puts a second clinician on call for today and tonight', async () => {
    await signInStaff(staff, server.url, STORY_ADMIN, STORY_PASSWORD);
    await staff.goto(`${server.url}/facilities/${clinic.facilityId}`);
    const roster = staff.getByRole('region', { name: 'On-call roster' });
    await roster.getByText('Nobody is on call right now.').waitFor();
    await roster.getByRole('button', { name: 'Add a shift' }).click();
    await roster.getByRole('combobox', { name: /^Who/ }).click();
    await staff.getByRole('option', { name: `${ON_CALL}, LPC` }).click();
    await roster.getByLabel(/^From/).fill(`${local.today}T06:00`);
    // An end before the start is refused beside the field, before anything is sent.
    await roster.getByLabel(/^Until/).fill(`${local.today}T05:00`);
    await roster.getByRole('button', { name: 'Add shift' }).click();
    await roster.getByText('The shift must end after it starts.').waitFor();
    await roster.getByLabel(/^Until/).fill(`${addDays(local.today, 1)}T08:00`);
    await roster.getByRole('button', { name: 'Add shift' }).click();
    await roster.getByText(`On call now: ${ON_CALL}`).waitFor();
    await roster.getByRole('table', { name: /On-call shifts/ }).getByRole('row', { name: new RegExp(ON_CALL) }).getByText('Now').waitFor();
    await snap(staff, 'alerts-1-on-call', false);
  });

  step('the patient answers PHQ-9 item 9 above “Not at all” and is shown 988 at once, with word that the team has been alerted', async () => {
    await phone.goto(link);
    await phone.getByLabel(/^Password/).fill(PATIENT_PASSWORD);
    await phone.getByLabel(/^Repeat the password/).fill(PATIENT_PASSWORD);
    await phone.getByRole('button', { name: 'Set password and continue' }).click();
    await phone.getByRole('heading', { name: 'Hello, Liv' }).waitFor();
    await phone.getByRole('region', { name: 'Daily check-in' }).getByRole('link', { name: 'Check in for today' }).waitFor();
    await noSidewaysScroll(phone, 375);

    await phone.getByRole('region', { name: 'Questionnaires due' }).getByRole('link', { name: new RegExp(`^${escape(PHQ9_NAME)}`) }).click();
    await phone.getByRole('heading', { name: PHQ9_NAME, level: 1 }).waitFor();
    for (let i = 0; i < 9; i++) await question(i + 1).getByRole('radio', { name: PHQ9_ANSWERS[i]!, exact: true }).check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    const crisis = phone.getByRole('alert').filter({ has: phone.getByRole('heading', { name: 'Help is available right now' }) });
    await crisis.waitFor();
    await crisis.getByText('Your answers have been sent to your care team, and the team has been alerted.', { exact: false }).waitFor();
    assert.equal(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href'), 'tel:988');
    await noSidewaysScroll(phone, 375);
    await snap(phone, 'alerts-2-portal-crisis');
  });

  step('the patient’s daily check-in in the portal asks every question before sending', async () => {
    await phone.goto(`${server.url}/portal/check-in`);
    await phone.getByRole('heading', { name: 'Daily check-in', level: 1 }).waitFor();
    await phone.getByRole('button', { name: 'Send my check-in' }).click();
    await phone.getByRole('alert').filter({ hasText: 'Some questions still need an answer' }).waitFor();
    await phone.getByText('Tap the scale to answer (0 if you have had no craving).').waitFor();
    await noSidewaysScroll(phone, 375);
    await snap(phone, 'alerts-3-portal-checkin-missing', false);

    const slider = phone.getByRole('slider', { name: /^Craving/ });
    await slider.focus();
    for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
    await phone.getByRole('radio', { name: 'Low', exact: true }).check();
    await phone.getByLabel('Hours of sleep').fill('5.5');
    await phone.getByRole('radiogroup', { name: 'How well did you sleep?' }).getByRole('radio', { name: 'Poor', exact: true }).check();
    await phone.getByRole('radiogroup', { name: /^Have you used alcohol or drugs/ }).getByRole('radio', { name: 'No', exact: true }).check();
    await phone.getByRole('radio', { name: 'I don’t take any' }).check();
    await phone.getByRole('button', { name: 'Send my check-in' }).click();
    await phone.getByRole('heading', { name: 'Thank you' }).waitFor();
    await phone.getByRole('link', { name: 'Back to my home' }).click();
    await phone.getByRole('region', { name: 'Daily check-in' }).getByText('Done for today, thank you. You said: craving 3 (mild), mood low, 5.5 hours of sleep.').waitFor();
    await noSidewaysScroll(phone, 375);
    await snap(phone, 'alerts-4-portal-home-checked-in');
  });

  step('the primary clinician sees “1 critical” beside Alerts in the navigation', async () => {
    await staff.goto(`${server.url}/`);
    await alertsLink().filter({ hasText: '1 critical' }).waitFor();
    assert.match(await alertsLink().innerText(), /1 critical\s+1\b/, 'one critical, one unresolved');
    await snap(staff, 'alerts-5-nav-badge', false);
  });

  step('the inbox shows the critical alert: whose it is, for whom, when it is due', async () => {
    await alertsLink().click();
    await staff.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    const card = alertCard(`Critical: ${ALERT_TITLE}: Liv (Olivia) Marchetti`);
    await card.waitFor();
    await card.getByRole('link', { name: 'Liv (Olivia) Marchetti' }).waitFor();
    await card.getByText(/^Due in (\d+ min|1 h)$/).waitFor();
    await card.getByText('Morgan Reyes (primary clinician)', { exact: false }).waitFor();
    await card.getByText(`${ON_CALL} (on call)`, { exact: false }).waitFor();
    assert.equal(await staff.getByRole('tab', { name: /^Needs action/ }).getAttribute('aria-selected'), 'true');
    await snap(staff, 'alerts-6-inbox', false);
  });

  step('acknowledged, it waits under “Acknowledged” for a resolution', async () => {
    await alertCard(ALERT_TITLE).getByRole('button', { name: /^Acknowledge/ }).click();
    await staff.getByText('Nothing needs action').waitFor();
    await staff.getByRole('tab', { name: /^Acknowledged/ }).click();
    const card = alertCard(ALERT_TITLE);
    await card.getByText('Acknowledged by Morgan Reyes', { exact: false }).waitFor();
    // Still unresolved: the badge keeps counting it.
    await alertsLink().filter({ hasText: '1 critical' }).waitFor();
  });

  step('resolving needs a note; with one, the alert is resolved and the badge clears', async () => {
    await alertCard(ALERT_TITLE).getByRole('button', { name: /^Resolve/ }).click();
    const dialog = staff.getByRole('dialog', { name: `Resolve: ${ALERT_TITLE}` });
    await dialog.getByRole('button', { name: 'Resolve alert' }).click();
    await dialog.getByText('Write what was done: the note is kept with the alert.').waitFor();
    assert.equal(await dialog.getByLabel(/^What was done/).getAttribute('aria-invalid'), 'true');
    await snap(staff, 'alerts-7-resolve-needs-note', false);

    await dialog.getByLabel(/^What was done/).fill(RESOLUTION);
    await dialog.getByRole('button', { name: 'Resolve alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.getByRole('tab', { name: 'Resolved' }).click();
    const card = alertCard(ALERT_TITLE);
    await card.getByText('Resolved by Morgan Reyes', { exact: false }).waitFor();
    await card.getByText(RESOLUTION).waitFor();
    assert.equal(await alertsLink().filter({ hasText: 'critical' }).count(), 0, 'no critical alert left in the badge');
    await snap(staff, 'alerts-8-resolved', false);
  });
});

describe('the front-desk kiosk: one patient’s check-in, then an empty screen for the next', { timeout: 240_000 }, () => {
  step('the tablet opens the kiosk; a date of birth that does not match finds nobody', async () => {
    // Meanwhile the clinician's inbox stays open at their desk.
    await staff.goto(`${server.url}/alerts`);
    await staff.getByText('Nothing needs action').waitFor();
    await signInStaff(tablet, server.url, STORY_ADMIN, STORY_PASSWORD);
    await tablet.goto(`${server.url}/kiosk`);
    await tablet.getByRole('heading', { name: 'Daily check-in', level: 1 }).waitFor();
    assert.equal(await tablet.getByRole('navigation', { name: 'Main' }).count(), 0, 'no staff navigation on the kiosk');
    await tablet.getByLabel('Last name').fill('o briain');
    await tablet.getByLabel('Month').selectOption({ label: 'November' });
    await tablet.getByLabel('Day').fill('3');
    await tablet.getByLabel('Year').fill('1979');
    await tablet.getByRole('button', { name: 'Continue' }).click();
    await tablet.getByRole('alert').filter({ hasText: 'We could not find you on today’s schedule.' }).waitFor();
    await snap(tablet, 'alerts-9-kiosk-no-match', false);
  });

  step('with the right date the patient is greeted by first name and answers, reporting use', async () => {
    await tablet.getByLabel('Day').fill('2');
    await tablet.getByRole('button', { name: 'Continue' }).click();
    await tablet.getByRole('heading', { name: 'Hi Dana', level: 1 }).waitFor();
    const slider = tablet.getByRole('slider', { name: /^Craving/ });
    await tablet.getByText('Tap the scale').waitFor();
    await slider.focus();
    for (let i = 0; i < 6; i++) await slider.press('ArrowRight');
    assert.equal(await slider.getAttribute('aria-valuenow'), '6');
    await tablet.getByText('6 · Moderate').waitFor();
    await tablet.getByRole('radio', { name: 'Okay', exact: true }).check();
    await tablet.getByRole('button', { name: 'Half an hour more' }).click();
    assert.equal(await tablet.getByLabel('Hours of sleep').inputValue(), '7');
    await tablet.getByRole('radiogroup', { name: 'How well did you sleep?' }).getByRole('radio', { name: 'Fair', exact: true }).check();
    await tablet.getByRole('radiogroup', { name: /^Have you used alcohol or drugs/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
    // A chip: the label is what a finger taps.
    await tablet.getByText('Cannabis', { exact: true }).click();
    assert.equal(await tablet.getByRole('checkbox', { name: 'Cannabis' }).isChecked(), true);
    await tablet.getByRole('radio', { name: 'Yes, all of it' }).check();
    await snap(tablet, 'alerts-10-kiosk-questions');
    await tablet.getByRole('button', { name: 'Send my check-in' }).click();
    await tablet.getByRole('heading', { name: 'Thank you, Dana' }).waitFor();
    await snap(tablet, 'alerts-11-kiosk-thanks', false);
  });

  step('ten seconds later the kiosk starts over with nothing of the last patient on screen', async () => {
    await tablet.getByRole('heading', { name: 'Daily check-in', level: 1 }).waitFor({ timeout: 20_000 });
    assert.equal(await tablet.getByLabel('Last name').inputValue(), '');
    assert.doesNotMatch(await tablet.locator('main').innerText(), /Dana|Briain|1979/);
  });

  step('the reported use appears in the open inbox without a reload, and the check-ins show on the chart’s Monitoring tab', async () => {
    // The badge's 30 s poll sees the new alert and the open list reloads.
    await alertCard('Substance use reported at check-in: Dana Ó Briain').getByText('Reported use at the check-in on', { exact: false }).waitFor({ timeout: 45_000 });
    await alertCard('Substance use reported at check-in: Dana Ó Briain').getByText('Cannabis', { exact: false }).waitFor();
    await staff.goto(`${server.url}/patients/${livId}?tab=monitoring`);
    await staff.getByRole('tab', { name: 'Monitoring', selected: true }).waitFor();
    const checkins = staff.getByRole('region', { name: 'Daily check-ins' });
    await checkins.getByRole('table', { name: 'Check-ins, newest first' }).getByRole('row').nth(1).getByText('Low').waitFor();
    await staff.getByRole('region', { name: 'Alerts', exact: true }).getByText('No open alerts.').waitFor();
    await snap(staff, 'alerts-12-chart-monitoring');
  });
});

/** A name as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
