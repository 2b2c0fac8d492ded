/**
 * A program's clinical settings (issue 4): how often its treatment plans are reviewed, when
 * each standard instrument is given, and what it takes to leave each phase. The defaults are
 * the ones migration 0009_care.sql gives existing programs and phases; the limits are what
 * program-rules.ts accepts.
 */
import type { AdvancementCriteria, InstrumentCadenceEntry } from '../db/schema.ts';

/** Treatment plan review every 30 days unless the program says otherwise (issue 4). */
export const DEFAULT_PLAN_REVIEW_DAYS = 30;

/** domain-rules.md's example: PHQ-9 and GAD-7 at admission, every 2 weeks and at discharge; BAM monthly; C-SSRS screener at admission. */
export const DEFAULT_INSTRUMENT_CADENCE: readonly InstrumentCadenceEntry[] = [
  { instrument: 'phq9', atAdmission: true, everyDays: 14, atDischarge: true },
  { instrument: 'gad7', atAdmission: true, everyDays: 14, atDischarge: true },
  { instrument: 'bam', atAdmission: true, everyDays: 30, atDischarge: true },
  { instrument: 'cssrs_screener', atAdmission: true, everyDays: null, atDischarge: false },
];

/** Issue 4's example: 4 weeks in a row with hours met and attendance ≥ 90 %, PHQ-9 improved by 5 or below 10, the phase's objectives met. */
export const DEFAULT_ADVANCEMENT_CRITERIA: AdvancementCriteria = {
  consecutiveWeeksMet: 4,
  minAttendancePercent: 90,
  phq9: { improvedBy: 5, orBelow: 10 },
  objectivesMet: true,
  maxWeeksInPhase: 12,
};

/** Inclusive ranges. PHQ-9 totals run 0–27, so a change or a threshold lies in 1–27. */
export const CARE_SETTING_LIMITS = {
  planReviewDays: { min: 7, max: 180 },
  everyDays: { min: 7, max: 180 },
  consecutiveWeeksMet: { min: 1, max: 26 },
  minAttendancePercent: { min: 0, max: 100 },
  phq9ImprovedBy: { min: 1, max: 27 },
  phq9OrBelow: { min: 1, max: 27 },
  maxWeeksInPhase: { min: 1, max: 104 },
} as const;
