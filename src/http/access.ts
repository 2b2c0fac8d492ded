/**
 * Deny by default: every route declares who may call it and over what scope, in its
 * `config.access`. A route without a declaration stops the server from starting.
 *
 *   roles  which staff roles may call it, or 'any' signed-in staff member
 *   scope  self          the caller's own account (me, logout, second factor)
 *          organization  organization-wide records (staff, settings, audit)
 *          facilities    a list the store filters to the caller's facilities
 *          facility      one facility, resolved from the request; others get 403
 *          patient       one patient's records, resolved from the request: allowed when the
 *                        caller is assigned to the patient's registering facility or to the
 *                        facility of any of the patient's episodes; others get 403
 *
 * Portal routes (`allow.portal`) are for a signed-in patient and only ever reach that
 * patient's own records; staff sessions cannot call them and portal sessions cannot call
 * anything else.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, FastifyRequest, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StaffRole } from '../staff/roles.ts';
import { type PatientActor, type StaffActor, canSeeFacility } from './actor.ts';
import { AppError } from './errors.ts';

/** Purpose of use recorded with each audit event (HIPAA: treatment, payment, operations). */
export type Purpose = 'treatment' | 'payment' | 'operations' | 'administration' | 'security';

export type FacilityResolver = (request: FastifyRequest, db: Kysely<Database>, actor: StaffActor) => Promise<string | undefined>;

/** Names the patient a request is about (usually a path parameter); undefined → 404. */
export type PatientResolver = (request: FastifyRequest, db: Kysely<Database>, actor: StaffActor) => Promise<string | undefined>;

export type Scope =
  | { readonly kind: 'self' }
  | { readonly kind: 'organization' }
  | { readonly kind: 'facilities' }
  | { readonly kind: 'facility'; readonly facilityOf: FacilityResolver }
  | { readonly kind: 'patient'; readonly patientOf: PatientResolver };

export type RouteAccess =
  | { readonly public: true; readonly reason: string }
  | { readonly public?: false; readonly portal: true; readonly purpose: Purpose }
  | {
      readonly public?: false;
      readonly portal?: false;
      readonly roles: readonly StaffRole[] | 'any';
      readonly scope: Scope;
      readonly purpose: Purpose;
      /** Reachable by a session that must still enrol a second factor (enrolment itself, sign-out). */
      readonly duringTotpEnrollment?: boolean;
    };

export type StaffAccess = Extract<RouteAccess, { roles: unknown }>;
export type PortalAccess = Extract<RouteAccess, { portal: true }>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: StaffActor | null;
    patientActor: PatientActor | null;
  }
}

/** Declaration helpers, so routes read `config: { access: allow.organization(['admin']) }`. */
export const allow = {
  public: (reason: string): RouteAccess => ({ public: true, reason }),
  self: (options: { duringTotpEnrollment?: boolean } = {}): RouteAccess => ({
    roles: 'any',
    scope: { kind: 'self' },
    purpose: 'security',
    ...options,
  }),
  organization: (roles: readonly StaffRole[] | 'any', purpose: Purpose = 'administration'): RouteAccess => ({
    roles,
    scope: { kind: 'organization' },
    purpose,
  }),
  facilities: (roles: readonly StaffRole[] | 'any', purpose: Purpose = 'operations'): RouteAccess => ({
    roles,
    scope: { kind: 'facilities' },
    purpose,
  }),
  facility: (roles: readonly StaffRole[] | 'any', facilityOf: FacilityResolver, purpose: Purpose = 'operations'): RouteAccess => ({
    roles,
    scope: { kind: 'facility', facilityOf },
    purpose,
  }),
  patient: (roles: readonly StaffRole[] | 'any', patientOf: PatientResolver, purpose: Purpose = 'treatment'): RouteAccess => ({
    roles,
    scope: { kind: 'patient', patientOf },
    purpose,
  }),
  portal: (purpose: Purpose = 'treatment'): RouteAccess => ({ portal: true, purpose }),
};

/** The patient named in the path as `:patientId`. */
export const patientInPath: PatientResolver = async (request) => (request.params as { patientId?: string }).patientId;

/** The signed-in caller of a staff route; the guard has already refused anyone else. */
export function actorOf(request: FastifyRequest): StaffActor {
  if (!request.actor) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  return request.actor;
}

/** The signed-in patient of a portal route. */
export function patientActorOf(request: FastifyRequest): PatientActor {
  if (!request.patientActor) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  return request.patientActor;
}

export function accessOf(request: FastifyRequest): StaffAccess | PortalAccess {
  const access = request.routeOptions.config.access;
  if (!access || access.public) throw new Error('accessOf called on a public or undeclared route');
  return access;
}

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

export interface AccessGuardDeps {
  readonly db: Kysely<Database>;
  /** Resolves the session cookie to an actor, or throws 401. */
  authenticate(request: FastifyRequest): Promise<StaffActor>;
  /** Resolves the portal session cookie to a patient, or throws 401. */
  authenticatePatient(request: FastifyRequest): Promise<PatientActor>;
  /** Facilities through which staff may reach a patient; empty when no such patient. */
  patientFacilities(orgId: string, patientId: string): Promise<readonly string[]>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccessGuard(app: FastifyInstance, deps: AccessGuardDeps): { routes(): RegisteredRoute[] } {
  const seen: RouteOptions[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('patientActor', null);
  app.addHook('onRoute', (route) => {
    seen.push(route);
  });
  const routes = (): RegisteredRoute[] =>
    seen.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
        method,
        url: route.url,
        access: route.config?.access,
      })),
    );

  // Checked once every plugin has registered its routes, so third-party plugins wrapped
  // in `declareAll` are covered too. A failing check makes app.ready() and listen() reject.
  app.addHook('onReady', async () => {
    const undeclared = routes().filter((r) => !r.access);
    if (undeclared.length > 0) {
      throw new Error(
        `Refusing to start: routes without an access declaration: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      if (request.is404) return; // the not-found handler answers
      throw new AppError(403, 'forbidden', 'This route has no access declaration.');
    }
    if (access.public) return;
    if (access.portal) {
      const patient = await deps.authenticatePatient(request);
      request.patientActor = patient;
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== patient.csrfToken) {
        throw new AppError(403, 'csrf_failed', 'The request is missing its anti-forgery token. Reload the page and try again.');
      }
      return;
    }
    const actor = await deps.authenticate(request);
    request.actor = actor;
    if (actor.mfaState === 'enrollment_required' && !access.duringTotpEnrollment) {
      throw new AppError(403, 'totp_enrollment_required', 'Your organization requires a second factor. Set up an authenticator app first.');
    }
    if (access.roles !== 'any' && !actor.roles.some((role) => access.roles.includes(role))) {
      throw new AppError(403, 'forbidden', 'Your role does not allow this.', { allowedRoles: access.roles });
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError(403, 'csrf_failed', 'The request is missing its anti-forgery token. Reload the page and try again.');
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.public || access.portal || !request.actor) return;
    const actor = request.actor;
    if (access.scope.kind === 'facility') {
      const facilityId = await access.scope.facilityOf(request, deps.db, actor);
      if (facilityId === undefined) throw new AppError(404, 'not_found', 'Not found.');
      if (!canSeeFacility(actor, facilityId)) {
        throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
      }
    } else if (access.scope.kind === 'patient') {
      const patientId = await access.scope.patientOf(request, deps.db, actor);
      const facilities = patientId === undefined ? [] : await deps.patientFacilities(actor.orgId, patientId);
      if (facilities.length === 0) throw new AppError(404, 'not_found', 'No such patient.');
      if (!facilities.some((facilityId) => canSeeFacility(actor, facilityId))) {
        throw new AppError(403, 'patient_forbidden', 'This patient is not at a facility you are assigned to.');
      }
    }
  });

  return { routes };
}

/**
 * Registers a third-party plugin (docs UI, static files) whose routes cannot carry
 * config, stamping every route it adds with one declaration.
 */
export async function registerWithAccess<O extends object>(
  app: FastifyInstance,
  access: RouteAccess,
  plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>,
  options: O,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access };
    });
    await scope.register(plugin as FastifyPluginAsync<O>, options);
  });
}
