/**
 * Who is scheduled at a facility on which days, as the attendance board defines a roster
 * (attendance.store.ts rosterMembers: a seat in the group that day, or the patient's own
 * individual or family session), on non-cancelled sessions only.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { rosterMembers } from '../attendance/attendance.store.ts';
import { materialiseFacility } from '../attendance/materialise.ts';
import { scheduledSessionsBetween } from './collection.store.ts';

export interface RosteredSession {
  readonly patientId: string;
  readonly sessionId: string;
  readonly localDate: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * Every (patient, session) on the facility's non-cancelled sessions of local days [from, to],
 * in start order. A drop-in (on a roster only because attendance was recorded) was not
 * scheduled, so is left out: the day's draw must not depend on what time it runs.
 */
export async function facilityRosters(trx: Transaction<Database>, orgId: string, facilityId: string, from: string, to: string, now: Date): Promise<RosteredSession[]> {
  await materialiseFacility(trx, orgId, facilityId, from, to, now);
  const sessions = await scheduledSessionsBetween(trx, orgId, facilityId, from, to);
  const members = await rosterMembers(trx, orgId, sessions.map((s) => s.session_id));
  const ownPatient = new Map(sessions.map((s) => [s.session_id, s.patient_id]));
  const bySession = new Map<string, string[]>();
  for (const m of members) {
    if (m.enrollment_id === null && ownPatient.get(m.session_id) !== m.patient_id) continue;
    bySession.set(m.session_id, [...(bySession.get(m.session_id) ?? []), m.patient_id]);
  }
  return sessions.flatMap((s) =>
    (bySession.get(s.session_id) ?? []).map((patientId) => ({ patientId, sessionId: s.session_id, localDate: s.local_date, title: s.title, startsAt: s.starts_at, endsAt: s.ends_at })),
  );
}
