/** When background work is planned: buckets, facility-local hours and weekdays, backoff. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type JobKind, JOB_KINDS, MAX_ATTEMPTS, facilityJobs, nextRetry, retryDelayMs, sweepJob, timeBucket } from './schedule.ts';

const NY = { facility_id: 'facility-1', time_zone: 'America/New_York', week_starts_on: 1 };
const ALL = { kinds: new Set<JobKind>(JOB_KINDS) };
const plan = (iso: string, options = ALL) => facilityJobs('org-1', NY, new Date(iso), options);
const keys = (iso: string, options = ALL) => plan(iso, options).map((j) => `${j.kind} ${j.dedupeKey}`);

describe('time buckets', () => {
  it('floor to the bucket, so every process planning the same minute writes the same key', () => {
    assert.equal(timeBucket(new Date('2026-11-24T15:04:59.999Z'), 5), '2026-11-24T15:00Z');
    assert.equal(timeBucket(new Date('2026-11-24T15:05:00Z'), 5), '2026-11-24T15:05Z');
    assert.equal(sweepJob('org-1', new Date('2026-11-24T15:04:30Z')).dedupeKey, '2026-11-24T15:04Z');
  });
});

describe('a facility’s plan', () => {
  it('on a Tuesday morning at 04:59 local: absences, plan reviews and the last three days of doses, no draw yet, no hours check', () => {
    assert.deepEqual(keys('2026-11-24T09:59:00Z'), [
      'absences facility-1:2026-11-24T09:55Z',
      'plan_reviews facility-1:2026-11-24',
      'missed_doses facility-1:2026-11-23',
      'missed_doses facility-1:2026-11-22',
      'missed_doses facility-1:2026-11-21',
    ]);
  });

  it('at 05:00 local the morning draw is planned, for the facility’s day', () => {
    assert.ok(keys('2026-11-24T10:00:00Z').includes('drug_test_selection facility-1:2026-11-24'));
  });

  it('the local day decides: 23:30 in New York is still the 24th although it is the 25th in UTC', () => {
    const jobs = plan('2026-11-25T04:30:00Z');
    assert.deepEqual(jobs.find((j) => j.kind === 'plan_reviews')?.payload, { facilityId: 'facility-1', date: '2026-11-24' });
  });

  it('hours at risk is planned hourly from Wednesday (mid-week), not on Monday or Tuesday', () => {
    assert.ok(!keys('2026-11-24T20:00:00Z').some((k) => k.startsWith('hours_at_risk')));
    assert.ok(keys('2026-11-25T14:10:00Z').includes('hours_at_risk facility-1:2026-11-25T09'));
    assert.ok(keys('2026-11-29T14:10:00Z').includes('hours_at_risk facility-1:2026-11-29T09'));
  });

  it('a week starting on Sunday has its mid-week on Tuesday', () => {
    const sundayWeek = { ...NY, week_starts_on: 7 };
    assert.ok(facilityJobs('org-1', sundayWeek, new Date('2026-11-24T14:00:00Z'), ALL).some((j) => j.kind === 'hours_at_risk'));
  });

  it('kinds whose handler is not wired are not planned', () => {
    const kinds = keys('2026-11-24T14:00:00Z', { kinds: new Set<JobKind>(['absences']) });
    assert.deepEqual(kinds, ['absences facility-1:2026-11-24T14:00Z']);
  });
});

describe('retries', () => {
  it('back off from 30 seconds, doubling, to at most an hour, and stop after the last attempt', () => {
    assert.deepEqual([1, 2, 3, 4, 7, 12].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000]);
    const now = new Date('2026-11-24T15:00:00Z');
    assert.deepEqual(nextRetry(1, now), new Date('2026-11-24T15:00:30Z'));
    assert.equal(nextRetry(MAX_ATTEMPTS, now), null);
  });
});
