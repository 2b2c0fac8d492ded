/** SQL for instrument responses and the episodes whose cadence decides what is due. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, InstrumentId, InstrumentResponsesTable } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Episodes with what due lists and response entry need: program name and cadence, the program facility's zone. */
function episodeQuery(db: Db, orgId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .select([
      'e.episode_id',
      'e.patient_id',
      'e.status',
      'e.admitted_on',
      'e.expected_discharge_on',
      'pr.name as program_name',
      'pr.instrument_cadence',
      'pr.facility_id',
      'f.time_zone',
    ])
    .where('e.org_id', '=', orgId);
}
export type CadenceEpisodeRow = Awaited<ReturnType<ReturnType<typeof episodeQuery>['execute']>>[number];

/** One episode of the patient (any status), or undefined when it is not theirs. */
export function episodeOfPatient(db: Db, orgId: string, patientId: string, episodeId: string) {
  return episodeQuery(db, orgId).where('e.patient_id', '=', patientId).where('e.episode_id', '=', episodeId).executeTakeFirst();
}

/** The patient's active episodes, earliest admission first. */
export function activeEpisodesOfPatient(db: Db, orgId: string, patientId: string) {
  return episodeQuery(db, orgId).where('e.patient_id', '=', patientId).where('e.status', '=', 'active').orderBy('e.admitted_on').orderBy('e.episode_id').execute();
}

/** Active episodes of programs at a facility, with the patient's names and MRN (one query for the worklist). */
export function activeEpisodesAtFacility(db: Db, orgId: string, facilityId: string) {
  return episodeQuery(db, orgId)
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.patient_id', '=', 'e.patient_id'))
    .select(['p.legal_given_name', 'p.legal_family_name', 'p.preferred_name', 'p.mrn'])
    .where('pr.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .execute();
}

/** What scoring, day arithmetic and alerts need of the patient: sex at birth, the registering facility and its zone. */
export function patientForInstruments(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['p.patient_id', 'p.sex_at_birth', 'p.facility_id', 'f.time_zone'])
    .where('p.org_id', '=', orgId)
    .where('p.patient_id', '=', patientId)
    .executeTakeFirst();
}

export type NewResponse = Omit<InstrumentResponsesTable, 'org_id' | 'answers' | 'subscales' | 'created_at'> & {
  answers: readonly unknown[];
  subscales: Record<string, number> | null;
};

export async function insertResponse(trx: Db, orgId: string, row: NewResponse, now: Date): Promise<void> {
  await trx
    .insertInto('instrument_responses')
    .values({ ...row, org_id: orgId, answers: JSON.stringify(row.answers), subscales: JSON.stringify(row.subscales), created_at: now })
    .execute();
}

/** Responses with the name of the staff member who gave them, oldest first. */
export function responseRows(db: Db, orgId: string, filter: { responseId: string } | { patientId: string; instrument?: InstrumentId | undefined; episodeId?: string | undefined }) {
  let query = db
    .selectFrom('instrument_responses as r')
    .leftJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'r.org_id').onRef('s.staff_id', '=', 'r.administered_by'))
    .selectAll('r')
    .select('s.full_name as administered_by_name')
    .where('r.org_id', '=', orgId);
  if ('responseId' in filter) query = query.where('r.response_id', '=', filter.responseId);
  else {
    query = query.where('r.patient_id', '=', filter.patientId);
    if (filter.instrument) query = query.where('r.instrument', '=', filter.instrument);
    if (filter.episodeId) query = query.where('r.episode_id', '=', filter.episodeId);
  }
  return query.orderBy('r.administered_at').orderBy('r.created_at').execute();
}
export type ResponseRow = Awaited<ReturnType<typeof responseRows>>[number];

/** The days each patient completed each instrument, from a day on (what due lists need). */
export function responseDaysOfPatients(db: Db, orgId: string, patientIds: readonly string[], from: LocalDate) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_responses')
    .select(['patient_id', 'instrument', 'administered_on'])
    .where('org_id', '=', orgId)
    .where('patient_id', 'in', patientIds)
    .where('administered_on', '>=', from)
    .execute();
}

/** One score of an episode (responsesOfEpisodes). */
export interface EpisodeScoreRow {
  episode_id: string;
  patient_id: string;
  instrument: InstrumentId;
  total_score: number | null;
  severity: string | null;
  administered_on: LocalDate;
  administered_at: Date;
  flags: string[];
}

/**
 * Scores of the given episodes, oldest first, for progress, step-down and discharge figures.
 * Optionally only some instruments. Reads only; the caller audits.
 */
export async function responsesOfEpisodes(db: Db, orgId: string, episodeIds: readonly string[], instruments?: readonly InstrumentId[]): Promise<EpisodeScoreRow[]> {
  if (episodeIds.length === 0 || instruments?.length === 0) return [];
  let query = db
    .selectFrom('instrument_responses')
    .select(['episode_id', 'patient_id', 'instrument', 'total_score', 'severity', 'administered_on', 'administered_at', 'flags'])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds);
  if (instruments) query = query.where('instrument', 'in', instruments);
  const rows = await query.orderBy('administered_at').orderBy('created_at').execute();
  return rows.map((row) => ({ ...row, episode_id: row.episode_id! }));
}
