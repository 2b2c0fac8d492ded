/**
 * A run of facility weeks for one patient: which episode covers each week, which phase band
 * was in force then, and the week's hours (hours.ts). Pure, like hours.ts.
 */
import { type LocalDate, type LocalWeek, compareDates, weeksBetween } from '../time/local-time.ts';
import { type PhaseBand, type SessionHours, type WeekCoverage, type WeekHours, weeklyHours } from './hours.ts';

/** One episode of care with its phase history. */
export interface EpisodeSpan {
  readonly episodeId: string;
  readonly programName: string;
  readonly admittedOn: LocalDate;
  readonly dischargedOn: LocalDate | null;
  /** The phase in force from each date (episode_phases), any order. */
  readonly phases: readonly { readonly effectiveOn: LocalDate; readonly band: PhaseBand }[];
  /** The episode's current phase: used when the history is empty. */
  readonly currentBand: PhaseBand;
}

export interface WeeklyHoursSeriesInput {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** ISO weekday the facility's week starts on (1 = Monday). */
  readonly weekStartsOn: number;
  readonly timeZone: string;
  readonly now: Date;
  readonly sessions: readonly SessionHours[];
  readonly episodes: readonly EpisodeSpan[];
}

export interface SeriesWeek extends WeekHours {
  readonly episodeId: string | null;
  readonly programName: string | null;
}

const overlaps = (episode: EpisodeSpan, week: LocalWeek) =>
  compareDates(episode.admittedOn, week.end) <= 0 && (episode.dischargedOn === null || compareDates(episode.dischargedOn, week.start) >= 0);

/** The episode covering the week; when two overlap (a transfer), the later admission. */
export function episodeForWeek(episodes: readonly EpisodeSpan[], week: LocalWeek): EpisodeSpan | undefined {
  return episodes.filter((e) => overlaps(e, week)).sort((a, b) => compareDates(b.admittedOn, a.admittedOn))[0];
}

/** The band of the phase in force on `day`: the latest change effective on or before it. */
export function bandOnDay(episode: EpisodeSpan, day: LocalDate): PhaseBand {
  const history = [...episode.phases].sort((a, b) => compareDates(a.effectiveOn, b.effectiveOn));
  const inForce = history.filter((p) => compareDates(p.effectiveOn, day) <= 0).at(-1) ?? history[0];
  return inForce?.band ?? episode.currentBand;
}

/** The coverage of a week: the phase is the one in force on the week's first covered day. */
export function coverageForWeek(episodes: readonly EpisodeSpan[], week: LocalWeek): { episode: EpisodeSpan; coverage: WeekCoverage } | undefined {
  const episode = episodeForWeek(episodes, week);
  if (!episode) return undefined;
  const firstCovered = compareDates(episode.admittedOn, week.start) > 0 ? episode.admittedOn : week.start;
  return { episode, coverage: { admittedOn: episode.admittedOn, dischargedOn: episode.dischargedOn, band: bandOnDay(episode, firstCovered) } };
}

/** Every facility week overlapping [from, to], oldest first. */
export function weeklyHoursSeries(input: WeeklyHoursSeriesInput): SeriesWeek[] {
  return weeksBetween(input.from, input.to, input.weekStartsOn).map((week) => {
    const covered = coverageForWeek(input.episodes, week);
    const result = weeklyHours({ week, now: input.now, timeZone: input.timeZone, sessions: input.sessions, coverage: covered?.coverage ?? null });
    return { ...result, episodeId: covered?.episode.episodeId ?? null, programName: covered?.episode.programName ?? null };
  });
}
