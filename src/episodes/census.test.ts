import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CensusEpisode, summariseCensus } from './census.ts';

const today = '2026-11-24';
const phases = [{ phaseId: 'p1', name: 'Engagement' }, { phaseId: 'p2', name: 'Early recovery' }];
const tracks = [{ trackId: 't1', name: 'Morning' }, { trackId: 't2', name: 'Evening' }];
const episode = (patientId: string, over: Partial<CensusEpisode> = {}): CensusEpisode => ({
  patientId,
  name: `Patient ${patientId}`,
  mrn: `C-${patientId}`,
  status: 'active',
  phaseId: 'p1',
  trackId: 't1',
  admittedOn: '2026-11-01',
  dischargedOn: null,
  dischargeReason: null,
  primaryClinicianName: 'Casey Clinician',
  ...over,
});

describe('program census', () => {
  const census = summariseCensus({
    today,
    phases,
    tracks,
    episodes: [
      episode('a'),
      episode('b', { phaseId: 'p2', trackId: 't2', admittedOn: '2026-09-01' }),
      episode('c', { trackId: null, admittedOn: '2026-10-26' }),
      episode('d', { status: 'discharged', admittedOn: '2026-10-01', dischargedOn: '2026-11-20', dischargeReason: 'completed' }),
      episode('e', { status: 'discharged', admittedOn: '2026-10-01', dischargedOn: '2026-10-25', dischargeReason: 'left_against_advice' }),
      episode('f', { status: 'discharged', admittedOn: '2026-11-02', dischargedOn: '2026-11-10', dischargeReason: 'left_against_advice' }),
    ],
  });

  it('counts only active episodes as the census', () => assert.equal(census.activeCount, 3));
  it('lists every phase in program order, empty ones too', () => {
    assert.deepEqual(census.byPhase.map((p) => [p.phaseName, p.count]), [['Engagement', 2], ['Early recovery', 1]]);
  });
  it('counts patients without a track in a separate bucket', () => {
    assert.deepEqual(census.byTrack.map((t) => [t.trackName, t.count]), [['Morning', 1], ['Evening', 1], [null, 1]]);
  });
  it('counts admissions in the 30 days through today, discharged or not (day 29 back counts, day 30 does not)', () => {
    // a (11-01), f (11-02) are inside; c (10-26) is 29 days back: inside; d, e (10-01), b (09-01) are not.
    assert.equal(census.admittedLast30Days, 3);
  });
  it('counts discharges in the last 30 days by reason', () => {
    assert.deepEqual(census.dischargedLast30Days, { total: 2, byReason: { completed: 1, left_against_advice: 1 } });
  });
  it('lists active patients longest-stay first with their days in the program', () => {
    assert.deepEqual(census.patients.map((p) => [p.patientId, p.daysInProgram, p.phaseName, p.trackName]), [
      ['b', 84, 'Early recovery', 'Evening'],
      ['c', 29, 'Engagement', null],
      ['a', 23, 'Engagement', 'Morning'],
    ]);
  });
  it('counts a booked future admission as day 0', () => {
    const future = summariseCensus({ today, phases, tracks, episodes: [episode('z', { admittedOn: '2026-12-01' })] });
    assert.equal(future.patients[0]?.daysInProgram, 0);
  });
});
