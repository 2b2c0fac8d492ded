/** SQL for daily check-ins and the patient facts they need (where the patient is treated). */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { CheckinSource, Database, MedicationTaken } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The patient with the registering facility's zone, or undefined. */
export function patientForCheckin(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (j) => j.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['p.patient_id', 'p.facility_id', 'f.time_zone'])
    .where('p.org_id', '=', orgId)
    .where('p.patient_id', '=', patientId)
    .executeTakeFirst();
}

/** The patient's active episodes with their program's facility and its zone. */
export function activeEpisodePlaces(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (j) => j.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (j) => j.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .select(['e.episode_id as episodeId', 'pr.facility_id as facilityId', 'f.time_zone as timeZone', 'e.admitted_on as admittedOn'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .where('e.status', '=', 'active')
    .execute();
}

export function facilityZone(db: Db, orgId: string, facilityId: string) {
  return db.selectFrom('facilities').select(['facility_id', 'time_zone']).where('org_id', '=', orgId).where('facility_id', '=', facilityId).executeTakeFirst();
}

/**
 * Patients born on the day with an active episode in a program at the facility (the kiosk's
 * candidates; the last name is compared in code, accent- and case-insensitively).
 */
export function kioskCandidates(db: Db, orgId: string, facilityId: string, dateOfBirth: LocalDate) {
  return db
    .selectFrom('patients as p')
    .innerJoin('episodes as e', (j) => j.onRef('e.org_id', '=', 'p.org_id').onRef('e.patient_id', '=', 'p.patient_id'))
    .innerJoin('programs as pr', (j) => j.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .select([
      'p.patient_id as patientId',
      'p.legal_family_name as familyName',
      'p.legal_given_name as givenName',
      'p.preferred_name as preferredName',
    ])
    .distinct()
    .where('p.org_id', '=', orgId)
    .where('p.date_of_birth', '=', dateOfBirth)
    .where('pr.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .execute();
}

/** The patient's active episode at a facility (earliest admitted), or undefined. */
export function activeEpisodeAtFacility(db: Db, orgId: string, patientId: string, facilityId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (j) => j.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .select(['e.episode_id'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .where('pr.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .orderBy('e.admitted_on')
    .orderBy('e.episode_id')
    .executeTakeFirst();
}

export async function hasCheckinOn(db: Db, orgId: string, patientId: string, day: LocalDate): Promise<boolean> {
  const row = await db.selectFrom('daily_checkins').select('checkin_id').where('org_id', '=', orgId).where('patient_id', '=', patientId).where('checkin_on', '=', day).executeTakeFirst();
  return row !== undefined;
}

export interface CheckinWrite {
  readonly checkinId: string;
  readonly patientId: string;
  readonly episodeId: string | null;
  readonly checkinOn: LocalDate;
  readonly source: CheckinSource;
  readonly recordedBy: string | null;
  readonly craving: number;
  readonly mood: number;
  readonly sleepHours: number;
  readonly sleepQuality: number;
  readonly usedSinceLast: boolean;
  readonly substances: readonly string[];
  readonly medicationTaken: MedicationTaken;
  readonly note: string | null;
}

/**
 * Insert the day's check-in, or replace that day's earlier one in place (it keeps its id, so
 * an alert raised from it still points at it). `inserted` is false when one was replaced.
 * One statement, so two submissions racing for the same day cannot both insert.
 */
export async function upsertCheckin(trx: Db, orgId: string, c: CheckinWrite, now: Date): Promise<{ checkinId: string; inserted: boolean }> {
  const answers = {
    episode_id: c.episodeId,
    submitted_at: now,
    source: c.source,
    recorded_by: c.recordedBy,
    craving: c.craving,
    mood: c.mood,
    sleep_hours: c.sleepHours,
    sleep_quality: c.sleepQuality,
    used_since_last: c.usedSinceLast,
    substances: [...c.substances],
    medication_taken: c.medicationTaken,
    note: c.note,
  };
  const row = await trx
    .insertInto('daily_checkins')
    .values({ ...answers, org_id: orgId, checkin_id: c.checkinId, patient_id: c.patientId, checkin_on: c.checkinOn, created_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'patient_id', 'checkin_on']).doUpdateSet(answers))
    // xmax is 0 on a freshly inserted row version and set on one written by ON CONFLICT UPDATE.
    .returning(['checkin_id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  return { checkinId: row.checkin_id, inserted: row.inserted };
}

/** Check-ins with the recorder's name, by id or by patient and day range, oldest first. */
export function checkinRows(db: Db, orgId: string, filter: { checkinId: string } | { patientId: string; from: LocalDate; to: LocalDate }) {
  let query = db
    .selectFrom('daily_checkins as c')
    .leftJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'c.org_id').onRef('s.staff_id', '=', 'c.recorded_by'))
    .selectAll('c')
    .select('s.full_name as recorded_by_name')
    .where('c.org_id', '=', orgId);
  if ('checkinId' in filter) query = query.where('c.checkin_id', '=', filter.checkinId);
  else query = query.where('c.patient_id', '=', filter.patientId).where('c.checkin_on', '>=', filter.from).where('c.checkin_on', '<=', filter.to);
  return query.orderBy('c.checkin_on').execute();
}
export type CheckinRow = Awaited<ReturnType<typeof checkinRows>>[number];
