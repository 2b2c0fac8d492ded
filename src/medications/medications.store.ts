/** SQL for the medication list (prescriptions). Dose SQL is in doses.store.ts. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database, IsoWeekday, MedicationsTable } from '../db/schema.ts';
import type { PrescriptionFields } from './medication-rules.ts';

type Db = Kysely<Database> | Transaction<Database>;

function medicationQuery(db: Db, orgId: string) {
  return db
    .selectFrom('medications as m')
    .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.staff_id', '=', 'm.created_by'))
    .selectAll('m')
    .select('s.full_name as created_by_name')
    .where('m.org_id', '=', orgId);
}
export type MedicationRow = Awaited<ReturnType<ReturnType<typeof medicationQuery>['execute']>>[number];

export function medicationsOfPatient(db: Db, orgId: string, patientId: string): Promise<MedicationRow[]> {
  return medicationQuery(db, orgId).where('m.patient_id', '=', patientId).orderBy('m.started_on', 'desc').orderBy('m.created_at', 'desc').execute();
}

export function medicationById(db: Db, orgId: string, medicationId: string): Promise<MedicationRow | undefined> {
  return medicationQuery(db, orgId).where('m.medication_id', '=', medicationId).executeTakeFirst();
}

/** The medication's row locked for a change (edit, stop, a dose recorded against it). */
export function lockMedication(trx: Transaction<Database>, orgId: string, medicationId: string) {
  return trx.selectFrom('medications').selectAll().where('org_id', '=', orgId).where('medication_id', '=', medicationId).forUpdate().executeTakeFirst();
}

/** The patient a medication belongs to (the access guard's resolver). */
export async function patientOfMedication(db: Db, orgId: string, medicationId: string): Promise<string | undefined> {
  return (await db.selectFrom('medications').select('patient_id').where('org_id', '=', orgId).where('medication_id', '=', medicationId).executeTakeFirst())?.patient_id;
}

function columns(p: PrescriptionFields) {
  return {
    name: p.name,
    dose: p.dose,
    route: p.route,
    frequency: p.frequency,
    prescriber: p.prescriber,
    started_on: p.startedOn,
    addiction_medication: p.addictionMedication,
    expected_analytes: [...p.expectedAnalytes],
    observed_weekdays: p.observedWeekdays === null ? null : ([...p.observedWeekdays] as IsoWeekday[]),
  } satisfies Updateable<MedicationsTable>;
}

export async function insertMedication(trx: Db, orgId: string, m: { medicationId: string; patientId: string; createdBy: string } & PrescriptionFields, now: Date): Promise<void> {
  await trx.insertInto('medications').values({
    ...columns(m),
    org_id: orgId,
    medication_id: m.medicationId,
    patient_id: m.patientId,
    stopped_on: null,
    stop_reason: null,
    created_by: m.createdBy,
    created_at: now,
    updated_at: now,
  }).execute();
}

export async function updateMedication(trx: Db, orgId: string, medicationId: string, p: PrescriptionFields, now: Date): Promise<void> {
  await trx.updateTable('medications').set({ ...columns(p), updated_at: now }).where('org_id', '=', orgId).where('medication_id', '=', medicationId).execute();
}

export async function stopMedication(trx: Db, orgId: string, medicationId: string, stop: { stoppedOn: string; reason: string }, now: Date): Promise<void> {
  await trx.updateTable('medications').set({ stopped_on: stop.stoppedOn, stop_reason: stop.reason, updated_at: now }).where('org_id', '=', orgId).where('medication_id', '=', medicationId).execute();
}
