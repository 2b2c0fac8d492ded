/**
 * A facility's on-call roster. Whoever is on call when a critical alert is raised receives
 * it beside the primary clinician (raise.ts). Shifts may overlap: two people on call.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { isClinicianAt } from '../scheduling/groups.store.ts';
import { addDays, daysBetween, compareDates, localDateOf, startOfLocalDay } from '../time/local-time.ts';
import type { OnCallInput, OnCallQuery, OnCallRoster, OnCallShift } from './alerts.schemas.ts';
import { type ShiftRow, deleteShift, insertShift, shiftById, shiftsOverlapping } from './on-call.store.ts';

/** Two weeks by default; at most about a quarter per request. */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 92;
/** A shift longer than a fortnight is a typo, not a rota. */
const MAX_SHIFT_HOURS = 14 * 24;

export function toShift(row: ShiftRow): OnCallShift {
  return {
    shiftId: row.shift_id,
    facilityId: row.facility_id,
    staff: { staffId: row.staff_id, fullName: row.staff_name },
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    createdBy: { staffId: row.created_by, fullName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

/** Shifts over facility-local days [from, to], and who is on call right now. Staff rota, no patient data. */
export async function onCallRoster(deps: AppDeps, actor: StaffActor, facilityId: string, query: OnCallQuery): Promise<OnCallRoster> {
  const facility = await getFacility(deps.db, actor.orgId, facilityId);
  if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
  const now = deps.clock.now();
  const from = query.from ?? localDateOf(now, facility.time_zone);
  const to = query.to ?? addDays(from, DEFAULT_DAYS - 1);
  if (compareDates(from, to) > 0) throw new AppError(422, 'date_out_of_range', 'The range starts after it ends.', [{ path: 'from', message: 'is after to' }]);
  if (daysBetween(from, to) >= MAX_DAYS) throw new AppError(422, 'date_out_of_range', `Ask for at most ${MAX_DAYS} days at a time.`, [{ path: 'to', message: `is more than ${MAX_DAYS} days after from` }]);
  const rangeStart = startOfLocalDay(from, facility.time_zone);
  const rangeEnd = startOfLocalDay(addDays(to, 1), facility.time_zone);
  const [shifts, current] = await Promise.all([
    shiftsOverlapping(deps.db, actor.orgId, facilityId, rangeStart, rangeEnd),
    shiftsOverlapping(deps.db, actor.orgId, facilityId, now, new Date(now.getTime() + 1)),
  ]);
  const onCallNow = [...new Map(current.map((s) => [s.staff_id, { staffId: s.staff_id, fullName: s.staff_name }])).values()];
  return { facilityId, timeZone: facility.time_zone, from, to, onCallNow, shifts: shifts.map(toShift) };
}

function shiftTimes(input: OnCallInput, now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const refuse = (message: string, path = 'endsAt') => new AppError(422, 'on_call_times_invalid', `The on-call shift ${message}.`, [{ path, message }]);
  if (Number.isNaN(startsAt.getTime())) throw refuse('start is not a real instant', 'startsAt');
  if (Number.isNaN(endsAt.getTime())) throw refuse('end is not a real instant');
  if (endsAt.getTime() <= startsAt.getTime()) throw refuse('must end after it starts');
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000) throw refuse(`must be at most ${MAX_SHIFT_HOURS / 24} days long`);
  if (endsAt.getTime() <= now.getTime()) throw refuse('has already ended');
  return { startsAt, endsAt };
}

export async function addShift(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, input: OnCallInput): Promise<OnCallShift> {
  const now = deps.clock.now();
  const { startsAt, endsAt } = shiftTimes(input, now);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isClinicianAt(trx, actor.orgId, input.staffId, facilityId))) {
      throw new AppError(422, 'clinician_not_found', 'Whoever is on call must be an active clinician, clinical director or medical staff member assigned to this facility.', [
        { path: 'staffId', message: 'is not an active clinical staff member at this facility' },
      ]);
    }
    const shiftId = randomUUID();
    await insertShift(trx, { org_id: actor.orgId, shift_id: shiftId, facility_id: facilityId, staff_id: input.staffId, starts_at: startsAt, ends_at: endsAt, created_by: actor.staffId, created_at: now });
    await recordAudit(trx, audit, { action: 'create', entity: 'on_call_shift', entityId: shiftId, details: { facilityId, staffId: input.staffId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } });
    return toShift((await shiftById(trx, actor.orgId, shiftId))!);
  });
}

export async function removeShift(deps: AppDeps, actor: StaffActor, audit: AuditContext, shiftId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const shift = await shiftById(trx, actor.orgId, shiftId);
    if (!shift || !(await deleteShift(trx, actor.orgId, shiftId))) throw new AppError(404, 'not_found', 'No such on-call shift.');
    await recordAudit(trx, audit, { action: 'delete', entity: 'on_call_shift', entityId: shiftId, details: { facilityId: shift.facility_id, staffId: shift.staff_id, startsAt: shift.starts_at.toISOString(), endsAt: shift.ends_at.toISOString() } });
  });
}
