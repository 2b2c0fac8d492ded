/**
 * Everything staff weigh before enrolling a patient in a group: the episode it belongs to,
 * eligibility, conflicts over the first four weeks, and seats. Shared by the check (a
 * preview) and the enrolment itself (which holds the group row locked while it decides).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates, isLocalDate, isoWeekday, localDateOf, localTimeOf, startOfLocalDay } from '../time/local-time.ts';
import { type ScheduleConflict, scheduleConflicts } from './conflicts.ts';
import { type EligibilityProblem, eligibilityProblems } from './eligibility.ts';
import { seatIntervals } from './enrollments.store.ts';
import { type GroupRecord, getGroupRecord, lockGroup } from './groups.store.ts';
import { type PatientFactsRow, activeEpisodesAt, getEpisodeAt, getPatientFacts } from './patient-facts.store.ts';
import { seatsTakenFrom } from './seats.ts';
import { ensureGroupSessions } from './sessions.ts';
import { type SessionView, bookedSessionsOfPatient, enrolledGroupIds, scheduledSessionsOfGroup } from './sessions.store.ts';

/** Conflicts are looked for over the first four weeks of the enrolment. */
export const CONFLICT_WINDOW_DAYS = 28;

export interface EnrollmentRequest {
  readonly groupId: string;
  readonly episodeId?: string | undefined;
  readonly startsOn?: string | undefined;
}

export interface EnrollmentAssessment {
  readonly group: GroupRecord;
  readonly patient: PatientFactsRow;
  readonly episodeId: string;
  readonly startsOn: LocalDate;
  readonly problems: EligibilityProblem[];
  readonly conflicts: ScheduleConflict[];
  readonly enrolled: number;
  readonly seatsLeft: number;
  readonly full: boolean;
  readonly waitlistAvailable: boolean;
}

const groupNotFound = () => new AppError(422, 'group_not_found', 'No such group at a facility you are assigned to.', [{ path: 'groupId', message: 'does not exist' }]);

async function episodeFor(trx: Transaction<Database>, orgId: string, patientId: string, group: GroupRecord, episodeId: string | undefined) {
  if (episodeId) {
    const episode = await getEpisodeAt(trx, orgId, episodeId);
    if (!episode || episode.patient_id !== patientId) throw new AppError(422, 'episode_not_active', 'That is not an episode of this patient.', [{ path: 'episodeId', message: 'is not this patient’s episode' }]);
    if (episode.facility_id !== group.facility_id) throw new AppError(422, 'episode_not_active', 'That episode is at another facility.', [{ path: 'episodeId', message: 'is at another facility' }]);
    if (episode.status !== 'active') throw new AppError(409, 'episode_not_active', 'That episode has ended; a patient joins groups during an active episode.', [{ path: 'episodeId', message: 'is not active' }]);
    return episode;
  }
  const episodes = await activeEpisodesAt(trx, orgId, patientId, group.facility_id);
  // Prefer the episode in the group's own program when the patient has several at the facility.
  const episode = episodes.find((e) => e.program_id === group.program_id) ?? episodes[0];
  if (!episode) throw new AppError(409, 'episode_not_active', `The patient has no active episode at ${group.facility_name}; admit them to a program there first.`, [{ path: 'episodeId', message: 'no active episode at this facility' }]);
  return episode;
}

const toBooked = (s: SessionView) => ({
  title: s.title,
  localDate: s.local_date,
  localStart: localTimeOf(s.starts_at, s.time_zone),
  localEnd: localTimeOf(s.ends_at, s.time_zone),
  startsAt: s.starts_at,
  endsAt: s.ends_at,
});

/** Assesses an enrolment. With `lock`, the group row stays locked until the transaction ends. */
export async function assessEnrollment(trx: Transaction<Database>, actor: StaffActor, patientId: string, request: EnrollmentRequest, now: Date, lock: boolean): Promise<EnrollmentAssessment> {
  // Lock first, before counting anything: concurrent enrolments in this group queue here.
  if (lock && !(await lockGroup(trx, actor.orgId, request.groupId))) throw groupNotFound();
  const group = await getGroupRecord(trx, actor.orgId, request.groupId);
  if (!group || !canSeeFacility(actor, group.facility_id)) throw groupNotFound();
  if (!group.active) throw new AppError(409, 'conflict', 'This group no longer meets.', [{ path: 'groupId', message: 'is inactive' }]);
  const patient = await getPatientFacts(trx, actor.orgId, patientId);
  if (!patient) throw new AppError(404, 'patient_not_found', 'No such patient.');

  const today = localDateOf(now, group.time_zone);
  const startsOn = request.startsOn ?? (compareDates(group.starts_on, today) > 0 ? group.starts_on : today);
  if (!isLocalDate(startsOn)) throw new AppError(422, 'validation_failed', 'Not a calendar day.', [{ path: 'startsOn', message: 'is not a real date' }]);
  if (group.ends_on && compareDates(startsOn, group.ends_on) > 0) throw new AppError(422, 'date_out_of_range', `The group ends on ${group.ends_on}.`, [{ path: 'startsOn', message: 'is after the group ends' }]);
  const episode = await episodeFor(trx, actor.orgId, patientId, group, request.episodeId);
  if (compareDates(startsOn, episode.admitted_on) < 0) throw new AppError(422, 'date_out_of_range', `The episode begins on ${episode.admitted_on}.`, [{ path: 'startsOn', message: 'is before admission' }]);

  const problems = eligibilityProblems(
    { population: group.eligible_population ?? group.program_population ?? null, gender: group.eligible_gender, specialty: group.eligible_specialty },
    { dateOfBirth: patient.date_of_birth, genderIdentity: patient.gender_identity, specialtyPopulations: patient.specialty_populations },
    startsOn,
  );

  const windowEnd = addDays(startsOn, CONFLICT_WINDOW_DAYS - 1);
  await ensureGroupSessions(trx, actor.orgId, [group.group_id, ...(await enrolledGroupIds(trx, actor.orgId, patientId))], startsOn, windowEnd, now);
  const planned = (await scheduledSessionsOfGroup(trx, actor.orgId, group.group_id, startsOn, windowEnd)).map((s) => ({
    localDate: s.local_date,
    dayOfWeek: isoWeekday(s.local_date),
    localStart: localTimeOf(s.starts_at, s.time_zone),
    durationMinutes: Math.round((s.ends_at.getTime() - s.starts_at.getTime()) / 60_000),
    startsAt: s.starts_at,
    endsAt: s.ends_at,
  }));
  const booked = await bookedSessionsOfPatient(trx, actor.orgId, patientId, startOfLocalDay(startsOn, group.time_zone), startOfLocalDay(addDays(windowEnd, 1), group.time_zone), group.group_id);
  const conflicts = scheduleConflicts(planned, patient.availability, booked.map(toBooked));

  // Seats taken on the busiest day from the start on (seats.ts): a seat still held by someone
  // ending later, or promised to someone seated later, is not free.
  const enrolled = seatsTakenFrom(await seatIntervals(trx, actor.orgId, group.group_id, startsOn), startsOn);
  const seatsLeft = Math.max(0, group.capacity - enrolled);
  return { group, patient, episodeId: episode.episode_id, startsOn, problems, conflicts, enrolled, seatsLeft, full: seatsLeft === 0, waitlistAvailable: group.waitlist_enabled };
}
