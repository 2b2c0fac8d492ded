import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestContext, type TestOrg, createOrg, startTestApp } from '../../test/support/app.ts';
import { AppError, fieldPath, fromDatabaseError } from './errors.ts';

let ctx: TestContext;
let org: TestOrg;
before(async () => {
  ctx = await startTestApp();
  org = await createOrg(ctx);
});

describe('error answers', () => {
  it('malformed JSON is a 400 invalid_json, not a 500', async () => {
    const response = await org.admin.request('POST', '/api/facilities', '{"name": ', { 'content-type': 'application/json' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'invalid_json');
  });

  it('a body that is not JSON is a 415', async () => {
    const response = await org.admin.request('POST', '/api/facilities', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().error.code, 'unsupported_media_type');
  });

  it('an unknown API path is a 404 with the error shape', async () => {
    const response = await org.admin.get('/api/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'not_found');
  });

  it('a malformed id in the path is a 400 naming the parameter', async () => {
    const response = await org.admin.get('/api/programs/not-a-uuid');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().error.details.map((d: { path: string }) => d.path), ['params.programId']);
  });

  it('a NUL character in text is a 400, on either engine', async () => {
    const response = await org.admin.post('/api/facilities', { name: 'Bad\u0000Name', addressLine1: '1 Main St', city: 'Hartford', state: 'CT', postalCode: '06103', timeZone: 'America/New_York' });
    assert.equal(response.statusCode, 400);
    const query = await org.admin.get('/api/audit?entity=a%00b');
    assert.equal(query.statusCode, 400);
  });

  it('a date-time the schema accepts but JavaScript cannot hold (a leap second) is a 400', async () => {
    const response = await org.admin.get('/api/audit?from=2026-06-30T23:59:60Z');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().error.details.map((d: { path: string }) => d.path), ['querystring.from']);
  });

  it('a date or time the database cannot hold is a 422 validation_failed, never a 500', () => {
    for (const sqlState of ['22008', '22009']) {
      const mapped = fromDatabaseError({ code: sqlState });
      assert.ok(mapped instanceof AppError, sqlState);
      assert.deepEqual([mapped.status, mapped.code], [422, 'validation_failed'], sqlState);
    }
  });

  it('no error body carries a stack trace or SQL', async () => {
    const responses = [
      await org.admin.request('POST', '/api/facilities', '{"name": ', { 'content-type': 'application/json' }),
      await org.admin.post('/api/staff', { email: 'bad', roles: ['wizard'] }),
      await org.admin.get('/api/audit?from=yesterday'),
    ];
    for (const response of responses) {
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, response.body);
      assert.doesNotMatch(response.body, /\bat \w+ \(|node_modules|SELECT|INSERT|stack/i);
    }
  });

  it('API answers are never cached and carry basic hardening headers', async () => {
    const response = await org.admin.get('/api/me');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  });
});

describe('with the web UI served', () => {
  it('API errors keep their shape and browser paths get the app', async () => {
    const withUi = await startTestApp({ webDistDir: new URL('../../web/dist', import.meta.url).pathname });
    const { buildApp } = await import('../app.ts');
    const { app } = await buildApp(withUi.deps, { logger: false, serveWebUi: true });
    try {
      const me = await app.inject({ method: 'GET', url: '/api/me' });
      assert.equal(me.statusCode, 401);
      assert.equal(me.json().error.code, 'unauthenticated');
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'wrong-password-12' } });
      assert.equal(login.json().error.code, 'invalid_credentials');
      const page = await app.inject({ method: 'GET', url: '/programs/new' });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      const missingApi = await app.inject({ method: 'GET', url: '/api/nope' });
      assert.equal(missingApi.json().error.code, 'not_found');
    } finally {
      await app.close();
    }
  });
});

describe('API documentation', () => {
  it('OpenAPI 3 covers every API route, from the validating schemas', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.match(doc.openapi, /^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const routes = ctx.routes().filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');
    for (const route of routes) assert.ok(documented.has(`${route.method} ${route.url}`), `${route.method} ${route.url} is documented`);
    const programBody = doc.paths['/api/programs'].post.requestBody.content['application/json'].schema;
    assert.ok(programBody.required.includes('phases'));
  });

  it('a readable reference page is served at /api/docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /swagger-ui/i);
  });
});

describe('field paths', () => {
  it('turn validator pointers into form paths', () => {
    assert.equal(fieldPath({ instancePath: '/phases/1/minHoursPerWeek' }, 'body'), 'phases[1].minHoursPerWeek');
    assert.equal(fieldPath({ instancePath: '', keyword: 'required', params: { missingProperty: 'name' } }, 'body'), 'name');
    assert.equal(fieldPath({ instancePath: '/facilityId' }, 'querystring'), 'querystring.facilityId');
  });
});
