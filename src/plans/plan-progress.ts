/**
 * Objectives measuring themselves: loads each episode's data (weekly hours and sessions
 * through the hours machinery, instrument scores, attended sessions, custom measurements)
 * and hands it to the pure measureObjective. Set-based: a fixed number of queries for any
 * number of episodes, so the step-down queue can measure a whole facility at once.
 * Reads only (besides materialising group occurrences, as the hours pages do); callers audit.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isAttending } from '../attendance/attendance-rules.ts';
import { type EpisodeSpan, weeklyHoursSeries } from '../attendance/hours-series.ts';
import { episodesOfPatients, groupsOfPatients, phaseHistoryOf, rosteredSessions } from '../attendance/hours.store.ts';
import { materialiseGroups } from '../attendance/materialise.ts';
import { bandOf, toSessionHours } from '../attendance/session-hours.ts';
import { type LocalDate, addDays, compareDates, localDateOf, startOfLocalDay, weekStartOf } from '../time/local-time.ts';
import { type CompletedWeek, type ObjectiveData, measureObjective } from './objective-progress.ts';
import { objectivesOf, versionInForceOn } from './plan-rules.ts';
import { MAX_METRIC_WEEKS, type MetricKind, type ObjectiveProgress, type PlanContent } from './plans.schemas.ts';
import {
  type PlanEpisodeRow,
  attendedSessionRows,
  episodeScores,
  firstEffectiveDays,
  measurementRows,
  planEpisodes,
  planVersionRows,
} from './plans.store.ts';

type Trx = Transaction<Database>;

/** An objective's progress with what the step-down rules and progress pages need beside it. */
export type EpisodeObjectiveProgress = ObjectiveProgress & { phaseId: string | null; description: string };

export interface PlanToMeasure {
  readonly episode: PlanEpisodeRow;
  readonly content: PlanContent;
  /**
   * The last facility day whose data counts: progress is measured as it stood at the end of
   * it (the local midnight after). Absent: as it stands now, with today's data.
   */
  readonly through?: LocalDate;
}

/** The instant progress is measured at, and the last day whose data counts. */
interface MeasuredAt {
  readonly at: Date;
  readonly through: LocalDate;
}

function measuredAt(plan: PlanToMeasure, now: Date): MeasuredAt {
  const zone = plan.episode.time_zone;
  return plan.through === undefined ? { at: now, through: localDateOf(now, zone) } : { at: startOfLocalDay(addDays(plan.through, 1), zone), through: plan.through };
}
const onOrBefore = (day: LocalDate, through: LocalDate) => compareDates(day, through) <= 0;

const WEEKLY_METRICS: ReadonlySet<MetricKind> = new Set(['attendance_rate', 'weeks_hours_met']);

const metricsOf = (plan: PlanToMeasure) => new Set(objectivesOf(plan.content).map((o) => o.objective.metric.kind));
const minDate = (dates: LocalDate[]) => dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
const maxDate = (dates: LocalDate[]) => dates.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
const withinEpisode = (episode: PlanEpisodeRow, day: LocalDate) =>
  compareDates(day, episode.admitted_on) >= 0 && (episode.discharged_on === null || compareDates(day, episode.discharged_on) <= 0);

/** The facility weeks completed by `at` (at most MAX_METRIC_WEEKS) each episode's weekly metrics look at. */
function weekWindow(episode: PlanEpisodeRow, at: Date): { from: LocalDate; to: LocalDate } | null {
  const thisWeek = weekStartOf(localDateOf(at, episode.time_zone), episode.week_starts_on);
  const from = maxDate([weekStartOf(episode.admitted_on, episode.week_starts_on), addDays(thisWeek, -7 * MAX_METRIC_WEEKS)]);
  const to = addDays(thisWeek, -1);
  return compareDates(from, to) <= 0 ? { from, to } : null;
}

/**
 * Weeks of each episode completed by its instant `at`, with their hours status and session
 * counts, via hours-series.ts. `now` is the app clock: it stamps the sessions materialised.
 */
async function completedWeeksOf(trx: Trx, orgId: string, episodes: readonly { episode: PlanEpisodeRow; at: Date }[], now: Date): Promise<Map<string, CompletedWeek[]>> {
  const windows = new Map(episodes.flatMap(({ episode, at }) => {
    const window = weekWindow(episode, at);
    return window ? [[episode.episode_id, { ...window, at }] as const] : [];
  }));
  const result = new Map<string, CompletedWeek[]>();
  if (windows.size === 0) return result;
  const from = minDate([...windows.values()].map((w) => w.from));
  const to = maxDate([...windows.values()].map((w) => w.to));
  const patientIds = [...new Set(episodes.map((e) => e.episode.patient_id))];
  // Past occurrences nobody opened are written now, so a session missed and never recorded still counts as scheduled.
  await materialiseGroups(trx, orgId, await groupsOfPatients(trx, orgId, patientIds, from, to), from, to, now);
  const [sessions, bands, history] = await Promise.all([
    rosteredSessions(trx, orgId, patientIds, from, to),
    episodesOfPatients(trx, orgId, patientIds),
    phaseHistoryOf(trx, orgId, [...windows.keys()]),
  ]);
  for (const { episode } of episodes) {
    const window = windows.get(episode.episode_id);
    const current = bands.find((b) => b.episode_id === episode.episode_id);
    if (!window || !current) continue;
    const span: EpisodeSpan = {
      episodeId: episode.episode_id,
      programName: episode.program_name,
      admittedOn: episode.admitted_on,
      dischargedOn: episode.discharged_on,
      phases: history.filter((h) => h.episode_id === episode.episode_id).map((h) => ({ effectiveOn: h.effective_on, band: bandOf(h) })),
      currentBand: bandOf({ ...current, name: current.phase_name }),
    };
    const own = sessions.filter((s) => s.patient_id === episode.patient_id && withinEpisode(episode, s.local_date));
    const { at, from, to } = window;
    const series = weeklyHoursSeries({ from, to, weekStartsOn: episode.week_starts_on, timeZone: episode.time_zone, now: at, sessions: own.map((s) => toSessionHours(s, at)), episodes: [span] });
    result.set(
      episode.episode_id,
      series
        .filter((week) => week.weekOver && week.episodeId === episode.episode_id && week.status.kind !== 'not_in_program')
        .map((week) => {
          const held = own.filter((s) => s.status === 'scheduled' && compareDates(s.local_date, week.weekStart) >= 0 && compareDates(s.local_date, week.weekEnd) <= 0);
          return {
            weekStart: week.weekStart,
            status: week.status.kind,
            meetsRequiredDays: week.meetsRequiredDays,
            sessionsScheduled: held.length,
            sessionsAttended: held.filter((s) => s.attendance !== null && isAttending(s.attendance.status)).length,
          };
        }),
    );
  }
  return result;
}

/**
 * Measures every objective of each plan against its episode's data, by episode id: now, or
 * as it stood at the end of the plan's `through` day (only data dated through it counts).
 */
export async function measurePlans(trx: Trx, orgId: string, plans: readonly PlanToMeasure[], now: Date): Promise<Map<string, EpisodeObjectiveProgress[]>> {
  const needs = (kind: MetricKind) => plans.filter((p) => metricsOf(p).has(kind)).map((p) => p.episode);
  const weekly = plans.filter((p) => [...metricsOf(p)].some((k) => WEEKLY_METRICS.has(k))).map((p) => ({ episode: p.episode, at: measuredAt(p, now).at }));
  const instruments = [...new Set(plans.flatMap((p) => objectivesOf(p.content).flatMap(({ objective: { metric } }) => (metric.kind === 'instrument_score_below' ? [metric.instrument] : []))))];
  const counting = needs('sessions_attended');
  const episodeIds = plans.map((p) => p.episode.episode_id);

  const effective = await firstEffectiveDays(trx, orgId, episodeIds);
  const countFrom = counting.flatMap((e) => effective.get(e.episode_id) ?? []);
  const [weeks, scores, attended, measurements] = await Promise.all([
    completedWeeksOf(trx, orgId, weekly, now),
    episodeScores(trx, orgId, needs('instrument_score_below').map((e) => e.episode_id), instruments),
    countFrom.length ? attendedSessionRows(trx, orgId, [...new Set(counting.map((e) => e.patient_id))], minDate(countFrom)) : Promise.resolve([]),
    measurementRows(trx, orgId, needs('custom').map((e) => e.episode_id)),
  ]);

  const result = new Map<string, EpisodeObjectiveProgress[]>();
  for (const plan of plans) {
    const { episode, content } = plan;
    const { at, through } = measuredAt(plan, now);
    const planEffectiveOn = effective.get(episode.episode_id) ?? null;
    const data: ObjectiveData = {
      completedWeeks: weeks.get(episode.episode_id) ?? [],
      scores: scores
        .filter((s) => s.episode_id === episode.episode_id && onOrBefore(s.administered_on, through))
        .map((s) => ({ instrument: s.instrument, administeredOn: s.administered_on, score: Number(s.total_score) })),
      attendedSessions: attended
        .filter((s) => s.patient_id === episode.patient_id && withinEpisode(episode, s.local_date) && onOrBefore(s.local_date, through))
        .map((s) => ({ localDate: s.local_date, kind: s.kind, groupType: s.group_type })),
      planEffectiveOn: planEffectiveOn !== null && onOrBefore(planEffectiveOn, through) ? planEffectiveOn : null,
      measurements: measurements
        .filter((m) => m.episode_id === episode.episode_id && onOrBefore(m.measured_on, through))
        .map((m) => ({ objectiveId: m.objective_id, measuredOn: m.measured_on, value: Number(m.value) })),
    };
    const today = localDateOf(at, episode.time_zone);
    result.set(
      episode.episode_id,
      objectivesOf(content).map(({ objective }) => ({ ...measureObjective(objective, data, today), phaseId: objective.phaseId, description: objective.description })),
    );
  }
  return result;
}

/** Progress now of the objectives of the plan in force for each episode (no entry for an episode without one). */
export async function objectiveProgressOfEpisodes(trx: Trx, orgId: string, episodeIds: readonly string[], now: Date): Promise<Map<string, EpisodeObjectiveProgress[]>> {
  const [episodes, versions] = await Promise.all([planEpisodes(trx, orgId, episodeIds), planVersionRows(trx, orgId, episodeIds)]);
  const plans = episodes.flatMap((episode) => {
    const active = versions.find((v) => v.episode_id === episode.episode_id && v.status === 'active');
    return active ? [{ episode, content: active.content as PlanContent }] : [];
  });
  return measurePlans(trx, orgId, plans, now);
}

/**
 * Progress of each episode's objectives as they stood at the end of a facility week (`weekEnd`,
 * its last day): the objectives of the plan in force that day, measured on data dated through
 * it, at the local midnight after it. No entry for an episode without a plan in force that day.
 * For step-down (src/stepdown), whose proposal for a week must not change as the next week's
 * data comes in (step-down-rules.ts).
 */
export async function objectiveProgressAtWeekEnd(trx: Trx, orgId: string, weeks: readonly { episodeId: string; weekEnd: LocalDate }[], now: Date): Promise<Map<string, EpisodeObjectiveProgress[]>> {
  const episodeIds = weeks.map((w) => w.episodeId);
  const weekEnds = new Map(weeks.map((w) => [w.episodeId, w.weekEnd]));
  const [episodes, versions] = await Promise.all([planEpisodes(trx, orgId, episodeIds), planVersionRows(trx, orgId, episodeIds)]);
  const plans = episodes.flatMap((episode) => {
    const weekEnd = weekEnds.get(episode.episode_id)!;
    const inForce = versionInForceOn(versions.filter((v) => v.episode_id === episode.episode_id), weekEnd);
    return inForce ? [{ episode, content: inForce.content as PlanContent, through: weekEnd }] : [];
  });
  return measurePlans(trx, orgId, plans, now);
}

/**
 * Progress of the objectives of an episode's plan in force, with each objective's phase and
 * description; [] when no version is in force (none signed by the patient yet).
 * For the discharge summary (src/aftercare).
 */
export async function objectiveProgressOfEpisode(trx: Trx, orgId: string, episodeId: string, now: Date): Promise<EpisodeObjectiveProgress[]> {
  return (await objectiveProgressOfEpisodes(trx, orgId, [episodeId], now)).get(episodeId) ?? [];
}
