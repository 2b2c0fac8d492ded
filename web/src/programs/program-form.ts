/** The program editor's form values, their checks, and the conversion to/from the API. */
import type { PhaseInput, Program, ProgramInput, TrackInput } from '../api/types.ts';
import {
  CARE_SETTING_LIMITS,
  DEFAULT_ADVANCEMENT_CRITERIA,
  DEFAULT_INSTRUMENT_CADENCE,
  DEFAULT_PLAN_REVIEW_DAYS,
} from '../../../src/programs/care-settings.ts';

export type TrackKind = TrackInput['kind'];
export type CadenceEntry = NonNullable<ProgramInput['instrumentCadence']>[number];
export type InstrumentId = CadenceEntry['instrument'];
export type AdvancementCriteria = NonNullable<PhaseInput['advancementCriteria']>;

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

/** A phase's advancement criteria as the form holds them; paths match the server's (`phases.1.advancementCriteria.phq9.orBelow`). */
export interface CriteriaValues {
  consecutiveWeeksMet: number | string;
  minAttendancePercent: number | string;
  /** Off: no PHQ-9 requirement (phq9 null). */
  phq9Required: boolean;
  phq9: { improvedBy: number | string; orBelow: number | string };
  objectivesMet: boolean;
  /** Empty: never propose more intensive care for time in phase. */
  maxWeeksInPhase: number | string;
}

export interface PhaseRow {
  key: string;
  phaseId?: string;
  name: string;
  requiredDaysPerWeek: number | string;
  minHoursPerWeek: number | string;
  maxHoursPerWeek: number | string;
  /** On: the phase has no criteria and staff move patients by hand (advancementCriteria null). */
  noAutomaticStepDown: boolean;
  advancementCriteria: CriteriaValues;
}

export interface CadenceRow {
  key: string;
  instrument: InstrumentId | null;
  atAdmission: boolean;
  /** Empty: not repeated. */
  everyDays: number | string;
  atDischarge: boolean;
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
  planReviewDays: number | string;
  instrumentCadence: CadenceRow[];
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

/** Form values of criteria; none (a phase without criteria) shows the defaults, ready to switch on. */
export function criteriaValues(criteria: AdvancementCriteria | null = DEFAULT_ADVANCEMENT_CRITERIA): CriteriaValues {
  const c = criteria ?? DEFAULT_ADVANCEMENT_CRITERIA;
  const phq9 = c.phq9 ?? DEFAULT_ADVANCEMENT_CRITERIA.phq9!;
  return {
    consecutiveWeeksMet: c.consecutiveWeeksMet,
    minAttendancePercent: c.minAttendancePercent,
    phq9Required: c.phq9 !== null,
    phq9: { improvedBy: phq9.improvedBy, orBelow: phq9.orBelow },
    objectivesMet: c.objectivesMet,
    maxWeeksInPhase: c.maxWeeksInPhase ?? '',
  };
}

export function newPhase(): PhaseRow {
  return { key: rowKey(), name: '', requiredDaysPerWeek: 3, minHoursPerWeek: '', maxHoursPerWeek: '', noAutomaticStepDown: false, advancementCriteria: criteriaValues() };
}

const cadenceRow = (entry: CadenceEntry): CadenceRow => ({ key: rowKey(), ...entry, everyDays: entry.everyDays ?? '' });

export function newCadenceRow(instrument: InstrumentId | null = null): CadenceRow {
  return { key: rowKey(), instrument, atAdmission: true, everyDays: 14, atDischarge: true };
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
      planReviewDays: DEFAULT_PLAN_REVIEW_DAYS,
      instrumentCadence: DEFAULT_INSTRUMENT_CADENCE.map(cadenceRow),
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
      noAutomaticStepDown: p.advancementCriteria === null,
      advancementCriteria: criteriaValues(p.advancementCriteria),
    })),
    planReviewDays: program.planReviewDays,
    instrumentCadence: program.instrumentCadence.map(cadenceRow),
  };
}

function criteriaOf(p: PhaseRow): AdvancementCriteria | null {
  if (p.noAutomaticStepDown) return null;
  const c = p.advancementCriteria;
  return {
    consecutiveWeeksMet: Number(c.consecutiveWeeksMet),
    minAttendancePercent: Number(c.minAttendancePercent),
    phq9: c.phq9Required ? { improvedBy: Number(c.phq9.improvedBy), orBelow: Number(c.phq9.orBelow) } : null,
    objectivesMet: c.objectivesMet,
    maxWeeksInPhase: c.maxWeeksInPhase === '' ? null : Number(c.maxWeeksInPhase),
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
      advancementCriteria: criteriaOf(p),
    })),
    planReviewDays: Number(v.planReviewDays),
    instrumentCadence: v.instrumentCadence.map((c) => ({
      instrument: c.instrument as InstrumentId,
      atAdmission: c.atAdmission,
      everyDays: c.everyDays === '' ? null : Number(c.everyDays),
      atDischarge: c.atDischarge,
    })),
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function hoursProblem(v: number | string): string | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return 'Enter the hours.';
  if (v < 0 || v > 168) return 'Enter 0 to 168 hours.';
  return Number.isInteger(v * 2) ? null : 'Use steps of half an hour (0.5).';
}

type Limit = { readonly min: number; readonly max: number };

/** A whole number in the range, or the message; `optional` lets an empty field through. */
const wholeIn = (limit: Limit, what: string, optional = false) => (v: number | string) => {
  if (optional && v === '') return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= limit.min && v <= limit.max ? null : `Enter ${what} from ${limit.min} to ${limit.max}.`;
};

/** Paths like `phases.2.advancementCriteria.consecutiveWeeksMet` → the phase row. */
const phaseAt = (values: ProgramFormValues, path: string) => values.phases[Number(path.split('.')[1])];
const whenAutomatic = (check: (v: number | string) => string | null) => (v: number | string, values: ProgramFormValues, path: string) =>
  phaseAt(values, path)?.noAutomaticStepDown ? null : check(v);
const whenPhq9 = (check: (v: number | string) => string | null) => (v: number | string, values: ProgramFormValues, path: string) => {
  const phase = phaseAt(values, path);
  return !phase || phase.noAutomaticStepDown || !phase.advancementCriteria.phq9Required ? null : check(v);
};

const limits = CARE_SETTING_LIMITS;

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
    advancementCriteria: {
      consecutiveWeeksMet: whenAutomatic(wholeIn(limits.consecutiveWeeksMet, 'weeks')),
      minAttendancePercent: whenAutomatic((v) =>
        typeof v === 'number' && v >= limits.minAttendancePercent.min && v <= limits.minAttendancePercent.max ? null : 'Enter a percentage from 0 to 100.',
      ),
      phq9: {
        improvedBy: whenPhq9(wholeIn(limits.phq9ImprovedBy, 'points')),
        orBelow: whenPhq9(wholeIn(limits.phq9OrBelow, 'a score')),
      },
      maxWeeksInPhase: whenAutomatic(wholeIn(limits.maxWeeksInPhase, 'weeks', true)),
    },
  },
  planReviewDays: wholeIn(limits.planReviewDays, 'days'),
  instrumentCadence: {
    instrument: (v: InstrumentId | null, values: ProgramFormValues, path: string) => {
      if (!v) return 'Choose the instrument.';
      const index = Number(path.split('.')[1]);
      return values.instrumentCadence.findIndex((c) => c.instrument === v) < index ? 'This instrument already has a row.' : null;
    },
    everyDays: (v: number | string, values: ProgramFormValues, path: string) => {
      const problem = wholeIn(limits.everyDays, 'days', true)(v);
      if (problem) return problem;
      const row = values.instrumentCadence[Number(path.split('.')[1])];
      return row && v === '' && !row.atAdmission && !row.atDischarge ? 'Give it at admission, at discharge or every so many days.' : null;
    },
  },
};
