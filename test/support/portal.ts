/**
 * A patient's portal session in API tests: its own cookie and CSRF token, kept apart from
 * staff clients, over app.inject. `signUpPatient` walks the real invitation and acceptance.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext, TestOrg } from './app.ts';

export const PORTAL_PASSWORD = 'maple-harbor-sunrise-77';

/** The one-time token in an invitation link (`…#token=…`). */
export const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1]!);

export class PortalClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly ctx: TestContext) {}

  async request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.ctx.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}) },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = response.cookies.find((c) => c.name === 'cairn_portal');
    if (set) this.cookie = set.value ? `cairn_portal=${set.value}` : undefined;
    if (set?.value && response.statusCode === 200) this.csrf = response.json().csrfToken;
    return response;
  }
}

/** Invites the patient to the portal as the organization's admin and accepts: a signed-in portal client. */
export async function signUpPatient(ctx: TestContext, org: TestOrg, patientId: string, email: string): Promise<PortalClient> {
  const invite = await org.admin.post(`/api/patients/${patientId}/portal-invite`, { email });
  assert.equal(invite.statusCode, 201, invite.body);
  const portal = new PortalClient(ctx);
  const accepted = await portal.request('POST', '/api/portal/accept', { token: tokenOf(invite.json().link), password: PORTAL_PASSWORD });
  assert.equal(accepted.statusCode, 200, accepted.body);
  return portal;
}
