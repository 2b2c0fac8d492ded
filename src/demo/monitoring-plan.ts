/**
 * Who is monitored how in the demo (issue 5): the medication lists (MOUD with observed
 * dosing for a few, MAUD, an antidepressant, a prescribed benzodiazepine), the two lapses a
 * patient reports at a daily check-in, the buprenorphine that goes missing once (possible
 * diversion), the refused test nobody follows up (it falls overdue and escalates) and the
 * patient whose worsening mood reaches PHQ-9 item 9 today. Pure: the timeline, the clinical
 * courses and a seeded Prng decide everything.
 */
import type { MedicationInput } from '../medications/medications.schemas.ts';
import { type LocalDate, addDays, compareDates, daysBetween, isoWeekday } from '../time/local-time.ts';
import type { Course, Substance } from './clinical-course.ts';
import type { Prng } from './prng.ts';
import type { PlannedPatient, Timeline } from './timeline.ts';

export type MedicationPlan = Omit<MedicationInput, 'startedOn'> & {
  readonly startedOn: LocalDate;
  /** MOUD / MAUD badge in the summary; observed doses are recorded Mon–Fri. */
  readonly kind: 'moud' | 'maud' | 'other';
};

export interface MonitoringPlan {
  readonly medications: ReadonlyMap<string, readonly MedicationPlan[]>;
  /** A patient whose buprenorphine is not detected once (their third test). */
  readonly diversion: string | null;
  /** Patient key → the Saturday of a lapse they report at the next day's check-in. */
  readonly lapses: ReadonlyMap<string, LocalDate>;
  /** A for-cause test refused two days ago whose alert nobody picks up: overdue and escalated today. */
  readonly refusal: { readonly patientKey: string; readonly on: LocalDate } | null;
  /** The patient who answers PHQ-9 item 9 above zero in the portal today (critical alert, still open). */
  readonly criticalToday: string | null;
}

const PRESCRIBERS = {
  addiction: 'Dr. Alan Whitaker (addiction medicine)',
  otp: 'Dr. Nadia Petrov (opioid treatment program)',
  psychiatry: 'Dr. Sunita Rao (psychiatry)',
  primary: 'Dr. Miguel Ferreira (primary care)',
  teen: 'Dr. Emily Cho (child and adolescent psychiatry)',
} as const;

const WEEKDAYS = [1, 2, 3, 4, 5];

type Planned = Pick<PlannedPatient, 'profile' | 'admittedOn' | 'enteredOn' | 'discharge' | 'severeMoodFrom' | 'readyForStepDown' | 'badWeeks'>;

const isAdult = (p: Planned) => p.profile.track !== 'afternoon';
const hasPortal = (p: Planned) => typeof p.profile.input['email'] === 'string';

/** MOUD for up to six adults treated for opioid use: methadone (observed), buprenorphine (one observed through induction). */
function moud(p: Planned, i: number, rng: Prng): MedicationPlan[] {
  const before = addDays(p.admittedOn, -rng.int(20, 160));
  const naloxone: MedicationPlan = {
    kind: 'other', name: 'Naloxone nasal spray (Narcan)', dose: '4 mg', route: 'nasal', frequency: 'as needed for suspected overdose', prescriber: PRESCRIBERS.addiction, startedOn: p.admittedOn,
  };
  if (i === 0 || i === 3) {
    return [{
      kind: 'moud', name: 'Methadone oral concentrate', dose: i === 0 ? '80 mg' : '95 mg', route: 'oral', frequency: 'once daily', prescriber: PRESCRIBERS.otp,
      startedOn: before, observedWeekdays: WEEKDAYS,
    }, naloxone];
  }
  if (i === 1) {
    // Started in the program, with observed doses through induction.
    let start = addDays(p.admittedOn, 1);
    while (isoWeekday(start) > 5) start = addDays(start, 1);
    return [{
      kind: 'moud', name: 'Buprenorphine/naloxone (Suboxone) 8 mg/2 mg film', dose: '16 mg/4 mg', route: 'sublingual', frequency: 'once daily', prescriber: PRESCRIBERS.addiction,
      startedOn: start, observedWeekdays: WEEKDAYS,
    }, naloxone];
  }
  return [{
    kind: 'moud', name: 'Buprenorphine/naloxone (Suboxone) 8 mg/2 mg film', dose: rng.pick(['12 mg/3 mg', '16 mg/4 mg', '8 mg/2 mg']), route: 'sublingual', frequency: 'once daily',
    prescriber: PRESCRIBERS.addiction, startedOn: before,
  }, naloxone];
}

/** MAUD for up to three adults treated for alcohol use: extended-release naltrexone, oral naltrexone, acamprosate. */
function maud(p: Planned, i: number, rng: Prng): MedicationPlan[] {
  const start = addDays(p.admittedOn, -rng.int(0, 30));
  switch (i) {
    case 0:
      return [{ kind: 'maud', name: 'Naltrexone extended-release injectable (Vivitrol)', dose: '380 mg', route: 'injection_im', frequency: 'every 4 weeks', prescriber: PRESCRIBERS.addiction, startedOn: start, addictionMedication: 'maud' }];
    case 1:
      return [{ kind: 'maud', name: 'Naltrexone', dose: '50 mg', route: 'oral', frequency: 'once daily', prescriber: PRESCRIBERS.primary, startedOn: start, addictionMedication: 'maud' }];
    default:
      return [{ kind: 'maud', name: 'Acamprosate (Campral)', dose: '666 mg', route: 'oral', frequency: 'three times daily', prescriber: PRESCRIBERS.addiction, startedOn: start }];
  }
}

export function planMonitoring(rng: Prng, timeline: Timeline, courses: ReadonlyMap<string, Course>): MonitoringPlan {
  const patients = timeline.patients;
  const course = (p: Planned) => courses.get(p.profile.key)!;
  const medications = new Map<string, MedicationPlan[]>();
  const add = (p: Planned, meds: readonly MedicationPlan[]) => medications.set(p.profile.key, [...(medications.get(p.profile.key) ?? []), ...meds]);

  const opioid = patients.filter((p) => isAdult(p) && course(p).substance === 'opioids');
  const moudPatients = (opioid.length > 0 ? opioid : patients.filter(isAdult).slice(0, 1)).slice(0, 6);
  moudPatients.forEach((p, i) => add(p, moud(p, i, rng.fork(`${p.profile.key}|moud`))));
  patients.filter((p) => isAdult(p) && course(p).substance === 'alcohol').slice(0, 3).forEach((p, i) => add(p, maud(p, i, rng.fork(`${p.profile.key}|maud`))));

  const sertraline = patients.filter((p) => isAdult(p) && course(p).mood === 'depression').slice(0, 2);
  for (const p of sertraline) add(p, [{ kind: 'other', name: 'Sertraline', dose: rng.fork(p.profile.key).pick(['50 mg', '100 mg']), route: 'oral', frequency: 'once daily', prescriber: PRESCRIBERS.psychiatry, startedOn: addDays(p.admittedOn, -rng.fork(p.profile.key).int(30, 300)) }]);
  const anxious = patients.find((p) => isAdult(p) && (course(p).mood === 'anxiety' || course(p).mood === 'ptsd') && course(p).substance !== 'opioids');
  if (anxious) add(anxious, [{ kind: 'other', name: 'Clonazepam (Klonopin)', dose: '0.5 mg', route: 'oral', frequency: 'twice daily as needed for panic', prescriber: PRESCRIBERS.psychiatry, startedOn: addDays(anxious.admittedOn, -90) }]);
  const teen = patients.find((p) => !isAdult(p) && course(p).mood === 'depression');
  if (teen) add(teen, [{ kind: 'other', name: 'Fluoxetine', dose: '20 mg', route: 'oral', frequency: 'once daily', prescriber: PRESCRIBERS.teen, startedOn: addDays(teen.admittedOn, -45) }]);

  const diversion = moudPatients[2]?.profile.key ?? null;
  return { medications, diversion, lapses: planLapses(timeline, courses), refusal: planRefusal(timeline), criticalToday: planCritical(timeline) };
}

const staysActive = (p: Planned) => p.discharge === null;

/**
 * Two patients (in treatment, with a portal account, not the ones whose story is mood or
 * step-down) lapse on a Saturday of the last three weeks and say so at Sunday's check-in.
 */
function planLapses(timeline: Timeline, courses: ReadonlyMap<string, Course>): Map<string, LocalDate> {
  const saturdays = [addDays(timeline.thisWeek, -9), addDays(timeline.thisWeek, -2)].filter((d) => compareDates(addDays(d, 1), timeline.today) < 0);
  const candidates = timeline.patients.filter((p) => staysActive(p) && hasPortal(p) && p.severeMoodFrom === null && !p.readyForStepDown && p.badWeeks.length === 0
    && p.profile.reliability !== 'steady' && courses.get(p.profile.key)!.kind !== 'improving');
  const fallback = timeline.patients.filter((p) => staysActive(p) && hasPortal(p) && p.severeMoodFrom === null && !p.readyForStepDown && !candidates.includes(p));
  const lapses = new Map<string, LocalDate>();
  const pool = [...candidates, ...fallback];
  saturdays.forEach((saturday) => {
    const p = pool.find((c) => !lapses.has(c.profile.key) && daysBetween(c.admittedOn, saturday) >= 14);
    if (p) lapses.set(p.profile.key, saturday);
  });
  return lapses;
}

/** The last weekday at least two days before today; the refusal is that morning at Hartford. */
function planRefusal(timeline: Timeline): MonitoringPlan['refusal'] {
  let on = addDays(timeline.today, -2);
  while (isoWeekday(on) > 5) on = addDays(on, -1);
  const p = timeline.patients.find((c) => isAdult(c) && staysActive(c) && c.severeMoodFrom === null && !c.readyForStepDown && c.profile.reliability === 'struggling' && daysBetween(c.admittedOn, on) >= 7)
    ?? timeline.patients.find((c) => isAdult(c) && staysActive(c) && c.severeMoodFrom === null && daysBetween(c.admittedOn, on) >= 7);
  return p ? { patientKey: p.profile.key, on } : null;
}

/** The patient whose mood has worsened since last week; else any adult in treatment with a portal account. */
function planCritical(timeline: Timeline): string | null {
  const rising = timeline.patients.find((p) => p.severeMoodFrom !== null && staysActive(p) && hasPortal(p));
  return (rising ?? timeline.patients.find((p) => staysActive(p) && hasPortal(p) && compareDates(p.admittedOn, timeline.today) < 0))?.profile.key ?? null;
}

// ── Daily check-in answers ─────────────────────────────────────────────────────────────

export interface CheckinFacts {
  readonly course: Course;
  readonly admittedOn: LocalDate;
  readonly date: LocalDate;
  readonly medicated: boolean;
  /** Use reported since the last check-in (a lapse), else null. */
  readonly used: Substance | null;
}

export interface CheckinAnswers {
  craving: number;
  mood: number;
  sleepHours: number;
  sleepQuality: number;
  usedSinceLast: boolean;
  substances: string[];
  medicationTaken: 'yes' | 'partly' | 'no' | 'none_prescribed';
  note?: string;
}

const REPORTED: Record<Substance, string> = { alcohol: 'alcohol', opioids: 'fentanyl', cocaine: 'cocaine', cannabis: 'cannabis', stimulants: 'methamphetamine' };
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
const NOTES = [
  'Rough night, the baby was up a lot.',
  'Went to a meeting last night, felt good.',
  'Stressful day at work, but I used my coping skills.',
  'Argument with my mom. Called my sponsor.',
  'Slept better after the group yesterday.',
  'Payday tomorrow, a trigger for me. Plan is to go straight home.',
];

/**
 * One check-in: craving falls and mood and sleep improve over the stay for improving
 * patients, stay middling for flat ones, drift the wrong way for worsening ones; the patient
 * whose mood is sliding reports low mood and poor sleep from last week on.
 */
export function checkinAnswers(rng: Prng, facts: CheckinFacts): CheckinAnswers {
  const day = Math.max(0, daysBetween(facts.admittedOn, facts.date));
  const progress = Math.min(1, day / 56);
  const { course } = facts;
  let craving: number;
  let mood: number;
  let sleep: number;
  switch (course.kind) {
    case 'improving':
      craving = 7 - 5.5 * progress + rng.int(-1, 1);
      mood = 2 + 2.2 * progress + rng.int(-1, 1) * 0.6;
      sleep = 5.5 + 2 * progress + rng.int(-2, 2) * 0.5;
      break;
    case 'flat':
      craving = 4.5 + rng.int(-1, 1);
      mood = 3 + rng.int(-1, 1) * 0.6;
      sleep = 6.5 + rng.int(-2, 2) * 0.5;
      break;
    case 'worsening':
      craving = 4 + 3 * Math.min(1, day / 35) + rng.int(-1, 1);
      mood = 3 - 1.2 * Math.min(1, day / 35) + rng.int(-1, 1) * 0.5;
      sleep = 6.5 - 1.5 * Math.min(1, day / 35) + rng.int(-2, 2) * 0.5;
      break;
    case 'rising': {
      const severe = course.severeFrom !== null && compareDates(facts.date, course.severeFrom) >= 0;
      craving = (severe ? 6 : 3) + rng.int(-1, 1);
      mood = severe ? 1 + rng.int(0, 1) * 0.6 : 3 + rng.int(-1, 1) * 0.6;
      sleep = severe ? 4 + rng.int(0, 2) * 0.5 : 6.5 + rng.int(-1, 1) * 0.5;
      break;
    }
  }
  if (facts.used) {
    craving += 2;
    mood -= 1;
  }
  const sleepHours = Math.min(10, Math.max(3, Math.round(sleep * 2) / 2));
  const moodScore = clamp(mood, 1, 5);
  const answers: CheckinAnswers = {
    craving: clamp(craving, 0, 10),
    mood: moodScore,
    sleepHours,
    sleepQuality: clamp((sleepHours - 3) / 1.4 + rng.int(-1, 0), 1, 5),
    usedSinceLast: facts.used !== null,
    substances: facts.used ? [REPORTED[facts.used]] : [],
    medicationTaken: !facts.medicated ? 'none_prescribed' : facts.used ? 'partly' : rng.chance(0.93) ? 'yes' : 'partly',
  };
  if (facts.used) answers.note = 'I slipped on Saturday. I want to talk about it in group.';
  else if (rng.chance(0.08)) answers.note = rng.pick(NOTES);
  return answers;
}
