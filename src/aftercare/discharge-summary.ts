/**
 * The discharge summary: how the stay went, in figures (issue 4: instrument change from
 * admission to discharge, hours attended, goals met). Pure; the data and `now` are passed in.
 */
import type { AttendanceStatus } from '../db/schema.ts';
import { isAbsence } from '../attendance/attendance-rules.ts';
import { type LocalDate, daysBetween } from '../time/local-time.ts';
import type { DischargeSummary } from './aftercare.schemas.ts';

export interface StaySession {
  readonly status: 'scheduled' | 'cancelled';
  readonly endsAt: Date;
  /** Credited minutes (attendance-rules.ts creditedMinutes), or null when nothing was recorded. */
  readonly attendance: { readonly status: AttendanceStatus; readonly minutes: number } | null;
}

export interface StayResponse {
  readonly instrument: string;
  readonly totalScore: number | null;
  readonly severity: string | null;
  readonly administeredOn: LocalDate;
}

export interface StayFacts {
  readonly admittedOn: LocalDate;
  /** The discharge day, or today for an active episode. */
  readonly through: LocalDate;
  readonly now: Date;
  readonly phaseReached: { readonly phaseId: string; readonly name: string };
  /** The patient's rostered sessions from admission through `through`. */
  readonly sessions: readonly StaySession[];
  /** The episode's instrument responses, oldest first. */
  readonly responses: readonly StayResponse[];
  /** Instrument names, and the order instruments are listed in. */
  readonly instrumentNames: readonly (readonly [id: string, name: string])[];
  /** The plan's objectives with whether each is met now. */
  readonly objectives: readonly { readonly description: string; readonly met: boolean }[];
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * A session counts as scheduled once it has ended (or has attendance recorded): a session
 * later on the discharge day was never going to be attended. Cancelled sessions do not count.
 */
function countSessions(sessions: readonly StaySession[], now: Date) {
  let scheduled = 0;
  let attended = 0;
  let minutes = 0;
  for (const session of sessions) {
    if (session.status === 'cancelled') continue;
    if (session.endsAt.getTime() > now.getTime() && session.attendance === null) continue;
    scheduled++;
    if (session.attendance && !isAbsence(session.attendance.status)) {
      attended++;
      minutes += session.attendance.minutes;
    }
  }
  return { scheduled, attended, minutes };
}

function instrumentChanges(facts: StayFacts): DischargeSummary['instruments'] {
  return facts.instrumentNames.flatMap(([id, name]) => {
    const responses = facts.responses.filter((r) => r.instrument === id);
    const first = responses[0];
    if (!first) return [];
    // With a single response there is nothing to compare it to.
    const last = responses.length > 1 ? responses.at(-1)! : null;
    const score = (r: StayResponse) => ({ score: r.totalScore, severity: r.severity, on: r.administeredOn });
    const change = last && last.totalScore !== null && first.totalScore !== null ? last.totalScore - first.totalScore : null;
    return [{ instrument: id, name, first: score(first), last: last ? score(last) : null, change }];
  });
}

export function summariseStay(facts: StayFacts): DischargeSummary {
  const { scheduled, attended, minutes } = countSessions(facts.sessions, facts.now);
  return {
    admittedOn: facts.admittedOn,
    through: facts.through,
    daysInProgram: Math.max(0, daysBetween(facts.admittedOn, facts.through)),
    phaseReached: { phaseId: facts.phaseReached.phaseId, name: facts.phaseReached.name },
    hoursAttended: round(minutes / 60, 2),
    sessionsAttended: attended,
    sessionsScheduled: scheduled,
    attendancePercent: scheduled === 0 ? null : round((attended / scheduled) * 100, 1),
    instruments: instrumentChanges(facts),
    goals: {
      objectivesTotal: facts.objectives.length,
      objectivesMet: facts.objectives.filter((o) => o.met).length,
      objectives: facts.objectives.map((o) => ({ description: o.description, met: o.met })),
    },
  };
}
