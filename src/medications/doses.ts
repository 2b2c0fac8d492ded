/**
 * Observed dosing: the day's list at a facility, recording what happened to a dose, and a
 * patient's dose log. A dose missed or refused raises its alert in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { doseAlerts, doseConditionKey } from '../alerts/rules.ts';
import { settleConditionAlert } from '../alerts/settle.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { dayRange } from '../checkins/day-range.ts';
import { placeOfPatient, placesOfPatient } from '../checkins/patient-place.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { displayName } from '../patients/patient-rules.ts';
import { type LocalDate, localDateOf } from '../time/local-time.ts';
import { type DoseRow, doseRows, insertDoseIfNew, lockDoseOn, observedAtFacilityOn, replaceSystemMissedDose } from './doses.store.ts';
import { doseDayCheck, dueDoses, resolveDoseEntry } from './medication-rules.ts';
import type { DoseInput, DoseLog, DoseRangeQuery, DoseRecord, DosingDay } from './medications.schemas.ts';
import { lockMedication } from './medications.store.ts';
import { prescriptionOf } from './medications.ts';

const DEFAULT_LOG_DAYS = 30;

export function toDoseRecord(row: DoseRow): DoseRecord {
  return {
    doseId: row.dose_id,
    medicationId: row.medication_id,
    medicationName: row.medication_name,
    patientId: row.patient_id,
    scheduledOn: row.scheduled_on,
    outcome: row.outcome,
    doseGiven: row.dose_given,
    givenAt: row.given_at?.toISOString() ?? null,
    recordedBy: row.recorded_by ? { staffId: row.recorded_by, fullName: row.recorded_by_name ?? '' } : null,
    patientResponse: row.patient_response,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

export async function dosingDay(deps: AppDeps, audit: AuditContext, facilityId: string, date: LocalDate | undefined): Promise<DosingDay> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, audit.orgId, facilityId);
    if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
    const day = date ?? localDateOf(deps.clock.now(), facility.time_zone);
    const due = dueDoses(await observedAtFacilityOn(trx, audit.orgId, facilityId, day), day);
    const recorded = new Map((await doseRows(trx, audit.orgId, { doseIds: due.flatMap((d) => (d.dose_id ? [d.dose_id] : [])) })).map((r) => [r.dose_id, toDoseRecord(r)]));
    const doses = due.map((row) => ({
      medicationId: row.medication_id,
      patient: { patientId: row.patient_id, displayName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }), mrn: row.mrn },
      episodeId: row.episode_id,
      name: row.name,
      dose: row.dose,
      route: row.route,
      addictionMedication: row.addiction_medication,
      recorded: row.dose_id ? recorded.get(row.dose_id) ?? null : null,
    })).sort((a, b) => a.patient.displayName.localeCompare(b.patient.displayName) || a.patient.patientId.localeCompare(b.patient.patientId) || a.name.localeCompare(b.name));
    await recordAudit(trx, audit, { action: 'read', entity: 'dose_administration', entityId: facilityId, details: { date: day, patientIds: [...new Set(doses.map((d) => d.patient.patientId))] } });
    return { facilityId, date: day, doses };
  });
}

/**
 * Record what happened to one observed dose. The dose is given at one of the patient's
 * treating facilities: the caller must be assigned to one (the first such place owns the alert).
 *
 * A day the end-of-day job marked missed (recorded by no one) is not final: the nurse's late
 * entry replaces it, audited as an update from the system's outcome to theirs, and when the
 * dose was in fact given or held the missed-dose alert is acknowledged and resolved by the
 * nurse ("Dose recorded late: given"). A dose recorded by staff stays 409 dose_already_recorded.
 */
export async function recordDose(deps: AppDeps, actor: StaffActor, audit: AuditContext, medicationId: string, input: DoseInput): Promise<DoseRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const medication = await lockMedication(trx, actor.orgId, medicationId);
    if (!medication) throw new AppError(404, 'medication_not_found', 'No such medication.');
    const places = await placesOfPatient(trx, actor.orgId, medication.patient_id);
    const place = places.all.find((p) => canSeeFacility(actor, p.facilityId));
    if (!place) throw new AppError(403, 'facility_forbidden', 'The patient is treated at a facility you are not assigned to.');
    const today = localDateOf(now, place.timeZone);
    const check = doseDayCheck(prescriptionOf(medication), input.scheduledOn, today);
    if (!check.ok) throw new AppError(check.status, check.code, check.message, [{ path: 'scheduledOn', message: check.message }]);
    const entry = resolveDoseEntry(input, { prescribedDose: medication.dose, scheduledOn: input.scheduledOn, now, localDayOf: (at) => localDateOf(at, place.timeZone) });
    if (!entry.ok) throw new AppError(422, 'validation_failed', 'Check the dose entry.', entry.problems);
    const fields = {
      outcome: input.outcome,
      dose_given: entry.doseGiven,
      given_at: entry.givenAt,
      recorded_by: actor.staffId,
      patient_response: input.patientResponse?.trim() || null,
      note: entry.note,
    };
    let doseId: string = randomUUID();
    const inserted = await insertDoseIfNew(trx, actor.orgId, { dose_id: doseId, medication_id: medicationId, patient_id: medication.patient_id, scheduled_on: input.scheduledOn, ...fields }, now);
    if (inserted) {
      await recordAudit(trx, audit, {
        action: 'create', entity: 'dose_administration', entityId: doseId, patientId: medication.patient_id,
        details: { medicationId, scheduledOn: input.scheduledOn, outcome: input.outcome, facilityId: place.facilityId },
      });
    } else {
      const existing = await lockDoseOn(trx, actor.orgId, medicationId, input.scheduledOn);
      const alreadyRecorded = () => new AppError(409, 'dose_already_recorded', 'A dose is already recorded for that day.', [{ path: 'scheduledOn', message: 'already has a recorded dose' }]);
      if (!existing || existing.recorded_by !== null) throw alreadyRecorded();
      doseId = existing.dose_id;
      if (!(await replaceSystemMissedDose(trx, actor.orgId, doseId, fields, now))) throw alreadyRecorded();
      await recordAudit(trx, audit, {
        action: 'update', entity: 'dose_administration', entityId: doseId, patientId: medication.patient_id,
        details: { medicationId, scheduledOn: input.scheduledOn, facilityId: place.facilityId, change: 'late_entry', before: { outcome: existing.outcome, recordedBy: 'end_of_day' }, after: { outcome: input.outcome } },
      });
      if (input.outcome !== 'missed' && input.outcome !== 'refused') {
        await settleConditionAlert(trx, audit, {
          rule: 'missed_observed_dose',
          conditionKey: doseConditionKey(medicationId, input.scheduledOn),
          staffId: actor.staffId,
          note: `Dose recorded late: ${input.outcome}`,
          reason: 'dose_recorded_late',
          now,
        });
      }
    }
    await raiseAlerts(trx, audit, doseAlerts({
      patientId: medication.patient_id,
      episodeId: place.episodeId,
      facilityId: place.facilityId,
      doseId,
      medicationId,
      scheduledOn: input.scheduledOn,
      outcome: input.outcome,
      addictionMedication: medication.addiction_medication,
    }), now);
    return toDoseRecord((await doseRows(trx, actor.orgId, { doseIds: [doseId] }))[0]!);
  });
}

/** A patient's recorded doses over a range, newest first. */
export async function doseLog(deps: AppDeps, audit: AuditContext, patientId: string, query: DoseRangeQuery): Promise<DoseLog> {
  return deps.db.transaction().execute(async (trx) => {
    const place = await placeOfPatient(trx, audit.orgId, patientId);
    const { from, to } = dayRange(query, localDateOf(deps.clock.now(), place.timeZone), DEFAULT_LOG_DAYS);
    const rows = await doseRows(trx, audit.orgId, { patientId, from, to });
    await recordAudit(trx, audit, { action: 'read', entity: 'dose_administration', entityId: null, patientId, details: { from, to, doseIds: rows.map((r) => r.dose_id) } });
    return { doses: rows.map(toDoseRecord) };
  });
}
