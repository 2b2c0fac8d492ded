/**
 * ASAM levels of care with their weekly-hours bands, as data (domain-rules.md "Levels of
 * care"). An organization picks an edition; programs are created at a level of that
 * edition. Cairn schedules outpatient-family levels only, so levels without an hours band
 * (early intervention, residential, inpatient) are listed but cannot hold a program.
 */
export type AsamEdition = '3' | '4';
export type Population = 'adult' | 'adolescent';

/** Hours per week: at least `min`, and under `below` when set ("9 to under 20"). */
export interface HoursBand {
  readonly min: number;
  readonly below: number | null;
}

export interface LevelOfCare {
  readonly code: string;
  readonly name: string;
  readonly hours: Readonly<Record<Population, HoursBand | null>>;
}

const none = { adult: null, adolescent: null } as const;

/** ASAM Criteria, 3rd edition (2013): still what most payers cite. */
const THIRD: readonly LevelOfCare[] = [
  { code: '0.5', name: 'Early intervention', hours: none },
  { code: '1', name: 'Outpatient', hours: { adult: { min: 0, below: 9 }, adolescent: { min: 0, below: 6 } } },
  { code: '2.1', name: 'Intensive outpatient', hours: { adult: { min: 9, below: 20 }, adolescent: { min: 6, below: 20 } } },
  { code: '2.5', name: 'Partial hospitalization', hours: { adult: { min: 20, below: null }, adolescent: { min: 20, below: null } } },
  { code: '3.1', name: 'Clinically managed low-intensity residential', hours: none },
  { code: '3.3', name: 'Clinically managed population-specific high-intensity residential', hours: none },
  { code: '3.5', name: 'Clinically managed high-intensity residential', hours: none },
  { code: '3.7', name: 'Medically monitored intensive inpatient', hours: none },
  { code: '4', name: 'Medically managed intensive inpatient', hours: none },
];

/**
 * ASAM Criteria, 4th edition (2023). domain-rules.md marks these **verify**: the hours of
 * 1.5 / 1.7 / 2.7 and the adolescent bands are carried over from the 3rd edition.
 */
const FOURTH: readonly LevelOfCare[] = [
  { code: '1.0', name: 'Long-term remission monitoring', hours: none },
  { code: '1.5', name: 'Outpatient therapy', hours: { adult: { min: 0, below: 9 }, adolescent: { min: 0, below: 6 } } },
  { code: '1.7', name: 'Medically managed outpatient', hours: { adult: { min: 0, below: 9 }, adolescent: { min: 0, below: 6 } } },
  { code: '2.1', name: 'Intensive outpatient', hours: { adult: { min: 9, below: 20 }, adolescent: { min: 6, below: 20 } } },
  { code: '2.5', name: 'High-intensity outpatient', hours: { adult: { min: 20, below: null }, adolescent: { min: 20, below: null } } },
  { code: '2.7', name: 'Medically managed intensive outpatient', hours: { adult: { min: 20, below: null }, adolescent: { min: 20, below: null } } },
  { code: '3.1', name: 'Clinically managed low-intensity residential', hours: none },
  { code: '3.5', name: 'Clinically managed high-intensity residential', hours: none },
  { code: '3.7', name: 'Medically managed residential', hours: none },
  { code: '4', name: 'Medically managed intensive inpatient', hours: none },
];

export const LEVELS_OF_CARE: Readonly<Record<AsamEdition, readonly LevelOfCare[]>> = { '3': THIRD, '4': FOURTH };

export function findLevel(edition: AsamEdition, code: string): LevelOfCare | undefined {
  return LEVELS_OF_CARE[edition].find((level) => level.code === code);
}

const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "adult level 2.1 (Intensive outpatient) is 9 to under 20 hours per week" */
export function describeBand(level: LevelOfCare, population: Population): string {
  const band = level.hours[population];
  const subject = `${population} level ${level.code} (${level.name})`;
  if (!band) return `${subject} has no weekly-hours band`;
  if (band.below === null) return `${subject} is ${hours(band.min)} or more hours per week`;
  if (band.min === 0) return `${subject} is under ${hours(band.below)} hours per week`;
  return `${subject} is ${hours(band.min)} to under ${hours(band.below)} hours per week`;
}

/** Whether a phase's weekly range [min, max] lies inside the band. */
export function phaseFitsBand(band: HoursBand, phase: { minHoursPerWeek: number; maxHoursPerWeek: number }): boolean {
  if (phase.minHoursPerWeek < band.min) return false;
  if (band.below !== null && phase.maxHoursPerWeek >= band.below) return false;
  return true;
}
