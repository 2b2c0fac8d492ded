import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DoseOutcome } from '../db/schema.ts';
import { localDateOf } from '../time/local-time.ts';
import { type Prescription, adherence, changedFields, doseDayCheck, dueDoses, isActiveOn, isObservedDoseDay, resolveDoseEntry, resolvePrescription } from './medication-rules.ts';

// Tuesday 2026-11-24. Weekdays: Mon 23, Tue 24; the window of 30 days runs 2026-10-26 (Mon) to 2026-11-24.
const TODAY = '2026-11-24';
const weekdays: Prescription = { startedOn: '2026-09-01', stoppedOn: null, observedWeekdays: [1, 2, 3, 4, 5] };
const selfAdministered: Prescription = { startedOn: '2026-09-01', stoppedOn: null, observedWeekdays: null };

describe('when a prescription is in force', () => {
  const cases: [string, Partial<Prescription>, string, boolean][] = [
    ['on the day it starts', { startedOn: '2026-11-24' }, '2026-11-24', true],
    ['not the day before it starts', { startedOn: '2026-11-24' }, '2026-11-23', false],
    ['the day before it is stopped', { stoppedOn: '2026-11-24' }, '2026-11-23', true],
    ['not on the day it is stopped', { stoppedOn: '2026-11-24' }, '2026-11-24', false],
    ['while ongoing, years later', {}, '2029-01-01', true],
  ];
  for (const [sentence, change, day, expected] of cases) {
    it(`is ${expected ? '' : 'not '}in force ${sentence}`, () => assert.equal(isActiveOn({ ...weekdays, ...change }, day), expected));
  }
  it('has an observed dose due only on its observed weekdays, while in force', () => {
    assert.equal(isObservedDoseDay(weekdays, '2026-11-24'), true);
    assert.equal(isObservedDoseDay(weekdays, '2026-11-22'), false, 'Sunday');
    assert.equal(isObservedDoseDay({ ...weekdays, observedWeekdays: [7] }, '2026-11-22'), true);
    assert.equal(isObservedDoseDay(selfAdministered, '2026-11-24'), false);
    assert.equal(isObservedDoseDay({ ...weekdays, stoppedOn: '2026-11-24' }, '2026-11-24'), false);
  });
});

describe('observed-dose adherence over 30 days', () => {
  const dose = (scheduledOn: string, outcome: DoseOutcome) => ({ scheduledOn, outcome });
  const given = (days: string[]) => days.map((d) => dose(d, 'given'));
  // Every weekday of the window before today: 26 Oct – 23 Nov holds 21 weekdays.
  const pastWeekdays: string[] = [];
  for (let d = new Date('2026-10-26T12:00:00Z'); d < new Date('2026-11-24T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) pastWeekdays.push(d.toISOString().slice(0, 10));
  }

  it('is null for a self-administered prescription', () => assert.equal(adherence(selfAdministered, [], TODAY), null));

  it('is 100 % when every past weekday was given, and today’s dose still to come is not missed', () => {
    assert.equal(pastWeekdays.length, 21);
    const a = adherence(weekdays, given(pastWeekdays), TODAY)!;
    assert.deepEqual(a, { windowDays: 30, from: '2026-10-26', to: TODAY, scheduled: 21, given: 21, missed: 0, refused: 0, held: 0, unrecorded: 0, percent: 100 });
  });

  it('counts today’s dose once it is recorded', () => {
    const a = adherence(weekdays, given([...pastWeekdays, TODAY]), TODAY)!;
    assert.deepEqual([a.scheduled, a.given, a.percent], [22, 22, 100]);
  });

  it('does not count held doses against the patient', () => {
    const doses = [...given(pastWeekdays.slice(0, 20)), dose(pastWeekdays[20]!, 'held')];
    const a = adherence(weekdays, doses, TODAY)!;
    assert.deepEqual([a.scheduled, a.given, a.held, a.percent], [21, 20, 1, 100]);
  });

  it('counts missed, refused and unrecorded past days against', () => {
    const doses = [...given(pastWeekdays.slice(0, 17)), dose(pastWeekdays[17]!, 'missed'), dose(pastWeekdays[18]!, 'refused')];
    const a = adherence(weekdays, doses, TODAY)!;
    assert.deepEqual([a.given, a.missed, a.refused, a.unrecorded, a.scheduled, a.percent], [17, 1, 1, 2, 21, 81]);
  });

  it('is null when there is nothing to count: no observed dose due yet, or all held', () => {
    assert.equal(adherence({ ...weekdays, startedOn: TODAY }, [], TODAY)!.percent, null, 'started today, nothing recorded yet');
    assert.equal(adherence({ ...weekdays, startedOn: '2026-11-21' }, [dose('2026-11-23', 'held')], TODAY)!.percent, null);
  });

  it('includes the first day of the window and not the day before', () => {
    const onlyMondays: Prescription = { ...weekdays, observedWeekdays: [1] };
    // Mondays: 26 Oct (first day of window), 2, 9, 16, 23 Nov; 19 Oct is outside.
    const a = adherence(onlyMondays, [dose('2026-10-19', 'missed'), ...given(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])], TODAY)!;
    assert.deepEqual([a.scheduled, a.missed, a.given, a.percent], [5, 0, 5, 100]);
    const firstDayUnrecorded = adherence(onlyMondays, given(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']), TODAY)!;
    assert.deepEqual([firstDayUnrecorded.unrecorded, firstDayUnrecorded.percent], [1, 80]);
  });

  it('only counts days while the prescription was in force', () => {
    const a = adherence({ ...weekdays, startedOn: '2026-11-16', stoppedOn: '2026-11-21' }, given(['2026-11-16', '2026-11-17']), TODAY)!;
    // Due 16–20 Nov (Mon–Fri); stopped from the 21st.
    assert.deepEqual([a.scheduled, a.given, a.unrecorded, a.percent], [5, 2, 3, 40]);
  });

  it('rounds to whole percent', () => {
    const doses = [...given(pastWeekdays.slice(0, 2)), dose(pastWeekdays[2]!, 'missed')];
    assert.equal(adherence({ ...weekdays, startedOn: pastWeekdays[0]!, stoppedOn: pastWeekdays[3]! }, doses, TODAY)!.percent, 67);
  });
});

describe('a prescription entry', () => {
  const cases: [string, Parameters<typeof resolvePrescription>[0], unknown][] = [
    ['takes MOUD and buprenorphine from the catalog for Suboxone', { name: 'Suboxone 8 mg/2 mg film', startedOn: TODAY }, { ok: true, addictionMedication: 'moud', expectedAnalytes: ['buprenorphine'] }],
    ['expects methadone and EDDP for methadone', { name: 'Methadone HCl oral concentrate', startedOn: TODAY }, { ok: true, addictionMedication: 'moud', expectedAnalytes: ['methadone', 'eddp'] }],
    ['keeps what the prescriber said over the catalog', { name: 'buprenorphine', startedOn: TODAY, addictionMedication: null, expectedAnalytes: [] }, { ok: true, addictionMedication: null, expectedAnalytes: [] }],
    ['knows nothing of an unlisted name', { name: 'sertraline', startedOn: TODAY }, { ok: true, addictionMedication: null, expectedAnalytes: [] }],
    ['takes naltrexone as MAUD when the prescriber says so', { name: 'Vivitrol', startedOn: TODAY, addictionMedication: 'maud' }, { ok: true, addictionMedication: 'maud', expectedAnalytes: [] }],
    ['asks which for naltrexone (opioid or alcohol use disorder)', { name: 'naltrexone', startedOn: TODAY }, { ok: false, problems: [{ path: 'addictionMedication', message: 'is required: naltrexone may treat moud or maud' }] }],
    ['refuses an analyte no panel tests', { name: 'x', startedOn: TODAY, expectedAnalytes: ['buprenorphine', 'kratom'] }, { ok: false, problems: [{ path: 'expectedAnalytes[1]', message: 'is not an analyte on any panel' }] }],
    ['drops a repeated analyte', { name: 'x', startedOn: TODAY, expectedAnalytes: ['thc', 'thc'] }, { ok: true, addictionMedication: null, expectedAnalytes: ['thc'] }],
    ['accepts a start a year ahead', { name: 'x', startedOn: '2027-11-24' }, { ok: true, addictionMedication: null, expectedAnalytes: [] }],
    ['refuses a start more than a year ahead', { name: 'x', startedOn: '2027-11-25' }, { ok: false, problems: [{ path: 'startedOn', message: 'is more than a year ahead' }] }],
  ];
  for (const [sentence, input, expected] of cases) {
    it(sentence, () => assert.deepEqual(resolvePrescription(input, TODAY), expected));
  }
});

describe('which day a dose may be recorded for', () => {
  const cases: [string, Prescription, string, string][] = [
    ['today, an observed weekday', weekdays, TODAY, 'ok'],
    ['30 days back', { ...weekdays, observedWeekdays: [7] }, '2026-10-25', 'ok'],
    ['31 days back', { ...weekdays, observedWeekdays: [1, 2, 3, 4, 5, 6, 7] }, '2026-10-24', 'date_out_of_range'],
    ['tomorrow', weekdays, '2026-11-25', 'date_out_of_range'],
    ['a Sunday, not an observed day', weekdays, '2026-11-22', 'not_observed_dosing'],
    ['a self-administered medication', selfAdministered, TODAY, 'not_observed_dosing'],
    ['before the prescription started', { ...weekdays, startedOn: TODAY }, '2026-11-23', 'not_observed_dosing'],
    ['the day it was stopped', { ...weekdays, stoppedOn: TODAY }, TODAY, 'medication_stopped'],
    ['the day before it was stopped', { ...weekdays, stoppedOn: TODAY }, '2026-11-23', 'ok'],
  ];
  for (const [sentence, prescription, day, expected] of cases) {
    it(`${expected === 'ok' ? 'accepts' : `refuses (${expected})`} ${sentence}`, () => {
      const check = doseDayCheck(prescription, day, TODAY);
      assert.equal(check.ok ? 'ok' : check.code, expected);
    });
  }
});

describe('what a dose entry must say', () => {
  const now = new Date('2026-11-24T15:00:00Z');
  const ctx = { prescribedDose: '16 mg', scheduledOn: TODAY, now, localDayOf: (at: Date) => localDateOf(at, 'America/New_York') };
  const paths = (r: ReturnType<typeof resolveDoseEntry>) => (r.ok ? [] : r.problems.map((p) => p.path));

  it('a given dose defaults to the prescribed amount and now', () => {
    assert.deepEqual(resolveDoseEntry({ outcome: 'given' }, ctx), { ok: true, doseGiven: '16 mg', givenAt: now, note: null });
  });
  it('a given dose keeps the amount and time given', () => {
    const r = resolveDoseEntry({ outcome: 'given', doseGiven: '8 mg', givenAt: '2026-11-24T13:05:00Z', note: ' split ' }, ctx);
    assert.deepEqual(r, { ok: true, doseGiven: '8 mg', givenAt: new Date('2026-11-24T13:05:00Z'), note: 'split' });
  });
  const refused: [string, Parameters<typeof resolveDoseEntry>[0], Partial<typeof ctx>, string[]][] = [
    ['a refusal without a reason', { outcome: 'refused' }, {}, ['note']],
    ['a hold with a blank reason', { outcome: 'held', note: '  ' }, {}, ['note']],
    ['an amount on a missed dose', { outcome: 'missed', doseGiven: '8 mg' }, {}, ['doseGiven']],
    ['a time on a refused dose', { outcome: 'refused', note: 'declined', givenAt: '2026-11-24T13:00:00Z' }, {}, ['givenAt']],
    ['a time in the future', { outcome: 'given', givenAt: '2026-11-24T16:00:00Z' }, {}, ['givenAt']],
    ['a time on another day (in New York)', { outcome: 'given', givenAt: '2026-11-24T04:30:00Z' }, {}, ['givenAt']],
    ['a leap second', { outcome: 'given', givenAt: '2026-06-30T23:59:60Z' }, {}, ['givenAt']],
    ['no time, recording yesterday’s dose today', { outcome: 'given' }, { scheduledOn: '2026-11-23' }, ['givenAt']],
  ];
  for (const [sentence, entry, change, expected] of refused) {
    it(`refuses ${sentence}`, () => assert.deepEqual(paths(resolveDoseEntry(entry, { ...ctx, ...change })), expected));
  }
  it('accepts a missed dose with nothing more, and a held dose with its reason', () => {
    assert.deepEqual(resolveDoseEntry({ outcome: 'missed' }, ctx), { ok: true, doseGiven: null, givenAt: null, note: null });
    assert.deepEqual(resolveDoseEntry({ outcome: 'held', note: 'sedated on arrival' }, ctx), { ok: true, doseGiven: null, givenAt: null, note: 'sedated on arrival' });
  });
});

describe('the day’s dosing list', () => {
  const row = (medication_id: string, change: Partial<{ dose_id: string | null; started_on: string; stopped_on: string | null; observed_weekdays: number[] | null; episode: string }> = {}) => ({
    medication_id, dose_id: null, started_on: '2026-11-02', stopped_on: null, observed_weekdays: [1, 2, 3, 4, 5], episode: 'E1', ...change,
  });
  it('lists a medication once when the patient has two episodes at the facility (under the first)', () => {
    assert.deepEqual(dueDoses([row('M1'), row('M1', { episode: 'E2' })], TODAY).map((r) => r.episode), ['E1']);
  });
  it('leaves out days no dose is due: a Sunday, before the start, from the stop day', () => {
    assert.deepEqual(dueDoses([row('M1')], '2026-11-22'), []);
    assert.deepEqual(dueDoses([row('M1', { started_on: '2026-11-25' })], TODAY), []);
    assert.deepEqual(dueDoses([row('M1', { stopped_on: TODAY })], TODAY), []);
  });
  it('keeps a dose recorded that day even if it would no longer fall due', () => {
    assert.deepEqual(dueDoses([row('M1', { stopped_on: TODAY, dose_id: 'D1' })], TODAY).map((r) => r.dose_id), ['D1']);
  });
});

describe('what an edit changed', () => {
  const fields = { name: 'Methadone', dose: '80 mg', route: 'oral' as const, frequency: 'daily', prescriber: 'Dr. Eze', startedOn: '2026-11-02', addictionMedication: 'moud' as const, expectedAnalytes: ['methadone', 'eddp'], observedWeekdays: [1, 2, 3] };
  it('names nothing when only spacing or weekday order differ', () => {
    assert.deepEqual(changedFields(fields, { ...fields, dose: ' 80 mg ', observedWeekdays: [3, 1, 2] }), []);
  });
  it('names each field that changed', () => {
    assert.deepEqual(changedFields(fields, { ...fields, dose: '90 mg', observedWeekdays: null, addictionMedication: null }), ['dose', 'addictionMedication', 'observedWeekdays']);
  });
});
