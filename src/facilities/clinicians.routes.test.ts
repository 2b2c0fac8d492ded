/** Who can be picked as a facilitator or primary clinician at a facility. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, startTestApp } from '../../test/support/app.ts';

let ctx: TestContext;
let org: TestOrg;

before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
});

describe('clinicians at a facility', () => {
  it('lists active clinical staff assigned there, to any staff member of that facility', async () => {
    const north = (await org.admin.post('/api/facilities', facilityInput('North'))).json().facilityId;
    const south = (await org.admin.post('/api/facilities', facilityInput('South'))).json().facilityId;
    const counselor = await createStaffMember(ctx, org, ['clinician'], [north]);
    const nurse = await createStaffMember(ctx, org, ['medical'], [north]);
    await createStaffMember(ctx, org, ['clinician'], [south]);
    const frontDesk = await createStaffMember(ctx, org, ['front_desk'], [north]);
    const leaving = await createStaffMember(ctx, org, ['clinical_director'], [north]);
    assert.equal((await org.admin.post(`/api/staff/${leaving.staffId}/deactivate`)).statusCode, 200);

    const listed = await frontDesk.get(`/api/facilities/${north}/clinicians`);
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json().map((s: { staffId: string }) => s.staffId).sort(), [counselor.staffId, nurse.staffId].sort());
    const elsewhere = await frontDesk.get(`/api/facilities/${south}/clinicians`);
    assert.equal(elsewhere.statusCode, 403);
  });
});
