/**
 * How a demo patient turns up: mostly on time, some late arrivals and early departures,
 * excused and unexcused absences, whole missed days, a bad week for a few, nothing at all
 * after someone stops coming, every session for one (whose mood worsens all the same). Pure: a seeded Prng and the timeline decide everything.
 */
import { type LocalDate, compareDates } from '../time/local-time.ts';
import type { Reliability } from './people.ts';
import type { Prng } from './prng.ts';
import type { PlannedPatient } from './timeline.ts';

export interface WeekPlan {
  /** ISO weekdays missed entirely. */
  readonly skipDays: ReadonlySet<number>;
  /** The n-th group session of the week (0-based) missed. */
  readonly skipGroupOrdinal: number | null;
  readonly skipIndividual: boolean;
  /** No lateness, no absences (a week with extra sessions). */
  readonly perfect: boolean;
}

export type Turnout =
  | { readonly kind: 'absent'; readonly excused: boolean }
  /** Minutes relative to the start (negative: early) and to the end (negative: left early). */
  | { readonly kind: 'attend'; readonly arrive: number; readonly leave: number };

const ABSENCE_EVENT: Record<Reliability, number> = { steady: 0.15, typical: 0.4, struggling: 0.6 };
const LATE: Record<Reliability, number> = { steady: 0.03, typical: 0.07, struggling: 0.12 };
const LEAVES_EARLY: Record<Reliability, number> = { steady: 0.015, typical: 0.03, struggling: 0.07 };
const EXCUSED: Record<Reliability, number> = { steady: 0.6, typical: 0.45, struggling: 0.25 };

export function weekPlan(rng: Prng, patient: PlannedPatient, weekStart: LocalDate, thisWeek: LocalDate, trackDays: readonly number[], groupsPerWeek: number): WeekPlan {
  if (patient.extraWeeks.includes(weekStart) || patient.perfectAttendance) return { skipDays: new Set(), skipGroupOrdinal: null, skipIndividual: false, perfect: true };
  if (patient.badWeeks.includes(weekStart)) {
    // Last week: two days missed (below the minimum). This week: the first days missed (at risk).
    const missed = weekStart === thisWeek ? [trackDays[0]!, trackDays[1]!] : [trackDays[0]!, trackDays[trackDays.length - 1]!];
    return { skipDays: new Set(missed), skipGroupOrdinal: null, skipIndividual: rng.chance(0.5), perfect: false };
  }
  const reliability = patient.profile.reliability;
  const skipDays = new Set<number>();
  let skipGroupOrdinal: number | null = null;
  let skipIndividual = false;
  const events = (rng.chance(ABSENCE_EVENT[reliability]) ? 1 : 0) + (reliability === 'struggling' && rng.chance(0.45) ? 1 : 0);
  for (let i = 0; i < events; i++) {
    const roll = rng.next();
    if (roll < 0.35) skipIndividual = true;
    else if (roll < 0.75) skipGroupOrdinal = rng.int(0, groupsPerWeek - 1);
    else skipDays.add(rng.pick(trackDays));
  }
  return { skipDays, skipGroupOrdinal, skipIndividual, perfect: false };
}

export interface SessionFacts {
  readonly date: LocalDate;
  readonly weekday: number;
  readonly kind: 'group' | 'individual' | 'family';
  /** Group sessions only: the n-th group session of the patient's week. */
  readonly ordinal: number | null;
}

export function turnout(rng: Prng, patient: PlannedPatient, plan: WeekPlan, session: SessionFacts): Turnout {
  const reliability = patient.profile.reliability;
  if (patient.stopsAttendingOn && compareDates(session.date, patient.stopsAttendingOn) >= 0) return { kind: 'absent', excused: false };
  const missed =
    plan.skipDays.has(session.weekday) ||
    (session.kind === 'group' && session.ordinal !== null && session.ordinal === plan.skipGroupOrdinal) ||
    (session.kind !== 'group' && plan.skipIndividual);
  if (missed) return { kind: 'absent', excused: rng.chance(EXCUSED[reliability]) };
  const late = !plan.perfect && rng.chance(LATE[reliability]);
  const leavesEarly = !plan.perfect && rng.chance(LEAVES_EARLY[reliability]);
  return {
    kind: 'attend',
    // On time is usually a few minutes early; now and then a few minutes after the start (present, minutes lost).
    arrive: late ? rng.int(11, 25) : rng.chance(0.12) ? rng.int(1, 9) : rng.int(-20, 0),
    leave: leavesEarly ? -rng.int(20, 45) : rng.int(0, 6),
  };
}

/**
 * Back-to-back groups: a patient who stays from one into the next is checked out of the
 * first and into the second at the changeover, and leaving early can only happen from the
 * second.
 */
export function continuous<T extends { readonly session: { readonly startsAt: string; readonly endsAt: string }; readonly turnout: Turnout }>(list: readonly T[]): T[] {
  const turnouts: Turnout[] = list.map((x) => x.turnout);
  for (let i = 1; i < list.length; i++) {
    const prev = turnouts[i - 1]!;
    const next = turnouts[i]!;
    if (list[i - 1]!.session.endsAt !== list[i]!.session.startsAt || prev.kind !== 'attend' || next.kind !== 'attend') continue;
    turnouts[i] = { kind: 'attend', arrive: 0, leave: Math.min(prev.leave, next.leave) };
    turnouts[i - 1] = { ...prev, leave: 0 };
  }
  return list.map((x, i) => ({ ...x, turnout: turnouts[i]! }));
}
