/**
 * The alert rules, read as the clinic's rules: which events raise which alert, at which
 * severity, and where each boundary lies. Questionnaire flags come from the real scorer,
 * so "item 9 answered 1" here is the same answer a patient gives in the portal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyteInterpretation, AttendanceStatus, DoseOutcome, DrugTestStatus, InstrumentId, SpecimenValidity } from '../db/schema.ts';
import { scoreInstrument } from '../instruments/scoring.ts';
import { type EpisodeSpan, type RosteredSession, absenceAlertsTouching, episodeOfSession, sessionsToJudge } from './absence-window.ts';
import {
  type PastSession,
  ALERT_RULES,
  MID_WEEK_DAY,
  RULE_DEFINITIONS,
  SEVERITY_RANK,
  absenceAlerts,
  checkinAlerts,
  doseAlerts,
  drugTestAlerts,
  hoursAtRiskAlerts,
  planReviewAlerts,
  questionnaireAlerts,
} from './rules.ts';

const SUBJECT = { patientId: 'patient-1', episodeId: 'episode-1', facilityId: 'facility-1' } as const;

function flagsOf(instrument: InstrumentId, answers: unknown[]): string[] {
  const result = scoreInstrument(instrument, answers, { sexAtBirth: 'female' });
  if (!result.ok) throw new Error(`answers refused: ${JSON.stringify(result.problems)}`);
  return result.score.flags;
}

describe('rule definitions', () => {
  it('suicide risk is critical, due within one hour, and goes to whoever is on call', () => {
    for (const rule of ['suicide_risk_phq9', 'suicide_risk_cssrs'] as const) {
      assert.deepEqual([RULE_DEFINITIONS[rule].severity, RULE_DEFINITIONS[rule].dueWithinMinutes, RULE_DEFINITIONS[rule].notifyOnCall], ['critical', 60, true]);
    }
  });

  const severities: [string, string][] = [
    ['drug_test_unexpected_positive', 'high'],
    ['drug_test_specimen_not_valid', 'high'],
    ['drug_test_refused', 'high'],
    ['drug_test_missing_expected', 'high'],
    ['consecutive_unexcused_absences', 'high'],
    ['weekly_hours_at_risk', 'medium'],
    ['missed_observed_dose', 'medium'],
    ['reported_substance_use', 'medium'],
    ['plan_review_overdue', 'low'],
  ];
  for (const [rule, severity] of severities) {
    it(`${rule} is ${severity} and does not page the on-call clinician`, () => {
      const definition = RULE_DEFINITIONS[rule as keyof typeof RULE_DEFINITIONS];
      assert.equal(definition.severity, severity);
      assert.equal(definition.notifyOnCall, false);
    });
  }

  it('every rule has a definition, and a more severe alert is never due later than a less severe one', () => {
    assert.deepEqual(Object.keys(RULE_DEFINITIONS).sort(), [...ALERT_RULES].sort());
    for (const a of ALERT_RULES) {
      for (const b of ALERT_RULES) {
        if (SEVERITY_RANK[RULE_DEFINITIONS[a].severity] < SEVERITY_RANK[RULE_DEFINITIONS[b].severity]) {
          assert.ok(RULE_DEFINITIONS[a].dueWithinMinutes <= RULE_DEFINITIONS[b].dueWithinMinutes, `${a} is due after ${b}`);
        }
      }
    }
  });
});

describe('questionnaires', () => {
  const phq9 = (item9: number) => [1, 1, 1, 1, 1, 1, 1, 1, item9];
  const event = (instrument: InstrumentId, answers: unknown[], responseId = 'response-1', administeredOn = '2026-11-24') =>
    ({ ...SUBJECT, responseId, instrument, administeredOn, flags: flagsOf(instrument, answers) });

  const phqCases: [string, number, number][] = [
    ['PHQ-9 item 9 answered 0 (not at all) raises nothing', 0, 0],
    ['PHQ-9 item 9 answered 1 (several days) raises one critical alert', 1, 1],
    ['PHQ-9 item 9 answered 3 (nearly every day) raises one critical alert', 3, 1],
  ];
  for (const [rule, item9, count] of phqCases) {
    it(rule, () => {
      const alerts = questionnaireAlerts(event('phq9', phq9(item9)));
      assert.equal(alerts.length, count);
      if (count) {
        assert.equal(alerts[0]!.rule, 'suicide_risk_phq9');
        assert.deepEqual(alerts[0]!.source, { entity: 'instrument_response', id: 'response-1' });
        assert.equal(alerts[0]!.facilityId, 'facility-1');
      }
    });
  }

  it('a high PHQ-9 total with item 9 at 0 raises nothing: only item 9 is a safety signal', () => {
    assert.deepEqual(questionnaireAlerts(event('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0])), []);
  });

  it('the same answers re-sent the same day name the same condition; the next day is a new one', () => {
    const first = questionnaireAlerts(event('phq9', phq9(2), 'response-1'))[0]!;
    const resent = questionnaireAlerts(event('phq9', phq9(2), 'response-2'))[0]!;
    const nextDay = questionnaireAlerts(event('phq9', phq9(2), 'response-3', '2026-11-25'))[0]!;
    assert.equal(resent.conditionKey, first.conditionKey);
    assert.notEqual(nextDay.conditionKey, first.conditionKey);
  });

  const cssrsCases: [string, unknown[], string | null][] = [
    ['a negative C-SSRS screen raises nothing', [false, false, null, null, null, false, null], null],
    ['a low-risk C-SSRS (wish to be dead only) raises nothing', [true, false, null, null, null, false, null], null],
    ['a low-risk C-SSRS (thoughts without method) raises nothing', [true, true, false, false, false, false, null], null],
    ['a moderate-risk C-SSRS (thinking about how) is critical', [true, true, true, false, false, false, null], 'cssrs_moderate_risk'],
    ['a moderate-risk C-SSRS (behaviour more than 3 months ago) is critical', [false, false, null, null, null, true, false], 'cssrs_moderate_risk'],
    ['a high-risk C-SSRS (intent, item 4) is critical', [true, true, false, true, false, false, null], 'cssrs_high_risk'],
    ['a high-risk C-SSRS (behaviour within 3 months) is critical', [false, false, null, null, null, true, true], 'cssrs_high_risk'],
  ];
  for (const [rule, answers, flag] of cssrsCases) {
    it(rule, () => {
      const alerts = questionnaireAlerts(event('cssrs_screener', answers));
      assert.deepEqual(alerts.map((a) => [a.rule, a.details['flag']]), flag ? [['suicide_risk_cssrs', flag]] : []);
    });
  }

  it('a flag on another instrument raises nothing (GAD-7 positive screen, BAM use)', () => {
    assert.deepEqual(questionnaireAlerts({ ...SUBJECT, responseId: 'r', instrument: 'gad7', administeredOn: '2026-11-24', flags: ['gad7_positive_screen', 'phq9_item9_positive'] }), []);
  });
});

describe('drug tests', () => {
  const test = (status: DrugTestStatus, validity: SpecimenValidity | null, results: [string, AnalyteInterpretation][] = []) =>
    drugTestAlerts({ ...SUBJECT, testId: 'test-1', status, validity, results: results.map(([analyte, interpretation]) => ({ analyte, interpretation })) });
  const rules = (alerts: ReturnType<typeof test>) => alerts.map((a) => a.rule);

  const cases: [string, ReturnType<typeof test>, string[]][] = [
    ['a negative valid test raises nothing', test('resulted', 'valid', [['thc', 'negative'], ['cocaine', 'negative']]), []],
    ['buprenorphine detected in a patient prescribed it is expected, not positive', test('resulted', 'valid', [['buprenorphine', 'expected']]), []],
    ['buprenorphine detected without a prescription is an unexpected positive (high)', test('resulted', 'valid', [['buprenorphine', 'positive']]), ['drug_test_unexpected_positive']],
    ['prescribed buprenorphine not detected is possible diversion (high)', test('resulted', 'valid', [['buprenorphine', 'missing_expected']]), ['drug_test_missing_expected']],
    ['a dilute specimen calls for recollection, not an alert', test('resulted', 'dilute', [['thc', 'negative']]), []],
    ['an adulterated specimen is high', test('resulted', 'adulterated'), ['drug_test_specimen_not_valid']],
    ['a substituted specimen is high', test('resulted', 'substituted'), ['drug_test_specimen_not_valid']],
    ['an invalid specimen is high', test('resulted', 'invalid'), ['drug_test_specimen_not_valid']],
    ['a refused test is high', test('refused', null), ['drug_test_refused']],
    ['a pending or collected test raises nothing yet', test('collected', null), []],
    ['an adulterated specimen that also shows a positive raises both', test('resulted', 'adulterated', [['cocaine', 'positive']]), ['drug_test_specimen_not_valid', 'drug_test_unexpected_positive']],
  ];
  for (const [rule, alerts, expected] of cases) {
    it(rule, () => assert.deepEqual(rules(alerts), expected));
  }

  it('each unexpected positive analyte raises its own alert, keyed by test and analyte, once however often it is read', () => {
    const alerts = test('reviewed', 'valid', [['thc', 'positive'], ['cocaine', 'positive'], ['thc', 'positive'], ['methadone', 'expected']]);
    assert.deepEqual(alerts.map((a) => [a.rule, a.conditionKey, a.details['analytes']]), [
      ['drug_test_unexpected_positive', 'test-1:cocaine', ['cocaine']],
      ['drug_test_unexpected_positive', 'test-1:thc', ['thc']],
    ]);
  });

  it('a lab confirmation finding fentanyl after a cup THC positive asks for a fentanyl alert the THC alert does not cover', () => {
    const cupKeys = test('resulted', 'valid', [['thc', 'positive']]).map((a) => a.conditionKey);
    const labKeys = test('resulted', 'valid', [['thc', 'positive'], ['fentanyl', 'positive']]).map((a) => a.conditionKey);
    assert.deepEqual(labKeys.filter((k) => !cupKeys.includes(k)), ['test-1:fentanyl']);
  });

  it('each prescribed medication not detected raises its own possible-diversion alert', () => {
    const alerts = test('resulted', 'valid', [['methadone', 'missing_expected'], ['buprenorphine', 'missing_expected']]);
    assert.deepEqual(alerts.map((a) => [a.rule, a.conditionKey, a.details['analytes']]), [
      ['drug_test_missing_expected', 'test-1:buprenorphine', ['buprenorphine']],
      ['drug_test_missing_expected', 'test-1:methadone', ['methadone']],
    ]);
  });

  it('a refused test and an invalid specimen stay one alert per test', () => {
    assert.deepEqual(test('refused', null).map((a) => a.conditionKey), ['test-1']);
    assert.deepEqual(test('resulted', 'invalid', [['thc', 'negative']]).map((a) => a.conditionKey), ['test-1']);
  });
});

describe('absences', () => {
  const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T14:00:00.000Z`;
  const sessions = (...statuses: (AttendanceStatus | null)[]): PastSession[] => statuses.map((status, i) => ({ sessionId: `s${i + 1}`, startsAt: at(i + 2), status }));
  const runs = (list: PastSession[]) => absenceAlerts(SUBJECT, list).map((a) => a.details['sessionIds']);

  const cases: [string, (AttendanceStatus | null)[], string[][]][] = [
    ['one unexcused absence raises nothing', ['present', 'unexcused_absence', 'present'], []],
    ['two unexcused absences in a row raise one high alert', ['present', 'unexcused_absence', 'unexcused_absence'], [['s2', 's3']]],
    ['three in a row are still one alert for the run', ['unexcused_absence', 'unexcused_absence', 'unexcused_absence'], [['s1', 's2', 's3']]],
    ['an excused absence between two unexcused ones breaks the run', ['unexcused_absence', 'excused_absence', 'unexcused_absence'], []],
    ['attending (even late or leaving early) breaks the run', ['unexcused_absence', 'late', 'unexcused_absence', 'left_early', 'unexcused_absence'], []],
    ['an ended session nobody recorded counts as an unexcused absence', ['unexcused_absence', null], [['s1', 's2']]],
    ['two unrecorded sessions in a row raise the alert on their own', [null, null], [['s1', 's2']]],
    ['two separate runs raise two alerts', ['unexcused_absence', 'unexcused_absence', 'present', 'unexcused_absence', 'unexcused_absence'], [['s1', 's2'], ['s4', 's5']]],
  ];
  for (const [rule, statuses, expected] of cases) {
    it(rule, () => assert.deepEqual(runs(sessions(...statuses)), expected));
  }

  it('sessions are judged in the order they happened, not the order given', () => {
    const list = sessions('unexcused_absence', 'present', 'unexcused_absence');
    assert.deepEqual(runs([list[2]!, list[0]!, list[1]!]), []);
  });

  it('a third absence keeps the run’s key, so it never raises a second alert', () => {
    const two = absenceAlerts(SUBJECT, sessions('present', 'unexcused_absence', 'unexcused_absence'));
    const three = absenceAlerts(SUBJECT, sessions('present', 'unexcused_absence', 'unexcused_absence', 'unexcused_absence'));
    assert.equal(three[0]!.conditionKey, two[0]!.conditionKey);
    assert.equal(three[0]!.rule, 'consecutive_unexcused_absences');
  });

  it('counts how many of the run nobody recorded', () => {
    assert.equal(absenceAlerts(SUBJECT, sessions('unexcused_absence', null, null))[0]!.details['unrecorded'], 2);
  });

  it('raises only the runs touching the sessions that changed', () => {
    const list = sessions('unexcused_absence', 'unexcused_absence', 'present', 'unexcused_absence', 'unexcused_absence');
    assert.deepEqual(absenceAlertsTouching(SUBJECT, list, new Set(['s5'])).map((a) => a.details['sessionIds']), [['s4', 's5']]);
    assert.deepEqual(absenceAlertsTouching(SUBJECT, list, new Set(['s3'])), []);
  });
});

describe('which ended sessions the absence rule may judge', () => {
  const now = new Date('2026-11-24T18:00:00Z');
  const session = (id: string, endedMinutesAgo: number, status: AttendanceStatus | null, cancelled = false): RosteredSession => ({
    sessionId: id,
    startsAt: new Date(now.getTime() - (endedMinutesAgo + 90) * 60_000),
    endsAt: new Date(now.getTime() - endedMinutesAgo * 60_000),
    cancelled,
    status,
  });
  const judged = (list: RosteredSession[]) => sessionsToJudge(list, now).map((s) => [s.sessionId, s.status]);

  const cases: [string, RosteredSession[], (string | null)[][]][] = [
    ['an unrecorded session that ended exactly 60 minutes ago counts', [session('a', 60, null)], [['a', null]]],
    ['an unrecorded session that ended 59 minutes ago is not judged yet', [session('a', 59, null)], []],
    ['a recorded absence counts as soon as the session has ended', [session('a', 1, 'unexcused_absence')], [['a', 'unexcused_absence']]],
    ['a session still under way is not judged', [session('a', -30, 'unexcused_absence')], []],
    ['a cancelled session is left out', [session('a', 600, null, true), session('b', 300, 'present')], [['b', 'present']]],
    ['an unrecorded session inside the hour stops the list there', [session('a', 300, 'unexcused_absence'), session('b', 30, null), session('c', 5, 'unexcused_absence')], [['a', 'unexcused_absence']]],
  ];
  for (const [rule, list, expected] of cases) {
    it(rule, () => assert.deepEqual(judged(list), expected));
  }
});

describe('which episode judges a session (a patient treated at two facilities)', () => {
  const ny = { episodeId: 'ep-ny', facilityId: 'fac-ny', admittedOn: '2026-11-02', dischargedOn: null };
  const west = { episodeId: 'ep-west', facilityId: 'fac-west', admittedOn: '2026-11-10', dischargedOn: null };
  const nyAgain = { episodeId: 'ep-ny-2', facilityId: 'fac-ny', admittedOn: '2026-11-16', dischargedOn: null };
  const ended = { episodeId: 'ep-old', facilityId: 'fac-west', admittedOn: '2026-10-01', dischargedOn: '2026-11-01' };
  const at = (facilityId: string, localDate = '2026-11-23', enrolledEpisodeId: string | null = null) => ({ facilityId, localDate, enrolledEpisodeId });

  const cases: [string, ReturnType<typeof at>, EpisodeSpan[], string | null][] = [
    ['a New York session is judged by the New York episode, not the West one', at('fac-ny'), [west, ny], 'ep-ny'],
    ['a West session is judged by the West episode', at('fac-west'), [ny, west], 'ep-west'],
    ['a group seat made under an episode decides, even with two episodes at the facility', at('fac-ny', '2026-11-23', 'ep-ny-2'), [ny, nyAgain, west], 'ep-ny-2'],
    ['two episodes at the facility and no seat: the first admitted judges, once', at('fac-ny'), [nyAgain, ny], 'ep-ny'],
    ['a session at a facility with no episode of the patient is still judged, by the first episode covering the day', at('fac-other'), [west, ny], 'ep-ny'],
    ['an episode not yet admitted that day does not judge it', at('fac-west', '2026-11-05'), [ny, west], 'ep-ny'],
    ['no episode covering the day: nobody judges it', at('fac-west', '2026-11-01'), [west, ny], null],
    ['a seat made under a discharged episode falls back to the facility', at('fac-west', '2026-11-23', 'ep-old'), [ended, ny, west], 'ep-west'],
  ];
  for (const [rule, session, episodes, expected] of cases) {
    it(rule, () => assert.equal(episodeOfSession(session, episodes), expected));
  }
});

describe('weekly hours at risk', () => {
  const event = (status: string, dayOfWeek: number) =>
    hoursAtRiskAlerts({ ...SUBJECT, weekStart: '2026-11-23', dayOfWeek, status, attendedMinutes: 180, requiredMinutes: 540 });

  const cases: [string, string, number, number][] = [
    ['at risk on day 1 of the week (Tuesday) is too early to alert', 'at_risk', 1, 0],
    [`at risk on day ${MID_WEEK_DAY} of the week (Wednesday, mid-week) raises one medium alert`, 'at_risk', MID_WEEK_DAY, 1],
    ['at risk on the last day raises one', 'at_risk', 6, 1],
    ['on track mid-week raises nothing', 'on_track', 3, 0],
    ['a partial week (admitted mid-week) raises nothing', 'partial_week', 4, 0],
    ['below the minimum once the week is over is not this rule', 'below_minimum', 6, 0],
  ];
  for (const [rule, status, day, count] of cases) {
    it(rule, () => assert.equal(event(status, day).length, count));
  }

  it('one alert per episode and week: Thursday’s check names the same condition as Wednesday’s', () => {
    assert.equal(event('at_risk', 3)[0]!.conditionKey, event('at_risk', 2)[0]!.conditionKey);
    assert.equal(event('at_risk', 2)[0]!.conditionKey, 'episode-1:2026-11-23');
  });
});

describe('observed doses', () => {
  const outcomes: [DoseOutcome, number][] = [['given', 0], ['held', 0], ['missed', 1], ['refused', 1]];
  for (const [outcome, count] of outcomes) {
    it(`a dose ${outcome} raises ${count ? 'one medium alert' : 'nothing'}${outcome === 'held' ? ' (held on clinical grounds)' : ''}`, () => {
      const alerts = doseAlerts({ ...SUBJECT, doseId: 'dose-1', medicationId: 'med-1', scheduledOn: '2026-11-23', outcome, addictionMedication: 'moud' });
      assert.equal(alerts.length, count);
      if (count) assert.deepEqual([alerts[0]!.rule, alerts[0]!.conditionKey], ['missed_observed_dose', 'med-1:2026-11-23']);
    });
  }
});

describe('daily check-ins', () => {
  const event = (usedSinceLast: boolean, substances: string[] = []) =>
    checkinAlerts({ ...SUBJECT, checkinId: 'c1', checkinOn: '2026-11-24', usedSinceLast, substances });

  it('no use reported raises nothing', () => assert.deepEqual(event(false), []));

  it('use reported raises one medium alert per patient and day, substances sorted', () => {
    const alerts = event(true, ['opioids', 'alcohol']);
    assert.deepEqual(alerts.map((a) => [a.rule, a.conditionKey, a.details['substances']]), [['reported_substance_use', 'patient-1:2026-11-24', ['alcohol', 'opioids']]]);
  });
});

describe('treatment plan reviews', () => {
  const event = (reviewDueOn: string, today: string) => planReviewAlerts({ ...SUBJECT, version: 2, reviewDueOn, today });

  const cases: [string, string, number][] = [
    ['a review due tomorrow is not overdue', '2026-11-25', 0],
    ['a review due today is not overdue yet', '2026-11-24', 0],
    ['a review due yesterday is overdue: one low alert', '2026-11-23', 1],
  ];
  for (const [rule, due, count] of cases) {
    it(rule, () => assert.equal(event(due, '2026-11-24').length, count));
  }

  it('a new due date after a review is a new condition; the same date is not', () => {
    assert.equal(event('2026-11-23', '2026-11-24')[0]!.conditionKey, event('2026-11-23', '2026-11-30')[0]!.conditionKey);
    assert.notEqual(event('2026-11-23', '2026-12-30')[0]!.conditionKey, event('2026-12-23', '2026-12-30')[0]!.conditionKey);
  });
});
