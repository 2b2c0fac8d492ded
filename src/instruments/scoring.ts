/**
 * Scoring of the standard instruments, exactly as published (domain-rules.md "Instruments").
 * Pure: answers in, score, severity, subscales and flags out. Flags are stable strings that
 * other modules (alerts in issue 5, the portal's crisis banner) act on.
 */
import { type Answer, type InstrumentDefinition, type InstrumentId, INSTRUMENTS, askedItems } from './definitions.ts';

export interface Scored {
  totalScore: number | null;
  /** A band key of the definition, or the screen result of AUDIT-C and the C-SSRS risk level. */
  severity: string | null;
  severityLabel: string | null;
  /** BAM only: use, risk, protective. */
  subscales: Record<string, number> | null;
  flags: string[];
}

export interface AnswerProblem {
  /** `answers[3]` */
  path: string;
  message: string;
}

export type ScoreResult = { ok: true; score: Scored } | { ok: false; problems: AnswerProblem[] };

export interface ScoringContext {
  /** patients.sex_at_birth: AUDIT-C's cut-off differs for men and women. */
  sexAtBirth: string;
}

/** The flags scoring raises; see each scorer for its rule. */
export const FLAGS = {
  /** PHQ-9 item 9 above "not at all": same-day suicide risk assessment (domain-rules.md). */
  phq9Item9Positive: 'phq9_item9_positive',
  /** GAD-7 total ≥ 10. */
  gad7PositiveScreen: 'gad7_positive_screen',
  /** AUDIT-C ≥ 4 for men, ≥ 3 for women and anyone else. */
  auditCPositive: 'audit_c_positive',
  /** C-SSRS triage: yes to 4 or 5, or suicidal behaviour in the past 3 months. */
  cssrsHighRisk: 'cssrs_high_risk',
  /** C-SSRS triage: yes to 3, or suicidal behaviour longer than 3 months ago. */
  cssrsModerateRisk: 'cssrs_moderate_risk',
  /** C-SSRS triage: a wish to be dead or thoughts of suicide (yes to 1 or 2) without method, intent or recent behaviour. */
  cssrsLowRisk: 'cssrs_low_risk',
  /** BAM: any alcohol or drug use (Use subscale above 0). */
  bamUsePositive: 'bam_use_positive',
  /** BAM: Risk subscale ≥ 12 (BAM manual's cut-off for concern). */
  bamRiskElevated: 'bam_risk_elevated',
  /** BAM: Protective subscale ≤ 12 (BAM manual's cut-off for concern). */
  bamProtectiveLow: 'bam_protective_low',
} as const;

/** Flags that call for crisis resources (988) at once when a patient submits in the portal. */
export function callsForCrisisResources(flags: readonly string[]): boolean {
  return flags.some((flag) => flag === FLAGS.phq9Item9Positive || flag.startsWith('cssrs_'));
}

const path = (i: number) => `answers[${i}]`;
const spoken = (values: readonly unknown[]) => values.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v))).join(', ');

/** Checks the answers against the items, options and skip logic; every problem, not just the first. */
export function answerProblems(definition: InstrumentDefinition, answers: readonly unknown[]): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const asked = askedItems(definition, answers);
  const valid = definition.items.map((item, i) => item.options.some((o) => o.value === answers[i]));
  definition.items.forEach((item, i) => {
    const answer = i < answers.length ? answers[i] : undefined;
    const values = item.options.map((o) => o.value);
    const controlling = item.askedWhen ? definition.items.findIndex((other) => other.number === item.askedWhen!.item) : -1;
    // When the answer an item depends on is itself missing or wrong, that problem is reported
    // and this item is judged only on its own terms.
    const dependsOnInvalid = controlling >= 0 && asked[controlling]! && !valid[controlling];
    if (answer === undefined || answer === null) {
      if (asked[i] && !dependsOnInvalid) problems.push({ path: path(i), message: `question ${item.number} is required` });
      return;
    }
    if (!asked[i] && !dependsOnInvalid) {
      const on = item.askedWhen!;
      problems.push({ path: path(i), message: `question ${item.number} is not asked unless question ${on.item} is ${spoken([on.equals])}; send null` });
      return;
    }
    if (typeof answer !== typeof values[0]) {
      problems.push({ path: path(i), message: `question ${item.number} takes ${typeof values[0] === 'boolean' ? 'yes/no (true or false)' : 'a number'}` });
      return;
    }
    if (!values.includes(answer as number | boolean)) {
      problems.push({ path: path(i), message: `question ${item.number} must be one of ${spoken(values)}` });
    }
  });
  for (let i = definition.items.length; i < answers.length; i += 1) {
    problems.push({ path: path(i), message: `${definition.shortName} has ${definition.items.length} questions; there is no question ${i + 1}` });
  }
  return problems;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Severity keys that are not bands of a total: AUDIT-C's screen result and the C-SSRS triage level. */
const SCREEN_LEVELS = { positive: 'Positive screen', negative: 'Negative screen' } as const;
const CSSRS_LEVELS = { negative: 'Negative screen', low: 'Low risk', moderate: 'Moderate risk', high: 'High risk' } as const;

/** The label of a stored severity key (responses keep the key only). */
export function severityLabelOf(id: InstrumentId, severity: string | null): string | null {
  if (severity === null) return null;
  const labels: Record<string, string> =
    id === 'audit_c' ? SCREEN_LEVELS : id === 'cssrs_screener' ? CSSRS_LEVELS : Object.fromEntries(INSTRUMENTS[id].bands.map((b) => [b.key, b.label]));
  return labels[severity] ?? null;
}

function banded(definition: InstrumentDefinition, total: number): Pick<Scored, 'severity' | 'severityLabel'> {
  const band = definition.bands.find((b) => total >= b.min && total <= b.max);
  return { severity: band?.key ?? null, severityLabel: band?.label ?? null };
}

type Scorer = (definition: InstrumentDefinition, answers: readonly Answer[], context: ScoringContext) => Scored;

/** Answers by item number; skipped items read as null. */
const byNumber = (definition: InstrumentDefinition, answers: readonly Answer[]) => {
  const map = new Map(definition.items.map((item, i) => [item.number, answers[i] ?? null]));
  return (n: string): Answer => map.get(n) ?? null;
};

const summed: (extraFlags?: (total: number, answers: readonly Answer[]) => string[]) => Scorer = (extraFlags) => (definition, answers) => {
  const total = sum(answers.map((a) => (typeof a === 'number' ? a : 0)));
  return { totalScore: total, ...banded(definition, total), subscales: null, flags: extraFlags?.(total, answers) ?? [] };
};

/** DAST-10: yes scores 1, except item 3 ("always able to stop…?") where no scores 1. */
const scoreDast10: Scorer = (definition, answers) => {
  const total = answers.filter((a, i) => (definition.items[i]!.number === '3' ? a === false : a === true)).length;
  return { totalScore: total, ...banded(definition, total), subscales: null, flags: [] };
};

/** AUDIT-C: positive at ≥ 4 for men, ≥ 3 for women; sex unknown or intersex uses the lower (safer) cut-off. */
export const auditCCutoff = (sexAtBirth: string) => (sexAtBirth === 'male' ? 4 : 3);

const scoreAuditC: Scorer = (_definition, answers, context) => {
  const total = sum(answers.map((a) => (typeof a === 'number' ? a : 0)));
  const severity = total >= auditCCutoff(context.sexAtBirth) ? 'positive' : 'negative';
  return { totalScore: total, severity, severityLabel: SCREEN_LEVELS[severity], subscales: null, flags: severity === 'positive' ? [FLAGS.auditCPositive] : [] };
};

/** BAM subscales (VA scoring): Use = 4, 5, 6; Risk = 1, 2, 3, 8, 11, 15; Protective = 9, 10, 12, 13, 14, 16. No total. */
const BAM_SUBSCALES = {
  use: ['4', '5', '6'],
  risk: ['1', '2', '3', '8', '11', '15'],
  protective: ['9', '10', '12', '13', '14', '16'],
} as const;

const scoreBam: Scorer = (definition, answers) => {
  const answer = byNumber(definition, answers);
  const subscale = (items: readonly string[]) => sum(items.map((n) => Number(answer(n) ?? 0)));
  const subscales = { use: subscale(BAM_SUBSCALES.use), risk: subscale(BAM_SUBSCALES.risk), protective: subscale(BAM_SUBSCALES.protective) };
  const flags: string[] = [];
  if (subscales.use > 0) flags.push(FLAGS.bamUsePositive);
  if (subscales.risk >= 12) flags.push(FLAGS.bamRiskElevated);
  if (subscales.protective <= 12) flags.push(FLAGS.bamProtectiveLow);
  return { totalScore: null, severity: null, severityLabel: null, subscales, flags };
};

/**
 * C-SSRS screener triage (Columbia "screener with triage points"): high risk for a yes to 4
 * or 5 (past month) or any suicidal behaviour in the past 3 months (6 and 6a); moderate for
 * a yes to 3 or behaviour longer ago; low for a yes to 1 or 2 only.
 */
const scoreCssrs: Scorer = (definition, answers) => {
  const yes = (n: string) => byNumber(definition, answers)(n) === true;
  const level: keyof typeof CSSRS_LEVELS = yes('4') || yes('5') || (yes('6') && yes('6a'))
    ? 'high'
    : yes('3') || yes('6') ? 'moderate' : yes('1') || yes('2') ? 'low' : 'negative';
  const flag = { high: FLAGS.cssrsHighRisk, moderate: FLAGS.cssrsModerateRisk, low: FLAGS.cssrsLowRisk, negative: null }[level];
  return { totalScore: null, severity: level, severityLabel: CSSRS_LEVELS[level], subscales: null, flags: flag ? [flag] : [] };
};

const SCORERS: Record<InstrumentId, Scorer> = {
  phq9: summed((_total, answers) => ((answers[8] as number) > 0 ? [FLAGS.phq9Item9Positive] : [])),
  gad7: summed((total) => (total >= 10 ? [FLAGS.gad7PositiveScreen] : [])),
  audit: summed(),
  audit_c: scoreAuditC,
  dast10: scoreDast10,
  bam: scoreBam,
  cssrs_screener: scoreCssrs,
};

/**
 * Scores one administration. `answers` holds one entry per item in definition order, null for
 * an item the skip logic leaves out; anything else is a problem with its `answers[i]` path.
 */
export function scoreInstrument(id: InstrumentId, answers: readonly unknown[], context: ScoringContext): ScoreResult {
  const definition = INSTRUMENTS[id];
  const problems = answerProblems(definition, answers);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, score: SCORERS[id](definition, answers as readonly Answer[], context) };
}
