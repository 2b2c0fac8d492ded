/**
 * Two unexcused absences in a row (rules.ts absenceAlerts), judged over each active
 * episode's whole run of its own sessions (those at its program's facility, or of the group
 * seats made under it: a patient treated at two facilities is judged once per session) so a run keeps the key of its first session however long
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
import { absenceAlertsTouching, episodeOfSession, sessionsToJudge } from './absence-window.ts';
import { groupSeatsOf, sessionFacilities } from './absences.store.ts';
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
  // Each session is judged by one episode: the one its group seat was made under, else the
  // one at the session's facility (episodeOfSession) — never by every episode of the patient.
  const places = new Map((await sessionFacilities(trx, audit.orgId, sessions.map((s) => s.session_id))).map((s) => [s.session_id, s]));
  const seats = await groupSeatsOf(trx, audit.orgId, patientIds);
  const seatEpisode = (patientId: string, groupId: string | null, day: string): string | null => {
    if (!groupId) return null;
    const seat = seats
      .filter((g) => g.patient_id === patientId && g.group_id === groupId && compareDates(g.seated_on!, day) <= 0 && (g.ends_on === null || compareDates(g.ends_on, day) >= 0))
      .sort((a, b) => compareDates(b.seated_on!, a.seated_on!))[0];
    return seat?.episode_id ?? null;
  };
  const candidates: AlertCandidate[] = [];
  for (const touch of touched) {
    const patientEpisodes = episodes.filter((e) => e.patient_id === touch.patientId);
    const spans = patientEpisodes.map((e) => ({ episodeId: e.episode_id, facilityId: e.facility_id, admittedOn: e.admitted_on, dischargedOn: e.discharged_on }));
    const ownerOf = new Map((byPatient.get(touch.patientId) ?? []).map((s) => {
      const place = places.get(s.session_id);
      const owner = place ? episodeOfSession({ localDate: s.local_date, facilityId: place.facility_id, enrolledEpisodeId: seatEpisode(touch.patientId, place.group_id, s.local_date) }, spans) : null;
      return [s.session_id, owner];
    }));
    for (const episode of patientEpisodes) {
      const inEpisode = (byPatient.get(touch.patientId) ?? []).filter((s) => ownerOf.get(s.session_id) === episode.episode_id);
      const judged = sessionsToJudge(inEpisode.map((s) => ({ sessionId: s.session_id, startsAt: s.starts_at, endsAt: s.ends_at, cancelled: s.status === 'cancelled', status: s.attendance?.status ?? null })), now);
      candidates.push(...absenceAlertsTouching({ patientId: touch.patientId, episodeId: episode.episode_id, facilityId: episode.facility_id }, judged, touch.sessionIds));
    }
  }
  return raiseAlerts(trx, audit, candidates, now);
}
