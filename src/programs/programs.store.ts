/** SQL for programs with their tracks and phases. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProgramPhasesTable, ProgramTracksTable, ProgramsTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Columns written from the program form. The care settings are optional: left out, a new
 * program takes the column defaults (migration 0009) and an edited one keeps its values.
 */
export type ProgramFields = Omit<ProgramsTable, 'org_id' | 'program_id' | 'created_at' | 'updated_at' | 'plan_review_days' | 'instrument_cadence'> & {
  plan_review_days?: number | undefined;
  /** jsonb as JSON text (schema.ts). */
  instrument_cadence?: string | undefined;
};

/** Drops the care settings the caller left out, so SQL neither writes nor overwrites them. */
function presentFields(fields: ProgramFields) {
  const { plan_review_days, instrument_cadence, ...rest } = fields;
  return {
    ...rest,
    ...(plan_review_days !== undefined ? { plan_review_days } : {}),
    ...(instrument_cadence !== undefined ? { instrument_cadence } : {}),
  };
}

export async function insertProgram(trx: Db, orgId: string, programId: string, fields: ProgramFields, now: Date): Promise<void> {
  await trx.insertInto('programs').values({ org_id: orgId, program_id: programId, ...presentFields(fields), created_at: now, updated_at: now }).execute();
}

export async function updateProgram(trx: Db, orgId: string, programId: string, fields: ProgramFields, now: Date): Promise<void> {
  await trx.updateTable('programs').set({ ...presentFields(fields), updated_at: now }).where('org_id', '=', orgId).where('program_id', '=', programId).execute();
}

export function getProgramRow(db: Db, orgId: string, programId: string) {
  return db
    .selectFrom('programs as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .selectAll('p')
    .select('f.name as facility_name')
    .where('p.org_id', '=', orgId)
    .where('p.program_id', '=', programId)
    .executeTakeFirst();
}

export function getProgramForUpdate(trx: Transaction<Database>, orgId: string, programId: string) {
  return trx.selectFrom('programs').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).forUpdate().executeTakeFirst();
}

export function listProgramRows(db: Db, orgId: string, scope: FacilityScope, filter: { facilityId?: string | undefined; includeInactive?: boolean | undefined }) {
  let query = db
    .selectFrom('programs as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .selectAll('p')
    .select('f.name as facility_name')
    .where('p.org_id', '=', orgId);
  if (scope.kind === 'assigned') {
    if (scope.facilityIds.length === 0) return Promise.resolve([]);
    query = query.where('p.facility_id', 'in', scope.facilityIds);
  }
  if (filter.facilityId) query = query.where('p.facility_id', '=', filter.facilityId);
  if (!filter.includeInactive) query = query.where('p.active', '=', true);
  return query.orderBy('f.name').orderBy('p.name').execute();
}

export function tracksOf(db: Db, orgId: string, programIds: readonly string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('program_tracks').selectAll().where('org_id', '=', orgId).where('program_id', 'in', programIds).orderBy('starts_at').execute();
}

export function phasesOf(db: Db, orgId: string, programIds: readonly string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('program_phases').selectAll().where('org_id', '=', orgId).where('program_id', 'in', programIds).orderBy('position').execute();
}

/** Replaces the program's tracks: kept ids are updated, new ones inserted, missing ones removed. */
export async function replaceTracks(trx: Transaction<Database>, orgId: string, programId: string, tracks: readonly Omit<ProgramTracksTable, 'org_id' | 'program_id'>[]): Promise<void> {
  const keep = tracks.map((t) => t.track_id);
  let remove = trx.deleteFrom('program_tracks').where('org_id', '=', orgId).where('program_id', '=', programId);
  if (keep.length) remove = remove.where('track_id', 'not in', keep);
  await remove.execute();
  for (const track of tracks) {
    await trx
      .insertInto('program_tracks')
      .values({ org_id: orgId, program_id: programId, ...track })
      .onConflict((oc) => oc.columns(['org_id', 'track_id']).doUpdateSet({ kind: track.kind, name: track.name, starts_at: track.starts_at, ends_at: track.ends_at, days_of_week: track.days_of_week }))
      .execute();
  }
}

export type PhaseWrite = Omit<ProgramPhasesTable, 'org_id' | 'program_id' | 'advancement_criteria'> & {
  /** jsonb as JSON text, or null (no automatic step-down); undefined keeps an existing phase's criteria. */
  advancement_criteria?: string | null | undefined;
};

/**
 * Replaces the program's phases, keeping phase ids stable (episodes of care will point at
 * them). Positions are checked at commit (deferred constraint), so phases can be reordered.
 */
export async function replacePhases(trx: Transaction<Database>, orgId: string, programId: string, phases: readonly PhaseWrite[]): Promise<void> {
  const keep = phases.map((p) => p.phase_id);
  let remove = trx.deleteFrom('program_phases').where('org_id', '=', orgId).where('program_id', '=', programId);
  if (keep.length) remove = remove.where('phase_id', 'not in', keep);
  await remove.execute();
  for (const { advancement_criteria, ...phase } of phases) {
    const criteria = advancement_criteria === undefined ? {} : { advancement_criteria };
    await trx
      .insertInto('program_phases')
      .values({ org_id: orgId, program_id: programId, ...phase, ...criteria })
      .onConflict((oc) =>
        oc.columns(['org_id', 'phase_id']).doUpdateSet({
          position: phase.position,
          name: phase.name,
          required_days_per_week: phase.required_days_per_week,
          min_hours_per_week: phase.min_hours_per_week,
          max_hours_per_week: phase.max_hours_per_week,
          ...criteria,
        }),
      )
      .execute();
  }
}

/** Phase / track ids that belong to this program (an id from another program is refused). */
export async function ownedChildIds(db: Db, orgId: string, programId: string) {
  const [tracks, phases] = await Promise.all([
    db.selectFrom('program_tracks').select('track_id').where('org_id', '=', orgId).where('program_id', '=', programId).execute(),
    db.selectFrom('program_phases').select('phase_id').where('org_id', '=', orgId).where('program_id', '=', programId).execute(),
  ]);
  return { trackIds: new Set(tracks.map((t) => t.track_id)), phaseIds: new Set(phases.map((p) => p.phase_id)) };
}

export async function programNameTaken(db: Db, orgId: string, facilityId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('programs')
    .select('program_id')
    .where('org_id', '=', orgId)
    .where('facility_id', '=', facilityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()));
  if (exceptId) query = query.where('program_id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
