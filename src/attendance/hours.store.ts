/**
 * SQL behind weekly hours: episodes with their phase bands, and the sessions patients are
 * rostered on with their attendance. Set-based: a fixed number of queries for any number
 * of patients (the facility compliance list reads ~500 at once).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AttendanceStatus, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The zone and week of the facility of the patient's most recent episode, else of the registering facility. */
export async function hoursFacilityOf(db: Db, orgId: string, patientId: string) {
  const fromEpisode = await db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['f.facility_id', 'f.time_zone', 'f.week_starts_on'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .orderBy('e.admitted_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (fromEpisode) return fromEpisode;
  return db
    .selectFrom('patients as pt')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pt.org_id').onRef('f.facility_id', '=', 'pt.facility_id'))
    .select(['f.facility_id', 'f.time_zone', 'f.week_starts_on'])
    .where('pt.org_id', '=', orgId)
    .where('pt.patient_id', '=', patientId)
    .executeTakeFirst();
}

function episodeRows(db: Db, orgId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'e.org_id').onRef('ph.phase_id', '=', 'e.phase_id'))
    .innerJoin('patients as pt', (join) => join.onRef('pt.org_id', '=', 'e.org_id').onRef('pt.patient_id', '=', 'e.patient_id'))
    .select([
      'e.episode_id', 'e.patient_id', 'e.admitted_on', 'e.discharged_on', 'e.status', 'p.facility_id', 'p.name as program_name',
      'ph.name as phase_name', 'ph.min_hours_per_week', 'ph.max_hours_per_week', 'ph.required_days_per_week',
      'pt.mrn', 'pt.legal_given_name', 'pt.legal_family_name', 'pt.preferred_name',
    ])
    .where('e.org_id', '=', orgId);
}
export type EpisodeBandRow = Awaited<ReturnType<ReturnType<typeof episodeRows>['execute']>>[number];

/** Every episode of these patients, with the current phase's band. */
export function episodesOfPatients(db: Db, orgId: string, patientIds: readonly string[]): Promise<EpisodeBandRow[]> {
  if (patientIds.length === 0) return Promise.resolve([]);
  return episodeRows(db, orgId).where('e.patient_id', 'in', patientIds).orderBy('e.admitted_on').execute();
}

/** Active episodes at the programs of a facility. */
export function activeEpisodesAt(db: Db, orgId: string, facilityId: string): Promise<EpisodeBandRow[]> {
  return episodeRows(db, orgId).where('p.facility_id', '=', facilityId).where('e.status', '=', 'active').execute();
}

/** Phase history (episode_phases) with each phase's band. */
export function phaseHistoryOf(db: Db, orgId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('episode_phases as h')
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'h.org_id').onRef('ph.phase_id', '=', 'h.phase_id'))
    .select(['h.episode_id', 'h.effective_on', 'ph.name', 'ph.min_hours_per_week', 'ph.max_hours_per_week', 'ph.required_days_per_week'])
    .where('h.org_id', '=', orgId)
    .where('h.episode_id', 'in', episodeIds)
    .execute();
}

export interface RosteredSessionRow {
  readonly patient_id: string;
  readonly session_id: string;
  readonly local_date: string;
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly status: 'scheduled' | 'cancelled';
  readonly attendance: { status: AttendanceStatus; minutes_attended: number; checked_in_at: Date | null; checked_out_at: Date | null } | null;
}

/**
 * The sessions in [from, to] each patient is rostered on (as the board defines a roster:
 * group enrolment covering the day, own individual/family session, or attendance recorded),
 * with the patient's attendance. Three queries whatever the number of patients.
 */
export async function rosteredSessions(db: Db, orgId: string, patientIds: readonly string[], from: string, to: string): Promise<RosteredSessionRow[]> {
  if (patientIds.length === 0) return [];
  const sessionColumns = ['s.session_id', 's.local_date', 's.starts_at', 's.ends_at', 's.status'] as const;
  const [enrolled, own, attended] = await Promise.all([
    db
      .selectFrom('sessions as s')
      .innerJoin('group_enrollments as ge', (join) => join.onRef('ge.org_id', '=', 's.org_id').onRef('ge.group_id', '=', 's.group_id'))
      .select([...sessionColumns, 'ge.patient_id'])
      .where('s.org_id', '=', orgId)
      .where('ge.patient_id', 'in', patientIds)
      .where('s.local_date', '>=', from)
      .where('s.local_date', '<=', to)
      // Held a seat that day (seated_on, 0006): never a waitlist place, ended or not.
      .where('ge.status', 'in', ['enrolled', 'ended'])
      .where('ge.seated_on', 'is not', null)
      .whereRef('ge.seated_on', '<=', 's.local_date')
      .where((eb) => eb.or([eb('ge.ends_on', 'is', null), eb('ge.ends_on', '>=', eb.ref('s.local_date'))]))
      .execute(),
    db
      .selectFrom('sessions as s')
      .select([...sessionColumns, 's.patient_id'])
      .where('s.org_id', '=', orgId)
      .where('s.patient_id', 'in', patientIds)
      .where('s.local_date', '>=', from)
      .where('s.local_date', '<=', to)
      .execute(),
    db
      .selectFrom('attendance as a')
      .innerJoin('sessions as s', (join) => join.onRef('s.org_id', '=', 'a.org_id').onRef('s.session_id', '=', 'a.session_id'))
      .select([...sessionColumns, 'a.patient_id', 'a.status as attendance_status', 'a.minutes_attended', 'a.checked_in_at', 'a.checked_out_at'])
      .where('a.org_id', '=', orgId)
      .where('a.patient_id', 'in', patientIds)
      .where('s.local_date', '>=', from)
      .where('s.local_date', '<=', to)
      .execute(),
  ]);
  const rows = new Map<string, RosteredSessionRow>();
  for (const a of attended) {
    rows.set(`${a.patient_id}|${a.session_id}`, { ...a, attendance: { status: a.attendance_status, minutes_attended: a.minutes_attended, checked_in_at: a.checked_in_at, checked_out_at: a.checked_out_at } });
  }
  for (const s of [...enrolled, ...own]) {
    if (!s.patient_id) continue;
    const key = `${s.patient_id}|${s.session_id}`;
    if (!rows.has(key)) rows.set(key, { ...s, patient_id: s.patient_id, attendance: null });
  }
  return [...rows.values()];
}

/** Groups in which these patients held a seat on some day of [from, to] (to materialise their occurrences). */
export async function groupsOfPatients(db: Db, orgId: string, patientIds: readonly string[], from: string, to: string): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const rows = await db
    .selectFrom('group_enrollments as ge')
    .select('ge.group_id')
    .distinct()
    .where('ge.org_id', '=', orgId)
    .where('ge.patient_id', 'in', patientIds)
    .where('ge.status', 'in', ['enrolled', 'ended'])
    .where('ge.seated_on', 'is not', null)
    .where('ge.seated_on', '<=', to)
    .where((eb) => eb.or([eb('ge.ends_on', 'is', null), eb('ge.ends_on', '>=', from)]))
    .execute();
  return rows.map((r) => r.group_id);
}
