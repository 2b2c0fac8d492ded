import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckinAnswers, type CheckinPoint, checkinPlace, checkinProblems, checkinSummary, greetingName, kioskMatch, lastNameMatches, normaliseLastName } from './checkin-rules.ts';

const calm: CheckinAnswers = { craving: 2, mood: 4, sleepHours: 7.5, sleepQuality: 4, usedSinceLast: false, substances: [], medicationTaken: 'yes' };

describe('a check-in’s answers', () => {
  const cases: [string, Partial<CheckinAnswers>, string[]][] = [
    ['no use and no substances is coherent', {}, []],
    ['use with the substances named is coherent', { usedSinceLast: true, substances: ['alcohol', 'cannabis'] }, []],
    ['use reported without naming a substance is refused', { usedSinceLast: true, substances: [] }, ['substances']],
    ['substances named while saying there was no use is refused', { usedSinceLast: false, substances: ['alcohol'] }, ['substances']],
  ];
  for (const [sentence, change, paths] of cases) {
    it(sentence, () => assert.deepEqual(checkinProblems({ ...calm, ...change }).map((p) => p.path), paths));
  }
});

describe('where a check-in belongs', () => {
  const registered = { facilityId: 'F-registered', timeZone: 'America/New_York' };
  it('belongs to the facility that registered a patient with no active episode', () => {
    assert.deepEqual(checkinPlace(registered, []), { episodeId: null, facilityId: 'F-registered', timeZone: 'America/New_York' });
  });
  it('belongs to the active episode’s program facility and its time zone', () => {
    assert.deepEqual(checkinPlace(registered, [{ episodeId: 'E1', facilityId: 'F-west', timeZone: 'America/Los_Angeles', admittedOn: '2026-11-02' }]), {
      episodeId: 'E1', facilityId: 'F-west', timeZone: 'America/Los_Angeles',
    });
  });
  it('with two active episodes, belongs to the one the patient was admitted to first', () => {
    const place = checkinPlace(registered, [
      { episodeId: 'E-late', facilityId: 'F2', timeZone: 'America/Chicago', admittedOn: '2026-11-10' },
      { episodeId: 'E-early', facilityId: 'F1', timeZone: 'America/New_York', admittedOn: '2026-10-01' },
    ]);
    assert.equal(place.episodeId, 'E-early');
  });
});

describe('the trend summary', () => {
  const point = (checkinOn: string, change: Partial<CheckinPoint> = {}): CheckinPoint => ({ checkinOn, ...calm, ...change });
  it('is empty, with null averages, when there are no check-ins', () => {
    assert.deepEqual(checkinSummary([]), {
      days: 0, averageCraving: null, maxCraving: null, averageMood: null, averageSleepHours: null, averageSleepQuality: null,
      useDays: 0, substances: [], medicationMissedDays: 0,
    });
  });
  it('averages to one decimal and counts use days, substances and missed medication', () => {
    const summary = checkinSummary([
      point('2026-11-20', { craving: 1, mood: 2, sleepHours: 6, sleepQuality: 2 }),
      point('2026-11-21', { craving: 8, mood: 3, sleepHours: 4.5, usedSinceLast: true, substances: ['alcohol', 'cannabis'], medicationTaken: 'partly' }),
      point('2026-11-23', { craving: 6, mood: 3, sleepHours: 8, usedSinceLast: true, substances: ['alcohol'], medicationTaken: 'no' }),
    ]);
    assert.deepEqual(summary, {
      days: 3,
      averageCraving: 5,
      maxCraving: 8,
      averageMood: 2.7,
      averageSleepHours: 6.2,
      averageSleepQuality: 3.3,
      useDays: 2,
      substances: [{ substance: 'alcohol', days: 2 }, { substance: 'cannabis', days: 1 }],
      medicationMissedDays: 2,
    });
  });
  it('does not count "none prescribed" as missed medication', () => {
    assert.equal(checkinSummary([point('2026-11-20', { medicationTaken: 'none_prescribed' })]).medicationMissedDays, 0);
  });
});

describe('the kiosk’s last-name comparison', () => {
  const same: [string, string][] = [
    ['García', 'garcia'],
    ['GARCIA', 'García'],
    ['García-López', 'garcia lopez'],
    ['O’Brien', 'obrien'],
    ["O'Brien", 'O Brien'],
    ['Nguyễn', 'NGUYEN'],
    ['Müller', 'muller'],
    ['Łukasz', 'lukasz'],
    ['Strauß', 'Strauss'],
    ['  Okafor ', 'okafor'],
    ['Øvergaard', 'overgaard'],
  ];
  for (const [typed, recorded] of same) {
    it(`takes "${typed}" for "${recorded}"`, () => assert.equal(lastNameMatches(typed, recorded), true));
  }
  const different: [string, string][] = [
    ['Garcia', 'Garza'],
    ['Okafor', 'Okafo'],
    ['Lee', 'Leeds'],
    ['-', '-'],
    ['', ''],
  ];
  for (const [typed, recorded] of different) {
    it(`does not take "${typed}" for "${recorded}"`, () => assert.equal(lastNameMatches(typed, recorded), false));
  }
  it('keeps letters of other scripts rather than erasing them', () => {
    assert.equal(normaliseLastName('Иванов'), 'иванов');
    assert.equal(lastNameMatches('Иванов', 'Петров'), false);
  });
  it('greets only one match: two patients with the same last name and birthday are both sent to the desk', () => {
    const twins = [{ familyName: 'Reyes', id: 1 }, { familyName: 'Reyes', id: 2 }];
    assert.equal(kioskMatch('reyes', twins), null);
    assert.deepEqual(kioskMatch('reyes', [twins[0]!, { familyName: 'Ruiz', id: 3 }]), twins[0]);
    assert.equal(kioskMatch('Reyes', []), null);
  });
  it('greets by preferred name, else given name, never the family name', () => {
    assert.equal(greetingName({ givenName: 'Olivia', preferredName: 'Liv' }), 'Liv');
    assert.equal(greetingName({ givenName: 'Olivia', preferredName: null }), 'Olivia');
    assert.equal(greetingName({ givenName: 'Olivia', preferredName: '  ' }), 'Olivia');
  });
});
