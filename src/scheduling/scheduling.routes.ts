/** Groups, sessions and enrolment: one registration for the app's route table. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { enrollmentsRoutes } from './enrollments.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { sessionsRoutes } from './sessions.routes.ts';

export async function schedulingRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await groupsRoutes(app, deps);
  await sessionsRoutes(app, deps);
  await enrollmentsRoutes(app, deps);
}
