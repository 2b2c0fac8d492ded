/**
 * Recording and reading daily check-ins. Each action is one audited transaction; use
 * reported at a check-in raises its alert in the same transaction, so the two commit together.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CheckinSource, Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { checkinAlerts } from '../alerts/rules.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, localDateOf } from '../time/local-time.ts';
import { type CheckinPlace, checkinProblems, checkinSummary } from './checkin-rules.ts';
import type { Checkin, CheckinCreated, CheckinInput, CheckinsQuery, PatientCheckins, PortalCheckins } from './checkins.schemas.ts';
import { type CheckinRow, checkinRows, upsertCheckin } from './checkins.store.ts';
import { dayRange } from './day-range.ts';
import { placeOfPatient, placesOfPatient } from './patient-place.ts';

/** The trend read's default: the last 30 days. */
const DEFAULT_RANGE_DAYS = 30;

export function toCheckin(row: CheckinRow): Checkin {
  return {
    checkinId: row.checkin_id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    checkinOn: row.checkin_on,
    submittedAt: row.submitted_at.toISOString(),
    source: row.source,
    recordedBy: row.recorded_by ? { staffId: row.recorded_by, fullName: row.recorded_by_name ?? '' } : null,
    craving: row.craving,
    mood: row.mood,
    sleepHours: Number(row.sleep_hours),
    sleepQuality: row.sleep_quality,
    usedSinceLast: row.used_since_last,
    substances: row.substances as Checkin['substances'],
    medicationTaken: row.medication_taken,
    note: row.note,
  };
}

export interface CheckinEntry {
  readonly patientId: string;
  readonly place: CheckinPlace;
  readonly source: CheckinSource;
  readonly recordedBy: string | null;
  readonly input: CheckinInput;
}

/**
 * Write the check-in for the place's local today (replacing an earlier one that day), audit
 * it as a create or an update, and raise the reported-use alert. The caller's transaction.
 */
export async function writeCheckin(trx: Transaction<Database>, audit: AuditContext, entry: CheckinEntry, now: Date): Promise<{ row: CheckinRow; inserted: boolean }> {
  const problems = checkinProblems(entry.input);
  if (problems.length > 0) throw new AppError(422, 'validation_failed', 'Check the check-in answers.', problems);
  const checkinOn = localDateOf(now, entry.place.timeZone);
  const { input } = entry;
  const written = await upsertCheckin(trx, audit.orgId, {
    checkinId: randomUUID(),
    patientId: entry.patientId,
    episodeId: entry.place.episodeId,
    checkinOn,
    source: entry.source,
    recordedBy: entry.recordedBy,
    craving: input.craving,
    mood: input.mood,
    sleepHours: input.sleepHours,
    sleepQuality: input.sleepQuality,
    usedSinceLast: input.usedSinceLast,
    substances: input.substances,
    medicationTaken: input.medicationTaken,
    note: input.note?.trim() || null,
  }, now);
  // Ids and codes only: never the answers.
  await recordAudit(trx, audit, {
    action: written.inserted ? 'create' : 'update',
    entity: 'daily_checkin',
    entityId: written.checkinId,
    patientId: entry.patientId,
    details: { checkinOn, source: entry.source, episodeId: entry.place.episodeId, facilityId: entry.place.facilityId },
  });
  await raiseAlerts(trx, audit, checkinAlerts({
    patientId: entry.patientId,
    episodeId: entry.place.episodeId,
    facilityId: entry.place.facilityId,
    checkinId: written.checkinId,
    checkinOn,
    usedSinceLast: input.usedSinceLast,
    substances: input.substances,
  }), now);
  const row = (await checkinRows(trx, audit.orgId, { checkinId: written.checkinId }))[0]!;
  return { row, inserted: written.inserted };
}

/**
 * Staff enter a check-in read over the phone. Recording acts at one of the patient's places:
 * the first (earliest admitted) the caller is assigned to — a clinician at the patient's
 * second facility records it there, with that episode and day — and 403 only when the caller
 * is assigned to none of them (as recordDose in medications/doses.ts).
 */
export async function recordStaffCheckin(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: CheckinInput): Promise<CheckinCreated> {
  return deps.db.transaction().execute(async (trx) => {
    const place = (await placesOfPatient(trx, actor.orgId, patientId)).all.find((p) => canSeeFacility(actor, p.facilityId));
    if (!place) throw new AppError(403, 'facility_forbidden', 'The patient is treated at a facility you are not assigned to.');
    const { row, inserted } = await writeCheckin(trx, audit, { patientId, place, source: 'staff', recordedBy: actor.staffId, input }, deps.clock.now());
    return { checkin: toCheckin(row), replaced: !inserted };
  });
}

/** The patient's own check-in from the portal. */
export async function recordPortalCheckin(deps: AppDeps, audit: AuditContext, patientId: string, input: CheckinInput): Promise<CheckinCreated> {
  return deps.db.transaction().execute(async (trx) => {
    const place = await placeOfPatient(trx, audit.orgId, patientId);
    const { row, inserted } = await writeCheckin(trx, audit, { patientId, place, source: 'portal', recordedBy: null, input }, deps.clock.now());
    return { checkin: toCheckin(row), replaced: !inserted };
  });
}

async function readCheckins(trx: Transaction<Database>, audit: AuditContext, patientId: string, from: LocalDate, to: LocalDate): Promise<CheckinRow[]> {
  const rows = await checkinRows(trx, audit.orgId, { patientId, from, to });
  await recordAudit(trx, audit, { action: 'read', entity: 'daily_checkin', entityId: null, patientId, details: { from, to, checkinIds: rows.map((r) => r.checkin_id) } });
  return rows;
}

/** A patient's check-ins over a range, oldest first, with the trend summary. */
export async function patientCheckins(deps: AppDeps, audit: AuditContext, patientId: string, query: CheckinsQuery): Promise<PatientCheckins> {
  return deps.db.transaction().execute(async (trx) => {
    const place = await placeOfPatient(trx, audit.orgId, patientId);
    const { from, to } = dayRange(query, localDateOf(deps.clock.now(), place.timeZone), DEFAULT_RANGE_DAYS);
    const checkins = (await readCheckins(trx, audit, patientId, from, to)).map(toCheckin);
    return { checkins, summary: { from, to, ...checkinSummary(checkins) } as PatientCheckins['summary'] };
  });
}

/** The portal patient's own recent check-ins, newest first, and today's if any. */
export async function portalCheckins(deps: AppDeps, audit: AuditContext, patientId: string, days: number): Promise<PortalCheckins> {
  return deps.db.transaction().execute(async (trx) => {
    const place = await placeOfPatient(trx, audit.orgId, patientId);
    const today = localDateOf(deps.clock.now(), place.timeZone);
    const checkins = (await readCheckins(trx, audit, patientId, addDays(today, -(days - 1)), today)).map(toCheckin).reverse();
    return { today: checkins.find((c) => c.checkinOn === today) ?? null, checkins };
  });
}
