/** SQL for observed doses: the day's dosing list at a facility, recording, and the log. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DoseAdministrationsTable } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Doses with the medication's name and the recorder's, filtered by id, or by patient and day range. */
export function doseRows(db: Db, orgId: string, filter: { doseIds: readonly string[] } | { patientId: string; from: LocalDate; to: LocalDate }) {
  let query = db
    .selectFrom('dose_administrations as d')
    .innerJoin('medications as m', (j) => j.onRef('m.org_id', '=', 'd.org_id').onRef('m.medication_id', '=', 'd.medication_id'))
    .leftJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.staff_id', '=', 'd.recorded_by'))
    .selectAll('d')
    .select(['m.name as medication_name', 's.full_name as recorded_by_name'])
    .where('d.org_id', '=', orgId);
  if ('doseIds' in filter) {
    if (filter.doseIds.length === 0) return Promise.resolve([]);
    query = query.where('d.dose_id', 'in', [...filter.doseIds]);
  } else {
    query = query.where('d.patient_id', '=', filter.patientId).where('d.scheduled_on', '>=', filter.from).where('d.scheduled_on', '<=', filter.to);
  }
  return query.orderBy('d.scheduled_on', 'desc').orderBy('m.name').orderBy('d.dose_id').execute();
}
export type DoseRow = Awaited<ReturnType<typeof doseRows>>[number];

/** Outcomes of the medications' doses over a day range (for adherence). */
export function doseOutcomes(db: Db, orgId: string, medicationIds: readonly string[], from: LocalDate, to: LocalDate) {
  if (medicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dose_administrations')
    .select(['medication_id', 'scheduled_on', 'outcome'])
    .where('org_id', '=', orgId)
    .where('medication_id', 'in', [...medicationIds])
    .where('scheduled_on', '>=', from)
    .where('scheduled_on', '<=', to)
    .execute();
}

/** The latest day a dose of the medication is recorded for, if any. */
export async function lastDoseDay(db: Db, orgId: string, medicationId: string): Promise<LocalDate | undefined> {
  const row = await db.selectFrom('dose_administrations').select((eb) => eb.fn.max('scheduled_on').as('last')).where('org_id', '=', orgId).where('medication_id', '=', medicationId).executeTakeFirst();
  return row?.last ?? undefined;
}

export type NewDose = Omit<DoseAdministrationsTable, 'org_id' | 'created_at'>;

/** Insert unless a dose is already recorded for that medication and day; true when inserted. */
export async function insertDoseIfNew(trx: Db, orgId: string, dose: NewDose, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('dose_administrations')
    .values({ ...dose, org_id: orgId, created_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'medication_id', 'scheduled_on']).doNothing())
    .returning('dose_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The dose recorded for a medication and day, locked (a late entry may replace the system's "missed"). */
export function lockDoseOn(trx: Transaction<Database>, orgId: string, medicationId: string, scheduledOn: LocalDate) {
  return trx
    .selectFrom('dose_administrations')
    .select(['dose_id', 'outcome', 'recorded_by'])
    .where('org_id', '=', orgId)
    .where('medication_id', '=', medicationId)
    .where('scheduled_on', '=', scheduledOn)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Replaces a dose the system recorded as missed (recorded_by null) with what staff recorded;
 * true when replaced. A dose recorded by staff is never overwritten here.
 */
export async function replaceSystemMissedDose(
  trx: Transaction<Database>,
  orgId: string,
  doseId: string,
  dose: Pick<NewDose, 'outcome' | 'dose_given' | 'given_at' | 'recorded_by' | 'patient_response' | 'note'>,
  now: Date,
): Promise<boolean> {
  const updated = await trx
    .updateTable('dose_administrations')
    .set({ ...dose, created_at: now })
    .where('org_id', '=', orgId)
    .where('dose_id', '=', doseId)
    .where('recorded_by', 'is', null)
    .returning('dose_id')
    .executeTakeFirst();
  return updated !== undefined;
}

/**
 * Observed prescriptions of patients whose episode in a program at the facility covers the
 * day (admitted by then, not discharged before it), with the dose recorded that day if any.
 * Whether a dose falls due that day (weekday, in force) is decided by the caller's rule.
 */
export function observedAtFacilityOn(db: Db, orgId: string, facilityId: string, day: LocalDate) {
  return db
    .selectFrom('medications as m')
    .innerJoin('patients as p', (j) => j.onRef('p.org_id', '=', 'm.org_id').onRef('p.patient_id', '=', 'm.patient_id'))
    .innerJoin('episodes as e', (j) => j.onRef('e.org_id', '=', 'm.org_id').onRef('e.patient_id', '=', 'm.patient_id'))
    .innerJoin('programs as pr', (j) => j.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .leftJoin('dose_administrations as d', (j) => j.onRef('d.org_id', '=', 'm.org_id').onRef('d.medication_id', '=', 'm.medication_id').on('d.scheduled_on', '=', day))
    .select([
      'm.medication_id', 'm.patient_id', 'm.name', 'm.dose', 'm.route', 'm.addiction_medication', 'm.started_on', 'm.stopped_on', 'm.observed_weekdays', 'm.created_at as medication_created_at',
      'p.legal_given_name', 'p.legal_family_name', 'p.preferred_name', 'p.mrn',
      'e.episode_id', 'd.dose_id',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.observed_weekdays', 'is not', null)
    .where('m.started_on', '<=', day)
    .where('pr.facility_id', '=', facilityId)
    .where('e.admitted_on', '<=', day)
    .where((eb) => eb.or([eb('e.discharged_on', 'is', null), eb('e.discharged_on', '>=', day)]))
    .orderBy('e.admitted_on')
    .orderBy('e.episode_id')
    .execute();
}
export type ObservedRow = Awaited<ReturnType<typeof observedAtFacilityOn>>[number];
