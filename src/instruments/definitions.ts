/**
 * The standard instruments Cairn administers: item wording and answer options as published,
 * severity bands and LOINC codes per domain-rules.md "Instruments". Pure data; scoring.ts
 * reads it, GET /api/instruments serves it, and the web form renders from it.
 *
 * Answers travel as one array in item order (`items[i]` ↔ `answers[i]`): a number for
 * scaled items (the option's value is its score), a boolean for yes/no items, and null for
 * an item the skip logic leaves out (`askedWhen`).
 */
import type { InstrumentId } from '../db/schema.ts';

export type { InstrumentId };

export type AnswerValue = number | boolean;
export type Answer = AnswerValue | null;

export interface InstrumentOption {
  value: AnswerValue;
  label: string;
}

export interface InstrumentItem {
  /** "1", "7a" */
  number: string;
  text: string;
  options: InstrumentOption[];
  /** Asked only when the named item was asked and answered with this value; otherwise its answer is null. */
  askedWhen?: { item: string; equals: AnswerValue };
}

export interface SeverityBand {
  key: string;
  label: string;
  min: number;
  max: number;
}

export interface InstrumentDefinition {
  id: InstrumentId;
  name: string;
  shortName: string;
  instructions: string;
  timeframe: string;
  items: InstrumentItem[];
  /** Highest total; null when the instrument has no total (BAM, C-SSRS). */
  maxScore: number | null;
  /** Total-score bands, lowest first; [] when severity is not a band of a total (AUDIT-C by sex, BAM, C-SSRS). */
  bands: SeverityBand[];
  loinc: { panel: string; total: string | null } | null;
}

export const INSTRUMENT_IDS: readonly InstrumentId[] = ['phq9', 'gad7', 'audit', 'audit_c', 'dast10', 'bam', 'cssrs_screener'];

const options = (...labels: string[]): InstrumentOption[] => labels.map((label, value) => ({ value, label }));
const scaled = (texts: string[], choices: InstrumentOption[]): InstrumentItem[] =>
  texts.map((text, i) => ({ number: String(i + 1), text, options: choices }));
const YES_NO: InstrumentOption[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/* ---- PHQ-9 (Kroenke, Spitzer & Williams 2001) and GAD-7 (Spitzer et al. 2006) ---- */

const OVER_TWO_WEEKS = options('Not at all', 'Several days', 'More than half the days', 'Nearly every day');

// The PHQ-9's closing "how difficult have these problems made it…" question is not scored
// and is left out.
const PHQ9: InstrumentDefinition = {
  id: 'phq9',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  timeframe: 'Last 2 weeks',
  items: scaled([
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ], OVER_TWO_WEEKS),
  maxScore: 27,
  bands: [
    { key: 'minimal', label: 'Minimal depression', min: 0, max: 4 },
    { key: 'mild', label: 'Mild depression', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate depression', min: 10, max: 14 },
    { key: 'moderately_severe', label: 'Moderately severe depression', min: 15, max: 19 },
    { key: 'severe', label: 'Severe depression', min: 20, max: 27 },
  ],
  loinc: { panel: '44249-1', total: '44261-6' },
};

const GAD7: InstrumentDefinition = {
  id: 'gad7',
  name: 'Generalized Anxiety Disorder-7',
  shortName: 'GAD-7',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  timeframe: 'Last 2 weeks',
  items: scaled([
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ], OVER_TWO_WEEKS),
  maxScore: 21,
  bands: [
    { key: 'minimal', label: 'Minimal anxiety', min: 0, max: 4 },
    { key: 'mild', label: 'Mild anxiety', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate anxiety', min: 10, max: 14 },
    { key: 'severe', label: 'Severe anxiety', min: 15, max: 21 },
  ],
  loinc: { panel: '69737-5', total: '70274-6' },
};

/* ---- AUDIT (WHO, Babor et al. 2001) and AUDIT-C (Bush et al. 1998: AUDIT items 1–3) ---- */

const LAST_YEAR_FREQUENCY = options('Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily');
// Items 9 and 10 score 0, 2 or 4 (WHO AUDIT manual).
const INJURY_OR_CONCERN: InstrumentOption[] = [
  { value: 0, label: 'No' },
  { value: 2, label: 'Yes, but not in the last year' },
  { value: 4, label: 'Yes, during the last year' },
];
const CONSUMPTION_ITEMS: InstrumentItem[] = [
  { number: '1', text: 'How often do you have a drink containing alcohol?', options: options('Never', 'Monthly or less', '2 to 4 times a month', '2 to 3 times a week', '4 or more times a week') },
  { number: '2', text: 'How many drinks containing alcohol do you have on a typical day when you are drinking?', options: options('1 or 2', '3 or 4', '5 or 6', '7, 8 or 9', '10 or more') },
  { number: '3', text: 'How often do you have six or more drinks on one occasion?', options: LAST_YEAR_FREQUENCY },
];
const DRINK_NOTE = 'One drink is a 12 oz can or bottle of beer, a 5 oz glass of wine, or a 1.5 oz shot of spirits.';

// The interview form lets the interviewer skip to items 9–10 when items 2 and 3 score 0; the
// self-report form asks all ten, and a skipped item would score 0 anyway, so all ten are asked.
const AUDIT: InstrumentDefinition = {
  id: 'audit',
  name: 'Alcohol Use Disorders Identification Test',
  shortName: 'AUDIT',
  instructions: `Please answer each question about your use of alcoholic beverages during the past year. ${DRINK_NOTE}`,
  timeframe: 'Past year',
  items: [
    ...CONSUMPTION_ITEMS,
    { number: '4', text: 'How often during the last year have you found that you were not able to stop drinking once you had started?', options: LAST_YEAR_FREQUENCY },
    { number: '5', text: 'How often during the last year have you failed to do what was normally expected from you because of drinking?', options: LAST_YEAR_FREQUENCY },
    { number: '6', text: 'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?', options: LAST_YEAR_FREQUENCY },
    { number: '7', text: 'How often during the last year have you had a feeling of guilt or remorse after drinking?', options: LAST_YEAR_FREQUENCY },
    { number: '8', text: 'How often during the last year have you been unable to remember what happened the night before because you had been drinking?', options: LAST_YEAR_FREQUENCY },
    { number: '9', text: 'Have you or someone else been injured as a result of your drinking?', options: INJURY_OR_CONCERN },
    { number: '10', text: 'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?', options: INJURY_OR_CONCERN },
  ],
  maxScore: 40,
  bands: [
    { key: 'low_risk', label: 'Low risk', min: 0, max: 7 },
    { key: 'hazardous', label: 'Hazardous drinking', min: 8, max: 15 },
    { key: 'harmful', label: 'Harmful drinking', min: 16, max: 19 },
    { key: 'possible_dependence', label: 'Possible dependence', min: 20, max: 40 },
  ],
  loinc: null,
};

// Positive at ≥ 4 for men and ≥ 3 for women, so no single set of bands: scoring.ts decides by sex.
const AUDIT_C: InstrumentDefinition = {
  id: 'audit_c',
  name: 'AUDIT-Consumption',
  shortName: 'AUDIT-C',
  instructions: `Please answer each question about your use of alcoholic beverages during the past year. ${DRINK_NOTE}`,
  timeframe: 'Past year',
  items: CONSUMPTION_ITEMS,
  maxScore: 12,
  bands: [],
  loinc: null,
};

/* ---- DAST-10 (Skinner 1982; © H. A. Skinner / CAMH) ---- */

const DAST10: InstrumentDefinition = {
  id: 'dast10',
  name: 'Drug Abuse Screening Test-10',
  shortName: 'DAST-10',
  instructions:
    'These questions refer to the past 12 months. “Drug abuse” means using prescribed or over-the-counter drugs in excess of the directions, '
    + 'or any non-medical use of drugs (cannabis, solvents, tranquilizers, barbiturates, cocaine, stimulants, hallucinogens or narcotics). '
    + 'The questions do not include alcohol or tobacco. Answer every question; if a statement is hard to answer, choose the response that is mostly right.',
  timeframe: 'Past 12 months',
  items: [
    'Have you used drugs other than those required for medical reasons?',
    'Do you abuse more than one drug at a time?',
    'Are you always able to stop using drugs when you want to?',
    'Have you had “blackouts” or “flashbacks” as a result of drug use?',
    'Do you ever feel bad or guilty about your drug use?',
    'Does your spouse (or parents) ever complain about your involvement with drugs?',
    'Have you neglected your family because of your use of drugs?',
    'Have you engaged in illegal activities in order to obtain drugs?',
    'Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?',
    'Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding)?',
  ].map((text, i) => ({ number: String(i + 1), text, options: YES_NO })),
  maxScore: 10,
  bands: [
    { key: 'none', label: 'No problems reported', min: 0, max: 0 },
    { key: 'low', label: 'Low level', min: 1, max: 2 },
    { key: 'moderate', label: 'Moderate level', min: 3, max: 5 },
    { key: 'substantial', label: 'Substantial level', min: 6, max: 8 },
    { key: 'severe', label: 'Severe level', min: 9, max: 10 },
  ],
  loinc: null,
};

/* ---- BAM, the VA Brief Addiction Monitor (Cacciola et al. 2013), past 30 days ---- */

const DAYS = options('0 days', '1–3 days', '4–8 days', '9–15 days', '16–30 days');
const EXTENT = options('Not at all', 'Slightly', 'Moderately', 'Considerably', 'Extremely');
const BAM_DRUGS: [string, string][] = [
  ['7a', 'Marijuana (cannabis, pot, weed)'],
  ['7b', 'Sedatives/tranquilizers (e.g., “benzos”, Valium, Xanax, Ativan, Ambien, “barbs”, phenobarbital, downers)'],
  ['7c', 'Cocaine/crack'],
  ['7d', 'Other stimulants (e.g., amphetamine, methamphetamine, Dexedrine, Ritalin, Adderall, “speed”, “crystal meth”, “ice”)'],
  ['7e', 'Opiates (e.g., heroin, morphine, Dilaudid, Demerol, OxyContin, “oxy”, codeine (Tylenol 2, 3, 4), Percocet, Vicodin, fentanyl)'],
  ['7f', 'Inhalants (glues, adhesives, nail polish remover, paint thinner)'],
  ['7g', 'Other drugs (steroids, non-prescription sleep or diet pills, Benadryl, ephedra, other over-the-counter or unknown medications)'],
];

// Items 7a–7g elaborate item 6 and are not scored. The form asks them every time (answer
// "0 days" when there was no drug use): the askedWhen model expresses "equals", and
// "item 6 above 0" is not an equality. Item 17 is a stand-alone progress rating.
const BAM: InstrumentDefinition = {
  id: 'bam',
  name: 'Brief Addiction Monitor',
  shortName: 'BAM',
  instructions: 'These questions ask about the past 30 days. Choose the answer that fits best.',
  timeframe: 'Past 30 days',
  items: [
    { number: '1', text: 'In the past 30 days, would you say your physical health has been:', options: options('Excellent', 'Very good', 'Good', 'Fair', 'Poor') },
    { number: '2', text: 'In the past 30 days, how many nights did you have trouble falling asleep or staying asleep?', options: options('0 nights', '1–3 nights', '4–8 nights', '9–15 nights', '16–30 nights') },
    { number: '3', text: 'In the past 30 days, how many days have you felt depressed, anxious, angry or very upset throughout most of the day?', options: DAYS },
    { number: '4', text: 'In the past 30 days, how many days did you drink ANY alcohol?', options: DAYS },
    {
      number: '5',
      text: 'In the past 30 days, how many days did you have at least 5 drinks (if you are a man) or at least 4 drinks (if you are a woman)? '
        + 'One drink is one shot of hard liquor (1.5 oz), a 12 oz can or bottle of beer, or a 5 oz glass of wine.',
      options: DAYS,
    },
    { number: '6', text: 'In the past 30 days, how many days did you use any illegal/street drugs or abuse any prescription medications?', options: DAYS },
    ...BAM_DRUGS.map(([number, drug]) => ({ number, text: `In the past 30 days, how many days did you use ${drug}?`, options: DAYS })),
    { number: '8', text: 'In the past 30 days, how much were you bothered by cravings or urges to drink alcohol or use drugs?', options: EXTENT },
    { number: '9', text: 'How confident are you in your ability to be completely abstinent (clean) from alcohol and drugs in the next 30 days?', options: EXTENT },
    { number: '10', text: 'In the past 30 days, how many days did you attend self-help meetings like AA or NA to support your recovery?', options: DAYS },
    {
      number: '11',
      text: 'In the past 30 days, how many days were you in any situations or with any people that might put you at an increased risk for using alcohol or drugs (i.e., around risky “people, places or things”)?',
      options: DAYS,
    },
    { number: '12', text: 'Does your religion or spirituality help support your recovery?', options: EXTENT },
    { number: '13', text: 'In the past 30 days, how many days did you spend much of the time at work, school, or doing volunteer work?', options: DAYS },
    {
      number: '14',
      text: 'Do you have enough income (from legal sources) to pay for necessities such as housing, transportation, food and clothing for yourself and your dependents?',
      options: [
        { value: 0, label: 'No' },
        { value: 4, label: 'Yes' },
      ],
    },
    { number: '15', text: 'In the past 30 days, how much have you been bothered by arguments or problems getting along with any family members or friends?', options: EXTENT },
    { number: '16', text: 'In the past 30 days, how many days were you in contact or spent time with any family members or friends who are supportive of your recovery?', options: DAYS },
    { number: '17', text: 'How satisfied are you with your progress toward achieving your recovery goals?', options: EXTENT },
  ],
  maxScore: null,
  bands: [],
  loinc: null,
};

/* ---- C-SSRS screener (Columbia Lighthouse Project, screen version, recent) ---- */

// Published skip logic: "If YES to 2, ask questions 3, 4, 5 and 6. If NO to 2, go directly
// to question 6." Question 6 asks about behaviour ever and then, if yes, "Was this within
// the past 3 months?". Cairn models that follow-up as item "6a", asked only after a yes to 6,
// so the answers say both what happened and when (high risk needs the past 3 months).
const CSSRS_SCREENER: InstrumentDefinition = {
  id: 'cssrs_screener',
  name: 'Columbia-Suicide Severity Rating Scale (screener)',
  shortName: 'C-SSRS',
  instructions: 'Questions 1 to 5 ask about the past month. Answer yes or no.',
  timeframe: 'Past month; question 6 lifetime and past 3 months',
  items: [
    { number: '1', text: 'In the past month, have you wished you were dead or wished you could go to sleep and not wake up?', options: YES_NO },
    { number: '2', text: 'In the past month, have you actually had any thoughts of killing yourself?', options: YES_NO },
    { number: '3', text: 'Have you been thinking about how you might do this?', options: YES_NO, askedWhen: { item: '2', equals: true } },
    {
      number: '4',
      text: 'Have you had these thoughts and had some intention of acting on them? (As opposed to “I have the thoughts but I definitely will not do anything about them.”)',
      options: YES_NO,
      askedWhen: { item: '2', equals: true },
    },
    {
      number: '5',
      text: 'Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?',
      options: YES_NO,
      askedWhen: { item: '2', equals: true },
    },
    {
      number: '6',
      text: 'Have you ever done anything, started to do anything, or prepared to do anything to end your life? '
        + 'For example: collected pills, obtained a gun, gave away valuables, wrote a will or suicide note, took out pills but didn’t swallow any, '
        + 'held a gun but changed your mind or it was grabbed from your hand, went to the roof but didn’t jump; or actually took pills, '
        + 'tried to shoot yourself, cut yourself, tried to hang yourself, etc.',
      options: YES_NO,
    },
    { number: '6a', text: 'Was this within the past 3 months?', options: YES_NO, askedWhen: { item: '6', equals: true } },
  ],
  maxScore: null,
  bands: [],
  loinc: null,
};

export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  phq9: PHQ9,
  gad7: GAD7,
  audit: AUDIT,
  audit_c: AUDIT_C,
  dast10: DAST10,
  bam: BAM,
  cssrs_screener: CSSRS_SCREENER,
};

/** Which items the skip logic asks, given the answers (an item is asked when the item it depends on was asked and answered with the value). */
export function askedItems(definition: InstrumentDefinition, answers: readonly unknown[]): boolean[] {
  const asked = new Map<string, boolean>();
  const indexOf = new Map(definition.items.map((item, i) => [item.number, i]));
  return definition.items.map((item) => {
    let isAsked = true;
    if (item.askedWhen) {
      const i = indexOf.get(item.askedWhen.item);
      isAsked = i !== undefined && asked.get(item.askedWhen.item) === true && answers[i] === item.askedWhen.equals;
    }
    asked.set(item.number, isAsked);
    return isAsked;
  });
}
