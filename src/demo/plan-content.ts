/**
 * A demo patient's treatment plan, written as a clinician would: the substance problem with
 * objectives tied to the program's phases (attendance in Engagement, weeks with hours met in
 * Early recovery, a group count in Maintenance) and a counted custom measure; a mood problem
 * measured by the PHQ-9 or GAD-7 when there is one; family work for some adolescents.
 * Interventions name the staff responsible. Pure: ids come from the seeded Prng.
 */
import type { PlanContent } from '../plans/plans.schemas.ts';
import { type LocalDate, addDays } from '../time/local-time.ts';
import type { Course, Substance } from './clinical-course.ts';
import type { Prng } from './prng.ts';

type Objective = PlanContent['problems'][number]['goals'][number]['objectives'][number];
type Intervention = Objective['interventions'][number];
type Goal = PlanContent['problems'][number]['goals'][number];

export interface PlanFacts {
  readonly teen: boolean;
  readonly course: Course;
  readonly diagnosis: { readonly code: string; readonly description: string };
  readonly admittedOn: LocalDate;
  /** The program's phases in order: Engagement, Early recovery, Maintenance. */
  readonly phaseIds: readonly string[];
  readonly admissionScores: { readonly phq9: number; readonly gad7: number };
  /** Staff ids: the primary clinician, a group facilitator, the nurse, the family-group lead. */
  readonly staff: { readonly clinician: string; readonly groups: string; readonly nurse: string; readonly family: string };
}

export interface DemoPlan {
  readonly content: PlanContent;
  /** The objective that takes recorded values (meetings, diary cards). */
  readonly customObjectiveId: string;
  readonly customUnit: string;
}

/** A version-4 UUID from the seeded generator, so the demo's plans are the same every time. */
export function uuidFrom(rng: Prng): string {
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const PROBLEM_DETAIL: Record<Substance, string> = {
  alcohol: 'drinking most days, heaviest in the evenings; unable to cut down despite trying',
  opioids: 'fentanyl use until withdrawal management; now on buprenorphine-naloxone',
  cocaine: 'cocaine on weekends that spread to weekdays; debts from spending on it',
  cannabis: 'daily cannabis use, falling behind at school and arguing at home about it',
  stimulants: 'methamphetamine use with days without sleep; lost housing in the spring',
};

const SUBSTANCE_NOUN: Record<Substance, string> = { alcohol: 'alcohol', opioids: 'opioids', cocaine: 'cocaine', cannabis: 'cannabis', stimulants: 'methamphetamine' };

const MEDICATION: Partial<Record<Substance, string>> = {
  opioids: 'Medication for opioid use disorder: buprenorphine-naloxone, coordinated with the prescriber',
  alcohol: 'Medication for alcohol use disorder: naltrexone offered, coordinated with the prescriber',
};

export function planContent(rng: Prng, facts: PlanFacts): DemoPlan {
  const id = () => uuidFrom(rng);
  const { staff, admittedOn, phaseIds, teen, course } = facts;
  const due = (days: number) => addDays(admittedOn, days);
  const act = (service: string, frequency: string, responsibleStaffId: string): Intervention => ({ interventionId: id(), service, frequency, responsibleStaffId });
  const objective = (description: string, metric: Objective['metric'], target: number, dueOn: LocalDate, phaseId: string | null, interventions: Intervention[], baseline: number | null = null): Objective =>
    ({ objectiveId: id(), description, phaseId, metric, baseline, target, dueOn, interventions });
  const goal = (statement: string, objectives: Objective[]): Goal => ({ goalId: id(), statement, objectives });

  const medication = MEDICATION[course.substance];
  const attendance = objective('Attend at least 90% of scheduled groups and sessions over 4 weeks', { kind: 'attendance_rate', weeks: 4 }, 90, due(35), phaseIds[0] ?? null, [
    act(teen ? 'Teen IOP groups: DBT skills and process group' : 'IOP group therapy: process, CBT skills, relapse prevention, psychoeducation', teen ? '3 afternoons a week after school' : '3 days a week, 3 hours a day', staff.groups),
    ...(medication ? [act(medication, 'Check-in every 2 weeks', staff.nurse)] : []),
  ]);
  const weeksMet = objective('Meet the weekly hours and days 4 weeks in a row', { kind: 'weeks_hours_met' }, 4, due(63), phaseIds[1] ?? null, [
    act(teen ? 'Individual therapy: CBT and motivational enhancement' : 'Individual therapy: motivational interviewing and CBT for relapse prevention', 'Weekly, 60 minutes', staff.clinician),
  ]);
  const custom = teen
    ? objective('Complete DBT diary cards, reviewed each week', { kind: 'custom', unit: 'diary cards' }, 16, due(56), null, [act('DBT skills coaching and diary card review', 'Weekly', staff.groups)], 0)
    : objective('Attend 12 mutual-help meetings (AA, NA or SMART Recovery)', { kind: 'custom', unit: 'meetings' }, 12, due(56), null, [
      act('Mutual-help linkage: meeting list, a home group, a sponsor or SMART facilitator', 'Reviewed weekly in individual therapy', staff.clinician),
    ], 0);
  const maintenance = teen
    ? objective('Take part in 6 multi-family group sessions with a parent', { kind: 'sessions_attended', sessionKind: 'family' }, 6, due(84), phaseIds[2] ?? null, [
      act('Multi-family group by video', 'Weekly, Thursday', staff.family),
    ])
    : objective('Attend 6 relapse prevention groups and finish a written relapse-prevention plan', { kind: 'sessions_attended', sessionKind: 'relapse_prevention' }, 6, due(84), phaseIds[2] ?? null, [
      act('Relapse prevention group', 'Weekly, Monday', staff.groups),
    ]);

  const noun = SUBSTANCE_NOUN[course.substance];
  const problems: PlanContent['problems'] = [{
    problemId: id(),
    statement: `${facts.diagnosis.description} (${facts.diagnosis.code}): ${PROBLEM_DETAIL[course.substance]}.`,
    goals: [
      goal(`Stop using ${noun} and build a daily recovery routine.`, [attendance, weeksMet, ...(teen ? [] : [maintenance])]),
      goal(teen ? 'Use DBT skills instead of using when stressed.' : 'Build a sober support network outside the program.', [custom]),
    ],
  }];

  const { phq9, gad7 } = facts.admissionScores;
  const anxious = course.mood === 'anxiety' || course.mood === 'ptsd';
  if (anxious && gad7 >= 10) {
    problems.push({
      problemId: id(),
      statement: course.mood === 'ptsd' ? `Trauma symptoms: nightmares, hypervigilance, avoiding reminders (GAD-7 ${gad7} at admission).` : `Worry and tension most days, panic at night (GAD-7 ${gad7} at admission).`,
      goals: [goal('Manage anxiety without alcohol or drugs.', [
        objective('GAD-7 below 10', { kind: 'instrument_score_below', instrument: 'gad7' }, 10, due(56), null, [
          act(course.mood === 'ptsd' ? 'Trauma-informed CBT: grounding and sleep plan' : 'CBT for anxiety: worry time, breathing and exposure practice', 'Weekly, in individual therapy', staff.clinician),
        ], gad7),
      ])],
    });
  } else if (phq9 >= 10) {
    problems.push({
      problemId: id(),
      statement: `Depressed mood, poor sleep and loss of interest (PHQ-9 ${phq9} at admission).`,
      goals: [goal('Depressive symptoms in the mild range or better.', [
        objective('PHQ-9 below 10', { kind: 'instrument_score_below', instrument: 'phq9' }, 10, due(56), null, [
          act('Measurement-based care: PHQ-9 every 2 weeks, reviewed in individual therapy', 'Every 2 weeks', staff.clinician),
          act('Medication review for depression with the prescriber', 'Monthly', staff.nurse),
        ], phq9),
      ])],
    });
  }
  if (teen) {
    problems.push({
      problemId: id(),
      statement: 'Conflict at home about curfew, school attendance and use.',
      goals: [goal('Parents and teen agree on house rules and keep them.', [maintenance])],
    });
  }
  return { content: { problems }, customObjectiveId: custom.objectiveId, customUnit: teen ? 'diary cards' : 'meetings' };
}

/** A revision at the 30-day review: a new objective under the first goal (same ids for everything else, so progress follows). */
export function revisedContent(rng: Prng, content: PlanContent, facts: Pick<PlanFacts, 'teen' | 'admittedOn' | 'staff'>): PlanContent {
  const added: Objective = {
    objectiveId: uuidFrom(rng),
    description: facts.teen ? 'Attend 8 individual sessions' : 'Attend 8 individual therapy sessions, including one with a family member',
    phaseId: null,
    metric: { kind: 'sessions_attended', sessionKind: 'individual' },
    baseline: null,
    target: 8,
    dueOn: addDays(facts.admittedOn, 84),
    interventions: [{ interventionId: uuidFrom(rng), service: 'Individual therapy with a family session', frequency: 'Weekly; family session within 4 weeks', responsibleStaffId: facts.staff.clinician }],
  };
  const [first, ...rest] = content.problems;
  const [firstGoal, ...otherGoals] = first!.goals;
  return { problems: [{ ...first!, goals: [{ ...firstGoal!, objectives: [...firstGoal!.objectives, added] }, ...otherGoals] }, ...rest] };
}
