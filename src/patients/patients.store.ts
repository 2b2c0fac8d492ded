/** SQL for patients. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The facilities through which staff may reach a patient: the registering facility and
 * the facility of every episode's program (past episodes too, so a discharged patient's
 * chart stays reachable by the team that treated them). Empty when there is no such patient.
 */
export async function patientFacilityIds(db: Db, orgId: string, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('patients')
    .select('facility_id')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .union(
      db
        .selectFrom('episodes as e')
        .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
        .select('p.facility_id')
        .where('e.org_id', '=', orgId)
        .where('e.patient_id', '=', patientId),
    )
    .execute();
  return rows.map((row) => row.facility_id);
}
