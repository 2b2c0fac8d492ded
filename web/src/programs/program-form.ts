/** The program editor's form values, their checks, and the conversion to/from the API. */
import type { Program, ProgramInput, TrackInput } from '../api/types.ts';

export type TrackKind = TrackInput['kind'];

export interface TrackRow {
  key: string;
  trackId?: string;
  kind: TrackKind;
  name: string;
  startsAt: string;
  endsAt: string;
  /** ISO weekdays as strings ("1" = Monday), as the chip group holds them. */
  daysOfWeek: string[];
}

export interface PhaseRow {
  key: string;
  phaseId?: string;
  name: string;
  requiredDaysPerWeek: number | string;
  minHoursPerWeek: number | string;
  maxHoursPerWeek: number | string;
}

export interface ProgramFormValues {
  facilityId: string | null;
  name: string;
  levelOfCare: string | null;
  population: ProgramInput['population'];
  modality: ProgramInput['modality'];
  expectedLengthOfStayDays: number | string;
  active: boolean;
  tracks: TrackRow[];
  phases: PhaseRow[];
}

let rowCounter = 0;
/** React keys for rows; ids from the server stay in trackId / phaseId. */
export const rowKey = () => `row-${++rowCounter}`;

/** A 3-hour block per time of day (SAMHSA TIP 47: 3-hour blocks, 3–5 days a week). */
export const TRACK_DEFAULTS: Record<TrackKind, { name: string; startsAt: string; endsAt: string }> = {
  morning: { name: 'Morning', startsAt: '09:00', endsAt: '12:00' },
  afternoon: { name: 'Afternoon', startsAt: '13:00', endsAt: '16:00' },
  evening: { name: 'Evening', startsAt: '18:00', endsAt: '21:00' },
};

export function newTrack(kind: TrackKind = 'morning'): TrackRow {
  return { key: rowKey(), kind, ...TRACK_DEFAULTS[kind], daysOfWeek: ['1', '2', '3', '4'] };
}

export function newPhase(): PhaseRow {
  return { key: rowKey(), name: '', requiredDaysPerWeek: 3, minHoursPerWeek: '', maxHoursPerWeek: '' };
}

export function valuesOf(program: Program | undefined, defaults: { facilityId: string | null }): ProgramFormValues {
  if (!program) {
    return {
      facilityId: defaults.facilityId,
      name: '',
      levelOfCare: '2.1',
      population: 'adult',
      modality: 'in_person',
      expectedLengthOfStayDays: 56,
      active: true,
      tracks: [newTrack()],
      phases: [newPhase()],
    };
  }
  return {
    facilityId: program.facilityId,
    name: program.name,
    levelOfCare: program.levelOfCare,
    population: program.population as ProgramInput['population'],
    modality: program.modality as ProgramInput['modality'],
    expectedLengthOfStayDays: program.expectedLengthOfStayDays,
    active: program.active,
    tracks: program.tracks.map((t) => ({
      key: rowKey(),
      trackId: t.trackId,
      kind: t.kind as TrackKind,
      name: t.name,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      daysOfWeek: t.daysOfWeek.map(String),
    })),
    phases: program.phases.map((p) => ({
      key: rowKey(),
      phaseId: p.phaseId,
      name: p.name,
      requiredDaysPerWeek: p.requiredDaysPerWeek,
      minHoursPerWeek: p.minHoursPerWeek,
      maxHoursPerWeek: p.maxHoursPerWeek,
    })),
  };
}

/** Ids go back with their rows so phases and tracks keep them (PUT replaces the definition). */
export function inputOf(v: ProgramFormValues): ProgramInput {
  return {
    facilityId: v.facilityId ?? '',
    name: v.name.trim(),
    levelOfCare: v.levelOfCare ?? '',
    population: v.population,
    modality: v.modality,
    expectedLengthOfStayDays: Number(v.expectedLengthOfStayDays),
    active: v.active,
    tracks: v.tracks.map((t) => ({
      ...(t.trackId ? { trackId: t.trackId } : {}),
      kind: t.kind,
      name: t.name.trim(),
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      daysOfWeek: t.daysOfWeek.map(Number).sort((a, b) => a - b),
    })),
    phases: v.phases.map((p) => ({
      ...(p.phaseId ? { phaseId: p.phaseId } : {}),
      name: p.name.trim(),
      requiredDaysPerWeek: Number(p.requiredDaysPerWeek),
      minHoursPerWeek: Number(p.minHoursPerWeek),
      maxHoursPerWeek: Number(p.maxHoursPerWeek),
    })),
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function hoursProblem(v: number | string): string | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return 'Enter the hours.';
  if (v < 0 || v > 168) return 'Enter 0 to 168 hours.';
  return Number.isInteger(v * 2) ? null : 'Use steps of half an hour (0.5).';
}

/** Mantine form rules; list rules apply to every row. */
export const programValidation = {
  facilityId: (v: string | null) => (v ? null : 'Choose the facility.'),
  name: (v: string) => (v.trim() ? null : 'Enter the program’s name.'),
  levelOfCare: (v: string | null) => (v ? null : 'Choose the level of care.'),
  expectedLengthOfStayDays: (v: number | string) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 730 ? null : 'Enter a whole number of days from 1 to 730.',
  tracks: {
    name: (v: string) => (v.trim() ? null : 'Name the track.'),
    startsAt: (v: string) => (TIME.test(v) ? null : 'Enter the start time.'),
    endsAt: (v: string, values: ProgramFormValues, path: string) => {
      if (!TIME.test(v)) return 'Enter the end time.';
      const track = values.tracks[Number(path.split('.')[1])];
      return track && TIME.test(track.startsAt) && v <= track.startsAt ? 'The track must end after it starts.' : null;
    },
    daysOfWeek: (v: string[]) => (v.length > 0 ? null : 'Choose at least one day.'),
  },
  phases: {
    name: (v: string) => (v.trim() ? null : 'Name the phase.'),
    requiredDaysPerWeek: (v: number | string) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7 ? null : 'Enter 1 to 7 days.'),
    minHoursPerWeek: hoursProblem,
    maxHoursPerWeek: (v: number | string, values: ProgramFormValues, path: string) => {
      const problem = hoursProblem(v);
      if (problem) return problem;
      const min = values.phases[Number(path.split('.')[1])]?.minHoursPerWeek;
      return typeof min === 'number' && typeof v === 'number' && v < min ? 'The maximum must be at least the minimum.' : null;
    },
  },
};
