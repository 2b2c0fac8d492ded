/**
 * Discharge summary, aftercare plan and follow-up contacts. The plan, the summary as it
 * stood and the three follow-ups are written in the discharge's own transaction
 * (episodes.ts dischargePatient); the rest are audited reads and the follow-up outcome.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { creditedMinutes, displayName } from '../attendance/attendance-rules.ts';
import { groupsOfPatients, rosteredSessions } from '../attendance/hours.store.ts';
import { materialiseGroups } from '../attendance/materialise.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { INSTRUMENTS, INSTRUMENT_IDS } from '../instruments/definitions.ts';
import { objectiveProgressOfEpisode } from '../plans/plan-progress.ts';
import { instrumentScoresOfEpisodes } from '../stepdown/stepdown.store.ts';
import { type LocalDate, compareDates, localDateOf } from '../time/local-time.ts';
import { followupStatus, followupsFor, normalisePlan } from './aftercare-rules.ts';
import type { Aftercare, AftercareInput, AftercarePlan, DischargeSummary, Followup, FollowupInput, FollowupsDue } from './aftercare.schemas.ts';
import {
  type FollowupRow,
  type SummaryEpisodeRow,
  aftercareRow,
  completeFollowup,
  followupRows,
  insertAftercarePlan,
  lockFollowup,
  openFollowupsAt,
  summaryEpisode,
} from './aftercare.store.ts';
import { summariseStay } from './discharge-summary.ts';

type Trx = Transaction<Database>;

const INSTRUMENT_NAMES = INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id].shortName] as const);

/** The stay's figures from admission through the discharge day (or today, while active). Reads only. */
async function computeSummary(trx: Trx, orgId: string, episode: SummaryEpisodeRow, now: Date): Promise<DischargeSummary> {
  const through = episode.discharged_on ?? localDateOf(now, episode.time_zone);
  const from = episode.admitted_on;
  let sessions: Awaited<ReturnType<typeof rosteredSessions>> = [];
  if (compareDates(from, through) <= 0) {
    // Past occurrences nobody opened are written now, so a missed session still counts as scheduled.
    await materialiseGroups(trx, orgId, await groupsOfPatients(trx, orgId, [episode.patient_id], from, through), from, through, now);
    sessions = await rosteredSessions(trx, orgId, [episode.patient_id], from, through);
  }
  const [responses, objectives] = await Promise.all([
    instrumentScoresOfEpisodes(trx, orgId, [episode.episode_id]),
    objectiveProgressOfEpisode(trx, orgId, episode.episode_id, now),
  ]);
  return summariseStay({
    admittedOn: episode.admitted_on,
    through,
    now,
    phaseReached: { phaseId: episode.phase_id, name: episode.phase_name },
    sessions: sessions.map((s) => ({
      status: s.status,
      endsAt: s.ends_at,
      attendance: s.attendance
        ? {
            status: s.attendance.status,
            minutes: creditedMinutes(
              { localDate: s.local_date, startsAt: s.starts_at, endsAt: s.ends_at },
              { status: s.attendance.status, minutesAttended: s.attendance.minutes_attended, checkedInAt: s.attendance.checked_in_at, checkedOutAt: s.attendance.checked_out_at },
              now,
            ),
          }
        : null,
    })),
    responses: responses.map((r) => ({ instrument: r.instrument, totalScore: r.total_score === null ? null : Number(r.total_score), severity: r.severity, administeredOn: r.administered_on })),
    instrumentNames: INSTRUMENT_NAMES,
    objectives: objectives.map((o) => ({ description: o.description, met: o.met })),
  });
}

/**
 * Saves the aftercare plan with the summary as it stands at discharge and the 30/60/90-day
 * follow-ups. Called inside the discharge transaction, after the episode is marked discharged.
 */
export async function recordAftercareAtDischarge(
  trx: Trx,
  audit: AuditContext,
  discharge: { episodeId: string; patientId: string; dischargedOn: LocalDate; createdBy: string; plan: AftercareInput },
  now: Date,
): Promise<void> {
  const episode = await summaryEpisode(trx, audit.orgId, discharge.episodeId);
  if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
  const summary = await computeSummary(trx, audit.orgId, episode, now);
  const followups = followupsFor(discharge.dischargedOn).map((f) => ({ ...f, followupId: randomUUID() }));
  await insertAftercarePlan(trx, audit.orgId, { episodeId: discharge.episodeId, patientId: discharge.patientId, summary, plan: normalisePlan(discharge.plan), createdBy: discharge.createdBy, followups }, now);
  await recordAudit(trx, audit, {
    action: 'create',
    entity: 'aftercare_plan',
    entityId: discharge.episodeId,
    patientId: discharge.patientId,
    details: { followups: followups.map((f) => ({ followupId: f.followupId, dueOn: f.dueOn })) },
  });
}

/** The summary of an episode: as saved at discharge when an aftercare plan was, else computed now. */
export async function dischargeSummary(deps: AppDeps, audit: AuditContext, episodeId: string): Promise<DischargeSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await summaryEpisode(trx, audit.orgId, episodeId);
    if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
    const saved = await aftercareRow(trx, audit.orgId, episodeId);
    const summary = saved ? (saved.summary as DischargeSummary) : await computeSummary(trx, audit.orgId, episode, deps.clock.now());
    await recordAudit(trx, audit, { action: 'read', entity: 'discharge_summary', entityId: episodeId, patientId: episode.patient_id, details: { saved: saved !== undefined } });
    return summary;
  });
}

function toFollowup(row: FollowupRow, today: LocalDate): Followup {
  return {
    followupId: row.followup_id,
    daysAfter: row.days_after,
    dueOn: row.due_on,
    status: followupStatus({ dueOn: row.due_on, completedOn: row.completed_on }, today),
    outcome: row.outcome,
    note: row.note,
    completedOn: row.completed_on,
    completedBy: row.completed_by && row.completed_by_name ? { staffId: row.completed_by, fullName: row.completed_by_name } : null,
  };
}

async function loadAftercare(trx: Trx, orgId: string, episodeId: string, now: Date): Promise<Aftercare | undefined> {
  const row = await aftercareRow(trx, orgId, episodeId);
  if (!row || !row.discharged_on || !row.discharge_reason) return undefined;
  const today = localDateOf(now, row.time_zone);
  return {
    episodeId: row.episode_id,
    patientId: row.patient_id,
    dischargedOn: row.discharged_on,
    dischargeReason: row.discharge_reason,
    summary: row.summary as DischargeSummary,
    plan: row.plan as AftercarePlan,
    createdBy: { staffId: row.created_by, fullName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    followups: (await followupRows(trx, orgId, episodeId)).map((f) => toFollowup(f, today)),
  };
}

const notFound = () => new AppError(404, 'aftercare_not_found', 'This episode has no aftercare plan (it is recorded at discharge).');

export async function readAftercare(deps: AppDeps, audit: AuditContext, episodeId: string): Promise<Aftercare> {
  return deps.db.transaction().execute(async (trx) => {
    const aftercare = await loadAftercare(trx, audit.orgId, episodeId, deps.clock.now());
    if (!aftercare) throw notFound();
    await recordAudit(trx, audit, { action: 'read', entity: 'aftercare_plan', entityId: episodeId, patientId: aftercare.patientId });
    return aftercare;
  });
}

/** Records how a follow-up contact went (again, to correct it). */
export async function recordFollowup(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, followupId: string, input: FollowupInput): Promise<Aftercare> {
  return deps.db.transaction().execute(async (trx) => {
    const plan = await aftercareRow(trx, actor.orgId, episodeId);
    if (!plan) throw notFound();
    const followup = await lockFollowup(trx, actor.orgId, episodeId, followupId);
    if (!followup) throw new AppError(404, 'followup_not_found', 'No such follow-up for this episode.');
    if (!canSeeFacility(actor, plan.facility_id)) throw new AppError(403, 'facility_forbidden', 'The episode’s program is at a facility you are not assigned to.');
    const now = deps.clock.now();
    const today = localDateOf(now, plan.time_zone);
    if (compareDates(input.completedOn, today) > 0) {
      throw new AppError(422, 'date_out_of_range', 'A contact is recorded once it has happened.', [{ path: 'completedOn', message: `is in the future (today is ${today})` }]);
    }
    if (plan.discharged_on && compareDates(input.completedOn, plan.discharged_on) < 0) {
      throw new AppError(422, 'date_out_of_range', 'A follow-up comes after the discharge.', [{ path: 'completedOn', message: `is before the discharge on ${plan.discharged_on}` }]);
    }
    await completeFollowup(trx, actor.orgId, followupId, { outcome: input.outcome, note: input.note?.trim() || null, completedOn: input.completedOn, completedBy: actor.staffId }, now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'aftercare_followup',
      entityId: followupId,
      patientId: plan.patient_id,
      details: { episodeId, daysAfter: followup.days_after, outcome: input.outcome, completedOn: input.completedOn, correction: followup.completed_on !== null },
    });
    return (await loadAftercare(trx, actor.orgId, episodeId, now))!;
  });
}

/** Follow-ups at the facility that are due or overdue and have no outcome yet: overdue first, then by due day. */
export async function followupsDue(deps: AppDeps, audit: AuditContext, facilityId: string): Promise<FollowupsDue> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, audit.orgId, facilityId);
    if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
    const today = localDateOf(deps.clock.now(), facility.time_zone);
    const items = (await openFollowupsAt(trx, audit.orgId, facilityId, today))
      .map((row) => ({
        followupId: row.followup_id,
        episodeId: row.episode_id,
        patientId: row.patient_id,
        patientName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }),
        mrn: row.mrn,
        programName: row.program_name,
        dischargedOn: row.discharged_on ?? row.due_on,
        daysAfter: row.days_after,
        dueOn: row.due_on,
        status: followupStatus({ dueOn: row.due_on, completedOn: null }, today) === 'overdue' ? ('overdue' as const) : ('due' as const),
      }))
      .sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue') || compareDates(a.dueOn, b.dueOn) || a.patientName.localeCompare(b.patientName));
    await recordAudit(trx, audit, { action: 'read', entity: 'aftercare_followups', entityId: facilityId, details: { today, patientIds: [...new Set(items.map((i) => i.patientId))] } });
    return { facilityId, today, items };
  });
}
