/** A program's clinical settings in words: instrument cadence and a phase's advancement criteria. */
import type { AdvancementCriteria, CadenceEntry, InstrumentId } from './program-form.ts';

export const INSTRUMENT_LABELS: Record<InstrumentId, string> = {
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  audit: 'AUDIT',
  audit_c: 'AUDIT-C',
  dast10: 'DAST-10',
  bam: 'BAM',
  cssrs_screener: 'C-SSRS screener',
};

/** What each instrument measures, for the picker. */
export const INSTRUMENT_DESCRIPTIONS: Record<InstrumentId, string> = {
  phq9: 'Depression',
  gad7: 'Anxiety',
  audit: 'Alcohol use',
  audit_c: 'Alcohol use, short form',
  dast10: 'Drug use',
  bam: 'Brief Addiction Monitor',
  cssrs_screener: 'Suicide risk screen',
};

/** ["a"] → "a"; ["a", "b", "c"] → "a, b and c" */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** 7 → "every week", 14 → "every 2 weeks", 30 → "every 30 days" */
export function everyDays(days: number): string {
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

/** "at admission, every 2 weeks and at discharge" */
export function describeSchedule(entry: Pick<CadenceEntry, 'atAdmission' | 'everyDays' | 'atDischarge'>): string {
  const parts = [
    ...(entry.atAdmission ? ['at admission'] : []),
    ...(entry.everyDays !== null ? [everyDays(entry.everyDays)] : []),
    ...(entry.atDischarge ? ['at discharge'] : []),
  ];
  return parts.length ? andList(parts) : 'never';
}

/**
 * One sentence per schedule, instruments with the same schedule together, in the order the
 * program lists them: ["PHQ-9 and GAD-7 at admission, every 2 weeks and at discharge", "BAM …"].
 */
export function describeCadence(cadence: readonly CadenceEntry[]): string[] {
  const groups = new Map<string, InstrumentId[]>();
  for (const entry of cadence) {
    const schedule = describeSchedule(entry);
    groups.set(schedule, [...(groups.get(schedule) ?? []), entry.instrument]);
  }
  return [...groups].map(([schedule, instruments]) => `${andList(instruments.map((i) => INSTRUMENT_LABELS[i]))} ${schedule}`);
}

const weeks = (n: number) => (n === 1 ? '1 week' : `${n} weeks`);

/**
 * "4 weeks in a row with hours met, attendance at least 90 %, PHQ-9 down 5 points or below 10,
 * the phase's plan objectives met", or that staff move patients by hand.
 */
export function describeCriteria(criteria: AdvancementCriteria | null): { advance: string; intensify: string | null } {
  if (!criteria) return { advance: 'No automatic step-down: staff move patients by hand.', intensify: null };
  const parts = [
    `${weeks(criteria.consecutiveWeeksMet)} in a row with hours and days met`,
    ...(criteria.minAttendancePercent > 0 ? [`attendance at least ${criteria.minAttendancePercent} %`] : []),
    ...(criteria.phq9 ? [`PHQ-9 down ${criteria.phq9.improvedBy} points or below ${criteria.phq9.orBelow}`] : []),
    ...(criteria.objectivesMet ? ['the phase’s plan objectives met'] : []),
  ];
  const advance = `${andList(parts)}.`;
  return {
    advance: advance.charAt(0).toUpperCase() + advance.slice(1),
    intensify: criteria.maxWeeksInPhase === null ? null : `More intensive care is proposed after ${weeks(criteria.maxWeeksInPhase)} in the phase without meeting them.`,
  };
}
