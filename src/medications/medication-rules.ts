/**
 * Medication rules (issue 5 "Medications and observed dosing"): pure, no I/O and no clock.
 * When a prescription is in force, which days an observed dose falls due, how adherence is
 * counted, and what a dose entry must say for its outcome.
 */
import type { AddictionMedication, DoseOutcome, MedicationRoute } from '../db/schema.ts';
import { isAnalyteCode } from '../drugtests/panels.ts';
import { type LocalDate, addDays, compareDates, daysBetween, isoWeekday } from '../time/local-time.ts';
import { addictionDefault, catalogEntryFor } from './catalog.ts';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

export interface Prescription {
  readonly startedOn: LocalDate;
  /** The first day it is no longer taken (stopping "today" means no dose is due today); null while ongoing. */
  readonly stoppedOn: LocalDate | null;
  /** ISO weekdays dispensed under observation; null when self-administered. */
  readonly observedWeekdays: readonly number[] | null;
}

/** In force on a day: from its start, up to (not including) the day it was stopped. */
export function isActiveOn(p: Pick<Prescription, 'startedOn' | 'stoppedOn'>, day: LocalDate): boolean {
  return compareDates(p.startedOn, day) <= 0 && (p.stoppedOn === null || compareDates(day, p.stoppedOn) < 0);
}

/** An observed dose falls due on a day the prescription is in force and one of its observed weekdays. */
export function isObservedDoseDay(p: Prescription, day: LocalDate): boolean {
  return p.observedWeekdays !== null && p.observedWeekdays.includes(isoWeekday(day)) && isActiveOn(p, day);
}

/** A prescription as a facility's dosing query returns it: one row per episode there, with the day's dose if recorded. */
export interface DosingCandidate {
  readonly medication_id: string;
  readonly dose_id: string | null;
  readonly started_on: LocalDate;
  readonly stopped_on: LocalDate | null;
  readonly observed_weekdays: readonly number[] | null;
}

/**
 * The day's dosing list: each medication once (a patient with two episodes at the facility is
 * listed once, under the first row), kept when a dose falls due that day or one was recorded.
 */
export function dueDoses<T extends DosingCandidate>(rows: readonly T[], day: LocalDate): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.medication_id)) return false;
    seen.add(row.medication_id);
    return row.dose_id !== null || isObservedDoseDay({ startedOn: row.started_on, stoppedOn: row.stopped_on, observedWeekdays: row.observed_weekdays }, day);
  });
}

// ── Adherence ────────────────────────────────────────────────────────────────────────────

export const ADHERENCE_WINDOW_DAYS = 30;

export interface Adherence {
  readonly windowDays: number;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Doses in the window: recorded ones plus past due days nobody recorded. */
  readonly scheduled: number;
  readonly given: number;
  readonly missed: number;
  readonly refused: number;
  /** Withheld on clinical grounds: not counted against the patient. */
  readonly held: number;
  /** Past due days with nothing recorded yet (the end-of-day job records them as missed). */
  readonly unrecorded: number;
  /** given ÷ (given + missed + refused + unrecorded), whole percent; null when there is nothing to count. */
  readonly percent: number | null;
}

/**
 * Observed-dose adherence over the `windowDays` days ending today. Today's dose counts once
 * recorded; until then it is still to come, not missed. Held doses are shown but do not
 * count against. A self-administered prescription has no observed adherence (null).
 */
export function adherence(p: Prescription, doses: readonly { scheduledOn: LocalDate; outcome: DoseOutcome }[], today: LocalDate, windowDays = ADHERENCE_WINDOW_DAYS): Adherence | null {
  if (p.observedWeekdays === null) return null;
  const from = addDays(today, -(windowDays - 1));
  const inWindow = (day: LocalDate) => compareDates(from, day) <= 0 && compareDates(day, today) <= 0;
  const recorded = new Map<LocalDate, DoseOutcome>();
  for (const dose of doses) if (inWindow(dose.scheduledOn)) recorded.set(dose.scheduledOn, dose.outcome);
  let unrecorded = 0;
  for (let day = from; compareDates(day, today) < 0; day = addDays(day, 1)) {
    if (isObservedDoseDay(p, day) && !recorded.has(day)) unrecorded += 1;
  }
  const count = (outcome: DoseOutcome) => [...recorded.values()].filter((o) => o === outcome).length;
  const given = count('given');
  const missed = count('missed');
  const refused = count('refused');
  const held = count('held');
  const counted = given + missed + refused + unrecorded;
  return {
    windowDays, from, to: today, scheduled: recorded.size + unrecorded, given, missed, refused, held, unrecorded,
    percent: counted === 0 ? null : Math.round((given / counted) * 100),
  };
}

// ── Prescription entry ───────────────────────────────────────────────────────────────────

/** What a prescriber states about a medication. */
export interface PrescriptionFields {
  readonly name: string;
  readonly dose: string;
  readonly route: MedicationRoute;
  readonly frequency: string;
  readonly prescriber: string;
  readonly startedOn: LocalDate;
  readonly addictionMedication: AddictionMedication | null;
  readonly expectedAnalytes: readonly string[];
  readonly observedWeekdays: readonly number[] | null;
}

/** Text trimmed, analytes deduplicated, weekdays in order: the form stored and compared. */
export function normalisePrescription(p: PrescriptionFields): PrescriptionFields {
  return {
    name: p.name.trim(),
    dose: p.dose.trim(),
    route: p.route,
    frequency: p.frequency.trim(),
    prescriber: p.prescriber.trim(),
    startedOn: p.startedOn,
    addictionMedication: p.addictionMedication,
    expectedAnalytes: [...new Set(p.expectedAnalytes)],
    observedWeekdays: p.observedWeekdays === null ? null : [...new Set(p.observedWeekdays)].sort((a, b) => a - b),
  };
}

/** The fields an edit changes (names only: the audit trail records which, never the text). */
export function changedFields(before: PrescriptionFields, after: PrescriptionFields): (keyof PrescriptionFields)[] {
  const a = normalisePrescription(before);
  const b = normalisePrescription(after);
  return (Object.keys(b) as (keyof PrescriptionFields)[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

export interface PrescriptionInput {
  readonly name: string;
  readonly startedOn: LocalDate;
  readonly addictionMedication?: AddictionMedication | null | undefined;
  readonly expectedAnalytes?: readonly string[] | undefined;
}

/** A prescription may start up to a year ahead (entered ahead of an induction); any time before. */
export const MAX_START_AHEAD_DAYS = 365;

export type ResolvedPrescription = { readonly ok: true; readonly addictionMedication: AddictionMedication | null; readonly expectedAnalytes: readonly string[] } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Fill what the prescriber left out from the catalog (MOUD/MAUD, expected analytes) and check
 * what they gave: analytes must be panel codes; a name the catalog cannot place as MOUD or
 * MAUD on its own (naltrexone) needs the prescriber to say which.
 */
export function resolvePrescription(input: PrescriptionInput, today: LocalDate): ResolvedPrescription {
  const problems: Problem[] = [];
  const entry = catalogEntryFor(input.name);
  let addiction: AddictionMedication | null = null;
  if (input.addictionMedication !== undefined) addiction = input.addictionMedication;
  else {
    const fallback = addictionDefault(entry);
    if (fallback.kind === 'known') addiction = fallback.value;
    else problems.push({ path: 'addictionMedication', message: `is required: ${entry!.name} may treat ${fallback.options.join(' or ')}` });
  }
  const analytes = input.expectedAnalytes ?? entry?.expectedAnalytes ?? [];
  analytes.forEach((code, i) => {
    if (!isAnalyteCode(code)) problems.push({ path: `expectedAnalytes[${i}]`, message: 'is not an analyte on any panel' });
  });
  if (daysBetween(today, input.startedOn) > MAX_START_AHEAD_DAYS) problems.push({ path: 'startedOn', message: 'is more than a year ahead' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, addictionMedication: addiction, expectedAnalytes: [...new Set(analytes)] };
}

// ── Dose entry ───────────────────────────────────────────────────────────────────────────

/** Doses may be recorded late (catching up after a busy clinic), up to this many days back. */
export const MAX_DOSE_BACKDATE_DAYS = 30;

export type DoseDayCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 409 | 422; readonly code: 'not_observed_dosing' | 'medication_stopped' | 'date_out_of_range'; readonly message: string };

/** Whether a dose may be recorded for this prescription on `scheduledOn`, given facility-local today. */
export function doseDayCheck(p: Prescription, scheduledOn: LocalDate, today: LocalDate): DoseDayCheck {
  if (compareDates(scheduledOn, today) > 0) return { ok: false, status: 422, code: 'date_out_of_range', message: 'A dose cannot be recorded for a day still to come.' };
  if (daysBetween(scheduledOn, today) > MAX_DOSE_BACKDATE_DAYS) return { ok: false, status: 422, code: 'date_out_of_range', message: `Doses can be recorded up to ${MAX_DOSE_BACKDATE_DAYS} days back.` };
  if (p.observedWeekdays === null) return { ok: false, status: 422, code: 'not_observed_dosing', message: 'This medication is self-administered, not dispensed under observation.' };
  if (p.stoppedOn !== null && compareDates(p.stoppedOn, scheduledOn) <= 0) return { ok: false, status: 409, code: 'medication_stopped', message: 'The medication was stopped before that day.' };
  if (!isObservedDoseDay(p, scheduledOn)) return { ok: false, status: 422, code: 'not_observed_dosing', message: 'No observed dose is scheduled for that day.' };
  return { ok: true };
}

export interface DoseEntry {
  readonly outcome: DoseOutcome;
  readonly doseGiven?: string | undefined;
  readonly givenAt?: string | undefined;
  readonly note?: string | undefined;
}

/** A tablet's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

export type ResolvedDose = { readonly ok: true; readonly doseGiven: string | null; readonly givenAt: Date | null; readonly note: string | null } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * What each outcome must say: a given dose has an amount (default: the prescribed dose) and a
 * time on the scheduled day, not ahead of now (default: now, when recording on the day); a
 * refused or held dose says why; only a given dose has an amount or a time.
 */
export function resolveDoseEntry(entry: DoseEntry, ctx: { prescribedDose: string; scheduledOn: LocalDate; now: Date; localDayOf: (at: Date) => LocalDate }): ResolvedDose {
  const problems: Problem[] = [];
  const note = entry.note?.trim() || null;
  if ((entry.outcome === 'refused' || entry.outcome === 'held') && note === null) problems.push({ path: 'note', message: `is required when a dose is ${entry.outcome}` });
  if (entry.outcome !== 'given') {
    if (entry.doseGiven !== undefined) problems.push({ path: 'doseGiven', message: 'is only for a dose that was given' });
    if (entry.givenAt !== undefined) problems.push({ path: 'givenAt', message: 'is only for a dose that was given' });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, doseGiven: null, givenAt: null, note };
  }
  const givenAt = entry.givenAt === undefined ? ctx.now : new Date(entry.givenAt);
  if (Number.isNaN(givenAt.getTime())) problems.push({ path: 'givenAt', message: 'is not a real instant' });
  else if (givenAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) problems.push({ path: 'givenAt', message: 'is in the future' });
  else if (ctx.localDayOf(givenAt) !== ctx.scheduledOn) problems.push({ path: 'givenAt', message: entry.givenAt === undefined ? `is required for a dose recorded after ${ctx.scheduledOn}` : `is not on ${ctx.scheduledOn}` });
  const doseGiven = entry.doseGiven?.trim() || ctx.prescribedDose;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, doseGiven, givenAt, note };
}
