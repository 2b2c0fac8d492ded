/**
 * Builds the Fastify app from its dependencies. No side effects at import; tests build
 * many apps side by side (DESIGN.md).
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { AjvCompiler } from '@fastify/ajv-compiler';
import Fastify, { type FastifyInstance, type FastifySchema, type FastifySchemaCompiler } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { attendanceRoutes } from './attendance/attendance.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { authenticate } from './auth/sessions.ts';
import type { AppDeps } from './deps.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { type RegisteredRoute, allow, registerAccessGuard } from './http/access.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerWebUi, webUiBuilt } from './http/web-ui.ts';
import { organizationRoutes } from './organizations/organizations.routes.ts';
import { episodesRoutes } from './episodes/episodes.routes.ts';
import { aftercareRoutes } from './aftercare/aftercare.routes.ts';
import { stepDownRoutes } from './stepdown/stepdown.routes.ts';
import { instrumentsRoutes } from './instruments/instruments.routes.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { checkinsRoutes } from './checkins/checkins.routes.ts';
import { drugTestCollectionRoutes } from './drugtests/drug-test-collection.routes.ts';
import { drugTestResultsRoutes } from './drugtests/drug-test-results.routes.ts';
import { medicationsRoutes } from './medications/medications.routes.ts';
import { patientsRoutes } from './patients/patients.routes.ts';
import { plansRoutes } from './plans/plans.routes.ts';
import { patientFacilityIds } from './patients/patients.store.ts';
import { authenticatePatient } from './portal/portal-sessions.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { programsRoutes } from './programs/programs.routes.ts';
import { schedulingRoutes } from './scheduling/scheduling.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';

export interface BuildOptions {
  /** pino options; false silences logs (tests). */
  readonly logger?: boolean | Record<string, unknown>;
  readonly serveWebUi?: boolean;
}

export interface CairnApp {
  readonly app: FastifyInstance;
  /** Every registered route with its access declaration (the access test walks these). */
  routes(): RegisteredRoute[];
}

function loggerOptions(deps: AppDeps, option: BuildOptions['logger']) {
  if (option === false) return false;
  return {
    level: deps.config.logLevel,
    ...(typeof option === 'object' ? option : {}),
    // No query strings, bodies or headers in logs: they can hold patient names or search terms.
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

const AJV_OPTIONS = { allErrors: true, removeAdditional: false, useDefaults: true } as const;
const validators = AjvCompiler();
/** Query strings, path parameters and headers arrive as text: "?weeks=4" must become 4. */
const textValidator = validators({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' } });
/*
 * JSON bodies arrive typed. Coercing them would turn a `null` into 0 or false and so an
 * unanswered question into "no" or "no risk"; a body of the wrong type is a 400 instead.
 */
const bodyValidator = validators({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: false } });
const validatorFor: FastifySchemaCompiler<FastifySchema> = (route) => (route.httpPart === 'body' ? bodyValidator : textValidator)(route as Parameters<typeof bodyValidator>[0]);

/** Believe the nearest `hops` proxies (proxy-addr's hop count, which Fastify's types do not list). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<CairnApp> {
  const app = Fastify({
    logger: loggerOptions(deps, options.logger ?? true),
    trustProxy: typeof deps.config.trustProxy === 'number' ? trustHops(deps.config.trustProxy) : deps.config.trustProxy,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorFor);
  // Set before any route exists, so every route, including plugins', answers errors this way.
  const webUi = options.serveWebUi !== false && webUiBuilt(deps.config.webDistDir);
  registerErrorHandling(app, { spaFallback: webUi });

  // Cookies are parsed in an onRequest hook, which must run before the guard's.
  await app.register(cookie);
  const guard = registerAccessGuard(app, {
    db: deps.db,
    authenticate: (request) => authenticate(deps, request),
    authenticatePatient: (request) => authenticatePatient(deps, request),
    patientFacilities: (orgId, patientId) => patientFacilityIds(deps.db, orgId, patientId),
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    // Patient data must not sit in shared or browser caches (HIPAA transmission security).
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('Cache-Control', 'no-store');
  });

  // An action whose fields are all optional (check in, mark all present) may be posted
  // without a body; its schema then sees {} rather than failing "must be object".
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method === 'POST' && request.routeOptions.schema?.body) request.body = {};
  });

  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);

  app.get('/api/health', {
    config: { access: allow.public('load balancer and uptime checks') },
    schema: {
      tags: ['System'],
      summary: 'Liveness and which database engine is in use',
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) }) },
    },
  }, async () => {
    await sql`select 1`.execute(deps.db);
    return { status: 'ok' as const, database: deps.engine };
  });

  await authRoutes(app, deps);
  await organizationRoutes(app, deps);
  await facilitiesRoutes(app, deps);
  await programsRoutes(app, deps);
  await schedulingRoutes(app, deps);
  await patientsRoutes(app, deps);
  await episodesRoutes(app, deps);
  await stepDownRoutes(app, deps);
  await aftercareRoutes(app, deps);
  await staffRoutes(app, deps);
  await auditRoutes(app, deps);
  await attendanceRoutes(app, deps);
  await portalRoutes(app, deps);
  await plansRoutes(app, deps);
  await instrumentsRoutes(app, deps);
  await intakeRoutes(app, deps);
  await drugTestCollectionRoutes(app, deps);
  await drugTestResultsRoutes(app, deps);
  await checkinsRoutes(app, deps);
  await medicationsRoutes(app, deps);
  await alertsRoutes(app, deps);

  if (webUi) await registerWebUi(app, deps.config.webDistDir);
  else if (options.serveWebUi !== false) app.log.warn({ distDir: deps.config.webDistDir }, 'web UI not built; serving the API only (run npm run build:web)');
  await app.ready();
  return { app, routes: guard.routes };
}
