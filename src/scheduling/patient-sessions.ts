/** A patient's week, and booking one-off individual or family sessions for them. */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { addDays, instantAt, isLocalDate, isoWeekday, localDateOf, localTimeOf, minutesBetween, weekStartOf } from '../time/local-time.ts';
import { scheduleConflicts } from './conflicts.ts';
import { isClinicianAt } from './groups.store.ts';
import { getPatientFacts, isPatientOfFacility, patientHomeFacility } from './patient-facts.store.ts';
import type { CalendarSession, IndividualSessionInput, PatientSchedule } from './sessions.schemas.ts';
import { bookedSessionsOfPatient, enrolledGroupIds, insertSession, patientSessionViews, sessionsLedBy } from './sessions.store.ts';
import { ensureGroupSessions, loadSession, toCalendarSession } from './sessions.ts';

/**
 * The sessions a patient is rostered on in one facility week (the week of their active
 * episode's facility, else their registering facility's): enrolled groups, individual and
 * family sessions, and anything they have attendance for. Cancelled sessions are listed,
 * flagged, and not counted in scheduledMinutes. Staff charts and the patient portal share it.
 */
export async function loadPatientSchedule(deps: AppDeps, orgId: string, audit: AuditContext, patientId: string, weekOf: string | undefined): Promise<PatientSchedule> {
  if (weekOf !== undefined && !isLocalDate(weekOf)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: 'weekOf', message: 'is not a real date' }]);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = await patientHomeFacility(trx, orgId, patientId);
    const patient = await getPatientFacts(trx, orgId, patientId);
    if (!facility || !patient) throw new AppError(404, 'patient_not_found', 'No such patient.');
    const weekStart = weekStartOf(weekOf ?? localDateOf(now, facility.time_zone), facility.week_starts_on);
    const weekEnd = addDays(weekStart, 6);
    await ensureGroupSessions(trx, orgId, await enrolledGroupIds(trx, orgId, patientId), weekStart, weekEnd, now);
    const views = await patientSessionViews(trx, orgId, patientId, weekStart, weekEnd);
    await recordAudit(trx, audit, { action: 'read', entity: 'patient_schedule', patientId, details: { weekStart, sessions: views.length } });
    const sessions = views.map((view) => ({
      ...toCalendarSession(view),
      enrollmentId: view.enrollment_id,
      attendance: view.attendance_status
        ? {
            status: view.attendance_status,
            checkedInAt: view.checked_in_at?.toISOString() ?? null,
            checkedOutAt: view.checked_out_at?.toISOString() ?? null,
            minutesAttended: view.minutes_attended ?? 0,
            method: view.attendance_method ?? 'staff_entry',
            telehealth: view.attendance_method === 'telehealth',
            correctionReason: view.correction_reason,
          }
        : null,
    }));
    const scheduledMinutes = views.filter((v) => v.status === 'scheduled').reduce((sum, v) => sum + minutesBetween(v.starts_at, v.ends_at), 0);
    return { weekStart, weekEnd, timeZone: facility.time_zone, scheduledMinutes, sessions, availability: patient.availability };
  });
}

const defaultTitle = { individual: 'Individual session', family: 'Family session' } as const;

/**
 * Books an individual or family session. A clash with the patient's other sessions or the
 * clinician's is refused (409 schedule_conflict) until staff acknowledge it.
 */
export async function bookPatientSession(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: IndividualSessionInput): Promise<CalendarSession> {
  if (!isLocalDate(input.date)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: 'date', message: 'is not a real date' }]);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = input.facilityId ? await getFacility(trx, actor.orgId, input.facilityId) : await patientHomeFacility(trx, actor.orgId, patientId);
    if (!facility) throw new AppError(422, 'facility_not_found', 'No such facility.', [{ path: 'facilityId', message: 'does not exist' }]);
    if (!canSeeFacility(actor, facility.facility_id)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
    // A session elsewhere would put the patient on another facility's calendar, in front of a
    // team that does not treat them: only where they are registered or in an active episode.
    if (input.facilityId && !(await isPatientOfFacility(trx, actor.orgId, patientId, input.facilityId))) {
      throw new AppError(422, 'validation_failed', 'The patient is not a patient of this facility.', [{ path: 'facilityId', message: 'the patient is not a patient of this facility' }]);
    }
    if (!(await isClinicianAt(trx, actor.orgId, input.clinicianId, facility.facility_id))) {
      throw new AppError(422, 'clinician_not_found', 'The clinician must be an active clinician, clinical director or medical staff member assigned to this facility.', [
        { path: 'clinicianId', message: 'is not an active clinical staff member at this facility' },
      ]);
    }
    const startsAt = instantAt(input.date, input.startTime, facility.time_zone);
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    await ensureGroupSessions(trx, actor.orgId, await enrolledGroupIds(trx, actor.orgId, patientId), input.date, input.date, now);
    const patientBooked = await bookedSessionsOfPatient(trx, actor.orgId, patientId, startsAt, endsAt);
    const clinicianBooked = (await sessionsLedBy(trx, actor.orgId, input.clinicianId, startsAt, endsAt)).filter((s) => !patientBooked.some((p) => p.session_id === s.session_id));
    const meeting = { localDate: input.date, dayOfWeek: isoWeekday(input.date), localStart: localTimeOf(startsAt, facility.time_zone), durationMinutes: input.durationMinutes, startsAt, endsAt };
    // The patient's own sessions are named; the clinician's others only described (conflicts.ts).
    const booked = [...patientBooked.map((s) => ({ s, title: s.title })), ...clinicianBooked.map((s) => ({ s, title: null }))].map(({ s, title }) => ({
      title,
      localDate: s.local_date,
      localStart: localTimeOf(s.starts_at, s.time_zone),
      localEnd: localTimeOf(s.ends_at, s.time_zone),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
    }));
    const conflicts = scheduleConflicts([meeting], [], booked);
    if (conflicts.length > 0 && !input.acknowledgeConflicts) {
      throw new AppError(409, 'schedule_conflict', 'This time clashes with the patient’s or the clinician’s sessions. Review the conflicts and confirm to book anyway.', conflicts.map((c) => ({ path: 'startTime', ...c, message: c.description })));
    }
    const sessionId = randomUUID();
    await insertSession(trx, {
      org_id: actor.orgId,
      session_id: sessionId,
      facility_id: facility.facility_id,
      kind: input.kind,
      group_id: null,
      occurrence_key: null,
      patient_id: patientId,
      clinician_id: input.clinicianId,
      title: input.title?.trim() || defaultTitle[input.kind],
      starts_at: startsAt,
      ends_at: endsAt,
      local_date: input.date,
      room: input.room?.trim() || null,
      video_url: input.videoUrl ?? null,
      status: 'scheduled',
      moved: false,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, audit, { action: 'create', entity: 'session', entityId: sessionId, patientId, details: { kind: input.kind, clinicianId: input.clinicianId, startsAt: startsAt.toISOString(), conflictsAcknowledged: conflicts.length } });
    return loadSession(trx, actor.orgId, sessionId);
  });
}
