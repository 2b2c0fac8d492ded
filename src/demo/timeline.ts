/**
 * When things happen to each demo patient: admission, discharges, a bad recent week, extra
 * sessions, and the one patient whose mood worsens last week. Phases are not planned here:
 * patients move through them when the clinical director approves the step-down queue's
 * proposals (seed-care.ts). Pure: every date is a local calendar day computed from `today`
 * with src/time/local-time.ts.
 */
import type { AftercareInput } from '../aftercare/aftercare.schemas.ts';
import { type LocalDate, addDays, compareDates, daysBetween, isoWeekday, weekStartOf } from '../time/local-time.ts';
import type { PatientProfile } from './people.ts';
import type { Prng } from './prng.ts';

export interface SeedSize {
  /** Full weeks of attendance history before the current week. */
  readonly weeks: number;
  readonly adults: number;
  readonly adolescents: number;
}

export const FULL_DEMO: SeedSize = { weeks: 8, adults: 40, adolescents: 20 };

export type DischargeReason = 'completed' | 'stepped_down_to_outpatient' | 'left_against_advice';

export interface PlannedPatient {
  readonly profile: PatientProfile;
  readonly admittedOn: LocalDate;
  /** The day the chart is entered in Cairn: the admission day, or the first day of history for earlier admissions. */
  readonly enteredOn: LocalDate;
  /** Completing or stepping down carries an aftercare plan (the API requires one). */
  readonly discharge: { readonly on: LocalDate; readonly reason: DischargeReason; readonly summary: string; readonly aftercare: AftercareInput | null } | null;
  /** Left against advice: stops coming from this day. */
  readonly stopsAttendingOn: LocalDate | null;
  /** Weeks (by first day) with several absences. */
  readonly badWeeks: readonly LocalDate[];
  /** Weeks with sessions beyond the schedule (above the phase's maximum). */
  readonly extraWeeks: readonly LocalDate[];
  /** Never late, never absent. */
  readonly perfectAttendance: boolean;
  /** The PHQ-9 is in the severe band from this day (the last completed week): the step-down queue proposes more intensive care. */
  readonly severeMoodFrom: LocalDate | null;
  /** Improving steadily, with a fourth full week in the program last week: the step-down queue proposes the next phase. */
  readonly readyForStepDown: boolean;
}

export interface Timeline {
  readonly today: LocalDate;
  readonly thisWeek: LocalDate;
  readonly lastWeek: LocalDate;
  /** First day with sessions in Cairn. */
  readonly historyStart: LocalDate;
  readonly patients: readonly PlannedPatient[];
}

const WEEK_STARTS_ON = 1;

/** Intakes happen on weekdays: a weekend day moves to the Monday after. */
function weekday(date: LocalDate): LocalDate {
  const day = isoWeekday(date);
  return day === 6 ? addDays(date, 2) : day === 7 ? addDays(date, 1) : date;
}

const minDate = (a: LocalDate, b: LocalDate) => (compareDates(a, b) <= 0 ? a : b);
const maxDate = (a: LocalDate, b: LocalDate) => (compareDates(a, b) >= 0 ? a : b);

/** Discharges by position in each population (index → after how many days, why). */
const DISCHARGES: Record<'adult' | 'teen', readonly [number, number, DischargeReason][]> = {
  adult: [[0, 63, 'completed'], [2, 26, 'left_against_advice'], [6, 50, 'stepped_down_to_outpatient'], [9, 60, 'completed']],
  teen: [[0, 56, 'completed'], [4, 22, 'left_against_advice']],
};

const SUMMARIES: Record<DischargeReason, string> = {
  completed: 'Completed the IOP. Transition plan: weekly outpatient counseling, home group and sponsor in place, medication continued with the prescriber; relapse warning signs and crisis line reviewed.',
  stepped_down_to_outpatient: 'Stable attendance and negative screens for four weeks. Stepped down to standard outpatient: one individual session and one group a week.',
  left_against_advice: 'Stopped attending; three outreach calls and a letter without answer. Discharged against clinical advice; re-admission welcome.',
};

/** Transition plans (CARF: supports, medication continuity, referral contacts, what to do if symptoms recur). */
function aftercarePlan(population: 'adult' | 'teen', reason: DischargeReason, dischargedOn: LocalDate): AftercareInput | null {
  const relapsePlan =
    'Warning signs: skipping meetings, isolating, poor sleep, cravings. If they appear: call the sponsor or a peer the same day, go to a meeting, '
    + 'call the outpatient counselor for an earlier appointment. After any use: tell the counselor within 24 hours; re-admission to IOP is welcome. Crisis: 988.';
  if (reason === 'left_against_advice') return null;
  if (population === 'teen') {
    return {
      outpatientReferral: { provider: 'Youth & Family Counseling Services (weekly individual and family therapy)', contact: '(860) 555-0172', appointmentOn: weekday(addDays(dischargedOn, 7)) },
      meetings: [{ fellowship: 'SMART', name: 'SMART Recovery Teen & Youth', dayOfWeek: 3, time: '16:30', location: 'Hartford Public Library, community room' }],
      soberLiving: null,
      alumniProgram: true,
      medicationContinuity: null,
      relapsePlan: `${relapsePlan} Parents agreed to check in weekly with the counselor for the first month.`,
    };
  }
  if (reason === 'stepped_down_to_outpatient') {
    return {
      outpatientReferral: { provider: 'Riverbend standard outpatient (one individual session and one group a week)', contact: '(860) 555-0142', appointmentOn: weekday(addDays(dischargedOn, 3)) },
      meetings: [
        { fellowship: 'NA', name: 'Clean and Serene', dayOfWeek: 1, time: '19:30', location: 'Grace Church hall, 40 Main St' },
        { fellowship: 'NA', name: 'Just for Today', dayOfWeek: 4, time: '12:00', location: 'Asylum Hill Congregational, room 3' },
      ],
      soberLiving: { name: 'Oxford House Asylum Hill', contact: '(860) 555-0131' },
      alumniProgram: true,
      medicationContinuity: 'Buprenorphine-naloxone continued with the office-based opioid treatment prescriber; refills every 28 days.',
      relapsePlan,
    };
  }
  return {
    outpatientReferral: { provider: 'Capitol Region Counseling (weekly individual therapy)', contact: '(860) 555-0188', appointmentOn: weekday(addDays(dischargedOn, 7)) },
    meetings: [
      { fellowship: 'AA', name: 'Step Up Group', dayOfWeek: 2, time: '19:00', location: 'First Congregational Church, 12 Elm St' },
      { fellowship: 'SMART', name: 'SMART Recovery Hartford', dayOfWeek: 4, time: '18:30', location: 'Hartford Public Library, community room' },
    ],
    soberLiving: null,
    alumniProgram: true,
    medicationContinuity: 'Antidepressant continued with the primary care physician; visit booked within 30 days.',
    relapsePlan,
  };
}

export function planTimeline(rng: Prng, size: SeedSize, profiles: readonly PatientProfile[], today: LocalDate): Timeline {
  const thisWeek = weekStartOf(today, WEEK_STARTS_ON);
  const lastWeek = addDays(thisWeek, -7);
  const historyStart = addDays(thisWeek, -7 * size.weeks);
  const latestIntake = addDays(today, -2);
  const planned: PlannedPatient[] = [];
  for (const population of ['adult', 'teen'] as const) {
    const group = profiles.filter((p) => (p.track === 'afternoon') === (population === 'teen'));
    const first = addDays(historyStart, -14);
    const span = Math.max(0, daysBetween(first, latestIntake));
    group.forEach((profile, i) => {
      const r = rng.fork(profile.key);
      const offset = group.length > 1 ? Math.round((i * span) / (group.length - 1)) : 0;
      const admittedOn = minDate(weekday(addDays(first, Math.max(0, offset + r.int(-1, 1)))), addDays(today, -1));
      const enteredOn = maxDate(admittedOn, historyStart);
      const rule = DISCHARGES[population].find(([index]) => index === i);
      let discharge: PlannedPatient['discharge'] = null;
      if (rule) {
        const on = weekday(addDays(admittedOn, rule[1]));
        if (compareDates(on, addDays(today, -1)) <= 0 && compareDates(on, addDays(enteredOn, 7)) >= 0) discharge = { on, reason: rule[2], summary: SUMMARIES[rule[2]], aftercare: aftercarePlan(population, rule[2], on) };
      }
      const stopsAttendingOn = discharge?.reason === 'left_against_advice' ? addDays(discharge.on, -9) : null;
      planned.push({ profile, admittedOn, enteredOn, discharge, stopsAttendingOn, badWeeks: [], extraWeeks: [], perfectAttendance: false, severeMoodFrom: null, readyForStepDown: false });
    });
  }
  const worsening = worseningMood(planned, lastWeek);
  const ready = readyForStepDown(planned, lastWeek, Math.round(planned.length / 30));
  const patients = assignWeeks(rng.fork('weeks'), planned, lastWeek, thisWeek, [worsening, ...ready])
    .map((p) => (p.profile.key === worsening ? { ...p, perfectAttendance: true, severeMoodFrom: lastWeek } : p))
    .map((p) => (ready.includes(p.profile.key) ? { ...p, perfectAttendance: true, readyForStepDown: true } : p));
  return { today, thisWeek, lastWeek, historyStart, patients };
}

/**
 * Patients whose fourth full week in the program was last week (admitted during the week
 * before those four, after its Monday), with a portal account for signing the plan: with
 * steady attendance and improving scores, this week's queue proposes their next phase.
 */
function readyForStepDown(patients: readonly PlannedPatient[], lastWeek: LocalDate, count: number): string[] {
  const weekBefore = addDays(lastWeek, -28);
  return patients
    .filter((p) => p.discharge === null && weekStartOf(p.admittedOn, WEEK_STARTS_ON) === weekBefore && isoWeekday(p.admittedOn) > 1 && typeof p.profile.input['email'] === 'string')
    .slice(0, count)
    .map((p) => p.profile.key);
}

/**
 * The patient whose PHQ-9 rises into the severe band last week: in treatment, admitted at
 * least five weeks before, attending every session (so the proposal is about mood alone),
 * with an e-mail address (a portal account, so the treatment plan is signed and in force).
 * An adult on the morning track when there is one.
 */
function worseningMood(patients: readonly PlannedPatient[], lastWeek: LocalDate): string | null {
  const candidates = patients.filter((p) => p.discharge === null && daysBetween(p.admittedOn, lastWeek) >= 35 && typeof p.profile.input['email'] === 'string');
  return (candidates.find((p) => p.profile.track === 'morning') ?? candidates[0])?.profile.key ?? null;
}

/** 5–6 patients (10 %) get a bad recent week; 1–2 attend extra sessions (never the patients chosen for the step-down queue). */
function assignWeeks(rng: Prng, patients: PlannedPatient[], lastWeek: LocalDate, thisWeek: LocalDate, exclude: readonly (string | null)[]): PlannedPatient[] {
  const eligible = patients.filter((p) => p.discharge === null && compareDates(p.admittedOn, lastWeek) <= 0 && compareDates(p.enteredOn, lastWeek) <= 0 && !exclude.includes(p.profile.key));
  const order = rng.shuffle(eligible.map((p) => p.profile.key));
  const bad = new Set(order.slice(0, Math.max(1, Math.round(patients.length * 0.1))));
  const rest = order.filter((k) => !bad.has(k));
  const extra = new Set([rest.find((k) => k.startsWith('adult')), rest.find((k) => k.startsWith('teen'))].filter((k): k is string => k !== undefined).slice(0, patients.length >= 20 ? 2 : 1));
  let flip = 0;
  return patients.map((p) => {
    if (bad.has(p.profile.key)) return { ...p, badWeeks: [flip++ % 2 === 0 ? lastWeek : thisWeek] };
    if (extra.has(p.profile.key)) return { ...p, extraWeeks: [lastWeek, thisWeek] };
    return p;
  });
}
