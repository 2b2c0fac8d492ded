import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantAt } from '../time/local-time.ts';
import { checkInDecision, checkOutResult, creditedMinutes, displayName, minutesBetweenCheckInAndOut, resolveEntry } from './attendance-rules.ts';

const NY = 'America/New_York';
const t = (time: string, date = '2026-11-24') => instantAt(date, time, NY);
const SESSION = { localDate: '2026-11-24', startsAt: t('14:00'), endsAt: t('17:00') };

describe('checking in', () => {
  const cases: [string, string, string][] = [
    ['61 minutes before the start is too early', '12:59', 'too_early'],
    ['exactly 60 minutes before the start opens check-in', '13:00', 'present'],
    ['exactly 10 minutes after the start is still on time', '14:10', 'present'],
    ['11 minutes after the start is late', '14:11', 'late'],
    ['arriving after the session ended, on its day, is late', '17:30', 'late'],
  ];
  for (const [rule, time, expected] of cases) {
    it(rule, () => {
      const decision = checkInDecision(SESSION, t(time), NY);
      assert.equal(decision.kind === 'check_in' ? decision.status : decision.kind, expected);
    });
  }

  it('after the session’s local day, check-in is refused in favour of a correction', () => {
    assert.equal(checkInDecision(SESSION, t('00:05', '2026-11-25'), NY).kind, 'day_over');
  });
});

describe('checking out', () => {
  const cases: [string, string, string, string, number][] = [
    ['arriving early and leaving on time counts the whole session', '13:30', '17:00', 'present', 180],
    ['staying after the end does not add minutes', '14:00', '18:00', 'present', 180],
    ['leaving exactly 15 minutes before the end is not leaving early', '14:00', '16:45', 'present', 165],
    ['leaving 16 minutes before the end is leaving early', '14:00', '16:44', 'left_early', 164],
    ['arriving late counts from arrival', '14:30', '17:00', 'present', 150],
    ['checking out before the start counts nothing', '13:10', '13:50', 'left_early', 0],
  ];
  for (const [rule, checkIn, checkOut, status, minutes] of cases) {
    it(rule, () => {
      assert.deepEqual(checkOutResult(SESSION, t(checkIn), t(checkOut), 'present'), { status, minutesAttended: minutes });
    });
  }

  it('a late arrival who stays to the end stays late; one who leaves early is left early', () => {
    assert.equal(checkOutResult(SESSION, t('14:20'), t('17:00'), 'late').status, 'late');
    assert.equal(checkOutResult(SESSION, t('14:20'), t('16:00'), 'late').status, 'left_early');
  });

  it('minutes never exceed the session even across the fall-back hour', () => {
    const overnight = { localDate: '2026-11-01', startsAt: t('00:30', '2026-11-01'), endsAt: t('03:30', '2026-11-01') };
    assert.equal(minutesBetweenCheckInAndOut(overnight, t('00:00', '2026-11-01'), t('05:00', '2026-11-01')), 240);
  });
});

describe('entering attendance', () => {
  const now = t('18:00');

  it('an absence carries no minutes and no times, whatever was sent', () => {
    const result = resolveEntry(SESSION, { status: 'unexcused_absence', minutesAttended: 60, checkedInAt: t('14:00') }, now, NY);
    assert.deepEqual(result, { ok: true, value: { status: 'unexcused_absence', minutesAttended: 0, checkedInAt: null, checkedOutAt: null, correctionReason: null } });
  });

  it('present without minutes counts the whole session; times give the minutes when both are known', () => {
    const whole = resolveEntry(SESSION, { status: 'present' }, now, NY);
    assert.ok(whole.ok && whole.value.minutesAttended === 180);
    const timed = resolveEntry(SESSION, { status: 'left_early', checkedInAt: t('14:00'), checkedOutAt: t('16:00') }, now, NY);
    assert.ok(timed.ok && timed.value.minutesAttended === 120);
  });

  it('the next day, a change needs a reason', () => {
    const next = t('09:00', '2026-11-25');
    const bare = resolveEntry(SESSION, { status: 'present' }, next, NY);
    assert.deepEqual(bare.ok ? [] : bare.problems.map((p) => p.code), ['correction_reason_required']);
    const blank = resolveEntry(SESSION, { status: 'present', reason: '   ' }, next, NY);
    assert.equal(blank.ok, false);
    const reasoned = resolveEntry(SESSION, { status: 'present', reason: 'Sign-in sheet' }, next, NY);
    assert.ok(reasoned.ok && reasoned.value.correctionReason === 'Sign-in sheet');
  });

  it('times out of order, in the future or long before the session are refused, each by field', () => {
    const result = resolveEntry(SESSION, { status: 'present', checkedInAt: t('12:00'), checkedOutAt: t('19:00') }, now, NY);
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`), ['attendance_times_invalid checkedInAt', 'attendance_times_invalid checkedOutAt']);
    const inverted = resolveEntry(SESSION, { status: 'present', checkedInAt: t('16:00'), checkedOutAt: t('15:00') }, now, NY);
    assert.deepEqual(inverted.ok ? [] : inverted.problems.map((p) => p.path), ['checkedOutAt']);
  });

  it('a leap-second time (23:59:60Z), which no clock in the building can show, is refused by field rather than stored', () => {
    const leap = new Date('2026-11-24T23:59:60Z');
    const cases: [string, { checkedInAt?: Date; checkedOutAt?: Date }, string[]][] = [
      ['check-in', { checkedInAt: leap }, ['attendance_times_invalid checkedInAt']],
      ['check-out', { checkedInAt: t('14:00'), checkedOutAt: leap }, ['attendance_times_invalid checkedOutAt']],
      ['both', { checkedInAt: leap, checkedOutAt: leap }, ['attendance_times_invalid checkedInAt', 'attendance_times_invalid checkedOutAt']],
    ];
    for (const [which, times, expected] of cases) {
      const result = resolveEntry(SESSION, { status: 'late', minutesAttended: 30, ...times }, now, NY);
      assert.deepEqual(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`), expected, which);
    }
  });
});

describe('names on the board', () => {
  it('show a preferred name first with the legal given name in brackets', () => {
    assert.equal(displayName({ legalGivenName: 'Ana', legalFamilyName: 'Alvarez', preferredName: 'Annie' }), 'Annie (Ana) Alvarez');
    assert.equal(displayName({ legalGivenName: 'Ben', legalFamilyName: 'Brooks', preferredName: null }), 'Ben Brooks');
    assert.equal(displayName({ legalGivenName: 'Cara', legalFamilyName: 'Chen', preferredName: 'Cara' }), 'Cara Chen');
  });
});

describe('minutes credited toward the week', () => {
  const session = { localDate: '2026-11-24', startsAt: new Date('2026-11-24T14:00:00Z'), endsAt: new Date('2026-11-24T17:00:00Z') };
  const at = (iso: string) => new Date(iso);
  const cases = [
    { rule: 'a patient checked in and still in the room counts from arrival to now', attendance: { status: 'present', minutesAttended: 0, checkedInAt: at('2026-11-24T14:05:00Z'), checkedOutAt: null }, now: '2026-11-24T15:05:00Z', minutes: 60 },
    { rule: 'a patient checked in and never checked out counts to the session’s end once it is over', attendance: { status: 'late', minutesAttended: 0, checkedInAt: at('2026-11-24T14:30:00Z'), checkedOutAt: null }, now: '2026-11-24T20:00:00Z', minutes: 150 },
    { rule: 'an arrival before the start counts from the start', attendance: { status: 'present', minutesAttended: 0, checkedInAt: at('2026-11-24T13:50:00Z'), checkedOutAt: null }, now: '2026-11-24T14:20:00Z', minutes: 20 },
    { rule: 'a checked-out patient counts the recorded minutes', attendance: { status: 'left_early', minutesAttended: 45, checkedInAt: at('2026-11-24T14:00:00Z'), checkedOutAt: at('2026-11-24T14:45:00Z') }, now: '2026-11-24T20:00:00Z', minutes: 45 },
    { rule: 'an absence counts nothing', attendance: { status: 'unexcused_absence', minutesAttended: 0, checkedInAt: null, checkedOutAt: null }, now: '2026-11-24T20:00:00Z', minutes: 0 },
    { rule: 'minutes entered by staff without times stand', attendance: { status: 'present', minutesAttended: 180, checkedInAt: null, checkedOutAt: null }, now: '2026-11-24T20:00:00Z', minutes: 180 },
  ] as const;
  for (const c of cases) {
    it(c.rule, () => assert.equal(creditedMinutes(session, c.attendance, at(c.now)), c.minutes));
  }
});
