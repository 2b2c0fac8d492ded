/**
 * Drives the real API in-process (app.inject), carrying the session cookie and CSRF token
 * like the browser does (staff: `cairn_session`; a patient in the portal: `cairn_portal`). Any answer other than the expected statuses stops the seed with
 * the route, the status and the error body, so a broken rule is seen, not papered over.
 */
import type { FastifyInstance } from 'fastify';

export class DemoSeedError extends Error {}

export class DemoClient {
  #cookie: string | undefined;
  #csrf: string | undefined;
  calls = 0;
  constructor(readonly app: FastifyInstance, readonly label: string, readonly cookieName: 'cairn_session' | 'cairn_portal' = 'cairn_session') {}

  async request<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, expected: readonly number[] = [200, 201]): Promise<{ status: number; body: T }> {
    this.calls += 1;
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: '127.0.0.1',
      headers: {
        'user-agent': 'cairn-demo-seed',
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
        ...(this.#csrf && method !== 'GET' ? { 'x-csrf-token': this.#csrf } : {}),
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const session = response.cookies.find((c) => c.name === this.cookieName);
    if (session) this.#cookie = session.value ? `${this.cookieName}=${session.value}` : undefined;
    const parsed = response.body ? (JSON.parse(response.body) as T) : (undefined as T);
    if (session?.value && response.statusCode === 200) this.#csrf = (parsed as { csrfToken?: string }).csrfToken;
    if (!expected.includes(response.statusCode)) {
      throw new DemoSeedError(`${this.label}: ${method} ${url} answered ${response.statusCode}: ${response.body.slice(0, 800)}`);
    }
    return { status: response.statusCode, body: parsed };
  }

  async get<T>(url: string): Promise<T> {
    return (await this.request<T>('GET', url)).body;
  }
  async post<T>(url: string, body: unknown = {}): Promise<T> {
    return (await this.request<T>('POST', url, body)).body;
  }
  async put<T>(url: string, body: unknown): Promise<T> {
    return (await this.request<T>('PUT', url, body)).body;
  }

  async login(email: string, password: string): Promise<void> {
    await this.post('/api/auth/login', { email, password });
  }

  /** Accepts an invitation link (`…#token=…`) with a password, which also signs in. */
  async acceptInvitation(link: string, password: string): Promise<void> {
    const token = new URL(link).hash.replace(/^#token=/, '');
    await this.post('/api/auth/accept-link', { token: decodeURIComponent(token), password });
  }
}
