/**
 * End of day for observed dosing: every dose that fell due at a facility on a past day and
 * that nobody recorded is recorded as missed (by no one: the system), and raises the
 * missed-dose alert. The job runner calls this for each facility once its day is over.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { doseAlerts } from '../alerts/rules.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type LocalDate, compareDates, localDateOf } from '../time/local-time.ts';
import { insertDoseIfNew, observedAtFacilityOn } from './doses.store.ts';
import { dueDoses } from './medication-rules.ts';

export interface MissedDosesRun {
  readonly orgId: string;
  readonly facilityId: string;
  /** A facility-local day that has ended. */
  readonly date: LocalDate;
  readonly now: Date;
}

export type MissedDosesResult =
  | { readonly status: 'done'; readonly date: LocalDate; readonly recordedDoseIds: readonly string[]; readonly alertsRaised: number }
  /** The day is today or later at the facility (nothing is missed until the day is over), or the facility does not exist. */
  | { readonly status: 'skipped'; readonly date: LocalDate; readonly reason: 'day_not_over' | 'facility_not_found' };

/**
 * Record as missed every observed dose due at the facility on `date` with nothing recorded
 * (from the facility-local day the medication was entered in Cairn on), and raise doseAlerts for each, in the caller's transaction. Idempotent: a dose recorded
 * already (by staff, or by an earlier run) is left alone, and an alert is raised once per
 * dose. `audit` is the job's system context (actorId null, actorRole 'system').
 */
export async function recordMissedDoses(trx: Transaction<Database>, audit: AuditContext, run: MissedDosesRun): Promise<MissedDosesResult> {
  const facility = await getFacility(trx, run.orgId, run.facilityId);
  if (!facility) return { status: 'skipped', date: run.date, reason: 'facility_not_found' };
  if (compareDates(run.date, localDateOf(run.now, facility.time_zone)) >= 0) return { status: 'skipped', date: run.date, reason: 'day_not_over' };
  // A day before the medication was entered in Cairn is not missed: nobody could have recorded it then.
  const unrecorded = dueDoses(await observedAtFacilityOn(trx, run.orgId, run.facilityId, run.date), run.date)
    .filter((row) => row.dose_id === null && compareDates(localDateOf(row.medication_created_at, facility.time_zone), run.date) <= 0);
  const recordedDoseIds: string[] = [];
  let alertsRaised = 0;
  for (const row of unrecorded) {
    const doseId = randomUUID();
    const inserted = await insertDoseIfNew(trx, run.orgId, {
      dose_id: doseId,
      medication_id: row.medication_id,
      patient_id: row.patient_id,
      scheduled_on: run.date,
      outcome: 'missed',
      dose_given: null,
      given_at: null,
      recorded_by: null,
      patient_response: null,
      note: null,
    }, run.now);
    if (!inserted) continue;
    recordedDoseIds.push(doseId);
    await recordAudit(trx, audit, {
      action: 'create', entity: 'dose_administration', entityId: doseId, patientId: row.patient_id,
      details: { medicationId: row.medication_id, scheduledOn: run.date, outcome: 'missed', facilityId: run.facilityId, recordedBy: 'end_of_day' },
    });
    const raised = await raiseAlerts(trx, audit, doseAlerts({
      patientId: row.patient_id,
      episodeId: row.episode_id,
      facilityId: run.facilityId,
      doseId,
      medicationId: row.medication_id,
      scheduledOn: run.date,
      outcome: 'missed',
      addictionMedication: row.addiction_medication,
    }), run.now);
    alertsRaised += raised.length;
  }
  return { status: 'done', date: run.date, recordedDoseIds, alertsRaised };
}
