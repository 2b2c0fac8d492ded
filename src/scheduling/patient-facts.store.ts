/**
 * SQL reading what scheduling needs to know about patients and their episodes (the
 * patients area owns those tables; this reads them, never writes).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function getPatientFacts(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select(['patient_id', 'facility_id', 'date_of_birth', 'gender_identity', 'specialty_populations', 'availability', 'preferred_name', 'legal_given_name', 'legal_family_name'])
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}
export type PatientFactsRow = NonNullable<Awaited<ReturnType<typeof getPatientFacts>>>;

/** An episode with the facility of its program. */
export function getEpisodeAt(db: Db, orgId: string, episodeId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .select(['e.episode_id', 'e.patient_id', 'e.program_id', 'e.status', 'e.admitted_on', 'p.facility_id'])
    .where('e.org_id', '=', orgId)
    .where('e.episode_id', '=', episodeId)
    .executeTakeFirst();
}

/** The patient's active episodes at programs of a facility, most recently admitted first. */
export function activeEpisodesAt(db: Db, orgId: string, patientId: string, facilityId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .select(['e.episode_id', 'e.patient_id', 'e.program_id', 'e.status', 'e.admitted_on', 'p.facility_id'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .where('e.status', '=', 'active')
    .where('p.facility_id', '=', facilityId)
    .orderBy('e.admitted_on', 'desc')
    .execute();
}

/** True when the patient is registered at the facility or has an active episode in one of its programs. */
export async function isPatientOfFacility(db: Db, orgId: string, patientId: string, facilityId: string): Promise<boolean> {
  if ((await getPatientFacts(db, orgId, patientId))?.facility_id === facilityId) return true;
  return (await activeEpisodesAt(db, orgId, patientId, facilityId)).length > 0;
}

/**
 * The facility whose calendar a patient's week is read in: that of their most recent
 * active episode, else the facility that registered them.
 */
export async function patientHomeFacility(db: Db, orgId: string, patientId: string) {
  const episode = await db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
    .select('p.facility_id')
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .where('e.status', '=', 'active')
    .orderBy('e.admitted_on', 'desc')
    .executeTakeFirst();
  const facilityId = episode?.facility_id ?? (await getPatientFacts(db, orgId, patientId))?.facility_id;
  if (!facilityId) return undefined;
  return db.selectFrom('facilities').selectAll().where('org_id', '=', orgId).where('facility_id', '=', facilityId).executeTakeFirst();
}
