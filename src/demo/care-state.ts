/** What the care side of the seed keeps per patient while it walks, and what it counts. */
import type { ManualClock } from '../clock.ts';
import type { InstrumentId } from '../instruments/definitions.ts';
import type { PlanContent } from '../plans/plans.schemas.ts';
import { type LocalDate, addDays, isoWeekday } from '../time/local-time.ts';
import type { Course } from './clinical-course.ts';
import type { DemoClient } from './client.ts';
import type { IntakePlan } from './intake-course.ts';
import type { FacilityKey, TrackKey } from './organization.ts';
import type { Prng } from './prng.ts';
import type { World } from './seed-setup.ts';
import type { Timeline } from './timeline.ts';

export interface CareContext {
  readonly world: World;
  readonly clock: ManualClock;
  readonly timeline: Timeline;
  /** Never advanced: every draw forks from it by a label, so one change does not shift the rest. */
  readonly rng: Prng;
  readonly push: (at: Date, run: () => Promise<void>) => void;
  readonly stats: CareStats;
}

export interface PlanState {
  version: number;
  status: 'draft' | 'awaiting_patient' | 'active';
  content: PlanContent;
  readonly customObjectiveId: string;
  readonly customUnit: string;
  effectiveOn: LocalDate | null;
}

export interface CareState {
  readonly course: Course;
  readonly intake: IntakePlan;
  portal: DemoClient | null;
  /** The day each instrument was last given (any source). */
  readonly last: Map<InstrumentId, LocalDate>;
  admission: { phq9: number; gad7: number } | null;
  latestPhq9: number | null;
  plan: PlanState | null;
  /** When the clinician writes the plan; whether it is left unsigned for now. */
  readonly draftOn: LocalDate;
  readonly draftOnly: boolean;
  /** The latest periodic questionnaires were not given (they show as due or overdue today). */
  readonly forgetful: boolean;
  /** When the patient signs the version awaiting them in the portal (null: not yet, or no portal). */
  signOn: LocalDate | null;
  /** When the clinician reviews the plan in force (null: not scheduled, so it falls overdue). */
  reviewOn: LocalDate | null;
  /** The review makes a new version instead of a note. */
  revise: boolean;
}

export interface CareStats {
  intakeAssessments: number;
  overrides: number;
  instrumentResponses: number;
  portalResponses: number;
  portalAccounts: number;
  plansWritten: number;
  clinicianSignatures: number;
  patientSignatures: number;
  planReviews: number;
  planRevisions: number;
  measurements: number;
  stepDownApproved: number;
  stepDownDeclined: number;
  stayExtensions: number;
}

export const emptyCareStats = (): CareStats => ({
  intakeAssessments: 0, overrides: 0, instrumentResponses: 0, portalResponses: 0, portalAccounts: 0, plansWritten: 0, clinicianSignatures: 0,
  patientSignatures: 0, planReviews: 0, planRevisions: 0, measurements: 0, stepDownApproved: 0, stepDownDeclined: 0, stayExtensions: 0,
});

/** Questionnaires are filled in before the track's first group; the portal in the evening, after it. */
export const INSTRUMENT_TIME: Record<TrackKey, string> = { morning: '08:40', evening: '17:35', afternoon: '15:05' };
export const PORTAL_TIME: Record<TrackKey, string> = { morning: '19:30', evening: '21:45', afternoon: '20:00' };
/** Clinicians write and review plans between their groups and individual sessions. */
export const DESK_TIME: Record<FacilityKey, string> = { hartford: '16:15', pasadena: '13:00' };

/** The first weekday on or after the day. */
export function weekdayOnOrAfter(date: LocalDate): LocalDate {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

/** The last weekday on or before the day. */
export function weekdayOnOrBefore(date: LocalDate): LocalDate {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  return day;
}
