import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EpisodeDates, admissionDateViolation, dischargeViolation, phaseChangeViolation } from './episode-rules.ts';

const today = '2026-11-24';
const active: EpisodeDates = { status: 'active', admittedOn: '2026-10-01', lastPhaseChangeOn: '2026-10-20' };
const discharged: EpisodeDates = { ...active, status: 'discharged' };
const outcome = (v: ReturnType<typeof phaseChangeViolation>) => (v ? (v.kind === 'not_active' ? 'not_active' : `${v.kind} ${v.path}`) : 'ok');

describe('admission date', () => {
  const cases: [string, string, string][] = [
    ['today is fine', '2026-11-24', 'ok'],
    ['exactly a year back is fine', '2025-11-24', 'ok'],
    ['a year and a day back is too far', '2025-11-23', 'date_out_of_range admittedOn'],
    ['30 days ahead is fine (a booked intake)', '2026-12-24', 'ok'],
    ['31 days ahead is too far', '2026-12-25', 'date_out_of_range admittedOn'],
  ];
  for (const [sentence, admittedOn, expected] of cases) it(sentence, () => assert.equal(outcome(admissionDateViolation(admittedOn, today)), expected));
});

describe('phase change', () => {
  const cases: [string, EpisodeDates, string, string][] = [
    ['takes effect today', active, '2026-11-24', 'ok'],
    ['may be back-dated to the day of the last change (a same-day correction)', active, '2026-10-20', 'ok'],
    ['may not be back-dated before the last change', active, '2026-10-19', 'date_out_of_range effectiveOn'],
    ['may not be dated before the admission', { ...active, lastPhaseChangeOn: '2026-10-01' }, '2026-09-30', 'date_out_of_range effectiveOn'],
    ['may not be dated in the future', active, '2026-11-25', 'date_out_of_range effectiveOn'],
    ['is refused on a discharged episode, whatever the date', discharged, '2026-11-24', 'not_active'],
  ];
  for (const [sentence, episode, effectiveOn, expected] of cases) it(sentence, () => assert.equal(outcome(phaseChangeViolation(episode, effectiveOn, today)), expected));
});

describe('discharge', () => {
  const cases: [string, EpisodeDates, string, string][] = [
    ['today is fine', active, '2026-11-24', 'ok'],
    ['on the admission day is fine (left the first day)', active, '2026-10-01', 'ok'],
    ['before the admission is refused', active, '2026-09-30', 'date_out_of_range dischargedOn'],
    ['tomorrow is refused: a discharge is recorded, not planned', active, '2026-11-25', 'date_out_of_range dischargedOn'],
    ['a second discharge is refused', discharged, '2026-11-24', 'not_active'],
  ];
  for (const [sentence, episode, dischargedOn, expected] of cases) it(sentence, () => assert.equal(outcome(dischargeViolation(episode, dischargedOn, today)), expected));
  it('names the admission day in the message', () => {
    const v = dischargeViolation(active, '2026-09-01', today);
    assert.equal(v?.message, 'is before the admission on 2026-10-01');
  });
});
