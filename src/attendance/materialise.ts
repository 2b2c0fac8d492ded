/**
 * Group occurrences become session rows on demand (scheduling's ensureSessions), so the
 * board and the hours of the current week see every session still to come.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ensureGroupSessions, ensureSessions } from '../scheduling/sessions.ts';

/** Every active group's sessions at a facility for local days [from, to]. */
export function materialiseFacility(trx: Transaction<Database>, orgId: string, facilityId: string, from: string, to: string, now: Date): Promise<void> {
  return ensureSessions(trx, orgId, facilityId, from, to, now);
}

/** The sessions of particular groups (a patient's, wherever they meet) for [from, to]. */
export function materialiseGroups(trx: Transaction<Database>, orgId: string, groupIds: readonly string[], from: string, to: string, now: Date): Promise<void> {
  return ensureGroupSessions(trx, orgId, groupIds, from, to, now);
}
