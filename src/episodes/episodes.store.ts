/** SQL for episodes of care, their phase history, and the census. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, DischargeReason, EpisodesTable } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function getEpisodeRow(db: Db, orgId: string, episodeId: string) {
  return db.selectFrom('episodes').selectAll().where('org_id', '=', orgId).where('episode_id', '=', episodeId).executeTakeFirst();
}

/** The episode, locked, with its program's facility (id and time zone) and the last phase change day. */
export function lockEpisode(trx: Transaction<Database>, orgId: string, episodeId: string) {
  return trx
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .selectAll('e')
    .select(['f.time_zone', 'pr.facility_id as program_facility_id', sql<string>`(select max(h.effective_on)::text from episode_phases h where h.org_id = e.org_id and h.episode_id = e.episode_id)`.as('last_phase_change_on')])
    .where('e.org_id', '=', orgId)
    .where('e.episode_id', '=', episodeId)
    .forUpdate('e')
    .executeTakeFirst();
}

/** The program an admission names, with its facility's time zone. */
export function programForAdmission(db: Db, orgId: string, programId: string) {
  return db
    .selectFrom('programs as pr')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .select(['pr.program_id', 'pr.name', 'pr.facility_id', 'pr.active', 'pr.asam_edition', 'pr.level_of_care', 'pr.expected_length_of_stay_days', 'f.time_zone'])
    .where('pr.org_id', '=', orgId)
    .where('pr.program_id', '=', programId)
    .executeTakeFirst();
}

export async function phaseOfProgram(db: Db, orgId: string, programId: string, phaseId: string): Promise<boolean> {
  const row = await db.selectFrom('program_phases').select('phase_id').where('org_id', '=', orgId).where('program_id', '=', programId).where('phase_id', '=', phaseId).executeTakeFirst();
  return row !== undefined;
}

export async function trackOfProgram(db: Db, orgId: string, programId: string, trackId: string): Promise<boolean> {
  const row = await db.selectFrom('program_tracks').select('track_id').where('org_id', '=', orgId).where('program_id', '=', programId).where('track_id', '=', trackId).executeTakeFirst();
  return row !== undefined;
}

export function staffStatusAndRoles(db: Db, orgId: string, staffId: string) {
  return db.selectFrom('staff').select(['status', 'roles']).where('org_id', '=', orgId).where('staff_id', '=', staffId).executeTakeFirst();
}

export async function activeEpisodeInProgram(db: Db, orgId: string, patientId: string, programId: string): Promise<boolean> {
  const row = await db
    .selectFrom('episodes')
    .select('episode_id')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('program_id', '=', programId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export type NewEpisode = Omit<EpisodesTable, 'org_id' | 'created_at' | 'updated_at' | 'status' | 'discharged_on' | 'discharge_reason' | 'discharge_summary'>;

export async function insertEpisode(trx: Db, orgId: string, episode: NewEpisode, now: Date): Promise<void> {
  await trx
    .insertInto('episodes')
    .values({ org_id: orgId, ...episode, status: 'active', discharged_on: null, discharge_reason: null, discharge_summary: null, created_at: now, updated_at: now })
    .execute();
}

/** Records the phase in force from a day; a second change on the same day replaces the first. */
export async function recordPhase(
  trx: Db,
  orgId: string,
  row: { episodeId: string; effectiveOn: LocalDate; phaseId: string; changedBy: string; reason: string | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('episode_phases')
    .values({ org_id: orgId, episode_id: row.episodeId, effective_on: row.effectiveOn, phase_id: row.phaseId, changed_by: row.changedBy, changed_at: now, reason: row.reason })
    .onConflict((oc) => oc.columns(['org_id', 'episode_id', 'effective_on']).doUpdateSet({ phase_id: row.phaseId, changed_by: row.changedBy, changed_at: now, reason: row.reason }))
    .execute();
}

export async function setEpisodePhase(trx: Db, orgId: string, episodeId: string, phaseId: string, now: Date): Promise<void> {
  await trx.updateTable('episodes').set({ phase_id: phaseId, updated_at: now }).where('org_id', '=', orgId).where('episode_id', '=', episodeId).execute();
}

export async function dischargeEpisode(
  trx: Db,
  orgId: string,
  episodeId: string,
  discharge: { dischargedOn: LocalDate; reason: DischargeReason; summary: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('episodes')
    .set({ status: 'discharged', discharged_on: discharge.dischargedOn, discharge_reason: discharge.reason, discharge_summary: discharge.summary, updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .execute();
}

/**
 * Ends the episode's current and waitlisted group places on the discharge day. A place
 * due to end earlier keeps its end. One that had not started yet never held a seat: it
 * ends on its start day (ends_on may not precede starts_on) without a seat (seated_on
 * NULL), so it never puts the patient on a roster. Returns how many were ended.
 */
export async function endEnrollmentsOfEpisode(trx: Db, orgId: string, episodeId: string, endsOn: LocalDate, now: Date): Promise<number> {
  const rows = await trx
    .updateTable('group_enrollments')
    .set({
      status: 'ended',
      ends_on: sql`case when starts_on > ${endsOn}::date then starts_on else least(coalesce(ends_on, ${endsOn}::date), ${endsOn}::date) end`,
      seated_on: sql`case when seated_on > ${endsOn}::date then null else seated_on end`,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('status', 'in', ['enrolled', 'waitlisted'])
    .returning('enrollment_id')
    .execute();
  return rows.length;
}

/** Episodes with the names an Episode answer shows. */
export function episodeViewRows(db: Db, orgId: string, filter: { patientId: string } | { episodeId: string }) {
  let query = db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'e.org_id').onRef('ph.phase_id', '=', 'e.phase_id'))
    .leftJoin('program_tracks as t', (join) => join.onRef('t.org_id', '=', 'e.org_id').onRef('t.track_id', '=', 'e.track_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'e.org_id').onRef('s.staff_id', '=', 'e.primary_clinician_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .selectAll('e')
    .select([
      'pr.name as program_name',
      'pr.facility_id',
      'f.time_zone',
      'ph.name as phase_name',
      'ph.min_hours_per_week',
      'ph.max_hours_per_week',
      'ph.required_days_per_week',
      't.name as track_name',
      's.full_name as clinician_name',
    ])
    .where('e.org_id', '=', orgId);
  query = 'patientId' in filter ? query.where('e.patient_id', '=', filter.patientId) : query.where('e.episode_id', '=', filter.episodeId);
  return query.orderBy('e.admitted_on', 'desc').orderBy('e.created_at', 'desc').execute();
}
export type EpisodeViewRow = Awaited<ReturnType<typeof episodeViewRows>>[number];

export function phaseHistoryRows(db: Db, orgId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('episode_phases as h')
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'h.org_id').onRef('ph.phase_id', '=', 'h.phase_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'h.org_id').onRef('s.staff_id', '=', 'h.changed_by'))
    .select(['h.episode_id', 'h.effective_on', 'h.phase_id', 'ph.name as phase_name', 'h.reason', 's.full_name as changed_by_name'])
    .where('h.org_id', '=', orgId)
    .where('h.episode_id', 'in', episodeIds)
    .orderBy('h.effective_on')
    .execute();
}

/** The program with its facility's zone, phases and tracks, for the census. */
export async function censusProgram(db: Db, orgId: string, programId: string) {
  const program = await programForAdmission(db, orgId, programId);
  if (!program) return undefined;
  const [phases, tracks] = await Promise.all([
    db.selectFrom('program_phases').select(['phase_id', 'name']).where('org_id', '=', orgId).where('program_id', '=', programId).orderBy('position').execute(),
    db.selectFrom('program_tracks').select(['track_id', 'name']).where('org_id', '=', orgId).where('program_id', '=', programId).orderBy('starts_at').execute(),
  ]);
  return { program, phases, tracks };
}

/** Active episodes, and those admitted or discharged since `since`, with patient and clinician names. */
export function censusEpisodeRows(db: Db, orgId: string, programId: string, since: LocalDate) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.patient_id', '=', 'e.patient_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'e.org_id').onRef('s.staff_id', '=', 'e.primary_clinician_id'))
    .select([
      'e.patient_id',
      'e.status',
      'e.phase_id',
      'e.track_id',
      'e.admitted_on',
      'e.discharged_on',
      'e.discharge_reason',
      'p.mrn',
      'p.legal_given_name',
      'p.legal_family_name',
      'p.preferred_name',
      's.full_name as clinician_name',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.program_id', '=', programId)
    .where((eb) => eb.or([eb('e.status', '=', 'active'), eb('e.admitted_on', '>=', since), eb('e.discharged_on', '>=', since)]))
    .execute();
}

/** Extensions of the expected stay, oldest first, with who extended. */
export function stayExtensionRows(db: Db, orgId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('episode_stay_extensions as x')
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'x.org_id').onRef('s.staff_id', '=', 'x.extended_by'))
    .select(['x.episode_id', 'x.previous_expected_on', 'x.new_expected_on', 'x.reason', 'x.extended_by', 's.full_name as extended_by_name', 'x.created_at'])
    .where('x.org_id', '=', orgId)
    .where('x.episode_id', 'in', episodeIds)
    .orderBy('x.created_at')
    .execute();
}

/** Records an extension and moves the episode's expected discharge in the same statement order. */
export async function extendExpectedDischarge(
  trx: Db,
  orgId: string,
  row: { extensionId: string; episodeId: string; previousExpectedOn: LocalDate; newExpectedOn: LocalDate; reason: string; extendedBy: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('episode_stay_extensions')
    .values({
      org_id: orgId, extension_id: row.extensionId, episode_id: row.episodeId, previous_expected_on: row.previousExpectedOn, new_expected_on: row.newExpectedOn,
      reason: row.reason, extended_by: row.extendedBy, created_at: now,
    })
    .execute();
  await trx.updateTable('episodes').set({ expected_discharge_on: row.newExpectedOn, updated_at: now }).where('org_id', '=', orgId).where('episode_id', '=', row.episodeId).execute();
}
