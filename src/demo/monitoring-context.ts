/** What the monitoring side of the seed (drug tests, medications, check-ins, alerts, on-call) shares while it walks, and what it counts. */
import type { ManualClock } from '../clock.ts';
import type { AppDeps } from '../deps.ts';
import { type LocalDate, addDays, instantAt, isoWeekday, localDateOf } from '../time/local-time.ts';
import type { MonitoringPlan } from './monitoring-plan.ts';
import type { Prng } from './prng.ts';
import type { CareWalker } from './seed-care.ts';
import type { Live } from './seed-days.ts';
import type { World } from './seed-setup.ts';
import type { Timeline } from './timeline.ts';

export interface MonitoringContext {
  readonly world: World;
  readonly clock: ManualClock;
  readonly timeline: Timeline;
  /** Never advanced: every draw forks from it by a label. */
  readonly rng: Prng;
  readonly push: (at: Date, run: () => Promise<void>) => void;
  /** For the work the job runner does (the morning draw, end-of-day missed doses, sweeps): called as the worker calls it. */
  readonly deps: AppDeps;
  /** Real time: the walk ends here. */
  readonly now: Date;
  readonly plan: MonitoringPlan;
  readonly care: CareWalker;
  readonly stats: MonitoringStats;
  readonly patientById: (patientId: string) => Live | undefined;
  orgId: string;
}

export interface MonitoringStats {
  randomSelected: number;
  forCauseOrdered: number;
  collected: number;
  temperatureOutOfRange: number;
  refused: number;
  notCollected: number;
  resulted: number;
  hl7Imports: number;
  reviewed: number;
  medications: number;
  dosesRecorded: number;
  portalCheckins: number;
  kioskCheckins: number;
  onCallShifts: number;
  alertsAcknowledged: number;
  alertsResolved: number;
  jobRounds: number;
}

export const emptyMonitoringStats = (): MonitoringStats => ({
  randomSelected: 0, forCauseOrdered: 0, collected: 0, temperatureOutOfRange: 0, refused: 0, notCollected: 0, resulted: 0, hl7Imports: 0, reviewed: 0,
  medications: 0, dosesRecorded: 0, portalCheckins: 0, kioskCheckins: 0, onCallShifts: 0, alertsAcknowledged: 0, alertsResolved: 0, jobRounds: 0,
});

export const isWeekday = (date: LocalDate) => isoWeekday(date) <= 5;

/** The first weekday instant at `time` strictly after `after` (facility-local). */
export function nextWeekdayAt(after: Date, time: string, timeZone: string): Date {
  for (let day = localDateOf(after, timeZone); ; day = addDays(day, 1)) {
    const at = instantAt(day, time, timeZone);
    if (isWeekday(day) && at.getTime() > after.getTime()) return at;
  }
}

/** Minutes after an instant. */
export const after = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
