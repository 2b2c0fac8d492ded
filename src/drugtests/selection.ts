/**
 * Random drug-test selection for one facility day (pure: no I/O, no clock).
 *
 * A patient is eligible on a facility day when they are scheduled that day (rostered on a
 * non-cancelled session at the facility), in an active episode of a program whose policy
 * is active and lists the day's weekday. Each eligible patient is drawn independently with
 *
 *   p = min(1, testsPerWeek / eligibleScheduledDaysThisWeek)
 *
 * where the denominator counts the patient's own scheduled days in that facility week that
 * fall on an eligible weekday, so a patient who comes 3 days a week and one who comes 5
 * both average `testsPerWeek` tests. Draws are memoryless: a test yesterday neither lowers
 * nor raises today's odds, so a patient cannot reason "I was tested Monday, I am safe
 * until next week" (ASAM 2017 appropriate-use guidance: random, unpredictable schedule;
 * domain-rules.md "IOP structure").
 */
import { randomBytes } from 'node:crypto';
import { type LocalDate, addDays, isoWeekday } from '../time/local-time.ts';

/** Uniform draws in [0, 1). Injected so unit tests can fix the draws; production uses the CSPRNG. */
export interface RandomSource {
  next(): number;
}

const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;
const DRAWS_PER_REFILL = 512;

/**
 * Draws from node:crypto's CSPRNG: 53 random bits per draw (the full precision of a double),
 * so every value k / 2^53 is equally likely. Bytes are fetched in blocks for speed.
 */
export function cryptoRandomSource(): RandomSource {
  let buffer = Buffer.alloc(0);
  let offset = 0;
  return {
    next(): number {
      if (offset + 8 > buffer.length) {
        buffer = randomBytes(8 * DRAWS_PER_REFILL);
        offset = 0;
      }
      const high = buffer.readUInt32BE(offset); // 32 bits
      const low = buffer.readUInt32BE(offset + 4) >>> 11; // 21 bits
      offset += 8;
      return (high * TWO_POW_21 + low) / TWO_POW_53;
    },
  };
}

/** What selection needs of a program's policy (drug_test_policies). */
export interface RandomTestingPolicy {
  readonly active: boolean;
  readonly testsPerWeek: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly eligibleWeekdays: readonly number[];
}

/** A patient's active episode at the facility and the days of the facility week they are scheduled there. */
export interface PatientWeek {
  readonly patientId: string;
  readonly episodeId: string;
  readonly programId: string;
  /** Local days of this facility week with at least one non-cancelled session on the patient's roster. */
  readonly scheduledDays: readonly LocalDate[];
}

export interface FacilityDay {
  readonly date: LocalDate;
  /** First day of the facility week containing `date` (facilities.week_starts_on). */
  readonly weekStart: LocalDate;
}

export type ExclusionReason = 'not_scheduled_today' | 'no_policy' | 'policy_inactive' | 'weekday_not_eligible';

export interface Candidate {
  readonly patientId: string;
  readonly episodeId: string;
  readonly programId: string;
  readonly testsPerWeek: number;
  /** The patient's scheduled days this facility week on an eligible weekday (today included). */
  readonly eligibleScheduledDays: readonly LocalDate[];
  readonly probability: number;
}

export interface Exclusion {
  readonly patientId: string;
  readonly episodeId: string;
  readonly programId: string;
  readonly reason: ExclusionReason;
}

export interface SelectionPlan {
  /** One per eligible patient. */
  readonly candidates: readonly Candidate[];
  /** Episodes of patients with no candidate, with why. */
  readonly excluded: readonly Exclusion[];
}

export interface Draw extends Candidate {
  /** The uniform draw in [0, 1) (kept with the run so an auditor can check it). */
  readonly draw: number;
  readonly selected: boolean;
}

/** p = min(1, testsPerWeek / eligible scheduled days this week); 0 when there are none. */
export function selectionProbability(testsPerWeek: number, eligibleScheduledDays: number): number {
  if (eligibleScheduledDays <= 0 || testsPerWeek <= 0) return 0;
  return Math.min(1, testsPerWeek / eligibleScheduledDays);
}

/** The seven days of the facility week with their ISO weekdays (one Temporal call per day). */
function weekdaysOfWeek(weekStart: LocalDate): Map<LocalDate, number> {
  const first = isoWeekday(weekStart);
  return new Map(Array.from({ length: 7 }, (_, i) => [addDays(weekStart, i), ((first - 1 + i) % 7) + 1] as const));
}

type Assessment = { readonly eligible: true; readonly candidate: Candidate } | { readonly eligible: false; readonly exclusion: Exclusion };

function assess(date: LocalDate, weekdayOf: ReadonlyMap<LocalDate, number>, patient: PatientWeek, policy: RandomTestingPolicy | undefined): Assessment {
  const ids = { patientId: patient.patientId, episodeId: patient.episodeId, programId: patient.programId };
  const exclude = (reason: ExclusionReason): Assessment => ({ eligible: false, exclusion: { ...ids, reason } });
  if (!patient.scheduledDays.includes(date)) return exclude('not_scheduled_today');
  if (!policy) return exclude('no_policy');
  if (!policy.active) return exclude('policy_inactive');
  if (!policy.eligibleWeekdays.includes(weekdayOf.get(date)!)) return exclude('weekday_not_eligible');
  // Days outside the facility week are not in the map and so never counted.
  const eligibleScheduledDays = [...new Set(patient.scheduledDays)].filter((d) => policy.eligibleWeekdays.includes(weekdayOf.get(d) ?? 0)).sort();
  return {
    eligible: true,
    candidate: { ...ids, testsPerWeek: policy.testsPerWeek, eligibleScheduledDays, probability: selectionProbability(policy.testsPerWeek, eligibleScheduledDays.length) },
  };
}

/**
 * Who may be drawn on a facility day, and with what probability. A patient in two programs
 * at the facility is drawn once (one random test per patient per day, drug_tests_one_random),
 * under the policy that asks for the most testing.
 */
export function selectionCandidates(day: FacilityDay, patients: readonly PatientWeek[], policies: ReadonlyMap<string, RandomTestingPolicy>): SelectionPlan {
  const weekdayOf = weekdaysOfWeek(day.weekStart);
  if (!weekdayOf.has(day.date)) throw new Error(`${day.date} is not in the facility week starting ${day.weekStart}`);
  const best = new Map<string, Candidate>();
  const excludedByPatient = new Map<string, Exclusion[]>();
  for (const patient of patients) {
    const assessment = assess(day.date, weekdayOf, patient, policies.get(patient.programId));
    if (!assessment.eligible) {
      excludedByPatient.set(patient.patientId, [...(excludedByPatient.get(patient.patientId) ?? []), assessment.exclusion]);
      continue;
    }
    const current = best.get(patient.patientId);
    const c = assessment.candidate;
    if (!current || c.probability > current.probability || (c.probability === current.probability && c.episodeId < current.episodeId)) best.set(patient.patientId, c);
  }
  const byPatient = (a: { patientId: string; episodeId: string }, b: { patientId: string; episodeId: string }) =>
    a.patientId.localeCompare(b.patientId) || a.episodeId.localeCompare(b.episodeId);
  return {
    candidates: [...best.values()].sort(byPatient),
    excluded: [...excludedByPatient].filter(([patientId]) => !best.has(patientId)).flatMap(([, exclusions]) => exclusions).sort(byPatient),
  };
}

/** One independent draw per candidate: selected when the draw falls below the candidate's probability. */
export function drawSelection(candidates: readonly Candidate[], random: RandomSource): Draw[] {
  return candidates.map((candidate) => {
    const draw = random.next();
    return { ...candidate, draw, selected: draw < candidate.probability };
  });
}
