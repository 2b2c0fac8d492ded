import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Drug-test policy, random selection, today's list, for-cause orders, collection and custody. */
export async function drugTestCollectionRoutes(_root: FastifyInstance, _deps: AppDeps): Promise<void> {}
