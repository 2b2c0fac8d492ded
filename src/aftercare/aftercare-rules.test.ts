import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DischargeReason } from '../db/schema.ts';
import type { AftercareInput } from './aftercare.schemas.ts';
import { aftercareProblems, aftercareRequired, followupStatus, followupsFor, normalisePlan } from './aftercare-rules.ts';
import { summariseStay } from './discharge-summary.ts';

const plan: AftercareInput = {
  outpatientReferral: { provider: ' Hartford Behavioral Health ', contact: '(860) 555-0199', appointmentOn: '2026-12-01' },
  meetings: [{ fellowship: 'AA', dayOfWeek: 2, time: '19:00', location: 'St. Paul’s, 40 Main St' }],
  soberLiving: null,
  alumniProgram: true,
  medicationContinuity: 'Naltrexone 50 mg daily; Dr. Osei, refill due 12 Dec.',
  relapsePlan: 'Call sponsor, go to a meeting the same day, call the clinic or 988.',
};

describe('which discharges need an aftercare plan', () => {
  const cases: [DischargeReason, boolean][] = [
    ['completed', true],
    ['stepped_down_to_outpatient', true],
    ['transferred_to_higher_level', false],
    ['left_against_advice', false],
    ['administrative', false],
    ['other', false],
  ];
  for (const [reason, required] of cases) it(`${reason}: ${required ? 'required' : 'optional'}`, () => assert.equal(aftercareRequired(reason), required));
});

describe('an aftercare plan', () => {
  it('is complete with a referral, a meeting and a relapse plan', () => assert.deepEqual(aftercareProblems(plan, '2026-11-24'), []));

  it('names a meeting of another fellowship', () => {
    const other = { ...plan, meetings: [...plan.meetings, { fellowship: 'other' as const, dayOfWeek: 4, time: '18:30', location: 'Online' }] };
    assert.deepEqual(aftercareProblems(other, '2026-11-24').map((p) => p.path), ['aftercare.meetings[1].name']);
    const named = { ...plan, meetings: [{ ...other.meetings[1]!, name: 'Refuge Recovery' }] };
    assert.deepEqual(aftercareProblems(named, '2026-11-24'), []);
  });

  it('books the outpatient appointment on or after the discharge day', () => {
    assert.deepEqual(aftercareProblems(plan, '2026-12-01'), []);
    assert.deepEqual(aftercareProblems(plan, '2026-12-02').map((p) => [p.code, p.path]), [['date_out_of_range', 'aftercare.outpatientReferral.appointmentOn']]);
  });

  it('is stored trimmed with every optional field present', () => {
    const stored = normalisePlan({ ...plan, outpatientReferral: { provider: ' Hartford Behavioral Health ' }, medicationContinuity: '  ' });
    assert.deepEqual(stored.outpatientReferral, { provider: 'Hartford Behavioral Health', contact: null, appointmentOn: null });
    assert.equal(stored.medicationContinuity, null);
    assert.deepEqual(stored.meetings, [{ fellowship: 'AA', name: null, dayOfWeek: 2, time: '19:00', location: 'St. Paul’s, 40 Main St' }]);
  });
});

describe('follow-up contacts', () => {
  it('are due 30, 60 and 90 calendar days after the discharge day, across month and year ends', () => {
    assert.deepEqual(followupsFor('2026-11-24'), [
      { daysAfter: 30, dueOn: '2026-12-24' },
      { daysAfter: 60, dueOn: '2027-01-23' },
      { daysAfter: 90, dueOn: '2027-02-22' },
    ]);
  });

  const cases: [string, string, string | null, string][] = [
    ['the day before it is due it is upcoming', '2026-12-23', null, 'upcoming'],
    ['on its due day it is due', '2026-12-24', null, 'due'],
    ['a week after its due day it is still due', '2026-12-31', null, 'due'],
    ['eight days after its due day it is overdue', '2027-01-01', null, 'overdue'],
    ['once an outcome is recorded it is completed, whenever that was', '2027-03-01', '2026-12-20', 'completed'],
  ];
  for (const [sentence, today, completedOn, expected] of cases) it(sentence, () => assert.equal(followupStatus({ dueOn: '2026-12-24', completedOn }, today), expected));
});

describe('the discharge summary', () => {
  const at = (iso: string) => new Date(iso);
  const now = at('2026-11-24T15:00:00Z');
  const facts = {
    admittedOn: '2026-11-02',
    through: '2026-11-24',
    now,
    phaseReached: { phaseId: 'p2', name: 'Early recovery' },
    sessions: [
      { status: 'scheduled' as const, endsAt: at('2026-11-02T17:00:00Z'), attendance: { status: 'present' as const, minutes: 180 } },
      { status: 'scheduled' as const, endsAt: at('2026-11-04T17:00:00Z'), attendance: { status: 'left_early' as const, minutes: 90 } },
      { status: 'scheduled' as const, endsAt: at('2026-11-06T17:00:00Z'), attendance: { status: 'unexcused_absence' as const, minutes: 0 } },
      // Held, nobody recorded attendance: scheduled, not attended.
      { status: 'scheduled' as const, endsAt: at('2026-11-09T17:00:00Z'), attendance: null },
      // Cancelled: neither.
      { status: 'cancelled' as const, endsAt: at('2026-11-11T17:00:00Z'), attendance: null },
      // Later today and not yet attended: not counted.
      { status: 'scheduled' as const, endsAt: at('2026-11-24T22:00:00Z'), attendance: null },
    ],
    responses: [
      { instrument: 'phq9', totalScore: 17, severity: 'moderately_severe', administeredOn: '2026-11-02' },
      { instrument: 'bam', totalScore: null, severity: null, administeredOn: '2026-11-02' },
      { instrument: 'phq9', totalScore: 12, severity: 'moderate', administeredOn: '2026-11-16' },
      { instrument: 'phq9', totalScore: 8, severity: 'mild', administeredOn: '2026-11-23' },
      { instrument: 'gad7', totalScore: 11, severity: 'moderate', administeredOn: '2026-11-02' },
    ],
    instrumentNames: [['phq9', 'PHQ-9'], ['gad7', 'GAD-7'], ['audit', 'AUDIT'], ['bam', 'BAM']] as const,
    objectives: [{ description: 'Attend 90% of sessions', met: true }, { description: 'PHQ-9 below 10', met: true }, { description: 'Three meetings a week', met: false }],
  };

  it('counts held sessions, attended sessions and credited hours from admission through the last day', () => {
    const summary = summariseStay(facts);
    assert.deepEqual([summary.daysInProgram, summary.sessionsScheduled, summary.sessionsAttended, summary.hoursAttended, summary.attendancePercent], [22, 4, 2, 4.5, 50]);
  });

  it('shows each instrument’s first and last score and the change, in the listed order, and a single score without a change', () => {
    assert.deepEqual(summariseStay(facts).instruments, [
      { instrument: 'phq9', name: 'PHQ-9', first: { score: 17, severity: 'moderately_severe', on: '2026-11-02' }, last: { score: 8, severity: 'mild', on: '2026-11-23' }, change: -9 },
      { instrument: 'gad7', name: 'GAD-7', first: { score: 11, severity: 'moderate', on: '2026-11-02' }, last: null, change: null },
      { instrument: 'bam', name: 'BAM', first: { score: null, severity: null, on: '2026-11-02' }, last: null, change: null },
    ]);
  });

  it('counts the plan’s objectives met', () => {
    assert.deepEqual(summariseStay(facts).goals, { objectivesTotal: 3, objectivesMet: 2, objectives: facts.objectives });
  });

  it('has no attendance percentage when nothing was scheduled', () => {
    assert.equal(summariseStay({ ...facts, sessions: [] }).attendancePercent, null);
  });
});
