import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extensionViolation, lengthOfStay } from './length-of-stay.ts';

// Admitted Monday 2 November 2026 to an 84-day (12-week) program: expected discharge 25 January 2027.
const stay = { admittedOn: '2026-11-02', expectedDischargeOn: '2027-01-25', dischargedOn: null };

describe('where a patient is in the expected stay', () => {
  const cases: [string, Parameters<typeof lengthOfStay>[0], string, [number, number, number, number]][] = [
    ['the admission day is day 1 of an 84-day stay', stay, '2026-11-02', [1, 84, 84, 0]],
    ['three weeks in, 63 days remain', stay, '2026-11-23', [22, 84, 63, 0]],
    ['on the expected discharge day nothing remains and nothing is overdue', stay, '2027-01-25', [85, 84, 0, 0]],
    ['the day after, the stay is one day overdue', stay, '2027-01-26', [86, 84, 0, 1]],
    ['an admission booked for next week has not started', { ...stay, admittedOn: '2026-11-30', expectedDischargeOn: '2027-02-22' }, '2026-11-24', [0, 84, 90, 0]],
    ['a discharge stops the count on the discharge day', { ...stay, dischargedOn: '2026-12-18' }, '2027-03-01', [47, 84, 0, 0]],
    ['a discharge after the expected day records how late it was', { ...stay, dischargedOn: '2027-02-01' }, '2027-03-01', [92, 84, 0, 7]],
  ];
  for (const [sentence, dates, today, expected] of cases) {
    it(sentence, () => {
      const los = lengthOfStay(dates, today);
      assert.deepEqual([los.dayOfStay, los.expectedDays, los.daysRemaining, los.overdueBy], expected);
    });
  }
});

describe('extending the expected stay', () => {
  const episode = { status: 'active' as const, admittedOn: '2026-11-02', expectedDischargeOn: '2027-01-25' };
  const outcome = (v: ReturnType<typeof extensionViolation>) => (v ? (v.kind === 'not_active' ? 'not_active' : `${v.kind} ${v.path}`) : 'ok');
  const cases: [string, typeof episode | { status: 'discharged'; admittedOn: string; expectedDischargeOn: string }, string, string][] = [
    ['a day later is an extension', episode, '2027-01-26', 'ok'],
    ['the same day is not an extension', episode, '2027-01-25', 'date_out_of_range newExpectedOn'],
    ['an earlier day is not an extension (discharge earlier instead)', episode, '2027-01-11', 'date_out_of_range newExpectedOn'],
    ['up to two years (730 days) after admission', episode, '2028-11-01', 'ok'],
    ['not a day beyond two years', episode, '2028-11-02', 'date_out_of_range newExpectedOn'],
    ['never for a discharged episode', { ...episode, status: 'discharged' }, '2027-02-01', 'not_active'],
  ];
  for (const [sentence, e, newExpectedOn, expected] of cases) it(sentence, () => assert.equal(outcome(extensionViolation(e, newExpectedOn)), expected));
});
