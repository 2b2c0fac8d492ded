/**
 * Weekly hours of one patient, and the facility compliance list: data from the database,
 * judgement from the pure rules in hours.ts.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type LocalDate, addDays, compareDates, localDateOf, weekStartOf, weeksBetween } from '../time/local-time.ts';
import { displayName } from './attendance-rules.ts';
import type { Compliance, WeeklyHours } from './attendance.schemas.ts';
import { type SessionHours, type WeekHours, STATUS_SEVERITY, weeklyHours } from './hours.ts';
import { type EpisodeSpan, type SeriesWeek, coverageForWeek, weeklyHoursSeries } from './hours-series.ts';
import { type EpisodeBandRow, activeEpisodesAt, episodesOfPatients, groupsOfPatients, hoursFacilityOf, phaseHistoryOf, rosteredSessions } from './hours.store.ts';
import { materialiseFacility, materialiseGroups } from './materialise.ts';
import { bandOf, toSessionHours } from './session-hours.ts';

type Trx = Transaction<Database>;

/** At most a year of weeks per request. */
export const MAX_WEEKS = 53;
/** Without a range: the last 8 facility weeks through this one. */
export const DEFAULT_WEEKS = 8;

async function episodeSpans(trx: Trx, orgId: string, episodes: readonly EpisodeBandRow[]): Promise<Map<string, EpisodeSpan>> {
  const history = await phaseHistoryOf(trx, orgId, episodes.map((e) => e.episode_id));
  return new Map(
    episodes.map((e) => [
      e.episode_id,
      {
        episodeId: e.episode_id,
        programName: e.program_name,
        admittedOn: e.admitted_on,
        dischargedOn: e.discharged_on,
        phases: history.filter((h) => h.episode_id === e.episode_id).map((h) => ({ effectiveOn: h.effective_on, band: bandOf(h) })),
        currentBand: bandOf({ ...e, name: e.phase_name }),
      },
    ]),
  );
}

const statusFields = (week: WeekHours) => ({
  status: week.status.kind,
  hoursShort: week.status.kind === 'at_risk' || week.status.kind === 'below_minimum' ? week.status.hoursShort : null,
  hoursOver: week.status.kind === 'above_maximum' ? week.status.hoursOver : null,
});

export function toWeeklyHours(week: SeriesWeek): WeeklyHours {
  return {
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    weekOver: week.weekOver,
    scheduledHours: week.scheduledHours,
    attendedHours: week.attendedHours,
    remainingScheduledHours: week.remainingScheduledHours,
    daysAttended: week.daysAttended,
    daysWithThreeHours: week.daysWithThreeHours,
    requiredDaysPerWeek: week.band?.requiredDaysPerWeek ?? null,
    meetsRequiredDays: week.meetsRequiredDays,
    band: week.band ? { minHoursPerWeek: week.band.minHoursPerWeek, maxHoursPerWeek: week.band.maxHoursPerWeek } : null,
    phaseName: week.band?.name ?? null,
    episodeId: week.episodeId,
    programName: week.programName,
    ...statusFields(week),
  };
}

/** The requested range, or the default; refuses from > to and more than a year of weeks. */
function hoursRange(today: LocalDate, weekStartsOn: number, from: LocalDate | undefined, to: LocalDate | undefined): { from: LocalDate; to: LocalDate } {
  const thisWeek = weekStartOf(today, weekStartsOn);
  const range = { from: from ?? addDays(weekStartOf(to ?? today, weekStartsOn), -7 * (DEFAULT_WEEKS - 1)), to: to ?? addDays(thisWeek, 6) };
  if (compareDates(range.from, range.to) > 0) {
    throw new AppError(422, 'date_out_of_range', 'The range starts after it ends.', [{ path: 'from', message: 'is after to' }]);
  }
  if (weeksBetween(range.from, range.to, weekStartsOn).length > MAX_WEEKS) {
    throw new AppError(422, 'date_out_of_range', `Ask for at most ${MAX_WEEKS} weeks at a time.`, [{ path: 'to', message: `is more than ${MAX_WEEKS} weeks after from` }]);
  }
  return range;
}

/**
 * A patient's weekly hours over facility weeks (zone and week start of the facility of the
 * most recent episode). For the staff chart and the patient portal; the caller audits.
 * Materialises group occurrences in the range first, so sessions still to come count.
 */
export async function loadWeeklyHours(trx: Trx, orgId: string, patientId: string, query: { from?: LocalDate | undefined; to?: LocalDate | undefined }, now: Date): Promise<WeeklyHours[]> {
  const facility = await hoursFacilityOf(trx, orgId, patientId);
  if (!facility) throw new AppError(404, 'not_found', 'No such patient.');
  const range = hoursRange(localDateOf(now, facility.time_zone), facility.week_starts_on, query.from, query.to);
  const weeks = weeksBetween(range.from, range.to, facility.week_starts_on);
  const first = weeks[0]!.start;
  const last = weeks.at(-1)!.end;
  const episodes = await episodesOfPatients(trx, orgId, [patientId]);
  await materialiseGroups(trx, orgId, await groupsOfPatients(trx, orgId, [patientId], first, last), first, last, now);
  const spans = await episodeSpans(trx, orgId, episodes);
  const sessions = (await rosteredSessions(trx, orgId, [patientId], first, last)).map((row) => toSessionHours(row, now));
  return weeklyHoursSeries({ ...range, weekStartsOn: facility.week_starts_on, timeZone: facility.time_zone, now, sessions, episodes: [...spans.values()] }).map(toWeeklyHours);
}

export async function patientHours(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, query: { from?: LocalDate | undefined; to?: LocalDate | undefined }): Promise<WeeklyHours[]> {
  return deps.db.transaction().execute(async (trx) => {
    const weeks = await loadWeeklyHours(trx, actor.orgId, patientId, query, deps.clock.now());
    await recordAudit(trx, audit, { action: 'read', entity: 'patient_hours', entityId: patientId, patientId, details: { from: weeks[0]?.weekStart ?? null, to: weeks.at(-1)?.weekEnd ?? null } });
    return weeks;
  });
}

const FLAGGED = new Set(['at_risk', 'below_minimum', 'above_maximum']);

/** Patients with an active episode at the facility whose week is off the band, worst first. */
export async function facilityCompliance(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, weekOf: LocalDate | undefined): Promise<Compliance> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = await getFacility(trx, actor.orgId, facilityId);
    if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
    const start = weekStartOf(weekOf ?? localDateOf(now, facility.time_zone), facility.week_starts_on);
    const week = { start, end: addDays(start, 6) };
    await materialiseFacility(trx, actor.orgId, facilityId, week.start, week.end, now);
    const active = await activeEpisodesAt(trx, actor.orgId, facilityId);
    const spans = await episodeSpans(trx, actor.orgId, active);
    const sessionsByPatient = new Map<string, SessionHours[]>();
    for (const row of await rosteredSessions(trx, actor.orgId, [...new Set(active.map((e) => e.patient_id))], week.start, week.end)) {
      sessionsByPatient.set(row.patient_id, [...(sessionsByPatient.get(row.patient_id) ?? []), toSessionHours(row, now)]);
    }
    const patients = active
      .map((e) => {
        const coverage = coverageForWeek([spans.get(e.episode_id)!], week)?.coverage ?? null;
        const result = weeklyHours({ week, now, timeZone: facility.time_zone, sessions: sessionsByPatient.get(e.patient_id) ?? [], coverage });
        return {
          patientId: e.patient_id,
          episodeId: e.episode_id,
          name: displayName({ legalGivenName: e.legal_given_name, legalFamilyName: e.legal_family_name, preferredName: e.preferred_name }),
          mrn: e.mrn,
          programName: e.program_name,
          phaseName: result.band?.name ?? null,
          scheduledHours: result.scheduledHours,
          attendedHours: result.attendedHours,
          remainingScheduledHours: result.remainingScheduledHours,
          minHoursPerWeek: result.band?.minHoursPerWeek ?? null,
          maxHoursPerWeek: result.band?.maxHoursPerWeek ?? null,
          ...statusFields(result),
        };
      })
      .filter((p) => FLAGGED.has(p.status))
      .sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || (b.hoursOver ?? b.hoursShort ?? 0) - (a.hoursOver ?? a.hoursShort ?? 0) || a.name.localeCompare(b.name));
    await recordAudit(trx, audit, { action: 'read', entity: 'hours_compliance', entityId: facilityId, details: { weekStart: week.start, patientIds: patients.map((p) => p.patientId) } });
    return { facilityId, weekStart: week.start, weekEnd: week.end, patients };
  });
}
