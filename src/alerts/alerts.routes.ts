import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Alert inbox, counts, patient alerts, acknowledge, resolve; on-call shifts. */
export async function alertsRoutes(_root: FastifyInstance, _deps: AppDeps): Promise<void> {}
