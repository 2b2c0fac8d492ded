/**
 * A drug test from the front desk to the medical signature, in a real browser.
 *
 * The front desk opens today's collection list and finds the for-cause test a clinician
 * ordered; the collection form refuses to save without a specimen id, warns that 30.5 °C is
 * outside 32–38 °C, and once saved the row shows the specimen and the temperature flag.
 * The nurse then enters the cup's readings: cocaine detected and buprenorphine detected. The
 * patient is prescribed buprenorphine (Suboxone), so the interpretation shown after saving
 * reads "Unexpected positive" for cocaine only, with buprenorphine expected. The nurse signs
 * the review with a note, and the review queue is empty again.
 *
 * Seeded through the API: the story clinic (its program testing with the clinical urine
 * panel), a front-desk collector and a nurse (who set their passwords from their
 * invitations), a patient admitted today with buprenorphine on their medication list, and
 * a for-cause test ordered by the administrator (a clinician).
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/server.ts';
import { HttpClient, type LocalNow, type SeededClinic, facilityContext, failureShot, launchChromium, signInStaff, snap, startStoryServer, storySteps } from '../support/browser.ts';

const COLLECTOR = { email: 'tess.alvarez@harborlight.example', fullName: 'Tess Alvarez', password: 'birch-lantern-velvet-24' };
const NURSE = { email: 'noor.haddad@harborlight.example', fullName: 'Noor Haddad', password: 'copper-meadow-quill-58' };
/** As the API names the patient: preferred name with the legal given name in brackets. */
const PATIENT = 'Sam (Samuel) Okafor';
const REASON = 'Staff noticed slurred speech at morning group';
const SPECIMEN = 'HL-0042';
const REVIEW_NOTE = 'Discussed with the patient; laboratory confirmation requested.';

let server: RunningServer;
let browser: Browser;
let desk: Page;
let nurse: Page;
let local: LocalNow;
let clinic: SeededClinic;
let admin: HttpClient;
let testId: string;

/** Invites a staff member and sets their password from the one-time link. */
async function invite(client: HttpClient, person: typeof COLLECTOR, roles: string[], credentials: string[]): Promise<HttpClient> {
  const invited = await client.ok('POST', '/api/staff', { email: person.email, fullName: person.fullName, credentials, roles, facilityIds: [clinic.facilityId] });
  const token = new URL(invited.link.url.replace('#', '?')).searchParams.get('token');
  const own = new HttpClient(server.url);
  await own.ok('POST', '/api/auth/accept-link', { token, password: person.password });
  return own;
}

before(async () => {
  const started = await startStoryServer();
  ({ server, local, clinic } = started);
  admin = started.client;
  await invite(admin, COLLECTOR, ['front_desk'], []);
  const medical = await invite(admin, NURSE, ['medical'], ['RN']);
  const { patientId } = await admin.ok('POST', '/api/patients', {
    facilityId: clinic.facilityId, legalGivenName: 'Samuel', legalFamilyName: 'Okafor', preferredName: 'Sam', dateOfBirth: '1988-06-03', sexAtBirth: 'male', genderIdentity: 'man', residence: 'home',
  });
  // The program's panel is the clinical one, which tests for buprenorphine.
  await admin.ok('PUT', `/api/programs/${clinic.programId}/drug-test-policy`, { active: true, testsPerWeek: 1, eligibleWeekdays: [1, 2, 3, 4, 5], specimenTypes: ['urine'], panelId: 'clinical_12' });
  await admin.ok('POST', `/api/patients/${patientId}/episodes`, { programId: clinic.programId, admittedOn: local.today, referralSource: 'Self', phaseId: clinic.phaseId, primaryClinicianId: clinic.staffId });
  // The catalog makes Suboxone a MOUD that explains buprenorphine.
  await medical.ok('POST', `/api/patients/${patientId}/medications`, {
    name: 'Suboxone', dose: '8 mg/2 mg', route: 'sublingual', frequency: 'Once daily', prescriber: 'Dr. Anita Shah', startedOn: local.today,
  });
  ({ testId } = await admin.ok('POST', `/api/patients/${patientId}/drug-tests`, { facilityId: clinic.facilityId, reasonNote: REASON }));

  browser = await launchChromium();
  desk = await (await facilityContext(browser, local.timeZone, { width: 1280, height: 900 })).newPage();
  nurse = await (await facilityContext(browser, local.timeZone, { width: 1280, height: 900 })).newPage();
  for (const page of [desk, nurse]) page.setDefaultTimeout(15_000);
});

after(async () => {
  await failureShot(desk, 'drug-tests-desk');
  await failureShot(nurse, 'drug-tests-nurse');
  await browser?.close();
  await server?.stop();
});

const step = storySteps();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const todayTable = () => desk.getByRole('table', { name: 'Today’s drug tests' });
const cupLine = (substance: string) => nurse.getByRole('radiogroup', { name: `${substance}: cup reading` });

describe('a for-cause drug test is collected, resulted with an unexpected positive, and signed', { timeout: 240_000 }, () => {
  step('the front desk finds the ordered test on today’s list', async () => {
    await signInStaff(desk, server.url, COLLECTOR.email, COLLECTOR.password);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drug tests' }).click();
    await desk.getByRole('heading', { name: 'Drug tests', level: 1 }).waitFor();
    const row = todayTable().getByRole('row', { name: new RegExp(escape(PATIENT)) });
    await row.getByText('For cause').waitFor();
    await row.getByText(`“${REASON}”`).waitFor();
    await row.getByRole('button', { name: `Record collection for ${PATIENT}` }).waitFor();
    await desk.getByText('1 to collect').waitFor();
  });

  step('the collection form asks for the specimen id and warns about a temperature out of range', async () => {
    await todayTable().getByRole('button', { name: `Record collection for ${PATIENT}` }).click();
    const dialog = desk.getByRole('dialog', { name: `Record collection: ${PATIENT}` });
    await dialog.getByRole('radio', { name: 'Observed', exact: true }).check();
    await dialog.getByLabel(/^Temperature/).fill('30.5');
    await dialog.getByRole('button', { name: 'Record collection' }).click();
    await dialog.getByText('Enter the id on the specimen label.').waitFor();
    await dialog.getByText('Temperature out of range').waitFor();
    await dialog.getByText(/30\.5 °C is outside 32–38 °C/).waitFor();
    await dialog.getByLabel(/^Specimen id/).fill(SPECIMEN);
    await dialog.getByLabel(/^Note/).fill('Cup felt cool; observed recollection offered and declined');
    await snap(desk, 'drug-tests-1-collection', false);
    await dialog.getByRole('button', { name: 'Record collection' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = todayTable().getByRole('row', { name: new RegExp(escape(PATIENT)) });
    await row.getByText('Collected', { exact: true }).waitFor();
    await row.getByText(new RegExp(`^${SPECIMEN} · .* · observed$`)).waitFor();
    await row.getByText('30.5 °C (out of range)').waitFor();
    await desk.getByText('All collected or closed').waitFor();
    const saved = await admin.ok('GET', `/api/drug-tests/${testId}`);
    assert.deepEqual([saved.status, saved.specimenId, saved.observed, saved.collection.temperatureC, saved.collection.temperatureInRange], ['collected', SPECIMEN, true, 30.5, false]);
  });

  step('the nurse enters the cup: cocaine and buprenorphine detected', async () => {
    await signInStaff(nurse, server.url, NURSE.email, NURSE.password);
    await nurse.goto(`${server.url}/drug-tests?tab=results`);
    await nurse.getByRole('link', { name: `Enter results: ${PATIENT}` }).click();
    await nurse.getByRole('heading', { name: `Enter results: ${PATIENT}` }).waitFor();
    await nurse.getByText('Buprenorphine / norbuprenorphine', { exact: true }).first().waitFor();

    // A cup with lines left unread is not saved.
    await cupLine('Cocaine metabolite (benzoylecgonine)').getByRole('radio', { name: 'Detected', exact: true }).check();
    await nurse.getByRole('button', { name: 'Save results' }).click();
    await nurse.getByText('Read every line of the cup before saving.').waitFor();

    await cupLine('Buprenorphine / norbuprenorphine').getByRole('radio', { name: 'Detected', exact: true }).check();
    await nurse.getByRole('button', { name: /^Mark the 13 unread lines not detected$/ }).click();
    await nurse.getByLabel(/^Creatinine/).fill('85');
    await nurse.getByLabel(/^Specific gravity/).fill('1.015');
    await nurse.getByRole('status').filter({ hasText: 'Reads as: Valid' }).waitFor();
    await nurse.getByRole('button', { name: 'Save results' }).click();
  });

  step('the interpretation after saving names the unexpected positive and the expected buprenorphine', async () => {
    await nurse.getByRole('heading', { name: `Drug test: ${PATIENT}` }).waitFor();
    const result = nurse.getByRole('alert').filter({ hasText: 'Result: Unexpected positive' });
    await result.getByText('Detected without a prescription: Cocaine metabolite (benzoylecgonine)').waitFor();
    const results = nurse.getByRole('table', { name: 'Results by substance' });
    await results.getByRole('row', { name: /Cocaine metabolite/ }).getByText('Unexpected positive').waitFor();
    await results.getByRole('row', { name: /Buprenorphine/ }).getByText('Expected (prescribed)').waitFor();
    await results.getByRole('row', { name: /Fentanyl/ }).getByText('Not detected', { exact: true }).last().waitFor();
    await snap(nurse, 'drug-tests-2-interpretation');
  });

  step('the nurse signs the review and the queue is empty', async () => {
    const sign = nurse.getByRole('region', { name: 'Review and sign' });
    await sign.getByLabel(/^Review note/).fill(REVIEW_NOTE);
    await sign.getByRole('button', { name: 'Sign as reviewed' }).click();
    const signed = nurse.getByRole('alert').filter({ hasText: 'Reviewed and signed' }).or(nurse.getByText('Reviewed and signed'));
    await signed.first().waitFor();
    await nurse.getByText(`“${REVIEW_NOTE}”`).waitFor();
    await nurse.getByText(new RegExp(`^${NURSE.fullName} · `)).waitFor();
    assert.equal(await nurse.getByRole('region', { name: 'Review and sign' }).count(), 0);

    await nurse.goto(`${server.url}/drug-tests?tab=review`);
    await nurse.getByText('Nothing to review').waitFor();
    const reviewed = await admin.ok('GET', `/api/drug-tests/${testId}`);
    assert.deepEqual([reviewed.status, reviewed.outcome, reviewed.review.by.fullName, reviewed.review.note], ['reviewed', 'unexpected_positive', NURSE.fullName, REVIEW_NOTE]);
  });
});
