/**
 * Alerts end to end over HTTP: a questionnaire raises its alert in the same transaction, to
 * the primary clinician and whoever is on call; the inbox, counts and chart list it; it is
 * acknowledged then resolved with a note; every read is audited; facilities stay apart.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { signUpPatient } from '../../test/support/portal.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let otherFacilityId: string;
let program: { programId: string; phases: { phaseId: string }[] };
let clinician: Awaited<ReturnType<typeof createStaffMember>>;
let onCall: Awaited<ReturnType<typeof createStaffMember>>;
let colleague: Awaited<ReturnType<typeof createStaffMember>>;
let director: Awaited<ReturnType<typeof createStaffMember>>;
let elsewhere: Awaited<ReturnType<typeof createStaffMember>>;

const phq9 = (item9: number) => [1, 0, 1, 0, 1, 0, 1, 0, item9];

async function admitPatient(given: string, atFacility = facilityId, programId = program.programId, phaseId = program.phases[0]!.phaseId): Promise<{ patientId: string; episodeId: string }> {
  const patient = await org.admin.post('/api/patients', { facilityId: atFacility, legalGivenName: given, legalFamilyName: 'Moreno', dateOfBirth: '1990-05-01', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home' });
  assert.equal(patient.statusCode, 201, patient.body);
  const episode = await org.admin.post(`/api/patients/${patient.json().patientId}/episodes`, { programId, admittedOn: '2026-11-02', referralSource: 'Self', phaseId, primaryClinicianId: clinician.staffId });
  assert.equal(episode.statusCode, 201, episode.body);
  return { patientId: patient.json().patientId, episodeId: episode.json().episodeId };
}

async function auditEvents(entity: string) {
  return ctx.deps.db.selectFrom('audit_events').selectAll().where('org_id', '=', org.orgId).where('entity', '=', entity).orderBy('seq').execute();
}

before(async () => {
  // Time moves past due times here; sessions must not idle out meanwhile.
  ctx = await startTestApp({ sessionIdleMinutes: 600 });
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  otherFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside', 'America/Chicago'))).json().facilityId;
  program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  onCall = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  colleague = await createStaffMember(ctx, org, ['medical'], [facilityId]);
  director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
  elsewhere = await createStaffMember(ctx, org, ['clinician', 'clinical_director'], [otherFacilityId]);
  // On call from an hour ago for the next twelve hours.
  const shift = await org.admin.post(`/api/facilities/${facilityId}/on-call`, { staffId: onCall.staffId, startsAt: '2026-11-24T14:00:00Z', endsAt: '2026-11-25T02:00:00Z' });
  assert.equal(shift.statusCode, 201, shift.body);
});

describe('a PHQ-9 with thoughts of self-harm', () => {
  it('raises exactly one critical alert, due within the hour, to the primary clinician and whoever is on call', async () => {
    const { patientId, episodeId } = await admitPatient('Ana');
    const recorded = await clinician.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: phq9(1), episodeId });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const alerts = (await clinician.get(`/api/patients/${patientId}/alerts`)).json().alerts;
    assert.equal(alerts.length, 1);
    const [alert] = alerts;
    assert.deepEqual([alert.rule, alert.severity, alert.state, alert.facilityId, alert.episodeId], ['suicide_risk_phq9', 'critical', 'open', facilityId, episodeId]);
    assert.equal(alert.raisedAt, '2026-11-24T15:00:00.000Z');
    assert.equal(alert.dueBy, '2026-11-24T16:00:00.000Z');
    assert.deepEqual(alert.source, { entity: 'instrument_response', id: recorded.json().responseId });
    assert.deepEqual(alert.recipients.map((r: { staffId: string; reason: string }) => [r.staffId, r.reason]).sort(), [[clinician.staffId, 'primary_clinician'], [onCall.staffId, 'on_call']].sort());
    assert.equal(alert.patient.displayName, 'Ana Moreno');
    // Both recipients see it in their inbox; the colleague who is neither does not.
    for (const who of [clinician, onCall]) {
      const inbox = (await who.get('/api/alerts/inbox')).json().alerts;
      assert.ok(inbox.some((a: { alertId: string }) => a.alertId === alert.alertId));
    }
    assert.ok(!(await colleague.get('/api/alerts/inbox')).json().alerts.some((a: { alertId: string }) => a.alertId === alert.alertId));
  });

  it('answered in the portal raises the alert with the patient’s own submission, and re-sending it does not duplicate', async () => {
    const { patientId, episodeId } = await admitPatient('Bea');
    const portal = await signUpPatient(ctx, org, patientId, 'bea@example.org');
    for (let i = 0; i < 2; i += 1) {
      const sent = await portal.request('POST', '/api/portal/questionnaires', { instrument: 'phq9', episodeId, answers: phq9(2) });
      assert.equal(sent.statusCode, 201, sent.body);
      assert.equal(sent.json().crisisResources, true);
    }
    const rows = await ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', org.orgId).where('patient_id', '=', patientId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.rule, 'suicide_risk_phq9');
    const raised = (await auditEvents('alert')).filter((e) => e.action === 'create' && e.patient_id === patientId);
    assert.equal(raised.length, 1);
    assert.equal(raised[0]!.actor_role, 'patient');
  });

  it('with item 9 at 0 raises nothing', async () => {
    const { patientId, episodeId } = await admitPatient('Cleo');
    const recorded = await clinician.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 0], episodeId });
    assert.equal(recorded.statusCode, 201, recorded.body);
    assert.deepEqual((await clinician.get(`/api/patients/${patientId}/alerts?include=resolved`)).json().alerts, []);
  });

  it('a high-risk C-SSRS recorded for a patient with no episode goes to the registering facility’s directors', async () => {
    const patient = (await org.admin.post('/api/patients', { facilityId, legalGivenName: 'Dee', legalFamilyName: 'Nash', dateOfBirth: '1992-01-01', sexAtBirth: 'female', genderIdentity: 'woman', residence: 'home' })).json();
    const recorded = await clinician.post(`/api/patients/${patient.patientId}/instrument-responses`, { instrument: 'cssrs_screener', answers: [true, true, false, true, false, false, null] });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const [alert] = (await director.get(`/api/patients/${patient.patientId}/alerts`)).json().alerts;
    assert.equal(alert.rule, 'suicide_risk_cssrs');
    assert.equal(alert.episodeId, null);
    assert.equal(alert.facilityId, facilityId);
    // No episode, so no primary clinician: whoever is on call.
    assert.deepEqual(alert.recipients.map((r: { staffId: string; reason: string }) => [r.staffId, r.reason]), [[onCall.staffId, 'on_call']]);
  });
});

describe('working an alert', () => {
  let alertId: string;
  let patientId: string;

  before(async () => {
    const admitted = await admitPatient('Eve');
    patientId = admitted.patientId;
    await clinician.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'phq9', answers: phq9(3), episodeId: admitted.episodeId });
    alertId = (await clinician.get(`/api/patients/${patientId}/alerts`)).json().alerts[0].alertId;
  });

  it('cannot be resolved before it is acknowledged', async () => {
    const response = await clinician.post(`/api/alerts/${alertId}/resolve`, { note: 'Called her.' });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'alert_not_acknowledged');
  });

  it('a clinician at another facility cannot acknowledge it', async () => {
    const response = await elsewhere.post(`/api/alerts/${alertId}/acknowledge`);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'facility_forbidden');
  });

  it('a colleague at the facility who is not a recipient may acknowledge it, once', async () => {
    const first = await colleague.post(`/api/alerts/${alertId}/acknowledge`);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().state, 'acknowledged');
    assert.equal(first.json().acknowledged.by.staffId, colleague.staffId);
    assert.equal(first.json().acknowledged.at, '2026-11-24T15:00:00.000Z');
    const again = await clinician.post(`/api/alerts/${alertId}/acknowledge`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'alert_already_acknowledged');
  });

  it('an empty or blank note is refused with 422, and nothing changes', async () => {
    for (const note of ['', '   ']) {
      const response = await clinician.post(`/api/alerts/${alertId}/resolve`, { note });
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'validation_failed');
    }
    const missing = await clinician.post(`/api/alerts/${alertId}/resolve`, {});
    assert.equal(missing.statusCode, 400);
    assert.equal((await clinician.get(`/api/patients/${patientId}/alerts`)).json().alerts[0].state, 'acknowledged');
  });

  it('is resolved with a note; the audit keeps the change, not the note', async () => {
    ctx.clock.advanceMinutes(20);
    const response = await clinician.post(`/api/alerts/${alertId}/resolve`, { note: '  Same-day risk assessment done; safety plan updated.  ' });
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json();
    assert.equal(view.state, 'resolved');
    assert.deepEqual(view.resolved, { by: { staffId: clinician.staffId, fullName: 'Staff clinician' }, at: '2026-11-24T15:20:00.000Z', note: 'Same-day risk assessment done; safety plan updated.' });
    assert.equal(view.overdue, false);
    const again = await clinician.post(`/api/alerts/${alertId}/resolve`, { note: 'Again' });
    assert.equal(again.json().error.code, 'alert_already_resolved');
    const ack = await clinician.post(`/api/alerts/${alertId}/acknowledge`);
    assert.equal(ack.json().error.code, 'alert_already_resolved');
    const updates = (await auditEvents('alert')).filter((e) => e.entity_id === alertId && e.action === 'update');
    assert.deepEqual(updates.map((e) => (e.details as { change: string }).change), ['acknowledged', 'resolved']);
    assert.ok(!JSON.stringify(updates).includes('safety plan'));
    ctx.clock.set('2026-11-24T15:00:00Z');
  });

  it('the chart lists it only with include=resolved, after the open ones', async () => {
    await clinician.post(`/api/patients/${patientId}/instrument-responses`, { instrument: 'cssrs_screener', answers: [true, true, true, false, false, false, null] });
    assert.deepEqual((await clinician.get(`/api/patients/${patientId}/alerts`)).json().alerts.map((a: { rule: string }) => a.rule), ['suicide_risk_cssrs']);
    const all = (await clinician.get(`/api/patients/${patientId}/alerts?include=resolved`)).json().alerts;
    assert.deepEqual(all.map((a: { rule: string; state: string }) => [a.rule, a.state]), [['suicide_risk_cssrs', 'open'], ['suicide_risk_phq9', 'resolved']]);
  });

  it('an unknown alert is 404', async () => {
    const response = await clinician.post('/api/alerts/00000000-0000-4000-8000-000000000000/acknowledge');
    assert.equal(response.statusCode, 404);
  });
});

describe('the inbox', () => {
  it('sorts by severity then due time, and counts unresolved, critical and overdue', async () => {
    const staff = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
    const a = await admitPatient('Fay');
    await ctx.deps.db.updateTable('episodes').set({ primary_clinician_id: staff.staffId }).where('episode_id', '=', a.episodeId).execute();
    // A GAD-7 raises nothing; a C-SSRS raises a critical one; an hour later it is overdue.
    await staff.post(`/api/patients/${a.patientId}/instrument-responses`, { instrument: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3], episodeId: a.episodeId });
    await staff.post(`/api/patients/${a.patientId}/instrument-responses`, { instrument: 'cssrs_screener', answers: [false, false, null, null, null, true, false], episodeId: a.episodeId });
    assert.deepEqual((await staff.get('/api/alerts/counts')).json(), { unresolved: 1, critical: 1, overdue: 0 });
    ctx.clock.advanceMinutes(61);
    await staff.post(`/api/patients/${a.patientId}/instrument-responses`, { instrument: 'phq9', answers: phq9(1), episodeId: a.episodeId });
    assert.deepEqual((await staff.get('/api/alerts/counts')).json(), { unresolved: 2, critical: 2, overdue: 1 });
    const inbox = (await staff.get('/api/alerts/inbox')).json().alerts;
    assert.deepEqual(inbox.map((x: { rule: string; overdue: boolean }) => [x.rule, x.overdue]), [['suicide_risk_cssrs', true], ['suicide_risk_phq9', false]]);
    const read = (await auditEvents('alert_inbox')).filter((e) => e.actor_id === staff.staffId).at(-1)!;
    assert.deepEqual((read.details as { patientIds: string[] }).patientIds, [a.patientId]);
    // Acknowledged ones leave "open" but stay unresolved.
    await staff.post(`/api/alerts/${inbox[0].alertId}/acknowledge`);
    assert.deepEqual((await staff.get('/api/alerts/inbox?state=open')).json().alerts.map((x: { rule: string }) => x.rule), ['suicide_risk_phq9']);
    assert.deepEqual((await staff.get('/api/alerts/inbox?state=acknowledged')).json().alerts.map((x: { rule: string }) => x.rule), ['suicide_risk_cssrs']);
    assert.equal((await staff.get('/api/alerts/counts')).json().unresolved, 2);
    ctx.clock.set('2026-11-24T15:00:00Z');
  });

  it('facility scope is for clinical directors, and only at their facilities', async () => {
    const notDirector = await clinician.get('/api/alerts/inbox?scope=facility');
    assert.equal(notDirector.statusCode, 403);
    const mine = (await director.get(`/api/alerts/inbox?scope=facility&facilityId=${facilityId}`)).json().alerts;
    assert.ok(mine.length >= 3);
    assert.ok(mine.every((a: { facilityId: string }) => a.facilityId === facilityId));
    const other = await director.get(`/api/alerts/inbox?scope=facility&facilityId=${otherFacilityId}`);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'facility_forbidden');
    assert.deepEqual((await elsewhere.get('/api/alerts/inbox?scope=facility')).json().alerts, []);
    assert.deepEqual((await elsewhere.get('/api/alerts/counts')).json(), { unresolved: 0, critical: 0, overdue: 0 });
  });

  it('is closed to roles that do not handle alerts', async () => {
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
    assert.equal((await frontDesk.get('/api/alerts/inbox')).statusCode, 403);
    assert.equal((await frontDesk.get('/api/alerts/counts')).statusCode, 403);
  });
});
