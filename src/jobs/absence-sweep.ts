/**
 * Absence sweep (every five minutes per facility): sessions of the last two days that ended
 * and have nothing recorded (once an hour has passed) or an unexcused absence may complete a
 * run of two; rules.ts judges, raise.ts writes. The few queries are the same for any census.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AbsenceTouch, raiseAbsenceAlerts } from '../alerts/absences.ts';
import { sessionsToJudge } from '../alerts/absence-window.ts';
import { activeEpisodesAt, rosteredSessions } from '../attendance/hours.store.ts';
import { materialiseFacility } from '../attendance/materialise.ts';
import { addDays, localDateOf } from '../time/local-time.ts';
import { facilityOfJob } from './facility-job.ts';
import type { JobContext } from './runner.ts';
import { systemAudit } from './system-audit.ts';

/** How far back the sweep looks for sessions that became judgeable (a server down a day catches up). */
export const ABSENCE_LOOKBACK_DAYS = 2;

export async function absenceSweep(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  const today = localDateOf(job.now, facility.time_zone);
  const from = addDays(today, -ABSENCE_LOOKBACK_DAYS);
  // Group occurrences become session rows on demand; nobody may have opened the board.
  await materialiseFacility(trx, job.orgId, facility.facility_id, from, today, job.now);
  const patientIds = [...new Set((await activeEpisodesAt(trx, job.orgId, facility.facility_id)).map((e) => e.patient_id))];
  const recent = await rosteredSessions(trx, job.orgId, patientIds, from, today);
  const byPatient = new Map<string, typeof recent>();
  for (const s of recent) byPatient.set(s.patient_id, [...(byPatient.get(s.patient_id) ?? []), s]);
  const touches: AbsenceTouch[] = [];
  for (const [patientId, sessions] of byPatient) {
    // Judgeable now (sessionsToJudge: ended; blank ones an hour after) and absent or blank.
    const judged = sessionsToJudge(sessions.map((s) => ({ sessionId: s.session_id, startsAt: s.starts_at, endsAt: s.ends_at, cancelled: s.status === 'cancelled', status: s.attendance?.status ?? null })), job.now);
    const sessionIds = new Set(judged.filter((s) => s.status === null || s.status === 'unexcused_absence').map((s) => s.sessionId));
    if (sessionIds.size > 0) touches.push({ patientId, sessionIds });
  }
  await raiseAbsenceAlerts(trx, systemAudit(job.orgId, job.now), touches, job.now);
}
