import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  completenessProblems,
  contentProblems,
  nextStatus,
  planReviewState,
  referenceProblems,
  reviewDueOn,
  signatureNameMatches,
  signingProblems,
  versionInForceOn,
} from './plan-rules.ts';
import type { Metric, Objective, PlanContent } from './plans.schemas.ts';

const STAFF = randomUUID();
const PHASE = randomUUID();
const known = { activeStaffIds: new Set([STAFF]), phaseIds: new Set([PHASE]) };

const objective = (more: Partial<Objective> = {}): Objective => ({
  objectiveId: randomUUID(),
  description: 'Attend 90% of scheduled sessions over 4 weeks',
  phaseId: PHASE,
  metric: { kind: 'attendance_rate', weeks: 4 },
  baseline: null,
  target: 90,
  dueOn: '2026-12-31',
  interventions: [{ interventionId: randomUUID(), service: 'Process group', frequency: '3 times a week', responsibleStaffId: STAFF }],
  ...more,
});

const plan = (...goals: Objective[][]): PlanContent => ({
  problems: [{ problemId: randomUUID(), statement: 'Alcohol use disorder, moderate', goals: goals.map((objectives) => ({ goalId: randomUUID(), statement: 'Sustained abstinence', objectives })) }],
});

describe('signing requires a complete plan', () => {
  it('a plan with one problem, goal, objective and intervention can be signed', () => {
    assert.deepEqual(signingProblems(plan([objective()]), known), []);
  });

  it('an empty plan needs a problem', () => {
    assert.deepEqual(completenessProblems({ problems: [] }), [{ path: 'content.problems', message: 'needs at least one problem' }]);
  });

  it('names the exact place that is missing: a goal without objectives, an objective without interventions', () => {
    const content = plan([objective()], [objective({ interventions: [] })], []);
    assert.deepEqual(completenessProblems(content).map((p) => p.path), [
      'content.problems[0].goals[1].objectives[0].interventions',
      'content.problems[0].goals[2].objectives',
    ]);
    const noGoals: PlanContent = { problems: [{ problemId: randomUUID(), statement: 'Depression', goals: [] }] };
    assert.deepEqual(completenessProblems(noGoals).map((p) => p.path), ['content.problems[0].goals']);
  });

  it('responsible staff must be active staff of the organization, and a phase must be of the program', () => {
    const stranger = randomUUID();
    const content = plan([objective({ phaseId: randomUUID() }), objective({ interventions: [{ interventionId: randomUUID(), service: 'Individual therapy', frequency: 'Weekly', responsibleStaffId: stranger }] })]);
    assert.deepEqual(referenceProblems(content, known).map((p) => p.path), [
      'content.problems[0].goals[0].objectives[0].phaseId',
      'content.problems[0].goals[0].objectives[1].interventions[0].responsibleStaffId',
    ]);
    assert.deepEqual(referenceProblems(plan([objective({ phaseId: null })]), known), [], 'an objective need not belong to a phase');
  });
});

describe('what any version may hold', () => {
  it('an id used twice in one plan is refused where it repeats', () => {
    const repeated = objective();
    const content = plan([repeated, { ...objective(), objectiveId: repeated.objectiveId }]);
    assert.deepEqual(contentProblems(content).map((p) => p.path), ['content.problems[0].goals[0].objectives[1].objectiveId']);
  });

  const targetCases: [string, Metric, number, boolean][] = [
    ['attendance above 100%', { kind: 'attendance_rate', weeks: 4 }, 101, false],
    ['attendance at 100%', { kind: 'attendance_rate', weeks: 4 }, 100, true],
    ['PHQ-9 below 28 (max 27)', { kind: 'instrument_score_below', instrument: 'phq9' }, 28, false],
    ['PHQ-9 below 27', { kind: 'instrument_score_below', instrument: 'phq9' }, 27, true],
    ['DAST-10 below 11 (max 10)', { kind: 'instrument_score_below', instrument: 'dast10' }, 11, false],
    ['PHQ-9 below 9.5 (scores are whole)', { kind: 'instrument_score_below', instrument: 'phq9' }, 9.5, false],
    ['PHQ-9 below 0 (never met)', { kind: 'instrument_score_below', instrument: 'phq9' }, 0, false],
    ['27 weeks in a row (at most 26 looked at)', { kind: 'weeks_hours_met' }, 27, false],
    ['4 weeks in a row', { kind: 'weeks_hours_met' }, 4, true],
    ['zero sessions', { kind: 'sessions_attended', sessionKind: 'family' }, 0, false],
    ['a custom count of 0', { kind: 'custom', unit: 'meetings' }, 0, false],
    ['a custom count of 12', { kind: 'custom', unit: 'meetings' }, 12, true],
  ];
  for (const [name, metric, target, ok] of targetCases) {
    it(`a target of ${name} is ${ok ? 'accepted' : 'refused'}`, () => {
      const problems = contentProblems(plan([objective({ metric, target })]));
      assert.deepEqual(problems.map((p) => p.path), ok ? [] : ['content.problems[0].goals[0].objectives[0].target']);
    });
  }

  it('a baseline beyond the instrument’s range is refused', () => {
    const problems = contentProblems(plan([objective({ metric: { kind: 'instrument_score_below', instrument: 'gad7' }, target: 10, baseline: 22 })]));
    assert.deepEqual(problems.map((p) => p.path), ['content.problems[0].goals[0].objectives[0].baseline']);
  });
});

describe('a version’s life', () => {
  it('draft → clinician signs → awaiting the patient → patient signs → active → superseded', () => {
    assert.equal(nextStatus('draft', 'clinician_sign'), 'awaiting_patient');
    assert.equal(nextStatus('awaiting_patient', 'patient_sign'), 'active');
    assert.equal(nextStatus('active', 'supersede'), 'superseded');
  });

  it('editing a version awaiting the patient returns it to draft; a version in force is never edited', () => {
    assert.equal(nextStatus('awaiting_patient', 'edit'), 'draft');
    assert.equal(nextStatus('draft', 'edit'), 'draft');
    assert.equal(nextStatus('active', 'edit'), null);
    assert.equal(nextStatus('superseded', 'edit'), null);
  });

  it('a patient cannot sign a draft the clinician has not signed, nor sign twice', () => {
    assert.equal(nextStatus('draft', 'patient_sign'), null);
    assert.equal(nextStatus('active', 'patient_sign'), null);
    assert.equal(nextStatus('awaiting_patient', 'clinician_sign'), null);
  });

  it('only the plan in force is reviewed', () => {
    assert.equal(nextStatus('active', 'review'), 'active');
    assert.equal(nextStatus('draft', 'review'), null);
  });
});

describe('the version in force on a day', () => {
  // Version 1 signed by the patient on 2 November, version 2 on 18 November, version 3 awaiting them.
  const versions = [
    { version: 3, effective_on: null },
    { version: 2, effective_on: '2026-11-18' },
    { version: 1, effective_on: '2026-11-02' },
  ];
  const inForce = (day: string) => versionInForceOn(versions, day)?.version;

  it('is the latest version to have taken effect by that day, even one superseded since', () => {
    assert.deepEqual([inForce('2026-11-02'), inForce('2026-11-17'), inForce('2026-11-18'), inForce('2026-11-30')], [1, 1, 2, 2]);
  });

  it('is none before the first took effect; a version awaiting the patient never is', () => {
    assert.equal(inForce('2026-11-01'), undefined);
    assert.equal(versionInForceOn([{ version: 1, effective_on: null }], '2026-11-30'), undefined);
  });
});

describe('plan reviews', () => {
  it('a review falls due 30 days after the plan takes effect by default', () => {
    assert.equal(reviewDueOn('2026-11-24', 30), '2026-12-24');
  });

  const active = (due: string) => ({ open: null, activeReviewDueOn: due, hasActive: true });
  it('is overdue the day after it falls due, due soon within 7 days, and not listed before', () => {
    assert.equal(planReviewState(active('2026-11-23'), '2026-11-24'), 'review_overdue');
    assert.equal(planReviewState(active('2026-11-24'), '2026-11-24'), 'review_due_soon');
    assert.equal(planReviewState(active('2026-12-01'), '2026-11-24'), 'review_due_soon');
    assert.equal(planReviewState(active('2026-12-02'), '2026-11-24'), null);
  });

  it('an episode without a plan in force shows its draft, the version awaiting the patient, or no plan', () => {
    assert.equal(planReviewState({ open: null, activeReviewDueOn: null, hasActive: false }, '2026-11-24'), 'no_plan');
    assert.equal(planReviewState({ open: 'draft', activeReviewDueOn: null, hasActive: false }, '2026-11-24'), 'draft');
    assert.equal(planReviewState({ open: 'awaiting_patient', activeReviewDueOn: null, hasActive: false }, '2026-11-24'), 'awaiting_patient');
  });

  it('a revision under way does not hide an overdue review', () => {
    assert.equal(planReviewState({ open: 'draft', activeReviewDueOn: '2026-11-01', hasActive: true }, '2026-11-24'), 'review_overdue');
    assert.equal(planReviewState({ open: 'draft', activeReviewDueOn: '2026-12-20', hasActive: true }, '2026-11-24'), 'draft');
  });
});

describe('the patient’s typed signature', () => {
  const patient = { legalGivenName: 'Jonathan', legalFamilyName: 'Smith', preferredName: 'Jon' };

  it('matches the legal or the preferred full name, whatever the case and spacing', () => {
    assert.equal(signatureNameMatches('jonathan smith', patient), true);
    assert.equal(signatureNameMatches('  JON   Smith ', patient), true);
  });

  it('does not match a partial or different name', () => {
    assert.equal(signatureNameMatches('Jonathan', patient), false);
    assert.equal(signatureNameMatches('Jon Smyth', patient), false);
    assert.equal(signatureNameMatches('Smith Jonathan', patient), false);
  });
});
