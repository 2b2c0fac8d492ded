/**
 * Seeds the demo organization into an empty database by driving the real API in-process
 * with its own app on a ManualClock, walked forward through the history so every rule,
 * audit event and transaction runs as it would have on those days.
 */
import { buildApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { AppDeps } from '../deps.ts';
import { addDays, compareDates, instantAt, isoWeekday, localDateOf } from '../time/local-time.ts';
import type { CareStats } from './care-state.ts';
import type { DemoClient } from './client.ts';
import { type DemoCounts, demoCounts } from './demo.store.ts';
import type { MonitoringStats } from './monitoring-context.ts';
import { FACILITIES, FRONT_DESK, type FacilityKey } from './organization.ts';
import { demoPatients } from './people.ts';
import { Prng } from './prng.ts';
import { DayWalker, type WalkStats } from './seed-days.ts';
import { type AdminAccount, type World, createOrganization, createWorld } from './seed-setup.ts';
import { type SeedSize, planTimeline } from './timeline.ts';

/** The organization's name carries this until the seed has finished, so a half-built demo is recognised. */
export const SEEDING_SUFFIX = ' [seeding]';

export interface SeedOptions {
  readonly size: SeedSize;
  /** Real time: the history ends here. */
  readonly now: Date;
  readonly organizationName: string;
  readonly admin: AdminAccount & { readonly fullName: string };
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface SeedResult {
  readonly orgId: string;
  readonly counts: DemoCounts;
  readonly stats: WalkStats;
  /** Weekly-hours statuses of the patients in treatment now, by week start. */
  readonly hours: Record<string, Record<string, number>>;
  readonly thisWeek: string;
  readonly lastWeek: string;
  /** What a clinician sees today: the step-down queue, instruments due, plans needing attention. */
  readonly care: CareSummary;
  /** What the collectors, the nurse and the clinical director see today. */
  readonly monitoring: MonitoringSummary;
  readonly apiCalls: number;
  readonly seconds: number;
}

export interface CareSummary {
  readonly stats: CareStats;
  /** Proposals awaiting the clinical director, by direction (advance, complete, intensify). */
  readonly stepDownQueue: Record<string, number>;
  readonly stepDownWeek: string;
  /** Instruments due today, by status (due, overdue). */
  readonly instrumentsDue: Record<string, number>;
  /** The plan review worklist, by state (no_plan, draft, awaiting_patient, review_overdue, review_due_soon). */
  readonly planWorklist: Record<string, number>;
}

const tally = (values: readonly string[]) => values.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {});

/** Reads the three worklists as the clinical director sees them at the end of the walk. */
async function careSummary(director: DemoClient, facilityIds: readonly string[], stats: CareStats): Promise<CareSummary> {
  const queues = [];
  const due = [];
  const plans = [];
  for (const id of facilityIds) {
    queues.push(await director.get<{ weekStart: string; items: { evaluation: { direction: string } }[] }>(`/api/facilities/${id}/step-down-queue`));
    due.push(...(await director.get<{ items: { status: string }[] }>(`/api/facilities/${id}/instruments-due`)).items);
    plans.push(...(await director.get<{ items: { state: string }[] }>(`/api/facilities/${id}/plan-reviews`)).items);
  }
  return {
    stats,
    stepDownQueue: tally(queues.flatMap((q) => q.items.map((i) => i.evaluation.direction))),
    stepDownWeek: queues[0]?.weekStart ?? '',
    instrumentsDue: tally(due.map((d) => d.status)),
    planWorklist: tally(plans.map((p) => p.state)),
  };
}

export interface MonitoringSummary {
  readonly stats: MonitoringStats;
  /** Today's drug-test list at each facility (by facility name): tests by status. */
  readonly drugTestsToday: Record<string, Record<string, number>>;
  /** The clinical director's inbox across her facilities. */
  readonly inbox: { readonly unresolved: number; readonly critical: number; readonly overdue: number };
  /** Who is on call now, by facility name. */
  readonly onCallNow: Record<string, string[]>;
}

async function monitoringSummary(world: World, stats: MonitoringStats): Promise<MonitoringSummary> {
  const drugTestsToday: Record<string, Record<string, number>> = {};
  const onCallNow: Record<string, string[]> = {};
  for (const key of Object.keys(world.facilities) as FacilityKey[]) {
    const { id } = world.facilities[key];
    const list = await world.staff[FRONT_DESK[key]].client.get<{ tests: { status: string }[] }>(`/api/facilities/${id}/drug-tests/today`);
    drugTestsToday[FACILITIES[key].name] = tally(list.tests.map((t) => t.status));
    const roster = await world.staff.director.client.get<{ onCallNow: { fullName: string }[] }>(`/api/facilities/${id}/on-call`);
    onCallNow[FACILITIES[key].name] = roster.onCallNow.map((s) => s.fullName);
  }
  const inbox = await world.staff.director.client.get<MonitoringSummary['inbox']>('/api/alerts/counts');
  return { stats, drugTestsToday, inbox, onCallNow };
}

const HOME_ZONE = FACILITIES.hartford.timeZone;

export async function seedDemo(handle: Pick<DatabaseHandle, 'db' | 'engine'>, base: Config, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const today = localDateOf(options.now, HOME_ZONE);
  const rng = new Prng(options.seed ?? 20_261_124);
  const profiles = demoPatients(rng.fork('people'), options.size.adults, options.size.adolescents, today);
  const timeline = planTimeline(rng.fork('timeline'), options.size, profiles, today);
  const clock = new ManualClock(instantAt(addDays(timeline.historyStart, -1), '10:00', HOME_ZONE));
  const config: Config = {
    ...base,
    logLevel: 'silent',
    // The seed's sign-ins must outlive weeks of walked time.
    sessionIdleMinutes: 60 * 24 * 400,
    sessionAbsoluteHours: 24 * 400,
    loginRateLimitPerMinute: 100_000,
    organizationName: `${options.organizationName}${SEEDING_SUFFIX}`,
    adminEmail: options.admin.email,
    adminPassword: options.admin.password,
    adminName: options.admin.fullName,
  };
  const deps: AppDeps = { db: handle.db, engine: handle.engine, clock, config };
  const { app } = await buildApp(deps, { logger: false, serveWebUi: false });
  try {
    const admin = await createOrganization(app, deps, options.admin);
    const world = await createWorld(app, admin, timeline.historyStart);
    log(`  organization, 2 facilities, 2 programs, ${Object.keys(world.staff).length} staff and ${world.groups.size} groups created`);
    const walker = new DayWalker(world, clock, timeline, options.now, rng.fork('walk'), deps);
    await walker.monitoring.start();
    for (let date = timeline.historyStart; compareDates(date, today) <= 0; date = addDays(date, 1)) {
      await walker.walkDay(date);
      if (isoWeekday(date) === 7 || date === today) {
        const s = walker.stats;
        log(`  through ${date}: ${walker.activeCount()} active patients, ${s.checkIns} check-ins, ${s.absences} absences, ${s.individualSessions} individual sessions booked (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }
    await walker.bookAhead();
    await walker.care.finish(walker.live);
    await walker.monitoring.finish();
    const care = await careSummary(world.staff.director.client, Object.values(world.facilities).map((f) => f.id), walker.care.stats);
    const monitoring = await monitoringSummary(world, walker.monitoring.stats);

    const hours: Record<string, Record<string, number>> = {};
    for (const p of walker.live.filter((l) => l.status === 'active')) {
      const weeks = await admin.get<{ weekStart: string; status: string }[]>(`/api/patients/${p.patientId}/hours?from=${timeline.lastWeek}&to=${today}`);
      for (const week of weeks) {
        const tally = (hours[week.weekStart] ??= {});
        tally[week.status] = (tally[week.status] ?? 0) + 1;
      }
    }
    const org = await admin.put<{ orgId: string }>('/api/organization', { name: options.organizationName });
    const calls = admin.calls + Object.values(world.staff).reduce((n, s) => n + s.client.calls, 0) + walker.care.portalCalls();
    return {
      orgId: org.orgId,
      counts: await demoCounts(handle.db, org.orgId, options.now),
      stats: walker.stats,
      hours,
      thisWeek: timeline.thisWeek,
      lastWeek: timeline.lastWeek,
      care,
      monitoring,
      apiCalls: calls,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await app.close();
  }
}
