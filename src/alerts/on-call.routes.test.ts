/** The on-call roster: who keeps it, who may be on call, shift times, and facility scoping. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, startTestApp } from '../../test/support/app.ts';

let ctx: TestContext;
let org: TestOrg;
let facilityId: string;
let otherFacilityId: string;
let director: Awaited<ReturnType<typeof createStaffMember>>;
let clinician: Awaited<ReturnType<typeof createStaffMember>>;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
  facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId;
  otherFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend Westside', 'America/Chicago'))).json().facilityId;
  director = await createStaffMember(ctx, org, ['clinical_director'], [facilityId]);
  clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
});

const shift = (staffId: string, startsAt: string, endsAt: string) => ({ staffId, startsAt, endsAt });

describe('keeping the on-call roster', () => {
  it('a clinical director puts a clinician on call; the roster shows the shift and who is on call now', async () => {
    const created = await director.post(`/api/facilities/${facilityId}/on-call`, shift(clinician.staffId, '2026-11-24T13:00:00Z', '2026-11-25T01:00:00Z'));
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().staff, { staffId: clinician.staffId, fullName: 'Staff clinician' });
    const later = await director.post(`/api/facilities/${facilityId}/on-call`, shift(director.staffId, '2026-11-26T13:00:00Z', '2026-11-27T01:00:00Z'));
    assert.equal(later.statusCode, 201, later.body);
    const roster = (await clinician.get(`/api/facilities/${facilityId}/on-call`)).json();
    assert.deepEqual([roster.from, roster.to, roster.timeZone], ['2026-11-24', '2026-12-07', 'America/New_York']);
    assert.deepEqual(roster.shifts.map((s: { staff: { staffId: string } }) => s.staff.staffId), [clinician.staffId, director.staffId]);
    assert.deepEqual(roster.onCallNow, [{ staffId: clinician.staffId, fullName: 'Staff clinician' }]);
    // A range of facility-local days: the 26th only.
    const day = (await clinician.get(`/api/facilities/${facilityId}/on-call?from=2026-11-26&to=2026-11-26`)).json();
    assert.deepEqual(day.shifts.map((s: { shiftId: string }) => s.shiftId), [later.json().shiftId]);
    const audited = await ctx.deps.db.selectFrom('audit_events').select(['action', 'entity_id']).where('org_id', '=', org.orgId).where('entity', '=', 'on_call_shift').execute();
    assert.equal(audited.length, 2);
  });

  const invalid: [string, string, string][] = [
    ['ending before it starts', '2026-11-25T10:00:00Z', '2026-11-25T09:00:00Z'],
    ['ending when it starts', '2026-11-25T10:00:00Z', '2026-11-25T10:00:00Z'],
    ['already over', '2026-11-23T10:00:00Z', '2026-11-24T10:00:00Z'],
    ['longer than two weeks', '2026-11-25T00:00:00Z', '2026-12-09T00:00:01Z'],
  ];
  for (const [name, startsAt, endsAt] of invalid) {
    it(`refuses a shift ${name} (422 on_call_times_invalid)`, async () => {
      const response = await director.post(`/api/facilities/${facilityId}/on-call`, shift(clinician.staffId, startsAt, endsAt));
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.code, 'on_call_times_invalid');
    });
  }

  it('only clinical staff assigned to the facility may be on call', async () => {
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
    const away = await createStaffMember(ctx, org, ['clinician'], [otherFacilityId]);
    for (const staffId of [frontDesk.staffId, away.staffId, '00000000-0000-4000-8000-000000000000']) {
      const response = await director.post(`/api/facilities/${facilityId}/on-call`, shift(staffId, '2026-11-25T00:00:00Z', '2026-11-25T12:00:00Z'));
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'clinician_not_found');
    }
  });

  it('a clinician reads the roster but cannot change it; another facility’s roster is closed', async () => {
    const denied = await clinician.post(`/api/facilities/${facilityId}/on-call`, shift(clinician.staffId, '2026-11-25T00:00:00Z', '2026-11-25T12:00:00Z'));
    assert.equal(denied.statusCode, 403);
    const other = await director.get(`/api/facilities/${otherFacilityId}/on-call`);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'facility_forbidden');
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [facilityId]);
    assert.equal((await frontDesk.get(`/api/facilities/${facilityId}/on-call`)).statusCode, 403);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await director.get(`/api/facilities/${facilityId}/on-call?from=2026-11-30&to=2026-11-29`);
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'date_out_of_range');
  });

  it('a shift is removed, once', async () => {
    const created = (await director.post(`/api/facilities/${facilityId}/on-call`, shift(director.staffId, '2026-11-28T13:00:00Z', '2026-11-29T01:00:00Z'))).json();
    const removed = await director.request('DELETE', `/api/on-call/${created.shiftId}`);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal((await director.request('DELETE', `/api/on-call/${created.shiftId}`)).statusCode, 404);
    const away = await createStaffMember(ctx, org, ['clinical_director'], [otherFacilityId]);
    const mine = (await director.get(`/api/facilities/${facilityId}/on-call`)).json().shifts[0];
    assert.equal((await away.request('DELETE', `/api/on-call/${mine.shiftId}`)).statusCode, 403);
  });
});
