/**
 * Instrument scoring as published (domain-rules.md "Instruments"): example administrations,
 * every band boundary of every instrument, the flags clinicians act on, and answers refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INSTRUMENTS, INSTRUMENT_IDS, type InstrumentId } from './definitions.ts';
import { type Scored, callsForCrisisResources, scoreInstrument, severityLabelOf } from './scoring.ts';

const female = { sexAtBirth: 'female' };
const male = { sexAtBirth: 'male' };

function scored(id: InstrumentId, answers: unknown[], context = female): Scored {
  const result = scoreInstrument(id, answers, context);
  if (!result.ok) assert.fail(`expected ${id} to score, got ${JSON.stringify(result.problems)}`);
  return result.score;
}

function refused(id: InstrumentId, answers: unknown[]) {
  const result = scoreInstrument(id, answers, female);
  if (result.ok) assert.fail(`expected ${id} answers to be refused`);
  return result.problems;
}

/** Answers to items scored 0..max each that add up to `total`, filled from the first item. */
function summingTo(total: number, items: number, max: number): number[] {
  let left = total;
  return Array.from({ length: items }, () => {
    const value = Math.min(max, left);
    left -= value;
    return value;
  });
}

/** AUDIT answers adding up to `total`: the even part first on items 9–10 (0, 2, 4), the rest on items 1–8 (0–4). */
function auditSummingTo(total: number): number[] {
  const lastTwo = Math.min(8, total - (total % 2));
  const first = summingTo(total - lastTwo, 8, 4);
  return [...first, Math.min(4, lastTwo), lastTwo - Math.min(4, lastTwo)];
}

describe('the instrument definitions', () => {
  it('hold every instrument with the published number of items', () => {
    const counts = Object.fromEntries(INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id].items.length]));
    // BAM: 17 items, item 7 asked as 7a–7g; C-SSRS: 6 questions plus 6a "within the past 3 months?".
    assert.deepEqual(counts, { phq9: 9, gad7: 7, audit: 10, audit_c: 3, dast10: 10, bam: 23, cssrs_screener: 7 });
  });

  it('make AUDIT-C the first three AUDIT items with the same options', () => {
    assert.deepEqual(INSTRUMENTS.audit_c.items, INSTRUMENTS.audit.items.slice(0, 3));
  });

  it('cover every total from 0 to the maximum with exactly one band, without gaps', () => {
    for (const id of INSTRUMENT_IDS) {
      const { bands, maxScore } = INSTRUMENTS[id];
      if (bands.length === 0) continue;
      assert.equal(bands[0]!.min, 0, id);
      assert.equal(bands.at(-1)!.max, maxScore, id);
      bands.slice(1).forEach((band, i) => assert.equal(band.min, bands[i]!.max + 1, `${id} ${band.key}`));
    }
  });

  it('carry the LOINC codes of domain-rules.md for PHQ-9 and GAD-7', () => {
    assert.deepEqual(INSTRUMENTS.phq9.loinc, { panel: '44249-1', total: '44261-6' });
    assert.deepEqual(INSTRUMENTS.gad7.loinc, { panel: '69737-5', total: '70274-6' });
  });
});

describe('PHQ-9', () => {
  it('sums nine items 0–3: "several days" on items 1–8 is 8, mild depression; on all nine, 9', () => {
    const score = scored('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    assert.equal(score.totalScore, 8);
    assert.equal(score.severity, 'mild');
    assert.equal(scored('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1]).totalScore, 9);
  });

  const boundaries: [number, string][] = [
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [27, 'severe'],
  ];
  for (const [total, band] of boundaries) {
    it(`a total of ${total} is ${band}`, () => {
      const score = scored('phq9', summingTo(total, 9, 3));
      assert.equal(score.totalScore, total);
      assert.equal(score.severity, band);
    });
  }

  it('flags any answer above "not at all" on item 9 (thoughts of being better off dead) for a same-day risk assessment', () => {
    const none = scored('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]);
    assert.deepEqual(none.flags, []);
    const several = scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert.equal(several.severity, 'minimal', 'even with a minimal total');
    assert.deepEqual(several.flags, ['phq9_item9_positive']);
    assert.equal(callsForCrisisResources(several.flags), true);
  });
});

describe('GAD-7', () => {
  const boundaries: [number, string, boolean][] = [
    [0, 'minimal', false], [4, 'minimal', false], [5, 'mild', false], [9, 'mild', false],
    [10, 'moderate', true], [14, 'moderate', true], [15, 'severe', true], [21, 'severe', true],
  ];
  for (const [total, band, positive] of boundaries) {
    it(`a total of ${total} is ${band}${positive ? ' and a positive screen' : ''}`, () => {
      const score = scored('gad7', summingTo(total, 7, 3));
      assert.equal(score.totalScore, total);
      assert.equal(score.severity, band);
      assert.deepEqual(score.flags, positive ? ['gad7_positive_screen'] : []);
    });
  }
});

describe('AUDIT', () => {
  it('scores items 9 and 10 as 0, 2 or 4: drinking monthly, 1–2 drinks, concern last year is 1 + 0 + 0 + 4 = 5', () => {
    const score = scored('audit', [1, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    assert.equal(score.totalScore, 5);
    assert.equal(score.severity, 'low_risk');
    assert.equal(score.severityLabel, 'Low risk');
  });

  const boundaries: [number, string][] = [
    [0, 'low_risk'], [7, 'low_risk'], [8, 'hazardous'], [15, 'hazardous'], [16, 'harmful'], [19, 'harmful'],
    [20, 'possible_dependence'], [40, 'possible_dependence'],
  ];
  for (const [total, band] of boundaries) {
    it(`a total of ${total} is ${band}`, () => {
      const score = scored('audit', auditSummingTo(total));
      assert.equal(score.totalScore, total);
      assert.equal(score.severity, band);
    });
  }
});

describe('AUDIT-C', () => {
  const cases: [string, number, boolean][] = [
    ['male', 3, false], ['male', 4, true], ['female', 2, false], ['female', 3, true],
    ['unknown', 2, false], ['unknown', 3, true], ['intersex', 3, true], ['male', 12, true], ['female', 0, false],
  ];
  for (const [sexAtBirth, total, positive] of cases) {
    it(`${total} points is ${positive ? 'positive' : 'negative'} for sex at birth ${sexAtBirth}`, () => {
      const score = scored('audit_c', summingTo(total, 3, 4), { sexAtBirth });
      assert.equal(score.totalScore, total);
      assert.equal(score.severity, positive ? 'positive' : 'negative');
      assert.deepEqual(score.flags, positive ? ['audit_c_positive'] : []);
    });
  }

  it('scores the AUDIT-C part of an example the same way: 2–3 times a week, 3–4 drinks, never six or more = 4', () => {
    assert.equal(scored('audit_c', [3, 1, 0], male).severity, 'positive');
    assert.equal(scored('audit_c', [3, 1, 0], male).totalScore, 4);
  });
});

describe('DAST-10', () => {
  /** Item 3 answered yes (0 points) and the first `count` of the other nine yes. */
  const yes = (count: number) => Array.from({ length: 10 }, (_, i) => (i === 2 ? true : (i < 2 ? i : i - 1) < count));

  it('scores a no to item 3 ("always able to stop?") as 1: all no is 1, low level', () => {
    const score = scored('dast10', Array(10).fill(false));
    assert.equal(score.totalScore, 1);
    assert.equal(score.severity, 'low');
  });

  it('scores a yes to item 3 as 0: all yes is 9, and all yes but item 3 is 10', () => {
    assert.equal(scored('dast10', Array(10).fill(true)).totalScore, 9);
    const worst = scored('dast10', Array.from({ length: 10 }, (_, i) => i !== 2));
    assert.equal(worst.totalScore, 10);
    assert.equal(worst.severity, 'severe');
  });

  const boundaries: [number, string][] = [
    [0, 'none'], [1, 'low'], [2, 'low'], [3, 'moderate'], [5, 'moderate'], [6, 'substantial'], [8, 'substantial'], [9, 'severe'],
  ];
  for (const [total, band] of boundaries) {
    it(`a total of ${total} is ${band}`, () => {
      const score = scored('dast10', yes(total));
      assert.equal(score.totalScore, total);
      assert.equal(score.severity, band);
    });
  }
});

describe('BAM', () => {
  /** Items 1–6, 7a–7g, 8–17 by number. */
  const bam = (values: Record<string, number> = {}) => INSTRUMENTS.bam.items.map((item) => values[item.number] ?? 0);

  it('has no total: Use = 4 + 5 + 6, Risk = 1 + 2 + 3 + 8 + 11 + 15, Protective = 9 + 10 + 12 + 13 + 14 + 16', () => {
    const score = scored('bam', bam({ '1': 2, '2': 1, '3': 3, '4': 1, '5': 1, '6': 2, '7a': 4, '8': 2, '9': 3, '10': 4, '11': 1, '12': 2, '13': 4, '14': 4, '15': 1, '16': 4, '17': 3 }));
    assert.equal(score.totalScore, null);
    assert.equal(score.severity, null);
    assert.deepEqual(score.subscales, { use: 4, risk: 10, protective: 21 });
    assert.deepEqual(score.flags, ['bam_use_positive']);
  });

  it('does not score item 7 (which drugs) or item 17 (satisfaction with progress)', () => {
    const score = scored('bam', bam({ '7a': 4, '7b': 4, '7c': 4, '7d': 4, '7e': 4, '7f': 4, '7g': 4, '17': 4, '9': 4, '13': 4, '14': 4, '16': 4 }));
    assert.deepEqual(score.subscales, { use: 0, risk: 0, protective: 16 });
    assert.deepEqual(score.flags, []);
  });

  it('flags any use: one to three days of drinking is enough', () => {
    assert.deepEqual(scored('bam', bam({ '4': 1, '9': 4, '10': 4, '13': 4, '16': 4 })).flags, ['bam_use_positive']);
  });

  it('flags Risk at 12 and above, not 11', () => {
    const protectiveOk = { '9': 4, '10': 4, '13': 4, '16': 4 };
    assert.deepEqual(scored('bam', bam({ ...protectiveOk, '1': 4, '2': 4, '3': 3 })).flags, []);
    const elevated = scored('bam', bam({ ...protectiveOk, '1': 4, '2': 4, '3': 4 }));
    assert.equal(elevated.subscales!.risk, 12);
    assert.deepEqual(elevated.flags, ['bam_risk_elevated']);
  });

  it('flags Protective at 12 and below, not 13', () => {
    assert.deepEqual(scored('bam', bam({ '9': 4, '10': 4, '13': 4, '16': 1 })).flags, []);
    const low = scored('bam', bam({ '9': 4, '10': 4, '13': 4 }));
    assert.equal(low.subscales!.protective, 12);
    assert.deepEqual(low.flags, ['bam_protective_low']);
  });

  it('takes income (item 14) as no = 0 or yes = 4 only', () => {
    const problems = refused('bam', bam({ '14': 2 }));
    assert.deepEqual(problems.map((p) => p.path), [`answers[${INSTRUMENTS.bam.items.findIndex((i) => i.number === '14')}]`]);
    assert.match(problems[0]!.message, /one of 0, 4/);
  });
});

describe('C-SSRS screener', () => {
  //                    1      2      3      4      5      6      6a
  const none = [false, false, null, null, null, false, null];

  const cases: [string, unknown[], string, string[]][] = [
    ['all no', none, 'negative', []],
    ['a wish to be dead only', [true, false, null, null, null, false, null], 'low', ['cssrs_low_risk']],
    ['thoughts of suicide without method, intent or plan', [true, true, false, false, false, false, null], 'low', ['cssrs_low_risk']],
    ['thinking about how (method)', [true, true, true, false, false, false, null], 'moderate', ['cssrs_moderate_risk']],
    ['some intention of acting (item 4)', [true, true, false, true, false, false, null], 'high', ['cssrs_high_risk']],
    ['a plan with intent (item 5)', [true, true, true, false, true, false, null], 'high', ['cssrs_high_risk']],
    ['suicidal behaviour more than 3 months ago, no ideation now', [false, false, null, null, null, true, false], 'moderate', ['cssrs_moderate_risk']],
    ['suicidal behaviour within the past 3 months', [false, false, null, null, null, true, true], 'high', ['cssrs_high_risk']],
  ];
  for (const [sentence, answers, level, flags] of cases) {
    it(`${sentence} is ${level} risk`, () => {
      const score = scored('cssrs_screener', answers);
      assert.equal(score.totalScore, null);
      assert.equal(score.severity, level);
      assert.deepEqual(score.flags, flags);
      assert.equal(callsForCrisisResources(score.flags), flags.length > 0);
    });
  }

  it('asks items 3–5 only after a yes to item 2', () => {
    const problems = refused('cssrs_screener', [true, false, true, null, false, false, null]);
    assert.deepEqual(problems.map((p) => p.path), ['answers[2]', 'answers[4]']);
    assert.match(problems[0]!.message, /not asked unless question 2 is yes/);
    const missing = refused('cssrs_screener', [true, true, null, null, null, false, null]);
    assert.deepEqual(missing.map((p) => p.path), ['answers[2]', 'answers[3]', 'answers[4]']);
  });

  it('asks "within the past 3 months?" only after a yes to item 6', () => {
    assert.deepEqual(refused('cssrs_screener', [false, false, null, null, null, false, true]).map((p) => p.path), ['answers[6]']);
    assert.deepEqual(refused('cssrs_screener', [false, false, null, null, null, true, null]).map((p) => p.path), ['answers[6]']);
  });

  it('reports a wrong answer to item 2 without also complaining about items 3–5', () => {
    const problems = refused('cssrs_screener', ['yes', 'no', false, null, null, false, null]);
    assert.deepEqual(problems.map((p) => p.path), ['answers[0]', 'answers[1]']);
  });
});

describe('answers that are refused, with the path of each', () => {
  it('a missing answer: too few, or null on an asked item', () => {
    assert.deepEqual(refused('phq9', [0, 0, 0, 0, 0, 0, 0]).map((p) => p.path), ['answers[7]', 'answers[8]']);
    const problems = refused('gad7', [0, null, 0, 0, 0, 0, 0]);
    assert.deepEqual(problems, [{ path: 'answers[1]', message: 'question 2 is required' }]);
  });

  it('an answer out of range', () => {
    assert.deepEqual(refused('phq9', [0, 0, 4, 0, 0, 0, 0, 0, -1]).map((p) => p.path), ['answers[2]', 'answers[8]']);
    assert.match(refused('audit', [0, 0, 0, 0, 0, 0, 0, 0, 1, 0])[0]!.message, /question 9 must be one of 0, 2, 4/);
    assert.equal(refused('gad7', [0, 0, 0, 0, 0, 0, 1.5])[0]!.path, 'answers[6]');
  });

  it('an answer of the wrong type', () => {
    assert.match(refused('phq9', [true, 0, 0, 0, 0, 0, 0, 0, 0])[0]!.message, /takes a number/);
    assert.match(refused('dast10', [1, false, false, false, false, false, false, false, false, false])[0]!.message, /takes yes\/no/);
    assert.equal(refused('gad7', ['1', 0, 0, 0, 0, 0, 0])[0]!.path, 'answers[0]');
  });

  it('too many answers', () => {
    const problems = refused('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(problems.map((p) => p.path), ['answers[9]']);
    assert.match(problems[0]!.message, /PHQ-9 has 9 questions/);
  });

  it('every problem at once, in item order', () => {
    assert.deepEqual(refused('phq9', [9, 'x', 0, 0, 0, 0, 0, 0]).map((p) => p.path), ['answers[0]', 'answers[1]', 'answers[8]']);
  });
});

describe('severity labels of stored responses', () => {
  it('are the band label, the screen result, or the C-SSRS level, as scoring gave them', () => {
    for (const [id, answers] of [
      ['phq9', [3, 3, 3, 3, 3, 0, 0, 0, 0]],
      ['audit_c', [4, 4, 4]],
      ['cssrs_screener', [true, true, true, false, false, false, null]],
      ['bam', INSTRUMENTS.bam.items.map(() => 0)],
    ] as [InstrumentId, unknown[]][]) {
      const score = scored(id, answers);
      assert.equal(severityLabelOf(id, score.severity), score.severityLabel, id);
    }
    assert.equal(severityLabelOf('phq9', 'moderately_severe'), 'Moderately severe depression');
    assert.equal(severityLabelOf('phq9', 'unknown_key'), null);
  });
});
