/**
 * Enrolling patients in groups: eligibility (with a clinician's override), conflicts
 * (acknowledged by staff), seats under a lock, the waitlist, and ending an enrolment,
 * which offers the freed seat to the patient who has waited longest.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { ELIGIBILITY_OVERRIDERS } from '../staff/roles.ts';
import { compareDates, isLocalDate, localDateOf } from '../time/local-time.ts';
import { type EnrollmentRequest, assessEnrollment } from './enrollment-assessment.ts';
import type { Enrollment, EnrollmentCheck, EnrollmentInput } from './enrollments.schemas.ts';
import {
  type EnrollmentView,
  currentEnrollment,
  firstWaitlisted,
  getEnrollment,
  getEnrollmentView,
  groupEnrollmentViews,
  insertEnrollment,
  lockEnrollment,
  patientEnrollmentViews,
  seatIntervals,
  updateEnrollment,
} from './enrollments.store.ts';
import { getGroupRecord, lockGroup } from './groups.store.ts';
import { firstFreeSeatDay, latestEndDay } from './seats.ts';
import { displayName } from './sessions.ts';

export function toEnrollment(view: EnrollmentView): Enrollment {
  return {
    enrollmentId: view.enrollment_id,
    groupId: view.group_id,
    groupName: view.group_name,
    patientId: view.patient_id,
    patientName: displayName(view) ?? '',
    episodeId: view.episode_id,
    status: view.status,
    startsOn: view.starts_on,
    endsOn: view.ends_on,
    overrideReason: view.override_reason,
    waitlistPosition: view.waitlist_position === null ? null : Number(view.waitlist_position),
  };
}

async function loadEnrollment(trx: Transaction<Database>, orgId: string, enrollmentId: string): Promise<Enrollment> {
  return toEnrollment((await getEnrollmentView(trx, orgId, enrollmentId))!);
}

/** A preview of an enrolment: eligibility, seats and conflicts, without enrolling. */
export async function checkEnrollment(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, request: EnrollmentRequest): Promise<EnrollmentCheck> {
  return deps.db.transaction().execute(async (trx) => {
    const a = await assessEnrollment(trx, actor, patientId, request, deps.clock.now(), false);
    await recordAudit(trx, audit, { action: 'read', entity: 'enrollment_check', entityId: a.group.group_id, patientId, details: { eligible: a.problems.length === 0, conflicts: a.conflicts.length } });
    return {
      eligible: a.problems.length === 0,
      eligibilityProblems: a.problems.map(({ rule, message }) => ({ rule, message })),
      seatsLeft: a.seatsLeft,
      full: a.full,
      waitlistAvailable: a.waitlistAvailable,
      conflicts: a.conflicts.map((c) => ({ ...c })),
    };
  });
}

/**
 * Enrols a patient, or puts them on the waitlist. The group row is locked before seats are
 * counted, so of two requests for the last seat one gets it and the other hears group_full.
 */
export async function enrol(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: EnrollmentInput): Promise<Enrollment> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const a = await assessEnrollment(trx, actor, patientId, input, now, true);
    if (await currentEnrollment(trx, actor.orgId, a.group.group_id, patientId)) {
      throw new AppError(409, 'already_enrolled', 'The patient is already in this group or on its waitlist.', [{ path: 'groupId', message: 'already enrolled' }]);
    }
    const override = a.problems.length > 0;
    if (override) {
      if (!input.overrideReason) {
        throw new AppError(422, 'not_eligible', 'The patient does not meet this group’s eligibility. A clinician may enrol them with a reason.', a.problems.map((p) => ({ path: 'groupId', rule: p.rule, message: p.message })));
      }
      // Enrolling outside eligibility is a clinical judgement (roles.ts: ELIGIBILITY_OVERRIDERS).
      if (!actor.roles.some((role) => ELIGIBILITY_OVERRIDERS.includes(role))) {
        throw new AppError(403, 'forbidden', 'Only a clinician or clinical director may enrol a patient outside a group’s eligibility.', { allowedRoles: ELIGIBILITY_OVERRIDERS });
      }
    }
    if (a.conflicts.length > 0 && !input.acknowledgeConflicts) {
      throw new AppError(409, 'schedule_conflict', 'This group clashes with the patient’s schedule. Review the conflicts and confirm to enrol anyway.', a.conflicts.map((c) => ({ path: 'groupId', ...c, message: c.description })));
    }
    let status: 'enrolled' | 'waitlisted' = 'enrolled';
    if (a.full) {
      if (!(input.joinWaitlist && a.waitlistAvailable)) {
        throw new AppError(409, 'group_full', a.waitlistAvailable ? 'This group is full; the patient can join its waitlist.' : 'This group is full and has no waitlist.', { waitlistAvailable: a.waitlistAvailable });
      }
      status = 'waitlisted';
    }
    const enrollmentId = randomUUID();
    await insertEnrollment(trx, {
      org_id: actor.orgId,
      enrollment_id: enrollmentId,
      group_id: a.group.group_id,
      patient_id: patientId,
      episode_id: a.episodeId,
      status,
      starts_on: a.startsOn,
      ends_on: null,
      seated_on: status === 'enrolled' ? a.startsOn : null,
      override_reason: override ? input.overrideReason!.trim() : null,
      override_by: override ? actor.staffId : null,
      created_by: actor.staffId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'group_enrollment',
      entityId: enrollmentId,
      patientId,
      details: { groupId: a.group.group_id, episodeId: a.episodeId, status, startsOn: a.startsOn, eligibilityOverride: override, overriddenRules: a.problems.map((p) => p.rule), conflictsAcknowledged: a.conflicts.length },
    });
    // Full from the asked day, but a seat may free later (a member ending on a future day):
    // the waitlist, this patient included, is offered it now, in the order patients joined.
    if (status === 'waitlisted') await promoteFromWaitlist(trx, actor.orgId, audit, a.group.group_id, now);
    return loadEnrollment(trx, actor.orgId, enrollmentId);
  });
}

/**
 * Ends an enrolment (or a waitlist place) on a day: the seat stays taken through that day,
 * and is then offered to the longest-waiting patient. The day may not precede the start nor
 * lie more than a year ahead.
 */
export async function endEnrollment(deps: AppDeps, actor: StaffActor, audit: AuditContext, enrollmentId: string, endsOn: string): Promise<Enrollment> {
  if (!isLocalDate(endsOn)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: 'endsOn', message: 'is not a real date' }]);
  return deps.db.transaction().execute(async (trx) => {
    const peek = await getEnrollment(trx, actor.orgId, enrollmentId);
    if (!peek) throw new AppError(404, 'not_found', 'No such enrolment.');
    // The group first, then the enrolment: the same order as enrolling, so the two never deadlock.
    await lockGroup(trx, actor.orgId, peek.group_id);
    const group = (await getGroupRecord(trx, actor.orgId, peek.group_id))!;
    // Reaching the patient is not enough: the group's seats belong to its facility's team.
    if (!canSeeFacility(actor, group.facility_id)) throw new AppError(403, 'facility_forbidden', 'This group is at a facility you are not assigned to.');
    const enrollment = (await lockEnrollment(trx, actor.orgId, enrollmentId))!;
    if (enrollment.status === 'ended') throw new AppError(409, 'not_enrolled', 'This enrolment has already ended.');
    if (compareDates(endsOn, enrollment.starts_on) < 0) throw new AppError(422, 'date_out_of_range', `The enrolment starts on ${enrollment.starts_on}.`, [{ path: 'endsOn', message: 'is before the enrolment starts' }]);
    const now = deps.clock.now();
    const latest = latestEndDay(localDateOf(now, group.time_zone));
    if (compareDates(endsOn, latest) > 0) throw new AppError(422, 'date_out_of_range', `An enrolment can be ended at most a year ahead (${latest}).`, [{ path: 'endsOn', message: 'is more than a year ahead' }]);
    await updateEnrollment(trx, actor.orgId, enrollmentId, { status: 'ended', ends_on: endsOn, updated_at: now });
    await recordAudit(trx, audit, { action: 'update', entity: 'group_enrollment', entityId: enrollmentId, patientId: enrollment.patient_id, details: { status: 'ended', from: enrollment.status, endsOn } });
    if (enrollment.status === 'enrolled') await promoteFromWaitlist(trx, actor.orgId, audit, enrollment.group_id, now);
    return loadEnrollment(trx, actor.orgId, enrollmentId);
  });
}

/**
 * Before a discharge ends an episode's places: locks the groups where it holds seats, in
 * group-id order, so the discharge queues behind enrolments in those groups as they do
 * behind each other; then promoteFromWaitlist fills each freed seat.
 */
export { lockSeatedGroupsOfEpisode } from './enrollments.store.ts';

/**
 * Offers free seats to waitlisted patients in the order they joined. Each is seated from the
 * first day, on or after both the facility's today and the day they asked to start, from
 * which a seat stays free (seats.ts): the day after a seat ends, when it ends in the future.
 * Stops when no seat frees before the group ends. Call with the group row locked (ending an
 * enrolment, a discharge, a raised capacity, a patient joining the waitlist).
 */
export async function promoteFromWaitlist(trx: Transaction<Database>, orgId: string, audit: AuditContext, groupId: string, now: Date): Promise<void> {
  const group = (await getGroupRecord(trx, orgId, groupId))!;
  const today = localDateOf(now, group.time_zone);
  for (;;) {
    const next = await firstWaitlisted(trx, orgId, groupId);
    if (!next) return;
    const from = compareDates(next.starts_on, today) > 0 ? next.starts_on : today;
    const seatedOn = firstFreeSeatDay(await seatIntervals(trx, orgId, groupId, from), group.capacity, from);
    if (seatedOn === null || (group.ends_on !== null && compareDates(seatedOn, group.ends_on) > 0)) return;
    await updateEnrollment(trx, orgId, next.enrollment_id, { status: 'enrolled', starts_on: seatedOn, seated_on: seatedOn, updated_at: now });
    await recordAudit(trx, audit, { action: 'update', entity: 'group_enrollment', entityId: next.enrollment_id, patientId: next.patient_id, details: { status: 'enrolled', from: 'waitlisted', promotedFromWaitlist: true, startsOn: seatedOn } });
  }
}

/** The group's members and waitlist; one audit event naming the patients read. */
export async function listGroupEnrollments(deps: AppDeps, actor: StaffActor, audit: AuditContext, groupId: string): Promise<Enrollment[]> {
  return deps.db.transaction().execute(async (trx) => {
    const group = await getGroupRecord(trx, actor.orgId, groupId);
    if (!group) throw new AppError(404, 'group_not_found', 'No such group.');
    const views = await groupEnrollmentViews(trx, actor.orgId, groupId, localDateOf(deps.clock.now(), group.time_zone));
    if (views.length) await recordAudit(trx, audit, { action: 'read', entity: 'group_enrollment', entityId: groupId, details: { patientIds: views.map((v) => v.patient_id) } });
    return views.map(toEnrollment);
  });
}

export async function listPatientEnrollments(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string): Promise<Enrollment[]> {
  return deps.db.transaction().execute(async (trx) => {
    const views = await patientEnrollmentViews(trx, actor.orgId, patientId);
    await recordAudit(trx, audit, { action: 'read', entity: 'group_enrollment', patientId, details: { count: views.length } });
    return views.map(toEnrollment);
  });
}
