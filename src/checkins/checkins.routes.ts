import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Daily check-ins: portal, front-desk kiosk, staff entry, trends. */
export async function checkinsRoutes(_root: FastifyInstance, _deps: AppDeps): Promise<void> {}
