/**
 * When a program's instruments fall due: at admission, every N days after the last one, and
 * before the expected discharge; overdue more than three days after.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InstrumentCadenceEntry, InstrumentId } from '../db/schema.ts';
import { type DueInput, OVERDUE_AFTER_DAYS, dueInstruments } from './due.ts';

const phq9Cadence: InstrumentCadenceEntry = { instrument: 'phq9', atAdmission: true, everyDays: 14, atDischarge: true };
const episode = { admittedOn: '2026-11-02', expectedDischargeOn: '2027-01-25', status: 'active' as const };

function due(overrides: Partial<DueInput> & { today: string }, ...responses: [InstrumentId, string][]) {
  return dueInstruments({
    cadence: [phq9Cadence],
    episode,
    responses: responses.map(([instrument, administeredOn]) => ({ instrument, administeredOn })),
    ...overrides,
  });
}

describe('the admission measurement', () => {
  it('is due on the admission day and not before', () => {
    assert.deepEqual(due({ today: '2026-11-01' }), []);
    assert.deepEqual(due({ today: '2026-11-02' }), [{ instrument: 'phq9', reason: 'admission', dueOn: '2026-11-02', status: 'due' }]);
  });

  it(`stays "due" for ${OVERDUE_AFTER_DAYS} days and is overdue from the day after`, () => {
    assert.equal(due({ today: '2026-11-05' })[0]!.status, 'due');
    assert.equal(due({ today: '2026-11-06' })[0]!.status, 'overdue');
  });

  it('is satisfied by a screening up to 7 days before admission, not 8', () => {
    assert.deepEqual(due({ today: '2026-11-02' }, ['phq9', '2026-10-26']), []);
    assert.deepEqual(due({ today: '2026-11-02' }, ['phq9', '2026-10-25']).map((d) => d.reason), ['admission']);
  });

  it('is not satisfied by another instrument', () => {
    assert.deepEqual(due({ today: '2026-11-02' }, ['gad7', '2026-11-02']).map((d) => d.instrument), ['phq9']);
  });

  it('is not asked when the program does not give the instrument at admission', () => {
    assert.deepEqual(due({ today: '2026-11-20', cadence: [{ ...phq9Cadence, atAdmission: false }] }), []);
  });
});

describe('the periodic measurement', () => {
  it('falls due every N days after the latest response, counted from the latest', () => {
    assert.deepEqual(due({ today: '2026-11-15' }, ['phq9', '2026-11-02']), []);
    assert.deepEqual(due({ today: '2026-11-16' }, ['phq9', '2026-11-02']), [{ instrument: 'phq9', reason: 'periodic', dueOn: '2026-11-16', status: 'due' }]);
    assert.deepEqual(due({ today: '2026-11-16' }, ['phq9', '2026-11-02'], ['phq9', '2026-11-09']), []);
    assert.equal(due({ today: '2026-11-20' }, ['phq9', '2026-11-02'])[0]!.status, 'overdue');
  });

  it('is not asked without an every-N-days setting', () => {
    assert.deepEqual(due({ today: '2026-12-30', cadence: [{ ...phq9Cadence, everyDays: null }] }, ['phq9', '2026-11-02']), []);
  });

  it('starts only once a first response exists, even when the admission one is not asked', () => {
    const cadence = [{ instrument: 'bam' as const, atAdmission: false, everyDays: 30, atDischarge: false }];
    assert.deepEqual(due({ today: '2026-12-30', cadence }), []);
    assert.deepEqual(due({ today: '2026-12-30', cadence }, ['bam', '2026-11-20']).map((d) => [d.reason, d.dueOn, d.status]), [['periodic', '2026-12-20', 'overdue']]);
  });

  it('does not count responses from an earlier stay (before the admission look-back)', () => {
    assert.deepEqual(due({ today: '2026-11-03' }, ['phq9', '2026-10-01']).map((d) => d.reason), ['admission']);
  });
});

describe('the discharge measurement', () => {
  // Expected discharge 2027-01-25: the window opens 2027-01-18.
  const lastPeriodic: [InstrumentId, string] = ['phq9', '2027-01-10'];

  it('is due from 7 days before the expected discharge', () => {
    assert.deepEqual(due({ today: '2027-01-17' }, lastPeriodic), []);
    assert.deepEqual(due({ today: '2027-01-18' }, lastPeriodic), [{ instrument: 'phq9', reason: 'discharge', dueOn: '2027-01-18', status: 'due' }]);
    assert.equal(due({ today: '2027-01-21' }, lastPeriodic)[0]!.status, 'due');
    assert.equal(due({ today: '2027-01-22' }, lastPeriodic)[0]!.status, 'overdue');
  });

  it('is satisfied by a response inside the window, not one the day before it', () => {
    assert.deepEqual(due({ today: '2027-01-20' }, ['phq9', '2027-01-18']), []);
    assert.deepEqual(due({ today: '2027-01-20' }, ['phq9', '2027-01-17']).map((d) => d.reason), ['discharge']);
  });

  it('is listed under the earlier requirement when a periodic one is already overdue, once', () => {
    assert.deepEqual(due({ today: '2027-01-20' }, ['phq9', '2027-01-01']), [{ instrument: 'phq9', reason: 'periodic', dueOn: '2027-01-15', status: 'overdue' }]);
  });

  it('names the discharge when it falls on the same day as a periodic one', () => {
    assert.deepEqual(due({ today: '2027-01-18' }, ['phq9', '2027-01-04']).map((d) => d.reason), ['discharge']);
  });

  it('never opens before admission on a very short expected stay', () => {
    const short = { admittedOn: '2026-11-02', expectedDischargeOn: '2026-11-05', status: 'active' as const };
    assert.deepEqual(due({ today: '2026-11-02', episode: short, cadence: [{ ...phq9Cadence, atAdmission: false }] }).map((d) => [d.reason, d.dueOn]), [['discharge', '2026-11-02']]);
    assert.deepEqual(due({ today: '2026-11-02', episode: short, cadence: [{ ...phq9Cadence, atAdmission: false }] }, ['phq9', '2026-10-30']).map((d) => d.reason), ['discharge']);
  });
});

describe('the due list', () => {
  it('is empty for a discharged episode', () => {
    assert.deepEqual(due({ today: '2026-11-10', episode: { ...episode, status: 'discharged' } }), []);
  });

  it('lists each instrument of the cadence, earliest due first', () => {
    const cadence: InstrumentCadenceEntry[] = [
      phq9Cadence,
      { instrument: 'gad7', atAdmission: true, everyDays: 14, atDischarge: true },
      { instrument: 'bam', atAdmission: true, everyDays: 30, atDischarge: true },
    ];
    const list = due({ today: '2026-11-24', cadence }, ['phq9', '2026-11-02'], ['gad7', '2026-11-02'], ['gad7', '2026-11-16']);
    assert.deepEqual(list.map((d) => [d.instrument, d.reason, d.dueOn, d.status]), [
      ['bam', 'admission', '2026-11-02', 'overdue'],
      ['phq9', 'periodic', '2026-11-16', 'overdue'],
    ]);
  });
});
