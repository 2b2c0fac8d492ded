/** SQL for discharge summaries, aftercare plans and their follow-up contacts. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The episode with its phase name and its program's facility (zone), for a summary. */
export function summaryEpisode(db: Db, orgId: string, episodeId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'e.org_id').onRef('ph.phase_id', '=', 'e.phase_id'))
    .select(['e.episode_id', 'e.patient_id', 'e.status', 'e.admitted_on', 'e.discharged_on', 'e.discharge_reason', 'e.phase_id', 'ph.name as phase_name', 'pr.facility_id', 'f.time_zone'])
    .where('e.org_id', '=', orgId)
    .where('e.episode_id', '=', episodeId)
    .executeTakeFirst();
}
export type SummaryEpisodeRow = NonNullable<Awaited<ReturnType<typeof summaryEpisode>>>;

export async function insertAftercarePlan(
  trx: Db,
  orgId: string,
  row: { episodeId: string; patientId: string; summary: unknown; plan: unknown; createdBy: string; followups: { followupId: string; daysAfter: 30 | 60 | 90; dueOn: LocalDate }[] },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('aftercare_plans')
    .values({ org_id: orgId, episode_id: row.episodeId, patient_id: row.patientId, summary: JSON.stringify(row.summary), plan: JSON.stringify(row.plan), created_by: row.createdBy, created_at: now })
    .execute();
  await trx
    .insertInto('aftercare_followups')
    .values(row.followups.map((f) => ({
      org_id: orgId, followup_id: f.followupId, episode_id: row.episodeId, patient_id: row.patientId, days_after: f.daysAfter, due_on: f.dueOn,
      outcome: null, note: null, completed_on: null, completed_by: null, updated_at: now,
    })))
    .execute();
}

/** The stored plan with its episode's discharge and its author's name. */
export function aftercareRow(db: Db, orgId: string, episodeId: string) {
  return db
    .selectFrom('aftercare_plans as a')
    .innerJoin('episodes as e', (join) => join.onRef('e.org_id', '=', 'a.org_id').onRef('e.episode_id', '=', 'a.episode_id'))
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'a.org_id').onRef('s.staff_id', '=', 'a.created_by'))
    .select(['a.episode_id', 'a.patient_id', 'a.summary', 'a.plan', 'a.created_by', 's.full_name as created_by_name', 'a.created_at', 'e.discharged_on', 'e.discharge_reason', 'pr.facility_id', 'f.time_zone'])
    .where('a.org_id', '=', orgId)
    .where('a.episode_id', '=', episodeId)
    .executeTakeFirst();
}

export function followupRows(db: Db, orgId: string, episodeId: string) {
  return db
    .selectFrom('aftercare_followups as fu')
    .leftJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'fu.org_id').onRef('s.staff_id', '=', 'fu.completed_by'))
    .selectAll('fu')
    .select('s.full_name as completed_by_name')
    .where('fu.org_id', '=', orgId)
    .where('fu.episode_id', '=', episodeId)
    .orderBy('fu.days_after')
    .execute();
}
export type FollowupRow = Awaited<ReturnType<typeof followupRows>>[number];

export function lockFollowup(trx: Transaction<Database>, orgId: string, episodeId: string, followupId: string) {
  return trx
    .selectFrom('aftercare_followups')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('followup_id', '=', followupId)
    .forUpdate()
    .executeTakeFirst();
}

export async function completeFollowup(
  trx: Db,
  orgId: string,
  followupId: string,
  outcome: { outcome: NonNullable<Database['aftercare_followups']['outcome']>; note: string | null; completedOn: LocalDate; completedBy: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('aftercare_followups')
    .set({ outcome: outcome.outcome, note: outcome.note, completed_on: outcome.completedOn, completed_by: outcome.completedBy, updated_at: now })
    .where('org_id', '=', orgId)
    .where('followup_id', '=', followupId)
    .execute();
}

/** Open follow-ups due on or before `through` for episodes of the facility's programs, with the patient. */
export function openFollowupsAt(db: Db, orgId: string, facilityId: string, through: LocalDate) {
  return db
    .selectFrom('aftercare_followups as fu')
    .innerJoin('episodes as e', (join) => join.onRef('e.org_id', '=', 'fu.org_id').onRef('e.episode_id', '=', 'fu.episode_id'))
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('patients as pt', (join) => join.onRef('pt.org_id', '=', 'fu.org_id').onRef('pt.patient_id', '=', 'fu.patient_id'))
    .select([
      'fu.followup_id', 'fu.episode_id', 'fu.patient_id', 'fu.days_after', 'fu.due_on', 'e.discharged_on', 'pr.name as program_name',
      'pt.mrn', 'pt.legal_given_name', 'pt.legal_family_name', 'pt.preferred_name',
    ])
    .where('fu.org_id', '=', orgId)
    .where('pr.facility_id', '=', facilityId)
    .where('fu.completed_on', 'is', null)
    .where('fu.due_on', '<=', through)
    .orderBy('fu.due_on')
    .execute();
}
