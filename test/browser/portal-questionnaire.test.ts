/**
 * Measurement-based care through the portal, in a real browser: the patient, on a 375 px
 * phone, completes the PHQ-9 their program asks for at admission; the portal thanks them
 * and shows no score; the clinician then sees the score and its band on the patient's
 * progress page. A second questionnaire (the C-SSRS screener) answered with a yes to
 * "intention of acting on these thoughts" shows the 988 crisis resources at once.
 *
 * Last, the patient reads the treatment plan their clinician signed and signs it by typing
 * their name: a name that is not theirs is refused beside the field, and a plan their
 * clinician changed while they read it is not signed until they have read it again.
 *
 * Seeded through the API: the story clinic (adult IOP, whose default cadence gives PHQ-9,
 * GAD-7, BAM and the C-SSRS screener at admission), a patient admitted today with the
 * administrator as primary clinician, a one-objective plan the clinician has signed, and a
 * portal invitation whose one-time link the patient opens on their phone.
 *
 * The PHQ-9 answers: 2 ("More than half the days") to items 1–6, 1 ("Several days") to
 * items 7 and 8, and 0 ("Not at all") to item 9: total 14, moderate depression (10–14), and
 * no item 9 flag.
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { addDays } from '../../src/time/local-time.ts';
import type { PlanContent } from '../../src/plans/plans.schemas.ts';
import type { RunningServer } from '../support/server.ts';
import { type HttpClient, type LocalNow, facilityContext, failureShot, launchChromium, signInStaff, snap, startStoryServer, storySteps, STORY_ADMIN, STORY_PASSWORD } from '../support/browser.ts';

const PATIENT_PASSWORD = 'lantern-orchard-basalt-42';
const PHQ9_NAME = 'Patient Health Questionnaire-9';
const CSSRS_NAME = 'Columbia-Suicide Severity Rating Scale (screener)';
const PLAN_PROBLEM = 'Drinking has cost me my job and strained my marriage.';
const PLAN_GOAL = 'Stay sober and rebuild a steady week';
const PLAN_OBJECTIVE = 'Come to group regularly';
const PHQ9_ANSWERS = ['More than half the days', 'More than half the days', 'More than half the days', 'More than half the days', 'More than half the days', 'More than half the days', 'Several days', 'Several days', 'Not at all'];

let server: RunningServer;
let browser: Browser;
let staff: Page;
let phoneContext: BrowserContext;
let phone: Page;
let local: LocalNow;
let patientId: string;
let link: string;
let staffApi: HttpClient;
let episodeId: string;
let planContent: PlanContent;

before(async () => {
  const started = await startStoryServer();
  ({ server, local } = started);
  const { client, clinic } = started;
  const patient = await client.ok('POST', '/api/patients', {
    facilityId: clinic.facilityId, legalGivenName: 'Samuel', legalFamilyName: 'Okafor', preferredName: 'Sam', dateOfBirth: '1988-06-03',
    sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', residence: 'home', email: 'sam.okafor@example.net',
  });
  patientId = patient.patientId;
  const episode = await client.ok('POST', `/api/patients/${patientId}/episodes`, {
    programId: clinic.programId, admittedOn: local.today, referralSource: 'Self', phaseId: clinic.phaseId, primaryClinicianId: clinic.staffId,
  });
  staffApi = client;
  episodeId = episode.episodeId;
  planContent = {
    problems: [{
      problemId: randomUUID(), statement: PLAN_PROBLEM,
      goals: [{
        goalId: randomUUID(), statement: PLAN_GOAL,
        objectives: [{
          objectiveId: randomUUID(), description: PLAN_OBJECTIVE, phaseId: clinic.phaseId, metric: { kind: 'attendance_rate', weeks: 4 }, baseline: null, target: 90,
          dueOn: addDays(local.today, 28), interventions: [{ interventionId: randomUUID(), service: 'Relapse prevention group', frequency: '3 times a week', responsibleStaffId: clinic.staffId }],
        }],
      }],
    }],
  };
  const draft = await client.ok('PUT', `/api/episodes/${episode.episodeId}/plan/draft`, { content: planContent });
  await client.ok('POST', `/api/episodes/${episode.episodeId}/plan/sign`, { version: draft.version });
  ({ link } = await client.ok('POST', `/api/patients/${patientId}/portal-invite`, { email: 'sam.okafor@example.net' }));

  browser = await launchChromium();
  const staffContext = await facilityContext(browser, local.timeZone, { width: 1366, height: 900 });
  staff = await staffContext.newPage();
  staff.setDefaultTimeout(15_000);
  // The patient's own phone: no staff cookies.
  phoneContext = await facilityContext(browser, local.timeZone, { width: 375, height: 812 }, true);
  phone = await phoneContext.newPage();
  phone.setDefaultTimeout(15_000);
});

after(async () => {
  await failureShot(phone, 'portal-questionnaire-phone');
  await failureShot(staff, 'portal-questionnaire-staff');
  await browser?.close();
  await server?.stop();
});

const step = storySteps();

const dueCard = () => phone.getByRole('region', { name: 'Questionnaires due' });
const planCard = () => phone.getByRole('region', { name: 'My treatment plan' });
const question = (n: number) => phone.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });

/** The text of the elements a control's aria-describedby names. */
async function descriptionOf(control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ').trim();
}

async function noSidewaysScroll(page: Page) {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= 375, `the page is ${width} px wide at 375 px`);
}

describe('a PHQ-9 completed in the portal reaches the clinician’s progress page', { timeout: 240_000 }, () => {
  step('the patient sets up the portal on their phone and sees what is due', async () => {
    assert.match(link, new RegExp(`^${server.url}/portal/accept#token=\\S+$`));
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Welcome' }).waitFor();
    await phone.getByLabel(/^Password/).fill(PATIENT_PASSWORD);
    await phone.getByLabel(/^Repeat the password/).fill(PATIENT_PASSWORD);
    await phone.getByRole('button', { name: 'Set password and continue' }).click();
    await phone.getByRole('heading', { name: 'Hello, Sam' }).waitFor();

    // Admission: PHQ-9, GAD-7, BAM and the C-SSRS screener, all due today.
    await dueCard().getByLabel('4 due').waitFor();
    for (const name of [PHQ9_NAME, 'Generalized Anxiety Disorder-7', 'Brief Addiction Monitor', CSSRS_NAME]) {
      await dueCard().getByRole('link', { name: new RegExp(`^${escape(name)}`) }).waitFor();
    }
    await dueCard().getByRole('link', { name: new RegExp(`^${escape(PHQ9_NAME)}`) }).getByText('9 questions · For the start of your program · due today').waitFor();
    // The plan the clinician signed waits for the patient's signature.
    await planCard().getByText('Your plan is ready for you to sign').waitFor();
    await noSidewaysScroll(phone);
    await snap(phone, 'questionnaire-1-home');
  });

  step('the PHQ-9 asks all nine items and sends nothing until every one is answered', async () => {
    await dueCard().getByRole('link', { name: new RegExp(`^${escape(PHQ9_NAME)}`) }).click();
    await phone.getByRole('heading', { name: PHQ9_NAME, level: 1 }).waitFor();
    await phone.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?').waitFor();
    assert.equal(await phone.getByRole('radiogroup').count(), 9);
    for (const label of ['Not at all', 'Several days', 'More than half the days', 'Nearly every day']) {
      await question(9).getByRole('radio', { name: label, exact: true }).waitFor();
    }
    await noSidewaysScroll(phone);

    for (let i = 0; i < 7; i++) await question(i + 1).getByRole('radio', { name: PHQ9_ANSWERS[i]!, exact: true }).check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByRole('alert').filter({ hasText: 'Answer questions 8 and 9 before sending.' }).waitFor();
    // Each unanswered question says so, as the description a screen reader reads with it.
    assert.equal(await descriptionOf(question(8)), 'Choose an answer.');
    assert.equal(await descriptionOf(question(9)), 'Choose an answer.');
    assert.equal(await descriptionOf(question(7)), '', 'answered questions carry no error');
    await phone.getByText('7 of 9 answered').waitFor();
    await snap(phone, 'questionnaire-2-missing');
  });

  step('sent: the patient is thanked, with no score and no crisis banner', async () => {
    for (let i = 7; i < 9; i++) await question(i + 1).getByRole('radio', { name: PHQ9_ANSWERS[i]!, exact: true }).check();
    await phone.getByText('9 of 9 answered').waitFor();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByRole('heading', { name: 'Thank you' }).waitFor();
    await phone.getByText(`Your answers to the ${PHQ9_NAME} were sent to your care team.`).waitFor();
    const text = await phone.locator('main').innerText();
    assert.doesNotMatch(text, /\b14\b|Moderate|score/i, 'the portal shows no score or band');
    assert.equal(await phone.getByRole('heading', { name: 'Help is available right now' }).count(), 0);
    await noSidewaysScroll(phone);
    await snap(phone, 'questionnaire-3-thanks');

    await phone.getByRole('link', { name: 'Later: back to my home' }).click();
    await dueCard().getByLabel('3 due').waitFor();
    assert.equal(await dueCard().getByRole('link', { name: new RegExp(`^${escape(PHQ9_NAME)}`) }).count(), 0, 'the PHQ-9 is no longer due');
  });

  step('the clinician sees the PHQ-9 score and its band on the patient’s progress page', async () => {
    await signInStaff(staff, server.url, STORY_ADMIN, STORY_PASSWORD);
    await staff.goto(`${server.url}/patients/${patientId}/progress`);
    const card = staff.getByRole('region', { name: 'PHQ-9', exact: true });
    // 14 falls in the PHQ-9's 10–14 band, "Moderate depression".
    await card.getByText(`Latest 14 · Moderate depression · ${local.today}`).waitFor();
    // The page settles as its other cards load; a click that lands during a re-layout is
    // lost, so open the answers until the table shows.
    const table = card.getByRole('table', { name: 'PHQ-9 answers' });
    for (let attempt = 0; attempt < 3 && !(await table.isVisible()); attempt += 1) {
      await card.getByText(/All 1 answer/).click();
      await table.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    const row = table.getByRole('row').nth(1);
    await row.getByText('14 · Moderate depression').waitFor();
    await row.getByText('Patient (portal)').waitFor();
    await snap(staff, 'questionnaire-4-progress', false);
  });
});

describe('answers that touch on self-harm show the crisis resources at once', { timeout: 120_000 }, () => {
  step('the C-SSRS screener asks items 3 to 5 only after a yes to item 2', async () => {
    await dueCard().getByRole('link', { name: new RegExp(`^${escape(CSSRS_NAME)}`) }).click();
    await phone.getByRole('heading', { name: CSSRS_NAME, level: 1 }).waitFor();
    assert.equal(await phone.getByRole('radiogroup').count(), 3, 'items 1, 2 and 6 at first');
    await question(1).getByRole('radio', { name: 'Yes' }).check();
    await question(2).getByRole('radio', { name: 'Yes' }).check();
    await question(5).waitFor();
    assert.equal(await phone.getByRole('radiogroup').count(), 6, 'items 3, 4 and 5 follow a yes to item 2');
  });

  step('a yes to item 4 shows 988 and 911 before the thanks', async () => {
    await question(3).getByRole('radio', { name: 'No' }).check();
    await question(4).getByRole('radio', { name: 'Yes' }).check();
    await question(5).getByRole('radio', { name: 'No' }).check();
    await question(6).getByRole('radio', { name: 'No' }).check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    const crisis = phone.getByRole('alert').filter({ has: phone.getByRole('heading', { name: 'Help is available right now' }) });
    await crisis.waitFor();
    await crisis.getByText('If you are thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) now.', { exact: false }).waitFor();
    assert.equal(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href'), 'tel:988');
    assert.equal(await crisis.getByRole('link', { name: 'Text 988' }).getAttribute('href'), 'sms:988');
    assert.equal(await crisis.getByRole('link', { name: '911' }).getAttribute('href'), 'tel:911');
    // A yes to item 4 is high risk: the critical alert is raised with the answers, and the page says so.
    await crisis.getByText('Your answers have been sent to your care team, and the team has been alerted.', { exact: false }).waitFor();
    await phone.getByRole('heading', { name: 'Thank you' }).waitFor();
    // The banner comes first on the screen, above the thanks.
    const [bannerBox, thanksBox] = await Promise.all([crisis.boundingBox(), phone.getByRole('heading', { name: 'Thank you' }).boundingBox()]);
    assert.ok(bannerBox && thanksBox && bannerBox.y < thanksBox.y, 'the crisis resources come before the thanks');
    await noSidewaysScroll(phone);
    await snap(phone, 'questionnaire-5-crisis');
  });
});

describe('the patient reads their treatment plan and signs it with their name', { timeout: 120_000 }, () => {
  step('the plan reads as problem, goal, step and who helps', async () => {
    await phone.goto(`${server.url}/portal`);
    await planCard().getByRole('link', { name: 'Review and sign my plan' }).click();
    await phone.getByRole('heading', { name: 'My treatment plan', level: 1 }).waitFor();
    await phone.getByText('Morgan Reyes signed this plan on', { exact: false }).waitFor();
    const problem = phone.getByRole('region', { name: PLAN_PROBLEM });
    const goal = problem.getByRole('region', { name: `Goal: ${PLAN_GOAL}` });
    await goal.getByText(PLAN_OBJECTIVE, { exact: true }).waitFor();
    await goal.getByText(/^Attend at least 90% of your sessions over 4 weeks · by /).waitFor();
    await goal.getByText('Relapse prevention group, 3 times a week · with Morgan Reyes').waitFor();
    await noSidewaysScroll(phone);
  });

  step('a name that is not theirs is refused beside the field', async () => {
    const name = phone.getByLabel(/^Your full name/);
    await name.fill('Sam Smith');
    await phone.getByRole('button', { name: 'Sign my plan' }).click();
    await phone.getByText('This does not match the name your clinic has for you.', { exact: false }).waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    await name.scrollIntoViewIfNeeded();
    await snap(phone, 'questionnaire-6-sign-mismatch', false);
  });

  step('a plan the clinician changed while they read it is not signed: the page shows the new plan and asks them to read it again', async () => {
    // Meanwhile the clinician makes the group four times a week and signs the plan again.
    const changed = structuredClone(planContent);
    changed.problems[0]!.goals[0]!.objectives[0]!.interventions[0]!.frequency = '4 times a week';
    const { version } = await staffApi.ok('PUT', `/api/episodes/${episodeId}/plan/draft`, { content: changed });
    await staffApi.ok('POST', `/api/episodes/${episodeId}/plan/sign`, { version });

    await phone.getByLabel(/^Your full name/).fill('samuel okafor');
    await phone.getByRole('button', { name: 'Sign my plan' }).click();
    await phone.getByText('Your care team changed this plan since you opened it. Please read it again before signing.').waitFor();
    const goal = phone.getByRole('region', { name: PLAN_PROBLEM }).getByRole('region', { name: `Goal: ${PLAN_GOAL}` });
    await goal.getByText('Relapse prevention group, 4 times a week · with Morgan Reyes').waitFor();
    assert.equal(await phone.getByRole('status').filter({ hasText: 'Thank you. Your plan is in effect from' }).count(), 0, 'not signed');
  });

  step('having read it again, their own name signs it', async () => {
    await phone.getByRole('button', { name: 'Sign my plan' }).click();
    await phone.getByRole('status').filter({ hasText: 'Thank you. Your plan is in effect from' }).waitFor();
    await phone.getByText('Signed by you (samuel okafor)', { exact: false }).waitFor();
    assert.equal(await phone.getByRole('button', { name: 'Sign my plan' }).count(), 0, 'nothing left to sign');

    await phone.getByRole('link', { name: 'Back to my home' }).click();
    await planCard().getByText('0 of 1 step toward your goals reached').waitFor();
    assert.equal(await planCard().getByText('Your plan is ready for you to sign').count(), 0);
    await noSidewaysScroll(phone);
    await snap(phone, 'questionnaire-7-home-signed');
  });
});

/** A name as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
