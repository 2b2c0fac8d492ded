/**
 * The intake screening of each demo patient: the six ASAM dimensions (3rd edition, the
 * organization's default) rated 0–4 with notes in a clinician's words, the IOP candidacy
 * answers, and the decision. Most ratings put the patient at IOP (2.1) and the recommendation
 * is accepted; two are overridden with a reason: one recommended PHP who works full time, one
 * recommended weekly outpatient after two failed outpatient attempts. Pure.
 */
import { type LocalDate, addDays, isoWeekday } from '../time/local-time.ts';
import type { Course, Substance } from './clinical-course.ts';
import type { Prng } from './prng.ts';
import type { PlannedPatient } from './timeline.ts';

export interface DimensionEntry { readonly rating: number; readonly notes: string }

export interface Candidacy {
  readonly steppedDownFromHigherLevel: boolean;
  readonly hasOutsideCommitments: boolean;
  readonly hasCopingSkills: boolean;
  readonly hasSupportAtHome: boolean;
  readonly hasCoverageOrBudget: boolean;
}

export interface IntakePlan {
  /** The screening day: the admission day, or up to three weekdays before it. */
  readonly assessedOn: LocalDate;
  readonly dimensions: readonly DimensionEntry[];
  readonly candidacy: Candidacy;
  /** null: the recommendation is accepted. */
  readonly override: { readonly placedLevel: string; readonly reason: string } | null;
}

export type OverrideCase = 'php_but_working' | 'outpatient_failed_before';

const WITHDRAWAL: Record<Substance, readonly [number, string][]> = {
  alcohol: [
    [1, 'Last drink 5 days ago; mild tremor and poor sleep, no history of seizures or DTs. CIWA-Ar 6.'],
    [2, 'Drinking until 3 days ago; CIWA-Ar 9. The nurse checks vitals and CIWA-Ar daily for the first week; no seizure history.'],
  ],
  opioids: [
    [1, 'On buprenorphine-naloxone 16 mg daily since withdrawal management; COWS 2, no cravings at this dose.'],
    [1, 'Last fentanyl use 6 days ago; started buprenorphine with the office-based prescriber. COWS 3.'],
  ],
  cocaine: [[0, 'Last use 8 days ago; sleeping more and low energy, no withdrawal needing medical care.']],
  stimulants: [[1, 'Last methamphetamine use 6 days ago; sleeping 12 hours a day, irritable; no medical withdrawal risk.']],
  cannabis: [[0, 'Last use 4 days ago; irritable and sleeping poorly, no medical withdrawal risk.']],
};

const BIOMEDICAL_ADULT: readonly [number, string][] = [
  [0, 'No medical problems; physical with the primary care physician in the spring.'],
  [1, 'Hypertension, controlled on lisinopril; primary care follow-up booked.'],
  [1, 'Type 2 diabetes on metformin, last A1c 7.4; diet discussed.'],
  [0, 'No current medical problems reported.'],
];
const BIOMEDICAL_TEEN: readonly [number, string][] = [
  [0, 'Healthy; immunizations up to date.'],
  [1, 'Asthma, albuterol as needed; no visits to the emergency department this year.'],
];

function emotional(course: Course, teen: boolean): DimensionEntry {
  const phq = `PHQ-9 ${course.phq9.base} at screening`;
  const item9 = course.item9AtAdmission ? ' Some days feels others would be better off without them (PHQ-9 item 9); no plan or intent on the C-SSRS; safety plan written with the patient.' : '';
  switch (course.mood) {
    case 'depression':
      return { rating: 2, notes: `Depressed mood most days, poor sleep and low energy; ${phq}.${item9} ${teen ? 'Pediatrician prescribes sertraline.' : 'Sees a psychiatrist monthly.'}` };
    case 'anxiety':
      return { rating: 2, notes: `Worry and panic symptoms most days (GAD-7 ${course.gad7.base}); ${course.substance === 'alcohol' ? 'drinks to fall asleep' : 'anxiety worst when coming down after use'}.${item9}` };
    case 'ptsd':
      return { rating: 2, notes: `Nightmares and hypervigilance since an assault two years ago; stopped trauma-focused therapy last year. ${phq}.${item9}` };
    case 'adhd':
      return { rating: 1, notes: 'ADHD on methylphenidate, stable; teachers report focus problems in weeks with use.' };
    case null:
      return { rating: 1, notes: `Low mood since the use increased, no mental health diagnosis; ${phq}.${item9}` };
  }
}

const READINESS_ADULT: readonly [number, string][] = [
  [1, 'Asked for help after a DUI arrest; wants to keep the job and the license.'],
  [2, 'Ambivalent; came at the partner’s urging and agrees to try the program for four weeks.'],
  [1, 'Motivated after a frightening overdose of a friend; wants a structured program.'],
];
const READINESS_TEEN: readonly [number, string][] = [
  [2, 'Came at the parents’ insistence; says cannabis helps with stress, but agrees to come.'],
  [1, 'Wants to get back on the soccer team; agrees to weekly drug screens.'],
];
const RELAPSE: readonly [number, string][] = [
  [2, 'Relapsed within three weeks of the last treatment; cravings strongest in the evenings.'],
  [2, 'Several attempts to cut down alone; uses when stressed at work or alone at home.'],
];

function environment(rng: Prng, patient: PlannedPatient, teen: boolean): DimensionEntry {
  const input = patient.profile.input;
  if (input['residence'] === 'sober_living') return { rating: 1, notes: `Lives at ${String(input['residenceNote'])}: house meetings weekly, curfew, random screens.` };
  if (teen) {
    return rng.chance(0.6)
      ? { rating: 1, notes: 'Lives with mother and a younger brother; parents supportive and have set a curfew.' }
      : { rating: 2, notes: 'An older brother uses cannabis at home; both parents work late.' };
  }
  return rng.chance(0.6)
    ? { rating: 1, notes: 'Lives with a supportive partner; no alcohol kept at home.' }
    : { rating: 2, notes: 'Roommate drinks and uses at home; looking for a sober living bed.' };
}

/** The screening day: the admission day itself, or one to three weekdays before. */
function screeningDay(rng: Prng, admittedOn: LocalDate): LocalDate {
  let day = addDays(admittedOn, -rng.pick([0, 0, 1, 2, 3]));
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  return day;
}

/** Ratings lowered to 1 for the patient whose recommendation is weekly outpatient care. */
const MILD_NOTES = [
  'Last use 6 days ago; no withdrawal signs now.',
  'No medical problems that affect treatment.',
  'Mild low mood, no diagnosis; sleeping better since cutting down.',
  'Wants to stop and is clear about why.',
  'Two short relapses after outpatient counseling this year; knows the triggers.',
  'Lives with a supportive partner; no alcohol kept at home.',
];

const OVERRIDE_REASONS: Record<OverrideCase, string> = {
  php_but_working:
    'Recommended partial hospitalization, but the patient works full time and would lose the job at 20 or more hours a week. Evening IOP with a weekly '
    + 'individual session and a written relapse-prevention plan instead; reassess in two weeks, sooner after any use.',
  outpatient_failed_before:
    'Recommended weekly outpatient care, but outpatient counseling twice this year ended in relapse within a month, and the patient and the prescriber '
    + 'ask for more structure. IOP now, stepping down to outpatient as soon as the phase criteria are met.',
};

/**
 * Whose recommendation is overridden: the first evening adult in treatment (PHP recommended,
 * keeps the job), and the first morning adult admitted in Cairn's history without a mood
 * diagnosis and with a mild PHQ-9 (outpatient recommended).
 */
export function overrideCases(patients: readonly PlannedPatient[], courses: ReadonlyMap<string, Course>): Map<string, OverrideCase> {
  const cases = new Map<string, OverrideCase>();
  const evening = patients.find((p) => p.profile.track === 'evening' && p.discharge === null);
  const morning = patients.find((p) => {
    const course = courses.get(p.profile.key);
    return p.profile.track === 'morning' && p.discharge === null && p.admittedOn === p.enteredOn && !p.profile.referralSource.startsWith('Step-down from residential')
      && course !== undefined && course.mood === null && course.phq9.base < 10 && course.kind !== 'rising';
  });
  if (evening) cases.set(evening.profile.key, 'php_but_working');
  if (morning) cases.set(morning.profile.key, 'outpatient_failed_before');
  return cases;
}

export function intakePlan(rng: Prng, patient: PlannedPatient, course: Course, override: OverrideCase | undefined): IntakePlan {
  const teen = patient.profile.track === 'afternoon';
  const steppedDown = patient.profile.referralSource.startsWith('Step-down from residential');
  const withdrawal = rng.pick(WITHDRAWAL[course.substance]);
  const d1: DimensionEntry = { rating: withdrawal[0], notes: withdrawal[1] };
  const [b, bNotes] = rng.pick(teen ? BIOMEDICAL_TEEN : BIOMEDICAL_ADULT);
  let dimensions: DimensionEntry[] = [
    d1,
    { rating: b, notes: bNotes },
    emotional(course, teen),
    (([r, n]) => ({ rating: r, notes: n }))(rng.pick(teen ? READINESS_TEEN : READINESS_ADULT)),
    (([r, n]) => ({ rating: r, notes: n }))(rng.pick(RELAPSE)),
    environment(rng, patient, teen),
  ];
  let candidacy: Candidacy = {
    steppedDownFromHigherLevel: steppedDown,
    hasOutsideCommitments: teen || patient.profile.track === 'evening' || rng.chance(0.3),
    hasCopingSkills: steppedDown || rng.chance(0.3),
    hasSupportAtHome: dimensions[5]!.rating <= 1 || rng.chance(0.5),
    hasCoverageOrBudget: rng.chance(0.93),
  };
  if (override === 'php_but_working') {
    dimensions[4] = { rating: 3, notes: 'Used daily until admission despite two earlier IOP stays; no period of abstinence longer than two weeks this year.' };
    candidacy = { ...candidacy, hasOutsideCommitments: true, hasSupportAtHome: true };
  }
  if (override === 'outpatient_failed_before') {
    dimensions = dimensions.map((d, i) => (d.rating <= 1 ? d : { rating: 1, notes: MILD_NOTES[i]! }));
    candidacy = { ...candidacy, steppedDownFromHigherLevel: false, hasCopingSkills: true, hasSupportAtHome: true };
  }
  return {
    assessedOn: screeningDay(rng, patient.admittedOn),
    dimensions,
    candidacy,
    override: override ? { placedLevel: '2.1', reason: OVERRIDE_REASONS[override] } : null,
  };
}
