/**
 * Loads what the step-down rules need for many episodes at once (weekly hours through the
 * hours machinery, PHQ-9 and GAD-7 scores, the objectives of the plan in force at the end of
 * the evaluated week as they stood then) and evaluates each with the pure
 * evaluateStepDown. Set-based: a fixed number of queries whatever the number of episodes.
 * Reads only (besides materialising group occurrences, as the hours pages do); callers audit.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isAttending } from '../attendance/attendance-rules.ts';
import { type EpisodeSpan, weeklyHoursSeries } from '../attendance/hours-series.ts';
import { groupsOfPatients, phaseHistoryOf, rosteredSessions } from '../attendance/hours.store.ts';
import { materialiseGroups } from '../attendance/materialise.ts';
import { bandOf, toSessionHours } from '../attendance/session-hours.ts';
import { type EpisodeObjectiveProgress, objectiveProgressAtWeekEnd } from '../plans/plan-progress.ts';
import { type LocalDate, addDays, compareDates, localDateOf, weekStartOf } from '../time/local-time.ts';
import { type Evaluation, type PhaseRef, type Score, type StepDownWeek, evaluateStepDown } from './step-down-rules.ts';
import { type ProgramPhaseRow, type StepDownEpisodeRow, instrumentScoresOfEpisodes, phasesOfPrograms } from './stepdown.store.ts';

type Trx = Transaction<Database>;

/** The first day of the last completed facility week: the week a proposal is for. */
export function evaluatedWeekOf(now: Date, episode: { time_zone: string; week_starts_on: number }): LocalDate {
  return addDays(weekStartOf(localDateOf(now, episode.time_zone), episode.week_starts_on), -7);
}

/** The first day of the current facility week: when an approved move takes effect. */
export function currentWeekOf(now: Date, episode: { time_zone: string; week_starts_on: number }): LocalDate {
  return weekStartOf(localDateOf(now, episode.time_zone), episode.week_starts_on);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const maxDate = (a: LocalDate, b: LocalDate) => (compareDates(a, b) >= 0 ? a : b);
const withinEpisode = (episode: StepDownEpisodeRow, day: LocalDate) =>
  compareDates(day, episode.admitted_on) >= 0 && (episode.discharged_on === null || compareDates(day, episode.discharged_on) <= 0);

interface Neighbours {
  readonly phase: ProgramPhaseRow;
  readonly next: PhaseRef | null;
  readonly previous: PhaseRef | null;
}

function neighboursOf(phases: readonly ProgramPhaseRow[], episode: StepDownEpisodeRow): Neighbours | undefined {
  const own = phases.filter((p) => p.program_id === episode.program_id).sort((a, b) => a.position - b.position);
  const i = own.findIndex((p) => p.phase_id === episode.phase_id);
  if (i < 0) return undefined;
  const ref = (p: ProgramPhaseRow | undefined) => (p ? { phaseId: p.phase_id, name: p.name } : null);
  return { phase: own[i]!, next: ref(own[i + 1]), previous: ref(own[i - 1]) };
}

/**
 * The weeks the criteria look at: the last `consecutiveWeeksMet` completed weeks, not before
 * the phase began (the run and the attendance window end with the evaluated week; how long
 * the phase has lasted comes from its start day, not from its weeks).
 */
function weekWindow(episode: StepDownEpisodeRow, weeksWanted: number, evaluatedWeekStart: LocalDate): { from: LocalDate; to: LocalDate } | null {
  if (weeksWanted <= 0) return null;
  const from = maxDate(weekStartOf(episode.phase_started_on, episode.week_starts_on), addDays(evaluatedWeekStart, -7 * (weeksWanted - 1)));
  const to = addDays(evaluatedWeekStart, 6);
  return compareDates(from, to) <= 0 ? { from, to } : null;
}

async function completedWeeks(trx: Trx, orgId: string, episodes: readonly { episode: StepDownEpisodeRow; window: { from: LocalDate; to: LocalDate } }[], now: Date): Promise<Map<string, StepDownWeek[]>> {
  const result = new Map<string, StepDownWeek[]>();
  if (episodes.length === 0) return result;
  const from = episodes.map((e) => e.window.from).reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  const to = episodes.map((e) => e.window.to).reduce(maxDate);
  const patientIds = [...new Set(episodes.map((e) => e.episode.patient_id))];
  // Past occurrences nobody opened are written now, so a session missed and never recorded still counts as scheduled.
  await materialiseGroups(trx, orgId, await groupsOfPatients(trx, orgId, patientIds, from, to), from, to, now);
  const [sessions, history] = await Promise.all([
    rosteredSessions(trx, orgId, patientIds, from, to),
    phaseHistoryOf(trx, orgId, episodes.map((e) => e.episode.episode_id)),
  ]);
  const sessionsByPatient = groupBy(sessions, (s) => s.patient_id);
  const historyByEpisode = groupBy(history, (h) => h.episode_id);
  for (const { episode, window } of episodes) {
    const span: EpisodeSpan = {
      episodeId: episode.episode_id,
      programName: episode.program_name,
      admittedOn: episode.admitted_on,
      dischargedOn: episode.discharged_on,
      phases: (historyByEpisode.get(episode.episode_id) ?? []).map((h) => ({ effectiveOn: h.effective_on, band: bandOf(h) })),
      currentBand: bandOf({ ...episode, name: episode.phase_name }),
    };
    const own = (sessionsByPatient.get(episode.patient_id) ?? []).filter((s) => withinEpisode(episode, s.local_date));
    const series = weeklyHoursSeries({ ...window, weekStartsOn: episode.week_starts_on, timeZone: episode.time_zone, now, sessions: own.map((s) => toSessionHours(s, now)), episodes: [span] });
    result.set(
      episode.episode_id,
      series
        .filter((week) => week.weekOver && week.episodeId === episode.episode_id)
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
 * Evaluates active episodes for their facility's last completed week. Discharged episodes
 * and episodes whose phase is missing from their program get no entry.
 */
export async function evaluateEpisodes(trx: Trx, orgId: string, episodes: readonly StepDownEpisodeRow[], now: Date): Promise<Map<string, Evaluation>> {
  const active = episodes.filter((e) => e.status === 'active');
  const phases = await phasesOfPrograms(trx, orgId, [...new Set(active.map((e) => e.program_id))]);
  const prepared = active.flatMap((episode) => {
    const neighbours = neighboursOf(phases, episode);
    if (!neighbours) return [];
    const evaluatedWeekStart = evaluatedWeekOf(now, episode);
    const window = weekWindow(episode, neighbours.phase.advancement_criteria?.consecutiveWeeksMet ?? 0, evaluatedWeekStart);
    return [{ episode, neighbours, evaluatedWeekStart, window }];
  });
  const ids = prepared.map((p) => p.episode.episode_id);
  // Objectives as they stood at the end of the evaluated week: a proposal does not change mid-week.
  const wantObjectives = prepared
    .filter((p) => p.neighbours.phase.advancement_criteria?.objectivesMet)
    .map((p) => ({ episodeId: p.episode.episode_id, weekEnd: addDays(p.evaluatedWeekStart, 6) }));
  const withWindow = prepared.flatMap((p) => (p.window ? [{ episode: p.episode, window: p.window }] : []));
  const [weeks, scores, objectives] = await Promise.all([
    completedWeeks(trx, orgId, withWindow, now),
    instrumentScoresOfEpisodes(trx, orgId, ids, ['phq9', 'gad7']),
    wantObjectives.length ? objectiveProgressAtWeekEnd(trx, orgId, wantObjectives, now) : Promise.resolve(new Map<string, EpisodeObjectiveProgress[]>()),
  ]);
  const scoresByEpisode = groupBy(scores, (s) => `${s.episode_id}|${s.instrument}`);
  const scoresOf = (episodeId: string, instrument: 'phq9' | 'gad7'): Score[] =>
    (scoresByEpisode.get(`${episodeId}|${instrument}`) ?? []).flatMap((s) => (s.total_score === null ? [] : [{ administeredOn: s.administered_on, score: Number(s.total_score) }]));

  const result = new Map<string, Evaluation>();
  for (const { episode, neighbours, evaluatedWeekStart } of prepared) {
    const { phase } = neighbours;
    result.set(
      episode.episode_id,
      evaluateStepDown({
        phase: { phaseId: phase.phase_id, name: phase.name, position: phase.position, criteria: phase.advancement_criteria },
        nextPhase: neighbours.next,
        previousPhase: neighbours.previous,
        phaseStartedOn: episode.phase_started_on,
        evaluatedWeekStart,
        weeks: weeks.get(episode.episode_id) ?? [],
        phq9: scoresOf(episode.episode_id, 'phq9'),
        gad7: scoresOf(episode.episode_id, 'gad7'),
        // No entry: no plan in force at the end of the week (or the phase does not ask).
        objectives:
          objectives.get(episode.episode_id)?.map((o) => ({
            objectiveId: o.objectiveId,
            description: o.description,
            phaseId: o.phaseId,
            met: o.met,
          })) ?? null,
      }),
    );
  }
  return result;
}
