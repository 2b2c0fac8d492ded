import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Drug-test results, specimen validity, medical review, HL7 ORU^R01 import, chart reads. */
export async function drugTestResultsRoutes(_root: FastifyInstance, _deps: AppDeps): Promise<void> {}
