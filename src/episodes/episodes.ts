/** Episodes of care: admit, change phase, discharge, and the program census. Each action is one audited transaction. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError, type ErrorCode } from '../http/errors.ts';
import { lockPatient } from '../patients/patients.store.ts';
import { displayName } from '../patients/patient-rules.ts';
import { findLevel } from '../programs/levels-of-care.ts';
import { lockSeatedGroupsOfEpisode, promoteFromWaitlist } from '../scheduling/enrollments.ts';
import { aftercareProblems, aftercareRequired } from '../aftercare/aftercare-rules.ts';
import { recordAftercareAtDischarge } from '../aftercare/aftercare.ts';
import { addDays, localDateOf } from '../time/local-time.ts';
import { summariseCensus } from './census.ts';
import { type EpisodeViolation, admissionDateViolation, dischargeViolation, phaseChangeViolation } from './episode-rules.ts';
import type { AdmitInput, Census, DischargeInput, Episode, ExtendStayInput, PhaseChangeInput } from './episodes.schemas.ts';
import { extensionViolation, lengthOfStay } from './length-of-stay.ts';
import {
  type EpisodeViewRow,
  extendExpectedDischarge,
  activeEpisodeInProgram,
  censusEpisodeRows,
  censusProgram,
  dischargeEpisode,
  endEnrollmentsOfEpisode,
  episodeViewRows,
  insertEpisode,
  lockEpisode,
  phaseHistoryRows,
  phaseOfProgram,
  programForAdmission,
  recordPhase,
  setEpisodePhase,
  staffStatusAndRoles,
  stayExtensionRows,
  trackOfProgram,
} from './episodes.store.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Problem = { code: ErrorCode; path: string; message: string };

function rejectProblems(problems: Problem[], message: string): void {
  const first = problems[0];
  if (first) throw new AppError(422, first.code, message, problems.map(({ path, message: m }) => ({ path, message: m })));
}

function rejectViolation(violation: EpisodeViolation | undefined): void {
  if (!violation) return;
  if (violation.kind === 'not_active') throw new AppError(409, 'episode_not_active', violation.message);
  throw new AppError(422, 'date_out_of_range', `The date ${violation.message}.`, [{ path: violation.path, message: violation.message }]);
}

type Extensions = Awaited<ReturnType<typeof stayExtensionRows>>;

function toEpisode(row: EpisodeViewRow, history: Awaited<ReturnType<typeof phaseHistoryRows>>, extensions: Extensions, now: Date): Episode {
  return {
    episodeId: row.episode_id,
    patientId: row.patient_id,
    programId: row.program_id,
    programName: row.program_name,
    facilityId: row.facility_id,
    status: row.status,
    admittedOn: row.admitted_on,
    referralSource: row.referral_source,
    levelOfCare: row.level_of_care,
    phaseId: row.phase_id,
    phaseName: row.phase_name,
    trackId: row.track_id,
    trackName: row.track_name,
    primaryClinicianId: row.primary_clinician_id,
    primaryClinicianName: row.clinician_name,
    dischargedOn: row.discharged_on,
    dischargeReason: row.discharge_reason,
    dischargeSummary: row.discharge_summary,
    phaseHistory: history
      .filter((h) => h.episode_id === row.episode_id)
      .map((h) => ({ effectiveOn: h.effective_on, phaseId: h.phase_id, phaseName: h.phase_name, reason: h.reason, changedByName: h.changed_by_name })),
    band: { minHoursPerWeek: row.min_hours_per_week, maxHoursPerWeek: row.max_hours_per_week, requiredDaysPerWeek: row.required_days_per_week },
    expectedDischargeOn: row.expected_discharge_on,
    lengthOfStay: lengthOfStay(
      { admittedOn: row.admitted_on, expectedDischargeOn: row.expected_discharge_on, dischargedOn: row.discharged_on },
      localDateOf(now, row.time_zone),
    ),
    extensions: extensions
      .filter((x) => x.episode_id === row.episode_id)
      .map((x) => ({
        previousExpectedOn: x.previous_expected_on,
        newExpectedOn: x.new_expected_on,
        reason: x.reason,
        extendedBy: { staffId: x.extended_by, fullName: x.extended_by_name },
        createdAt: x.created_at.toISOString(),
      })),
  };
}

/**
 * A patient's episodes (newest admission first), or one episode, with where each stands in
 * its expected stay as of `now` in the program's facility. Reads only; callers audit.
 */
export async function loadEpisodes(db: Db, orgId: string, filter: { patientId: string } | { episodeId: string }, now: Date): Promise<Episode[]> {
  const rows = await episodeViewRows(db, orgId, filter);
  const ids = rows.map((r) => r.episode_id);
  const [history, extensions] = await Promise.all([phaseHistoryRows(db, orgId, ids), stayExtensionRows(db, orgId, ids)]);
  return rows.map((row) => toEpisode(row, history, extensions, now));
}

const loadOne = async (db: Db, orgId: string, episodeId: string, now: Date) => (await loadEpisodes(db, orgId, { episodeId }, now))[0]!;

/** Clinicians and clinical directors carry a caseload; others cannot be the primary clinician. */
const CASELOAD_ROLES = ['clinician', 'clinical_director'];

export async function admitPatient(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: AdmitInput): Promise<Episode> {
  return deps.db.transaction().execute(async (trx) => {
    // Locking the patient serializes admissions of the same patient, so the one-active check holds.
    if (!(await lockPatient(trx, actor.orgId, patientId))) throw new AppError(404, 'patient_not_found', 'No such patient.');
    const program = await programForAdmission(trx, actor.orgId, input.programId);
    if (!program) throw new AppError(422, 'program_not_found', 'No such program.', [{ path: 'programId', message: 'does not exist' }]);
    if (!canSeeFacility(actor, program.facility_id)) throw new AppError(403, 'facility_forbidden', 'The program is at a facility you are not assigned to.');
    if (!program.active) throw new AppError(422, 'program_inactive', 'This program no longer admits patients.', [{ path: 'programId', message: 'is inactive' }]);
    const problems: Problem[] = [];
    if (!(await phaseOfProgram(trx, actor.orgId, program.program_id, input.phaseId))) {
      problems.push({ code: 'phase_not_found', path: 'phaseId', message: 'is not a phase of this program' });
    }
    if (input.trackId && !(await trackOfProgram(trx, actor.orgId, program.program_id, input.trackId))) {
      problems.push({ code: 'phase_not_found', path: 'trackId', message: 'is not a track of this program' });
    }
    const clinician = await staffStatusAndRoles(trx, actor.orgId, input.primaryClinicianId);
    if (!clinician || clinician.status !== 'active' || !clinician.roles.some((r) => CASELOAD_ROLES.includes(r))) {
      problems.push({ code: 'clinician_not_found', path: 'primaryClinicianId', message: 'is not an active clinician or clinical director' });
    }
    const levelOfCare = input.levelOfCare ?? program.level_of_care;
    if (!findLevel(program.asam_edition, levelOfCare)) {
      problems.push({ code: 'level_of_care_unknown', path: 'levelOfCare', message: `is not a level of care in ASAM edition ${program.asam_edition}` });
    }
    const date = admissionDateViolation(input.admittedOn, localDateOf(deps.clock.now(), program.time_zone));
    if (date?.kind === 'date_out_of_range') problems.push({ code: 'date_out_of_range', path: date.path, message: date.message });
    rejectProblems(problems, 'Check the admission details.');
    if (await activeEpisodeInProgram(trx, actor.orgId, patientId, program.program_id)) {
      throw new AppError(409, 'episode_already_active', 'The patient already has an active episode in this program.', [{ path: 'programId', message: 'already active' }]);
    }
    const episodeId = randomUUID();
    const now = deps.clock.now();
    await insertEpisode(trx, actor.orgId, {
      episode_id: episodeId,
      patient_id: patientId,
      program_id: program.program_id,
      admitted_on: input.admittedOn,
      referral_source: input.referralSource.trim(),
      level_of_care: levelOfCare,
      phase_id: input.phaseId,
      track_id: input.trackId ?? null,
      primary_clinician_id: input.primaryClinicianId,
      // The program's expected length of stay sets the first expected discharge; only a documented extension moves it.
      expected_discharge_on: addDays(input.admittedOn, program.expected_length_of_stay_days),
    }, now);
    // The admission's phase is the first row of the history that hours compliance reads.
    await recordPhase(trx, actor.orgId, { episodeId, effectiveOn: input.admittedOn, phaseId: input.phaseId, changedBy: actor.staffId, reason: null }, now);
    await recordAudit(trx, audit, { action: 'create', entity: 'episode', entityId: episodeId, patientId, details: { programId: program.program_id, phaseId: input.phaseId, admittedOn: input.admittedOn } });
    return loadOne(trx, actor.orgId, episodeId, now);
  });
}

async function lockedEpisode(trx: Transaction<Database>, orgId: string, episodeId: string) {
  const episode = await lockEpisode(trx, orgId, episodeId);
  if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
  return { ...episode, dates: { status: episode.status, admittedOn: episode.admitted_on, lastPhaseChangeOn: episode.last_phase_change_on ?? episode.admitted_on } };
}

/** Changing an episode acts at its program's facility, so the caller must work there, as for admission. */
function refuseOtherFacility(actor: StaffActor, episode: { program_facility_id: string }): void {
  if (!canSeeFacility(actor, episode.program_facility_id)) throw new AppError(403, 'facility_forbidden', 'The episode’s program is at a facility you are not assigned to.');
}

export async function changePhase(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: PhaseChangeInput): Promise<Episode> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockedEpisode(trx, actor.orgId, episodeId);
    refuseOtherFacility(actor, episode);
    const now = deps.clock.now();
    rejectViolation(phaseChangeViolation(episode.dates, input.effectiveOn, localDateOf(now, episode.time_zone)));
    if (!(await phaseOfProgram(trx, actor.orgId, episode.program_id, input.phaseId))) {
      throw new AppError(422, 'phase_not_found', 'That phase is not part of this episode’s program.', [{ path: 'phaseId', message: 'is not a phase of this program' }]);
    }
    if (input.phaseId === episode.phase_id) {
      throw new AppError(422, 'validation_failed', 'The episode is already in this phase.', [{ path: 'phaseId', message: 'is the current phase' }]);
    }
    const reason = input.reason?.trim() || null;
    await recordPhase(trx, actor.orgId, { episodeId, effectiveOn: input.effectiveOn, phaseId: input.phaseId, changedBy: actor.staffId, reason }, now);
    await setEpisodePhase(trx, actor.orgId, episodeId, input.phaseId, now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'episode',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { change: 'phase', fromPhaseId: episode.phase_id, toPhaseId: input.phaseId, effectiveOn: input.effectiveOn },
    });
    return loadOne(trx, actor.orgId, episodeId, now);
  });
}

export async function dischargePatient(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: DischargeInput): Promise<Episode> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockedEpisode(trx, actor.orgId, episodeId);
    refuseOtherFacility(actor, episode);
    const now = deps.clock.now();
    rejectViolation(dischargeViolation(episode.dates, input.dischargedOn, localDateOf(now, episode.time_zone)));
    // Completing the program or stepping down hands the patient on: that needs a transition plan.
    if (!input.aftercare && aftercareRequired(input.reason)) {
      throw new AppError(422, 'aftercare_required', 'A discharge that completes the program or steps down to outpatient care needs an aftercare plan.', [
        { path: 'aftercare', message: `is required when the reason is ${input.reason}` },
      ]);
    }
    if (input.aftercare) rejectProblems(aftercareProblems(input.aftercare, input.dischargedOn), 'Check the aftercare plan.');
    await dischargeEpisode(trx, actor.orgId, episodeId, { dischargedOn: input.dischargedOn, reason: input.reason, summary: input.summary.trim() }, now);
    // Group places belong to the episode: they end with it, waitlist places too. Each freed
    // seat goes to its group's waitlist (groups locked first, in group-id order, as /end does).
    const seatedGroupIds = await lockSeatedGroupsOfEpisode(trx, actor.orgId, episodeId);
    const endedEnrollments = await endEnrollmentsOfEpisode(trx, actor.orgId, episodeId, input.dischargedOn, now);
    for (const groupId of seatedGroupIds) await promoteFromWaitlist(trx, actor.orgId, audit, groupId, now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'episode',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { change: 'discharge', dischargedOn: input.dischargedOn, reason: input.reason, endedEnrollments, aftercare: input.aftercare !== undefined },
    });
    if (input.aftercare) {
      await recordAftercareAtDischarge(trx, audit, { episodeId, patientId: episode.patient_id, dischargedOn: input.dischargedOn, createdBy: actor.staffId, plan: input.aftercare }, now);
    }
    return loadOne(trx, actor.orgId, episodeId, now);
  });
}

/** Moves the expected discharge later, with the reason on record. */
export async function extendStay(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: ExtendStayInput): Promise<Episode> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockedEpisode(trx, actor.orgId, episodeId);
    refuseOtherFacility(actor, episode);
    const now = deps.clock.now();
    rejectViolation(extensionViolation({ status: episode.status, admittedOn: episode.admitted_on, expectedDischargeOn: episode.expected_discharge_on }, input.newExpectedOn));
    await extendExpectedDischarge(trx, actor.orgId, {
      extensionId: randomUUID(),
      episodeId,
      previousExpectedOn: episode.expected_discharge_on,
      newExpectedOn: input.newExpectedOn,
      reason: input.reason.trim(),
      extendedBy: actor.staffId,
    }, now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'episode',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { change: 'extend_stay', previousExpectedOn: episode.expected_discharge_on, newExpectedOn: input.newExpectedOn },
    });
    return loadOne(trx, actor.orgId, episodeId, now);
  });
}

export async function programCensus(deps: AppDeps, audit: AuditContext, programId: string): Promise<Census> {
  return deps.db.transaction().execute(async (trx) => {
    const loaded = await censusProgram(trx, audit.orgId, programId);
    if (!loaded) throw new AppError(404, 'not_found', 'No such program.');
    const today = localDateOf(deps.clock.now(), loaded.program.time_zone);
    const rows = await censusEpisodeRows(trx, audit.orgId, programId, addDays(today, -29));
    const summary = summariseCensus({
      today,
      phases: loaded.phases.map((p) => ({ phaseId: p.phase_id, name: p.name })),
      tracks: loaded.tracks.map((t) => ({ trackId: t.track_id, name: t.name })),
      episodes: rows.map((r) => ({
        patientId: r.patient_id,
        name: displayName({ legalGivenName: r.legal_given_name, legalFamilyName: r.legal_family_name, preferredName: r.preferred_name }),
        mrn: r.mrn,
        status: r.status,
        phaseId: r.phase_id,
        trackId: r.track_id,
        admittedOn: r.admitted_on,
        dischargedOn: r.discharged_on,
        dischargeReason: r.discharge_reason,
        primaryClinicianName: r.clinician_name,
      })),
    });
    await recordAudit(trx, audit, { action: 'read', entity: 'program_census', entityId: programId, details: { patientIds: summary.patients.map((p) => p.patientId) } });
    return { programId, programName: loaded.program.name, ...summary };
  });
}
