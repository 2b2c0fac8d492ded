/**
 * Escalation through the real sweep: an alert unresolved past its due time goes to the
 * facility's clinical directors exactly once, audited as the system; resolved alerts and
 * alerts not yet due stay where they are.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import type { JobHandlers } from './runner.ts';
import { sweepHandler } from './sweep.ts';
import { workOnce } from './worker.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let clinician: Awaited<ReturnType<typeof createStaffMember>>;
let director: Awaited<ReturnType<typeof createStaffMember>>;
let directorElsewhere: Awaited<ReturnType<typeof createStaffMember>>;
const alertIds: Record<string, string> = {};

// Only the sweep itself: escalation, without planning facility work.
const handlers: JobHandlers = { sweep: sweepHandler(new Set()) };
const sweepAt = async (iso: string) => {
  ctx.clock.set(iso);
  await workOnce(ctx.deps, handlers, { workerId: 'test-worker', leaseMs: 60_000, batch: 10 });
};
const alertRow = (alertId: string) => ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', org.orgId).where('alert_id', '=', alertId).executeTakeFirstOrThrow();
const recipients = async (alertId: string) =>
  (await ctx.deps.db.selectFrom('alert_recipients').select(['staff_id', 'reason']).where('org_id', '=', org.orgId).where('alert_id', '=', alertId).execute()).map((r) => `${r.staff_id}:${r.reason}`).sort();
const escalationAudits = async () =>
  (await ctx.deps.db.selectFrom('audit_events').selectAll().where('org_id', '=', org.orgId).where('entity', '=', 'alert').where('action', '=', 'update').execute())
    .filter((e) => (e.details as { change?: string }).change === 'escalated');

async function phq9Alert(given: string, withEpisode: boolean): Promise<string> {
  const patient = (await org.admin.post('/api/patients', { facilityId, legalGivenName: given, legalFamilyName: 'Reyes', dateOfBirth: '1991-03-03', sexAtBirth: 'male', genderIdentity: 'man', residence: 'home' })).json();
  let episodeId: string | undefined;
  if (withEpisode) {
    const program = (await org.admin.get('/api/programs')).json()[0];
    episodeId = (await org.admin.post(`/api/patients/${patient.patientId}/episodes`, { programId: program.programId, admittedOn: '2026-11-02', referralSource: 'Self', phaseId: program.phases[0].phaseId, primaryClinicianId: clinician.staffId })).json().episodeId;
  }
  const recorded = await clinician.post(`/api/patients/${patient.patientId}/instrument-responses`, { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], ...(episodeId ? { episodeId } : {}) });
  assert.equal(recorded.statusCode, 201, recorded.body);
  return (await clinician.get(`/api/patients/${patient.patientId}/alerts`)).json().alerts[0].alertId;
}

before(async () => {
  ctx = await startTestApp({ sessionIdleMinutes: 600 });
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  const other = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside'))).json().facilityId;
  await org.admin.post('/api/programs', programInput(facilityId));
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
  directorElsewhere = await createStaffMember(ctx, org, ['clinical_director'], [other]);
  // Raised at 15:00, due at 16:00.
  alertIds['open'] = await phq9Alert('Abe', true);
  alertIds['resolved'] = await phq9Alert('Ben', true);
  alertIds['noEpisode'] = await phq9Alert('Cal', false);
  await clinician.post(`/api/alerts/${alertIds['resolved']}/acknowledge`);
  await clinician.post(`/api/alerts/${alertIds['resolved']}/resolve`, { note: 'Assessed; low risk.' });
});

describe('escalating overdue alerts', () => {
  it('an alert at exactly its due time is not yet escalated', async () => {
    await sweepAt('2026-11-24T16:00:00Z');
    assert.equal((await alertRow(alertIds['open']!)).escalated_at, null);
    assert.deepEqual(await escalationAudits(), []);
  });

  it('past its due time, the facility’s clinical directors are added, once, and the system audits it', async () => {
    await sweepAt('2026-11-24T16:01:00Z');
    const row = await alertRow(alertIds['open']!);
    assert.deepEqual(row.escalated_at, new Date('2026-11-24T16:01:00Z'));
    assert.deepEqual(await recipients(alertIds['open']!), [`${clinician.staffId}:primary_clinician`, `${director.staffId}:escalation`].sort());
    const audits = await escalationAudits();
    const forOpen = audits.filter((e) => e.entity_id === alertIds['open']);
    assert.equal(forOpen.length, 1);
    assert.deepEqual([forOpen[0]!.actor_id, forOpen[0]!.actor_role, forOpen[0]!.purpose], [null, 'system', 'treatment']);
    assert.deepEqual((forOpen[0]!.details as { directors: string[] }).directors, [director.staffId]);
    assert.ok(!JSON.stringify(audits).includes(directorElsewhere.staffId));
    // The director now finds it in their inbox, marked escalated and overdue.
    const inbox = (await director.get('/api/alerts/inbox')).json().alerts;
    const view = inbox.find((a: { alertId: string }) => a.alertId === alertIds['open']);
    assert.equal(view.escalatedAt, '2026-11-24T16:01:00.000Z');
    assert.equal(view.overdue, true);
  });

  it('sweeping again (another minute, another process) escalates nothing twice', async () => {
    const before = (await escalationAudits()).length;
    await sweepAt('2026-11-24T16:02:00Z');
    await sweepAt('2026-11-24T17:30:00Z');
    assert.equal((await escalationAudits()).length, before);
    assert.deepEqual(await recipients(alertIds['open']!), [`${clinician.staffId}:primary_clinician`, `${director.staffId}:escalation`].sort());
  });

  it('a resolved alert is never escalated', async () => {
    assert.equal((await alertRow(alertIds['resolved']!)).escalated_at, null);
  });

  it('a director who already had the alert (nobody else to send it to) keeps it once, with the first reason', async () => {
    assert.notEqual((await alertRow(alertIds['noEpisode']!)).escalated_at, null);
    assert.deepEqual(await recipients(alertIds['noEpisode']!), [`${director.staffId}:fallback`]);
    const audit = (await escalationAudits()).find((e) => e.entity_id === alertIds['noEpisode'])!;
    assert.deepEqual((audit.details as { directors: string[] }).directors, []);
  });

  it('an acknowledged alert still unresolved past its due time escalates too', async () => {
    ctx.clock.set('2026-11-24T18:00:00Z');
    const id = await phq9Alert('Dan', true);
    await clinician.post(`/api/alerts/${id}/acknowledge`);
    await sweepAt('2026-11-24T18:59:00Z');
    assert.equal((await alertRow(id)).escalated_at, null);
    await sweepAt('2026-11-24T19:00:30Z');
    assert.deepEqual((await alertRow(id)).escalated_at, new Date('2026-11-24T19:00:30Z'));
  });
});
