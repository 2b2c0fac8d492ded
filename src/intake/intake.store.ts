/** SQL for intake assessments. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, IntakeAssessmentsTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What an assessment needs of its program: its name, population and facility (for "today"). */
export function programForIntake(db: Db, orgId: string, programId: string) {
  return db
    .selectFrom('programs as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['p.program_id', 'p.name', 'p.population', 'p.facility_id', 'f.time_zone'])
    .where('p.org_id', '=', orgId)
    .where('p.program_id', '=', programId)
    .executeTakeFirst();
}

/** The patient's date of birth and the time zone of the registering facility. */
export function patientForIntake(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['p.patient_id', 'p.date_of_birth', 'f.time_zone'])
    .where('p.org_id', '=', orgId)
    .where('p.patient_id', '=', patientId)
    .executeTakeFirst();
}

export async function insertIntakeAssessment(trx: Transaction<Database>, row: Insertable<IntakeAssessmentsTable>): Promise<void> {
  await trx.insertInto('intake_assessments').values(row).execute();
}

/** A patient's assessments newest first, or one assessment, with the program's and assessor's names. */
export function intakeAssessmentRows(db: Db, orgId: string, filter: { patientId: string } | { assessmentId: string }) {
  let query = db
    .selectFrom('intake_assessments as a')
    .leftJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'a.org_id').onRef('p.program_id', '=', 'a.program_id'))
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'a.org_id').onRef('s.staff_id', '=', 'a.assessed_by'))
    .selectAll('a')
    .select(['p.name as program_name', 's.full_name as assessed_by_name'])
    .where('a.org_id', '=', orgId);
  query = 'patientId' in filter ? query.where('a.patient_id', '=', filter.patientId) : query.where('a.assessment_id', '=', filter.assessmentId);
  return query.orderBy('a.assessed_on', 'desc').orderBy('a.created_at', 'desc').execute();
}
export type IntakeAssessmentRow = Awaited<ReturnType<typeof intakeAssessmentRows>>[number];
