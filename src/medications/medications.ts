/**
 * The medication list: reading it (with observed-dose adherence), adding, editing and
 * stopping prescriptions. One audited transaction per action; the free-text fields (name,
 * dose, prescriber, reason) stay out of the audit details.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { placeOfPatient } from '../checkins/patient-place.ts';
import { ANALYTE_CATALOG } from '../drugtests/panels.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates, localDateOf } from '../time/local-time.ts';
import { MEDICATION_CATALOG, addictionDefault } from './catalog.ts';
import { doseOutcomes, lastDoseDay } from './doses.store.ts';
import { ADHERENCE_WINDOW_DAYS, type Prescription, type PrescriptionFields, adherence, changedFields, isActiveOn, normalisePrescription, resolvePrescription } from './medication-rules.ts';
import type { Catalog, Medication, MedicationEdit, MedicationInput, Medications, StopInput } from './medications.schemas.ts';
import { type MedicationRow, insertMedication, lockMedication, medicationById, medicationsOfPatient, stopMedication, updateMedication } from './medications.store.ts';

export function catalogView(): Catalog {
  return {
    medications: MEDICATION_CATALOG.map((entry) => {
      const fallback = addictionDefault(entry);
      return {
        name: entry.name,
        brands: [...entry.brands],
        addictionMedication: fallback.kind === 'known' ? fallback.value : null,
        addictionMedicationOptions: fallback.kind === 'ambiguous' ? [...fallback.options] : [],
        expectedAnalytes: [...entry.expectedAnalytes],
      };
    }),
    analytes: Object.values(ANALYTE_CATALOG).map((a) => ({ analyte: a.analyte, name: a.name })),
  };
}

export function prescriptionOf(row: { started_on: string; stopped_on: string | null; observed_weekdays: readonly number[] | null }): Prescription {
  return { startedOn: row.started_on, stoppedOn: row.stopped_on, observedWeekdays: row.observed_weekdays };
}

function fieldsOf(row: Omit<MedicationRow, 'created_by_name'>): PrescriptionFields {
  return {
    name: row.name, dose: row.dose, route: row.route, frequency: row.frequency, prescriber: row.prescriber, startedOn: row.started_on,
    addictionMedication: row.addiction_medication, expectedAnalytes: row.expected_analytes, observedWeekdays: row.observed_weekdays,
  };
}

function toMedication(row: MedicationRow, today: LocalDate, doses: readonly { medication_id: string; scheduled_on: string; outcome: 'given' | 'missed' | 'refused' | 'held' }[]): Medication {
  const own = doses.filter((d) => d.medication_id === row.medication_id).map((d) => ({ scheduledOn: d.scheduled_on, outcome: d.outcome }));
  return {
    medicationId: row.medication_id,
    patientId: row.patient_id,
    name: row.name,
    dose: row.dose,
    route: row.route,
    frequency: row.frequency,
    prescriber: row.prescriber,
    startedOn: row.started_on,
    stoppedOn: row.stopped_on,
    stopReason: row.stop_reason,
    active: isActiveOn(prescriptionOf(row), today),
    addictionMedication: row.addiction_medication,
    expectedAnalytes: row.expected_analytes,
    observedWeekdays: row.observed_weekdays,
    createdBy: { staffId: row.created_by, fullName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    adherence: adherence(prescriptionOf(row), own, today),
  };
}

async function medicationViews(trx: Transaction<Database>, orgId: string, rows: readonly MedicationRow[], today: LocalDate): Promise<Medication[]> {
  const observed = rows.filter((r) => r.observed_weekdays !== null).map((r) => r.medication_id);
  const doses = await doseOutcomes(trx, orgId, observed, addDays(today, -(ADHERENCE_WINDOW_DAYS - 1)), today);
  return rows.map((row) => toMedication(row, today, doses));
}

/** The patient's medications, in force first, each with adherence when observed. */
export async function listMedications(deps: AppDeps, audit: AuditContext, patientId: string): Promise<Medications> {
  return deps.db.transaction().execute(async (trx) => {
    const today = localDateOf(deps.clock.now(), (await placeOfPatient(trx, audit.orgId, patientId)).timeZone);
    const views = await medicationViews(trx, audit.orgId, await medicationsOfPatient(trx, audit.orgId, patientId), today);
    await recordAudit(trx, audit, { action: 'read', entity: 'medication', entityId: null, patientId, details: { medicationIds: views.map((m) => m.medicationId) } });
    return { medications: [...views.filter((m) => m.active || m.stoppedOn === null), ...views.filter((m) => !(m.active || m.stoppedOn === null))] };
  });
}

async function viewOne(trx: Transaction<Database>, orgId: string, medicationId: string, now: Date): Promise<Medication> {
  const row = (await medicationById(trx, orgId, medicationId))!;
  const today = localDateOf(now, (await placeOfPatient(trx, orgId, row.patient_id)).timeZone);
  return (await medicationViews(trx, orgId, [row], today))[0]!;
}

function refuse(problems: readonly { path: string; message: string }[]): never {
  const analyte = problems.find((p) => p.path.startsWith('expectedAnalytes'));
  if (analyte) throw new AppError(422, 'analyte_unknown', 'An expected analyte is not on any drug-test panel.', problems);
  throw new AppError(422, 'validation_failed', 'Check the prescription.', problems);
}

/** Add a prescription; the catalog fills MOUD/MAUD and expected analytes the prescriber left out. */
export async function addMedication(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: MedicationInput): Promise<Medication> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const today = localDateOf(now, (await placeOfPatient(trx, audit.orgId, patientId)).timeZone);
    const resolved = resolvePrescription(input, today);
    if (!resolved.ok) refuse(resolved.problems);
    const medicationId = randomUUID();
    const fields = normalisePrescription({ ...input, addictionMedication: resolved.addictionMedication, expectedAnalytes: resolved.expectedAnalytes, observedWeekdays: input.observedWeekdays ?? null });
    await insertMedication(trx, audit.orgId, { ...fields, medicationId, patientId, createdBy: actor.staffId }, now);
    await recordAudit(trx, audit, {
      action: 'create', entity: 'medication', entityId: medicationId, patientId,
      details: { addictionMedication: resolved.addictionMedication, expectedAnalytes: resolved.expectedAnalytes, observed: input.observedWeekdays != null, startedOn: input.startedOn },
    });
    return viewOne(trx, audit.orgId, medicationId, now);
  });
}

/** A stopped medication is history: it is not edited (start a new one instead). */
async function lockOpen(trx: Transaction<Database>, orgId: string, medicationId: string) {
  const row = await lockMedication(trx, orgId, medicationId);
  if (!row) throw new AppError(404, 'medication_not_found', 'No such medication.');
  if (row.stopped_on !== null) throw new AppError(409, 'medication_stopped', 'This medication has been stopped; add a new one instead.');
  return row;
}

/** Replace a prescription's details (every field stated). */
export async function editMedication(deps: AppDeps, audit: AuditContext, medicationId: string, input: MedicationEdit): Promise<Medication> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockOpen(trx, audit.orgId, medicationId);
    const today = localDateOf(now, (await placeOfPatient(trx, audit.orgId, row.patient_id)).timeZone);
    const resolved = resolvePrescription(input, today);
    if (!resolved.ok) refuse(resolved.problems);
    const after = normalisePrescription({ ...input, addictionMedication: resolved.addictionMedication, expectedAnalytes: resolved.expectedAnalytes });
    await updateMedication(trx, audit.orgId, medicationId, after, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'medication', entityId: medicationId, patientId: row.patient_id, details: { changed: changedFields(fieldsOf(row), after) } });
    return viewOne(trx, audit.orgId, medicationId, now);
  });
}

/** Stop a prescription from a day on (the first day it is no longer taken), with the reason. */
export async function stopMedicationOn(deps: AppDeps, audit: AuditContext, medicationId: string, input: StopInput): Promise<Medication> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockOpen(trx, audit.orgId, medicationId);
    if (compareDates(input.stoppedOn, row.started_on) < 0) {
      throw new AppError(422, 'date_out_of_range', 'A medication cannot stop before it started.', [{ path: 'stoppedOn', message: `is before the start on ${row.started_on}` }]);
    }
    const lastDose = await lastDoseDay(trx, audit.orgId, medicationId);
    if (lastDose !== undefined && compareDates(input.stoppedOn, lastDose) <= 0) {
      throw new AppError(422, 'date_out_of_range', 'Doses are recorded on or after that day.', [{ path: 'stoppedOn', message: `must be after the last recorded dose on ${lastDose}` }]);
    }
    await stopMedication(trx, audit.orgId, medicationId, { stoppedOn: input.stoppedOn, reason: input.reason.trim() }, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'medication', entityId: medicationId, patientId: row.patient_id, details: { changed: ['stoppedOn', 'stopReason'], stoppedOn: input.stoppedOn } });
    return viewOne(trx, audit.orgId, medicationId, now);
  });
}
