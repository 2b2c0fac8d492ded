/**
 * Whether a program definition is coherent: a level of care with an hours band, phases
 * inside that band, tracks with sensible times, clinical settings in range. Pure; returns
 * every problem with its field path so a form can show each one beside its field.
 */
import type { AdvancementCriteria, InstrumentCadenceEntry } from '../db/schema.ts';
import { CARE_SETTING_LIMITS } from './care-settings.ts';
import { type AsamEdition, type Population, describeBand, findLevel, phaseFitsBand } from './levels-of-care.ts';

export interface PhaseDraft {
  readonly phaseId?: string | undefined;
  readonly name: string;
  readonly requiredDaysPerWeek: number;
  readonly minHoursPerWeek: number;
  readonly maxHoursPerWeek: number;
  /** Omitted: unchanged or the default; null: no automatic step-down. */
  readonly advancementCriteria?: AdvancementCriteria | null | undefined;
}

export interface TrackDraft {
  readonly trackId?: string | undefined;
  readonly kind: 'morning' | 'afternoon' | 'evening';
  readonly startsAt: string;
  readonly endsAt: string;
  readonly daysOfWeek: readonly number[];
}

export interface ProgramDraft {
  readonly edition: AsamEdition;
  readonly levelOfCare: string;
  readonly population: Population;
  readonly phases: readonly PhaseDraft[];
  readonly tracks: readonly TrackDraft[];
  readonly planReviewDays?: number | undefined;
  readonly instrumentCadence?: readonly InstrumentCadenceEntry[] | undefined;
}

export type ProgramProblemCode =
  | 'level_of_care_unknown'
  | 'level_of_care_without_hours'
  | 'phase_hours_outside_band'
  | 'phase_hours_inverted'
  | 'track_times_invalid'
  | 'track_days_repeated'
  | 'id_repeated'
  | 'setting_out_of_range'
  | 'instrument_repeated'
  | 'instrument_never_given';

export interface ProgramProblem {
  readonly code: ProgramProblemCode;
  readonly path: string;
  readonly message: string;
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function programProblems(draft: ProgramDraft): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  const level = findLevel(draft.edition, draft.levelOfCare);
  if (!level) {
    problems.push({
      code: 'level_of_care_unknown',
      path: 'levelOfCare',
      message: `Level ${draft.levelOfCare} is not a level of care in ASAM edition ${draft.edition}.`,
    });
  } else {
    const band = level.hours[draft.population];
    if (!band) {
      problems.push({
        code: 'level_of_care_without_hours',
        path: 'levelOfCare',
        message: `Level ${level.code} (${level.name}) is not an outpatient level with weekly hours; Cairn programs are outpatient, intensive outpatient or partial hospitalization.`,
      });
    } else {
      draft.phases.forEach((phase, i) => {
        if (phase.minHoursPerWeek > phase.maxHoursPerWeek) {
          problems.push({
            code: 'phase_hours_inverted',
            path: `phases[${i}].minHoursPerWeek`,
            message: `Phase ${i + 1} (${phase.name}): the minimum hours are above the maximum.`,
          });
        } else if (!phaseFitsBand(band, phase)) {
          const field = phase.minHoursPerWeek < band.min ? 'minHoursPerWeek' : 'maxHoursPerWeek';
          problems.push({
            code: 'phase_hours_outside_band',
            path: `phases[${i}].${field}`,
            message: `Phase ${i + 1} (${phase.name}) has ${phase.minHoursPerWeek} to ${phase.maxHoursPerWeek} hours per week, but ${describeBand(level, draft.population)}.`,
          });
        }
      });
    }
  }
  // The same id twice would make one row overwrite another when saved.
  for (const [list, key] of [['phases', 'phaseId'], ['tracks', 'trackId']] as const) {
    const seen = new Set<string>();
    (draft[list] as readonly { phaseId?: string; trackId?: string }[]).forEach((row, i) => {
      const id = row[key];
      if (id === undefined) return;
      if (seen.has(id)) problems.push({ code: 'id_repeated', path: `${list}[${i}].${key}`, message: `${list === 'phases' ? 'Phase' : 'Track'} ${i + 1} repeats the id of an earlier one.` });
      seen.add(id);
    });
  }
  draft.tracks.forEach((track, i) => {
    if (minutesOf(track.endsAt) <= minutesOf(track.startsAt)) {
      problems.push({ code: 'track_times_invalid', path: `tracks[${i}].endsAt`, message: `Track ${i + 1} (${track.kind}) must end after it starts.` });
    }
    if (new Set(track.daysOfWeek).size !== track.daysOfWeek.length) {
      problems.push({ code: 'track_days_repeated', path: `tracks[${i}].daysOfWeek`, message: `Track ${i + 1} lists a weekday twice.` });
    }
  });
  problems.push(...careSettingsProblems(draft));
  return problems;
}

type Limit = { readonly min: number; readonly max: number };

function outOfRange(value: number, limit: Limit, path: string, what: string): ProgramProblem[] {
  if (value >= limit.min && value <= limit.max) return [];
  return [{ code: 'setting_out_of_range', path, message: `${what} must be from ${limit.min} to ${limit.max}.` }];
}

/** Plan review interval, instrument cadence and each phase's advancement criteria. */
export function careSettingsProblems(draft: Pick<ProgramDraft, 'planReviewDays' | 'instrumentCadence' | 'phases'>): ProgramProblem[] {
  const limits = CARE_SETTING_LIMITS;
  const problems: ProgramProblem[] = [];
  if (draft.planReviewDays !== undefined) problems.push(...outOfRange(draft.planReviewDays, limits.planReviewDays, 'planReviewDays', 'The plan review interval (days)'));
  const seen = new Set<string>();
  (draft.instrumentCadence ?? []).forEach((entry, i) => {
    const path = `instrumentCadence[${i}]`;
    // One row per instrument: two rows would give two conflicting schedules.
    if (seen.has(entry.instrument)) problems.push({ code: 'instrument_repeated', path: `${path}.instrument`, message: `${entry.instrument} is listed twice; give each instrument one row.` });
    seen.add(entry.instrument);
    if (entry.everyDays !== null) problems.push(...outOfRange(entry.everyDays, limits.everyDays, `${path}.everyDays`, 'Repeat every (days)'));
    if (!entry.atAdmission && entry.everyDays === null && !entry.atDischarge) {
      problems.push({ code: 'instrument_never_given', path, message: `${entry.instrument} is never given: choose admission, a repeat interval or discharge, or remove the row.` });
    }
  });
  draft.phases.forEach((phase, i) => {
    const criteria = phase.advancementCriteria;
    if (!criteria) return;
    const path = `phases[${i}].advancementCriteria`;
    problems.push(
      ...outOfRange(criteria.consecutiveWeeksMet, limits.consecutiveWeeksMet, `${path}.consecutiveWeeksMet`, 'Weeks in a row with hours met'),
      ...outOfRange(criteria.minAttendancePercent, limits.minAttendancePercent, `${path}.minAttendancePercent`, 'Minimum attendance (%)'),
      ...(criteria.phq9
        ? [
            ...outOfRange(criteria.phq9.improvedBy, limits.phq9ImprovedBy, `${path}.phq9.improvedBy`, 'PHQ-9 improvement (points)'),
            ...outOfRange(criteria.phq9.orBelow, limits.phq9OrBelow, `${path}.phq9.orBelow`, 'PHQ-9 score below'),
          ]
        : []),
      ...(criteria.maxWeeksInPhase !== null ? outOfRange(criteria.maxWeeksInPhase, limits.maxWeeksInPhase, `${path}.maxWeeksInPhase`, 'Weeks in phase before proposing more care') : []),
    );
  });
  return problems;
}
