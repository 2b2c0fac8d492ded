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
