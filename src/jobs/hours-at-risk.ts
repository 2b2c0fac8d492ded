/**
 * Hours at risk (hourly from mid-week, per facility): each active episode's facility week
 * judged by attendance/hours.ts over the set-based rows of attendance/hours.store.ts; a week
 * whose minimum can no longer be reached raises rules.ts hoursAtRiskAlerts once.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { type AlertCandidate, MID_WEEK_DAY, hoursAtRiskAlerts } from '../alerts/rules.ts';
import { coverageForWeek } from '../attendance/hours-series.ts';
import { activeEpisodesAt, phaseHistoryOf, rosteredSessions } from '../attendance/hours.store.ts';
import { type SessionHours, weeklyHours } from '../attendance/hours.ts';
import { materialiseFacility } from '../attendance/materialise.ts';
import { bandOf, toSessionHours } from '../attendance/session-hours.ts';
import { addDays, daysBetween, localDateOf, weekStartOf } from '../time/local-time.ts';
import { facilityOfJob } from './facility-job.ts';
import type { JobContext } from './runner.ts';
import { systemAudit } from './system-audit.ts';

export async function hoursAtRiskSweep(trx: Transaction<Database>, job: JobContext): Promise<void> {
  const facility = await facilityOfJob(trx, job);
  if (!facility) return;
  const today = localDateOf(job.now, facility.time_zone);
  const start = weekStartOf(today, facility.week_starts_on);
  const dayOfWeek = daysBetween(start, today);
  if (dayOfWeek < MID_WEEK_DAY) return;
  const week = { start, end: addDays(start, 6) };
  await materialiseFacility(trx, job.orgId, facility.facility_id, week.start, week.end, job.now);
  const episodes = await activeEpisodesAt(trx, job.orgId, facility.facility_id);
  const history = await phaseHistoryOf(trx, job.orgId, episodes.map((e) => e.episode_id));
  const sessionsByPatient = new Map<string, SessionHours[]>();
  for (const row of await rosteredSessions(trx, job.orgId, [...new Set(episodes.map((e) => e.patient_id))], week.start, week.end)) {
    sessionsByPatient.set(row.patient_id, [...(sessionsByPatient.get(row.patient_id) ?? []), toSessionHours(row, job.now)]);
  }
  const candidates: AlertCandidate[] = [];
  for (const e of episodes) {
    const span = {
      episodeId: e.episode_id,
      programName: e.program_name,
      admittedOn: e.admitted_on,
      dischargedOn: e.discharged_on,
      phases: history.filter((h) => h.episode_id === e.episode_id).map((h) => ({ effectiveOn: h.effective_on, band: bandOf(h) })),
      currentBand: bandOf({ ...e, name: e.phase_name }),
    };
    const coverage = coverageForWeek([span], week)?.coverage ?? null;
    const result = weeklyHours({ week, now: job.now, timeZone: facility.time_zone, sessions: sessionsByPatient.get(e.patient_id) ?? [], coverage });
    candidates.push(...hoursAtRiskAlerts({
      patientId: e.patient_id,
      episodeId: e.episode_id,
      facilityId: facility.facility_id,
      weekStart: week.start,
      dayOfWeek,
      status: result.status.kind,
      attendedMinutes: Math.round(result.attendedHours * 60),
      requiredMinutes: Math.round((result.band?.minHoursPerWeek ?? 0) * 60),
    }));
  }
  await raiseAlerts(trx, systemAudit(job.orgId, job.now), candidates, job.now);
}
