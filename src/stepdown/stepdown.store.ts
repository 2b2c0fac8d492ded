/**
 * SQL for step-down: the episodes to evaluate with their phase and facility week, the
 * programs' phases with their criteria, instrument scores, and decisions. Set-based: a
 * fixed number of queries for a whole facility.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, InstrumentId, StepDirection } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Episodes with what evaluation needs: program, current phase and its band, facility zone and week, patient, when the phase began. */
export function stepDownEpisodes(db: Db, orgId: string, filter: { facilityId: string } | { episodeIds: readonly string[] }) {
  let query = db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'e.org_id').onRef('ph.phase_id', '=', 'e.phase_id'))
    .innerJoin('patients as pt', (join) => join.onRef('pt.org_id', '=', 'e.org_id').onRef('pt.patient_id', '=', 'e.patient_id'))
    .select([
      'e.episode_id', 'e.patient_id', 'e.program_id', 'e.phase_id', 'e.status', 'e.admitted_on', 'e.discharged_on',
      'pr.name as program_name', 'pr.facility_id', 'f.time_zone', 'f.week_starts_on',
      'ph.name as phase_name', 'ph.min_hours_per_week', 'ph.max_hours_per_week', 'ph.required_days_per_week',
      'pt.mrn', 'pt.legal_given_name', 'pt.legal_family_name', 'pt.preferred_name',
      sql<string>`coalesce((select max(h.effective_on)::text from episode_phases h where h.org_id = e.org_id and h.episode_id = e.episode_id), e.admitted_on::text)`.as('phase_started_on'),
    ])
    .where('e.org_id', '=', orgId);
  if ('facilityId' in filter) {
    query = query.where('pr.facility_id', '=', filter.facilityId).where('e.status', '=', 'active');
  } else {
    if (filter.episodeIds.length === 0) return Promise.resolve([]);
    query = query.where('e.episode_id', 'in', filter.episodeIds);
  }
  return query.execute();
}
export type StepDownEpisodeRow = Awaited<ReturnType<typeof stepDownEpisodes>>[number];

/** Every phase of the programs, in program order, with its advancement criteria. */
export function phasesOfPrograms(db: Db, orgId: string, programIds: readonly string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('program_phases')
    .select(['program_id', 'phase_id', 'position', 'name', 'advancement_criteria'])
    .where('org_id', '=', orgId)
    .where('program_id', 'in', programIds)
    .orderBy('program_id')
    .orderBy('position')
    .execute();
}
export type ProgramPhaseRow = Awaited<ReturnType<typeof phasesOfPrograms>>[number];

/** Scored responses of the episodes (oldest first), optionally only some instruments. */
export function instrumentScoresOfEpisodes(db: Db, orgId: string, episodeIds: readonly string[], instruments?: readonly InstrumentId[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('instrument_responses')
    .select(['episode_id', 'instrument', 'total_score', 'severity', 'administered_on', 'administered_at'])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds);
  if (instruments) query = query.where('instrument', 'in', instruments);
  return query.orderBy('administered_at').orderBy('created_at').execute();
}

/** Decisions already taken for the episodes' evaluated week. */
export function decisionsForWeek(db: Db, orgId: string, episodeIds: readonly string[], weekStart: LocalDate) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('step_down_decisions')
    .select(['episode_id', 'direction'])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds)
    .where('week_start', '=', weekStart)
    .execute();
}

/** An episode's decisions, newest first, with the phases' and decider's names. */
export function decisionRows(db: Db, orgId: string, filter: { episodeId: string } | { decisionId: string }) {
  let query = db
    .selectFrom('step_down_decisions as d')
    .innerJoin('program_phases as fp', (join) => join.onRef('fp.org_id', '=', 'd.org_id').onRef('fp.phase_id', '=', 'd.from_phase_id'))
    .leftJoin('program_phases as tp', (join) => join.onRef('tp.org_id', '=', 'd.org_id').onRef('tp.phase_id', '=', 'd.to_phase_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'd.org_id').onRef('s.staff_id', '=', 'd.decided_by'))
    .selectAll('d')
    .select(['fp.name as from_phase_name', 'tp.name as to_phase_name', 's.full_name as decided_by_name'])
    .where('d.org_id', '=', orgId);
  query = 'episodeId' in filter ? query.where('d.episode_id', '=', filter.episodeId) : query.where('d.decision_id', '=', filter.decisionId);
  return query.orderBy('d.decided_at', 'desc').execute();
}
export type DecisionRow = Awaited<ReturnType<typeof decisionRows>>[number];

export async function decisionExists(db: Db, orgId: string, episodeId: string, weekStart: LocalDate, direction: StepDirection): Promise<boolean> {
  const row = await db
    .selectFrom('step_down_decisions')
    .select('decision_id')
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('week_start', '=', weekStart)
    .where('direction', '=', direction)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDecision(
  trx: Db,
  orgId: string,
  row: {
    decisionId: string; episodeId: string; patientId: string; weekStart: LocalDate; direction: StepDirection; fromPhaseId: string; toPhaseId: string | null;
    evidence: unknown; decision: 'approved' | 'declined'; reason: string | null; decidedBy: string;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('step_down_decisions')
    .values({
      org_id: orgId, decision_id: row.decisionId, episode_id: row.episodeId, patient_id: row.patientId, week_start: row.weekStart, direction: row.direction,
      from_phase_id: row.fromPhaseId, to_phase_id: row.toPhaseId, evidence: JSON.stringify(row.evidence), decision: row.decision, reason: row.reason,
      decided_by: row.decidedBy, decided_at: now,
    })
    .execute();
}
