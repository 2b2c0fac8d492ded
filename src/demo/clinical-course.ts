/**
 * How each demo patient's symptoms go over the stay, and the answers they give: PHQ-9 and
 * GAD-7 totals that mostly fall for engaged patients and stay flat or worsen for a few, one
 * patient whose PHQ-9 rises into the severe band last week (the step-down queue proposes more
 * intensive care), rare PHQ-9 item 9 and C-SSRS positives. Pure: a seeded Prng, the timeline
 * and calendar days decide everything.
 */
import type { Answer } from '../instruments/definitions.ts';
import { type LocalDate, compareDates, daysBetween } from '../time/local-time.ts';
import type { Reliability } from './people.ts';
import type { Prng } from './prng.ts';
import type { PlannedPatient, Timeline } from './timeline.ts';

export type CourseKind = 'improving' | 'flat' | 'worsening' | 'rising';
export type Substance = 'alcohol' | 'opioids' | 'cocaine' | 'cannabis' | 'stimulants';
export type MoodDiagnosis = 'depression' | 'anxiety' | 'ptsd' | 'adhd' | null;

/** A score that moves from `base` (admission) to `end` over `days`. */
interface Trend { readonly base: number; readonly end: number; readonly days: number }

export interface Course {
  readonly kind: CourseKind;
  readonly phq9: Trend;
  readonly gad7: Trend;
  readonly substance: Substance;
  readonly mood: MoodDiagnosis;
  /** Admission PHQ-9 with item 9 ("thoughts that you would be better off dead") above zero. */
  readonly item9AtAdmission: boolean;
  /** Admission C-SSRS: a passive wish to be dead in the past month, nothing more (low risk). */
  readonly cssrsLowRisk: boolean;
  /** Rising patients: the PHQ-9 is in the severe band from this day (the last completed week). */
  readonly severeFrom: LocalDate | null;
  /** BAM items that describe the person rather than the week: work or school days, income, spirituality. */
  readonly workDays: number;
  readonly income: 0 | 4;
  readonly spirituality: number;
}

/** PHQ-9 20+ is severe, GAD-7 15+ (domain-rules.md): later scores of other patients stay below, so only the chosen patient proposes intensify. */
const LATER_CAP = { phq9: 19, gad7: 14 } as const;

const KIND_BY_RELIABILITY: Record<Reliability, readonly [CourseKind, number][]> = {
  steady: [['improving', 0.85], ['flat', 0.15]],
  typical: [['improving', 0.65], ['flat', 0.25], ['worsening', 0.1]],
  struggling: [['improving', 0.3], ['flat', 0.4], ['worsening', 0.3]],
};

const SUBSTANCE_BY_CODE: Record<string, Substance> = { F10: 'alcohol', F11: 'opioids', F12: 'cannabis', F14: 'cocaine', F15: 'stimulants' };
const MOOD_BY_CODE: Record<string, MoodDiagnosis> = { F32: 'depression', F33: 'depression', F41: 'anxiety', F43: 'ptsd', F90: 'adhd' };

function diagnosesOf(patient: PlannedPatient): { substance: Substance; mood: MoodDiagnosis } {
  const codes = (patient.profile.input['diagnoses'] as { code: string }[]).map((d) => d.code.slice(0, 3));
  return { substance: SUBSTANCE_BY_CODE[codes[0]!] ?? 'alcohol', mood: codes.slice(1).map((c) => MOOD_BY_CODE[c] ?? null).find((m) => m !== null) ?? null };
}

function pickKind(rng: Prng, reliability: Reliability): CourseKind {
  let roll = rng.next();
  for (const [kind, p] of KIND_BY_RELIABILITY[reliability]) {
    if (roll < p) return kind;
    roll -= p;
  }
  return 'improving';
}

function trend(rng: Prng, kind: CourseKind, base: number, fall: readonly [number, number]): Trend {
  switch (kind) {
    case 'improving':
      return { base, end: Math.max(2, base - rng.int(fall[0], fall[1])), days: rng.int(42, 70) };
    case 'worsening':
      return { base, end: base + rng.int(4, 7), days: rng.int(35, 56) };
    case 'flat':
    case 'rising':
      return { base, end: base, days: 56 };
  }
}

/** Everyone's course; the patient whose mood worsens (timeline.ts) gets the rising-into-severe story. */
export function planCourses(rng: Prng, timeline: Timeline): Map<string, Course> {
  const courses = new Map<string, Course>();
  const rising = timeline.patients.find((p) => p.severeMoodFrom !== null)?.profile.key ?? null;
  for (const patient of timeline.patients) {
    const r = rng.fork(patient.profile.key);
    const { substance, mood } = diagnosesOf(patient);
    const isRising = patient.profile.key === rising;
    // Those who complete the program or step down to outpatient care got better, and so did those the queue proposes to step down.
    const finishes = (patient.discharge !== null && patient.discharge.reason !== 'left_against_advice') || patient.readyForStepDown;
    const kind: CourseKind = isRising ? 'rising' : finishes ? 'improving' : pickKind(r, patient.profile.reliability);
    const phqBase = isRising ? r.int(14, 16)
      : mood === 'depression' ? (r.chance(0.15) ? r.int(20, 22) : r.int(14, 19))
      : mood ? r.int(9, 15) : r.int(5, 12);
    const gadBase = mood === 'anxiety' ? r.int(12, 17) : mood === 'ptsd' ? r.int(10, 15) : mood === 'depression' ? r.int(8, 13) : r.int(4, 10);
    const teen = patient.profile.track === 'afternoon';
    courses.set(patient.profile.key, {
      kind,
      phq9: finishes ? { base: phqBase, end: Math.max(2, phqBase - r.int(9, 12)), days: r.int(35, 45) } : trend(r, kind, phqBase, [7, 11]),
      gad7: trend(r, kind === 'rising' ? 'flat' : kind, gadBase, [5, 9]),
      substance,
      mood,
      item9AtAdmission: false,
      cssrsLowRisk: false,
      severeFrom: patient.severeMoodFrom,
      workDays: teen || patient.profile.track === 'evening' ? 4 : r.int(0, 2),
      income: teen || r.chance(0.8) ? 4 : 0,
      spirituality: r.int(0, 3),
    });
  }
  // Rare positives (about one patient in thirty each), among those with the heaviest depression.
  const count = Math.max(1, Math.round(timeline.patients.length / 30));
  const order = rng.fork('positives').shuffle([...courses.keys()].sort());
  const heavy = order.filter((key) => courses.get(key)!.phq9.base >= 15 && key !== rising);
  for (const key of heavy.slice(0, count)) courses.set(key, { ...courses.get(key)!, item9AtAdmission: true });
  const lowRisk = [heavy[0], ...order.filter((key) => key !== heavy[0] && key !== rising)].filter((k): k is string => k !== undefined).slice(0, count);
  for (const key of lowRisk) courses.set(key, { ...courses.get(key)!, cssrsLowRisk: true });
  return courses;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The PHQ-9 or GAD-7 total on a day of the stay (0 = admission). */
export function scoreOn(rng: Prng, course: Course, instrument: 'phq9' | 'gad7', admittedOn: LocalDate, on: LocalDate): number {
  const day = Math.max(0, daysBetween(admittedOn, on));
  const t = course[instrument];
  if (day === 0) return t.base;
  if (course.kind === 'rising' && instrument === 'phq9' && course.severeFrom) {
    if (compareDates(on, course.severeFrom) >= 0) return 21 + rng.int(0, 1);
    // Better for the first month, then sliding in the two weeks before last week.
    if (daysBetween(on, course.severeFrom) <= 16) return t.base + rng.int(1, 3);
    return clamp(t.base - Math.round(6 * Math.min(1, day / 28)), 0, LATER_CAP.phq9);
  }
  const noise = course.kind === 'flat' || course.kind === 'rising' ? rng.int(-2, 2) : rng.int(-1, 1);
  const value = Math.round(t.base + (t.end - t.base) * Math.min(1, day / t.days)) + noise;
  return clamp(value, 0, LATER_CAP[instrument]);
}

/** Spreads a total over items (each 0..cap), the earlier (core) items a little more often. */
function spread(rng: Prng, total: number, items: number, cap: number): number[] {
  const values = new Array<number>(items).fill(0);
  let left = Math.min(total, items * cap);
  while (left > 0) {
    const open = values.map((v, i) => (v < cap ? i : -1)).filter((i) => i >= 0);
    // Items 1 and 2 (mood and interest; worry and control) carry the most weight in practice.
    const i = rng.chance(0.3) && open.some((j) => j < 2) ? rng.pick(open.filter((j) => j < 2)) : rng.pick(open);
    values[i]! += 1;
    left -= 1;
  }
  return values;
}

/** PHQ-9 answers adding up to `total`; item 9 is 0 unless `item9` (then "several days"). */
export function phq9Answers(rng: Prng, total: number, item9: boolean): Answer[] {
  const nine = item9 ? 1 : 0;
  return [...spread(rng, total - nine, 8, 3), nine];
}

export function gad7Answers(rng: Prng, total: number): Answer[] {
  return spread(rng, total, 7, 3);
}

/** C-SSRS screener, items 1, 2, 3, 4, 5, 6, 6a (3–5 skipped after a no to 2, 6a after a no to 6). */
export function cssrsAnswers(lowRisk: boolean): Answer[] {
  return [lowRisk, false, null, null, null, false, null];
}

const BAM_DRUG_ITEM: Partial<Record<Substance, number>> = { cannabis: 0, cocaine: 2, stimulants: 3, opioids: 4 };

/**
 * BAM answers (23 items in definition order: 1–6, 7a–7g, 8–17), past 30 days. At admission
 * the month before treatment: heavy use. Later: use fades with engagement, a slip for a
 * worsening course; mood items follow the PHQ-9.
 */
export function bamAnswers(rng: Prng, course: Course, day: number, phq9: number): Answer[] {
  const progress = course.kind === 'improving' ? Math.min(1, day / course.phq9.days) : course.kind === 'worsening' ? 0.1 : 0.35;
  const use = day === 0 ? rng.int(3, 4)
    : course.kind === 'worsening' ? rng.int(1, 2)
    : course.kind === 'flat' ? (rng.chance(0.4) ? 1 : 0)
    : day < 30 && rng.chance(0.25) ? 1 : 0;
  const alcohol = course.substance === 'alcohol';
  const drugs = new Array<number>(7).fill(0);
  const drugItem = BAM_DRUG_ITEM[course.substance];
  if (drugItem !== undefined) drugs[drugItem] = use;
  const moodItem = clamp(Math.round(phq9 / 6), 0, 4);
  return [
    clamp(1 + Math.round(phq9 / 12) + rng.int(0, 1), 0, 4), // 1 physical health
    clamp(moodItem + rng.int(-1, 0), 0, 4), // 2 sleep
    moodItem, // 3 days upset
    alcohol ? use : day === 0 && rng.chance(0.3) ? 1 : 0, // 4 any alcohol
    alcohol ? Math.max(0, use - 1) : 0, // 5 heavy drinking
    alcohol ? 0 : use, // 6 drugs
    ...drugs, // 7a–7g
    clamp(use + (progress < 0.5 ? 1 : 0), 0, 4), // 8 cravings
    clamp(Math.round(1 + 3 * progress), 0, 4), // 9 confidence
    day === 0 ? rng.int(0, 1) : clamp(Math.round(1 + 2 * progress) + rng.int(0, 1), 0, 4), // 10 self-help days
    clamp(use + rng.int(0, 1), 0, 4), // 11 risky situations
    course.spirituality, // 12
    course.workDays, // 13 work or school
    course.income, // 14
    clamp(Math.round(phq9 / 9) + rng.int(0, 1), 0, 4), // 15 family or friends problems
    clamp(2 + Math.round(2 * progress), 0, 4), // 16 supportive contact
    clamp(Math.round(1 + 3 * progress), 0, 4), // 17 satisfaction
  ];
}

/** AUDIT at the intake screening of a patient whose primary problem is alcohol: harmful drinking or possible dependence. */
export function auditAnswers(rng: Prng): Answer[] {
  const target = rng.int(17, 30);
  const nine = rng.pick([0, 2, 4]);
  return [...spread(rng, target - nine - 4, 8, 4), nine, 4];
}

/** DAST-10 at the intake screening of a patient whose primary problem is a drug: moderate to substantial. */
export function dast10Answers(rng: Prng): Answer[] {
  const yes = new Set([0, ...rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, rng.int(4, 7))]);
  // Item 3 asks "Are you always able to stop…?": the problem answer is no.
  return Array.from({ length: 10 }, (_, i) => (i === 2 ? !yes.has(i) : yes.has(i)));
}
