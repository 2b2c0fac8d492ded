/**
 * Which instruments an episode owes, from its program's cadence (programs.instrument_cadence)
 * and the patient's responses. Pure: facility-local days in, due list out.
 *
 *   admission  due on the admission day; any response from 7 days before admission satisfies it
 *   periodic   due `everyDays` after the latest response (only once there is one)
 *   discharge  due from 7 days before the expected discharge; a response in that window satisfies it
 *
 * A requirement is listed once its day has come (dueOn ≤ today) and is overdue when today is
 * more than OVERDUE_AFTER_DAYS past it. One response satisfies every requirement of its
 * instrument that is due, so each instrument is listed at most once, under its earliest
 * unsatisfied requirement.
 */
import type { InstrumentCadenceEntry, InstrumentId } from '../db/schema.ts';
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';
import { INSTRUMENT_IDS } from './definitions.ts';

/** A response up to this many days before admission counts as the admission measurement (pre-admission screening). */
export const ADMISSION_LOOKBACK_DAYS = 7;
/** The discharge measurement may be taken from this many days before the expected discharge. */
export const DISCHARGE_WINDOW_DAYS = 7;
/** A due instrument not given within this many days after its day is overdue. */
export const OVERDUE_AFTER_DAYS = 3;

export type DueReason = 'admission' | 'periodic' | 'discharge';

export interface DueInstrument {
  instrument: InstrumentId;
  reason: DueReason;
  dueOn: LocalDate;
  status: 'due' | 'overdue';
}

export interface DueInput {
  cadence: readonly InstrumentCadenceEntry[];
  episode: { admittedOn: LocalDate; expectedDischargeOn: LocalDate; status: 'active' | 'discharged' };
  /** The patient's responses (any episode): a PHQ-9 given once counts for every program that asks for it. */
  responses: readonly { instrument: InstrumentId; administeredOn: LocalDate }[];
  today: LocalDate;
}

const latest = (days: readonly LocalDate[]) => days.reduce<LocalDate | null>((max, d) => (max === null || compareDates(d, max) > 0 ? d : max), null);
const onOrAfter = (day: LocalDate, from: LocalDate) => compareDates(day, from) >= 0;

/** The instruments an active episode owes today, earliest due first. */
export function dueInstruments(input: DueInput): DueInstrument[] {
  const { cadence, episode, responses, today } = input;
  if (episode.status !== 'active') return [];
  // Responses from before this episode's admission look-back belong to an earlier stay.
  const episodeStart = addDays(episode.admittedOn, -ADMISSION_LOOKBACK_DAYS);
  // The discharge window never opens before admission (a very short expected stay).
  const dischargeFrom = latest([episode.admittedOn, addDays(episode.expectedDischargeOn, -DISCHARGE_WINDOW_DAYS)])!;
  const due: DueInstrument[] = [];
  for (const entry of cadence) {
    const days = responses.filter((r) => r.instrument === entry.instrument && onOrAfter(r.administeredOn, episodeStart)).map((r) => r.administeredOn);
    const last = latest(days);
    const owed: { reason: DueReason; dueOn: LocalDate }[] = [];
    if (entry.atAdmission && last === null) owed.push({ reason: 'admission', dueOn: episode.admittedOn });
    if (entry.atDischarge && !days.some((d) => onOrAfter(d, dischargeFrom))) owed.push({ reason: 'discharge', dueOn: dischargeFrom });
    if (entry.everyDays !== null && last !== null) owed.push({ reason: 'periodic', dueOn: addDays(last, entry.everyDays) });
    // On a tie the earlier-listed requirement names the reason (a discharge measurement over a routine one).
    const first = owed
      .filter((o) => compareDates(o.dueOn, today) <= 0)
      .sort((a, b) => compareDates(a.dueOn, b.dueOn))[0];
    if (first) due.push({ instrument: entry.instrument, ...first, status: daysBetween(first.dueOn, today) > OVERDUE_AFTER_DAYS ? 'overdue' : 'due' });
  }
  const order = (id: InstrumentId) => INSTRUMENT_IDS.indexOf(id);
  return due.sort((a, b) => compareDates(a.dueOn, b.dueOn) || order(a.instrument) - order(b.instrument));
}
