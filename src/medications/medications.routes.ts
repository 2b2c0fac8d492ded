import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Medication list, observed dosing log, adherence. */
export async function medicationsRoutes(_root: FastifyInstance, _deps: AppDeps): Promise<void> {}
