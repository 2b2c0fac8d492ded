/**
 * Which sessions the absence rule (rules.ts absenceAlerts) may judge, and which of its runs
 * to raise. Pure, like rules.ts: `now` is an argument.
 */
import type { AttendanceStatus } from '../db/schema.ts';
import { type AlertCandidate, type AlertSubject, type PastSession, absenceAlerts } from './rules.ts';

/** A rostered session as stored: what `sessionsToJudge` picks the ended ones from. */
export interface RosteredSession {
  readonly sessionId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly cancelled: boolean;
  readonly status: AttendanceStatus | null;
}

/** Staff have an hour after a session ends to record attendance before an empty record counts as a no-show. */
export const UNRECORDED_GRACE_MINUTES = 60;

/**
 * The sessions the absence rule may judge at `now`, in order: ended and not cancelled. A
 * session with nothing recorded counts only once it ended at least an hour ago; the first
 * one still inside that hour ends the list, since what comes after it cannot be judged in
 * order yet (a run must not jump over a session that may still be marked attended).
 */
export function sessionsToJudge(sessions: readonly RosteredSession[], now: Date, graceMinutes = UNRECORDED_GRACE_MINUTES): PastSession[] {
  const ordered = sessions.filter((s) => !s.cancelled && s.endsAt.getTime() <= now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const judged: PastSession[] = [];
  for (const s of ordered) {
    if (s.status === null && s.endsAt.getTime() > now.getTime() - graceMinutes * 60_000) break;
    judged.push({ sessionId: s.sessionId, startsAt: s.startsAt.toISOString(), status: s.status });
  }
  return judged;
}

/**
 * The absence alerts whose run includes one of `sessionIds` (the session just marked, or
 * those that just became judgeable): a sweep or an edit raises the run it touches, not
 * runs from weeks before alerts existed.
 */
export function absenceAlertsTouching(subject: AlertSubject, sessions: readonly PastSession[], sessionIds: ReadonlySet<string>): AlertCandidate[] {
  return absenceAlerts(subject, sessions).filter((candidate) => (candidate.details['sessionIds'] as readonly string[]).some((id) => sessionIds.has(id)));
}

/** An episode as the absence rule needs it: where and when it is treated. */
export interface EpisodeSpan {
  readonly episodeId: string;
  /** The facility of the episode's program. */
  readonly facilityId: string;
  readonly admittedOn: string;
  readonly dischargedOn: string | null;
}

/** Where a rostered session took place, and the episode its group enrolment was made under, if any. */
export interface SessionPlace {
  readonly localDate: string;
  readonly facilityId: string;
  /** The episode of the patient's seat in the session's group; null for an individual or family session. */
  readonly enrolledEpisodeId: string | null;
}

/**
 * The one episode whose team judges the patient's attendance at a session, so a patient
 * treated at two facilities gets one alert for one run of absences, owned by the facility
 * where the sessions were: the episode the patient was enrolled in the group under; else
 * the first (by admission) episode covering the day in a program at the session's facility;
 * else — a session at a facility where the patient has no episode — the first episode
 * covering the day, so no missed session goes unjudged. Null when no episode covers the day.
 */
export function episodeOfSession(session: SessionPlace, episodes: readonly EpisodeSpan[]): string | null {
  const covering = episodes
    .filter((e) => e.admittedOn <= session.localDate && (e.dischargedOn === null || session.localDate <= e.dischargedOn))
    .sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : a.admittedOn > b.admittedOn ? 1 : a.episodeId.localeCompare(b.episodeId)));
  if (session.enrolledEpisodeId && covering.some((e) => e.episodeId === session.enrolledEpisodeId)) return session.enrolledEpisodeId;
  return (covering.find((e) => e.facilityId === session.facilityId) ?? covering[0])?.episodeId ?? null;
}
