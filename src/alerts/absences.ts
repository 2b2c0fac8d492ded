/**
 * Two unexcused absences in a row (rules.ts absenceAlerts), judged over each active
 * episode's whole run of sessions so a run keeps the key of its first session however long
 * it grows. Called from an attendance write (the session just marked unexcused) and from
 * the absence sweep (sessions nobody recorded, an hour after they ended). Set-based: the
 * same few queries for one patient or a facility's census (attendance/hours.store.ts).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditContext } from '../audit/record.ts';
import { episodesOfPatients, rosteredSessions } from '../attendance/hours.store.ts';
import { addDays, compareDates, localDateOf } from '../time/local-time.ts';
import { type RaisedAlert, raiseAlerts } from './raise.ts';
import { absenceAlertsTouching, sessionsToJudge } from './absence-window.ts';
import type { AlertCandidate } from './rules.ts';

/** A patient and the sessions whose change may have completed a run. */
export interface AbsenceTouch {
  readonly patientId: string;
  readonly sessionIds: ReadonlySet<string>;
}

/** Alerts for runs of unexcused absences that include a touched session, in active episodes; returns those raised now. */
export async function raiseAbsenceAlerts(trx: Transaction<Database>, audit: AuditContext, touches: readonly AbsenceTouch[], now: Date): Promise<RaisedAlert[]> {
  const touched = touches.filter((t) => t.sessionIds.size > 0);
  if (touched.length === 0) return [];
  const patientIds = [...new Set(touched.map((t) => t.patientId))];
  const episodes = (await episodesOfPatients(trx, audit.orgId, patientIds)).filter((e) => e.status === 'active');
  if (episodes.length === 0) return [];
  const from = episodes.map((e) => e.admitted_on).sort(compareDates)[0]!;
  // Any zone's today is at most a day after UTC's; sessionsToJudge keeps only ended sessions.
  const to = addDays(localDateOf(now, 'UTC'), 1);
  const sessions = await rosteredSessions(trx, audit.orgId, patientIds, from, to);
  const byPatient = new Map<string, typeof sessions>();
  for (const s of sessions) byPatient.set(s.patient_id, [...(byPatient.get(s.patient_id) ?? []), s]);
  const candidates: AlertCandidate[] = [];
  for (const touch of touched) {
    for (const episode of episodes.filter((e) => e.patient_id === touch.patientId)) {
      const inEpisode = (byPatient.get(touch.patientId) ?? []).filter((s) => compareDates(s.local_date, episode.admitted_on) >= 0 && (episode.discharged_on === null || compareDates(s.local_date, episode.discharged_on) <= 0));
      const judged = sessionsToJudge(inEpisode.map((s) => ({ sessionId: s.session_id, startsAt: s.starts_at, endsAt: s.ends_at, cancelled: s.status === 'cancelled', status: s.attendance?.status ?? null })), now);
      candidates.push(...absenceAlertsTouching({ patientId: touch.patientId, episodeId: episode.episode_id, facilityId: episode.facility_id }, judged, touch.sessionIds));
    }
  }
  return raiseAlerts(trx, audit, candidates, now);
}
