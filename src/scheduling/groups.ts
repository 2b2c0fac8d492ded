/** Groups: validation of the recurring schedule and its references, create / edit, and their answers. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { MAX_EXPANSION_DAYS, expandOccurrences, nextOccurrences, normalizeRrule, rruleProblem } from './recurrence.ts';
import type { Group, GroupInput } from './groups.schemas.ts';
import { promoteFromWaitlist } from './enrollments.ts';
import {
  type GroupFields,
  type GroupRecord,
  getGroupRecord,
  getProgramAt,
  getTrack,
  insertGroup,
  isClinicianAt,
  listGroupRecords,
  lockGroup,
  seatIntervalsOfGroups,
  updateGroup,
  waitlistCounts,
} from './groups.store.ts';
import { seatsTakenFrom } from './seats.ts';
import { regenerateGroupSessions } from './sessions.ts';
import { addDays, compareDates, isLocalDate, localDateOf } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Default seats (domain-rules.md: group psychotherapy at most 12, configurable). */
export const DEFAULT_CAPACITY = 12;

function validateSchedule(input: GroupInput, timeZone: string): void {
  for (const field of ['startsOn', 'endsOn'] as const) {
    const value = input[field];
    if (value && !isLocalDate(value)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: field, message: 'is not a real date' }]);
  }
  if (input.endsOn && compareDates(input.endsOn, input.startsOn) < 0) {
    throw new AppError(422, 'date_out_of_range', 'The group must end on or after the day it starts.', [{ path: 'endsOn', message: 'is before startsOn' }]);
  }
  const problem = rruleProblem(input.rrule);
  if (problem) throw new AppError(422, 'invalid_rrule', problem, [{ path: 'rrule', message: problem }]);
  const schedule = { rrule: input.rrule, startsOn: input.startsOn, endsOn: input.endsOn ?? null, startTime: input.startTime, durationMinutes: input.durationMinutes, timeZone };
  if (expandOccurrences(schedule, input.startsOn, addDays(input.startsOn, MAX_EXPANSION_DAYS - 1)).length === 0) {
    throw new AppError(422, 'invalid_rrule', 'This rule never meets between the start and end dates.', [{ path: 'rrule', message: 'produces no meetings' }]);
  }
}

/** Checks the facility, facilitator, program and track named in the input; returns the facility's zone. */
async function checkReferences(db: Db, actor: StaffActor, input: GroupInput): Promise<string> {
  const facility = await getFacility(db, actor.orgId, input.facilityId);
  if (!facility) throw new AppError(422, 'facility_not_found', 'No such facility.', [{ path: 'facilityId', message: 'does not exist' }]);
  if (!canSeeFacility(actor, input.facilityId)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
  if (!(await isClinicianAt(db, actor.orgId, input.facilitatorId, input.facilityId))) {
    throw new AppError(422, 'clinician_not_found', 'The facilitator must be an active clinician, clinical director or medical staff member assigned to this facility.', [
      { path: 'facilitatorId', message: 'is not an active clinical staff member at this facility' },
    ]);
  }
  if (input.programId) {
    const program = await getProgramAt(db, actor.orgId, input.programId);
    if (!program || program.facility_id !== input.facilityId) {
      throw new AppError(422, 'program_not_found', 'No such program at this facility.', [{ path: 'programId', message: 'is not a program of this facility' }]);
    }
  }
  if (input.trackId) {
    const track = await getTrack(db, actor.orgId, input.trackId);
    if (!input.programId || !track || track.program_id !== input.programId) {
      throw new AppError(422, 'program_not_found', 'The track must belong to the group’s program.', [{ path: 'trackId', message: 'is not a track of this program' }]);
    }
  }
  return facility.time_zone;
}

function fieldsOf(input: GroupInput, scheduleChangedAt: Date | null): GroupFields {
  return {
    facility_id: input.facilityId,
    program_id: input.programId ?? null,
    track_id: input.trackId ?? null,
    name: input.name.trim(),
    group_type: input.groupType,
    topic: input.topic?.trim() || null,
    facilitator_id: input.facilitatorId,
    room: input.room?.trim() || null,
    video_url: input.videoUrl ?? null,
    capacity: input.capacity ?? DEFAULT_CAPACITY,
    waitlist_enabled: input.waitlistEnabled ?? true,
    eligible_population: input.eligiblePopulation ?? null,
    eligible_gender: input.eligibleGender ?? null,
    // Specialty populations are compared case-insensitively (eligibility.ts); stored lower-case.
    eligible_specialty: input.eligibleSpecialty?.trim().toLowerCase() || null,
    rrule: normalizeRrule(input.rrule),
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    start_time: input.startTime,
    duration_minutes: input.durationMinutes,
    active: input.active ?? true,
    schedule_changed_at: scheduleChangedAt,
  };
}

const auditDetails = (fields: GroupFields) => ({ facilityId: fields.facility_id, rrule: fields.rrule, startsOn: fields.starts_on, endsOn: fields.ends_on, startTime: fields.start_time, capacity: fields.capacity, active: fields.active });

/** Creates a group and writes its sessions for the next weeks. */
export async function createGroup(deps: AppDeps, actor: StaffActor, audit: AuditContext, input: GroupInput): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const timeZone = await checkReferences(trx, actor, input);
    validateSchedule(input, timeZone);
    const groupId = randomUUID();
    const now = deps.clock.now();
    const fields = fieldsOf(input, null);
    await insertGroup(trx, actor.orgId, groupId, fields, now);
    await regenerateGroupSessions(trx, actor.orgId, { group_id: groupId, ...fields, time_zone: timeZone }, now);
    await recordAudit(trx, audit, { action: 'create', entity: 'group', entityId: groupId, details: auditDetails(fields) });
    return groupId;
  });
}

/**
 * Changes a group. When its rule, dates, start time or active flag change, future sessions
 * without attendance follow the new schedule, and the past is never regenerated from it.
 */
export async function editGroup(deps: AppDeps, actor: StaffActor, audit: AuditContext, groupId: string, input: GroupInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, actor.orgId, groupId);
    if (!before) throw new AppError(404, 'group_not_found', 'No such group.');
    if (input.facilityId !== before.facility_id) {
      throw new AppError(422, 'validation_failed', 'A group stays at its facility; create a new group at the other facility.', [{ path: 'facilityId', message: 'cannot change' }]);
    }
    const timeZone = await checkReferences(trx, actor, input);
    validateSchedule(input, timeZone);
    const now = deps.clock.now();
    const draft = fieldsOf(input, before.schedule_changed_at);
    const scheduleChanged =
      draft.rrule !== before.rrule ||
      draft.starts_on !== before.starts_on ||
      draft.ends_on !== before.ends_on ||
      draft.start_time.slice(0, 5) !== before.start_time.slice(0, 5) ||
      draft.active !== before.active;
    const fields = scheduleChanged ? { ...draft, schedule_changed_at: now } : draft;
    // Seats already given (today's, and those promised from a later day) are never taken back
    // by lowering the capacity: staff end enrolments first.
    const today = localDateOf(now, timeZone);
    const seated = seatsTakenFrom((await seatIntervalsOfGroups(trx, actor.orgId, [groupId], today)).get(groupId) ?? [], today);
    if (fields.capacity < seated) {
      throw new AppError(409, 'conflict', `${seated} patients hold seats in this group, so its capacity cannot be lower than ${seated}. End enrolments first.`, [
        { path: 'capacity', message: `is below the ${seated} seats taken` },
      ]);
    }
    await updateGroup(trx, actor.orgId, groupId, fields, now);
    await regenerateGroupSessions(trx, actor.orgId, { group_id: groupId, ...fields, time_zone: timeZone }, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'group', entityId: groupId, details: { ...auditDetails(fields), scheduleChanged } });
    // New seats go to the waitlist, in the order patients joined it.
    if (fields.capacity > before.capacity) await promoteFromWaitlist(trx, actor.orgId, audit, groupId, now);
  });
}

interface SeatCounts {
  readonly enrolled: number;
  readonly waitlisted: number;
}

/** Seats taken (on the busiest day from the facility's today on, seats.ts) and waitlist places, by group. */
async function seatCounts(db: Db, orgId: string, records: readonly GroupRecord[], now: Date): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>();
  if (records.length === 0) return counts;
  const todays = new Map(records.map((r) => [r.group_id, localDateOf(now, r.time_zone)]));
  const earliest = [...todays.values()].sort(compareDates)[0]!;
  const ids = records.map((r) => r.group_id);
  const [seats, waitlisted] = await Promise.all([seatIntervalsOfGroups(db, orgId, ids, earliest), waitlistCounts(db, orgId, ids)]);
  for (const id of ids) counts.set(id, { enrolled: seatsTakenFrom(seats.get(id) ?? [], todays.get(id)!), waitlisted: waitlisted.get(id) ?? 0 });
  return counts;
}

function toGroup(record: GroupRecord, counts: SeatCounts | undefined, now: Date): Group {
  const schedule = { rrule: record.rrule, startsOn: record.starts_on, endsOn: record.ends_on, startTime: record.start_time, durationMinutes: record.duration_minutes, timeZone: record.time_zone };
  return {
    groupId: record.group_id,
    facilityId: record.facility_id,
    facilityName: record.facility_name,
    programId: record.program_id,
    programName: record.program_name,
    trackId: record.track_id,
    trackName: record.track_name,
    name: record.name,
    groupType: record.group_type,
    topic: record.topic,
    facilitatorId: record.facilitator_id,
    facilitatorName: record.facilitator_name,
    room: record.room,
    videoUrl: record.video_url,
    capacity: record.capacity,
    waitlistEnabled: record.waitlist_enabled,
    eligiblePopulation: record.eligible_population,
    eligibleGender: record.eligible_gender,
    eligibleSpecialty: record.eligible_specialty,
    rrule: record.rrule,
    startsOn: record.starts_on,
    endsOn: record.ends_on,
    startTime: record.start_time.slice(0, 5),
    durationMinutes: record.duration_minutes,
    active: record.active,
    enrolledCount: counts?.enrolled ?? 0,
    waitlistCount: counts?.waitlisted ?? 0,
    nextOccurrences: record.active ? nextOccurrences(schedule, now) : [],
  };
}

export async function loadGroup(db: Db, orgId: string, groupId: string, now: Date): Promise<Group | undefined> {
  const record = await getGroupRecord(db, orgId, groupId);
  if (!record) return undefined;
  return toGroup(record, (await seatCounts(db, orgId, [record], now)).get(groupId), now);
}

export async function loadGroups(db: Db, actor: StaffActor, filter: { facilityId?: string | undefined; includeInactive?: boolean | undefined }, now: Date): Promise<Group[]> {
  const records = await listGroupRecords(db, actor.orgId, actor.facilities, filter);
  const counts = await seatCounts(db, actor.orgId, records, now);
  return records.map((r) => toGroup(r, counts.get(r.group_id), now));
}
