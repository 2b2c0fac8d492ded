/**
 * Treatment plan actions: save a draft, the clinician's signature, the patient's signature
 * taken in the clinic, a review of the plan in force, custom measurements, the facility's
 * review worklist. Each is one audited transaction (audit entity `treatment_plan`; details
 * carry ids and codes, never plan text).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { displayName } from '../patients/patient-rules.ts';
import { compareDates, localDateOf } from '../time/local-time.ts';
import { applyPatientSignature } from './patient-signature.ts';
import { measurePlans } from './plan-progress.ts';
import { REVIEW_STATE_ORDER, contentProblems, findObjective, nextStatus, planReviewState, responsibleStaffIds, reviewDueOn, signingProblems } from './plan-rules.ts';
import { loadPlanView, toPlanVersion } from './plan-view.ts';
import type { InPersonSignatureInput, MeasurementInput, ObjectiveProgress, PlanContent, PlanDraftInput, PlanReviewInput, PlanReviewWorklist, PlanSignInput, PlanVersion, PlanView } from './plans.schemas.ts';
import {
  type PlanEpisodeRow,
  insertDraft,
  insertMeasurement,
  insertReview,
  lockPlanEpisode,
  nextVersionNumber,
  phaseIdsOfProgram,
  planEpisode,
  planVersionRows,
  replaceDraftContent,
  setClinicianSignature,
  setReviewDue,
  staffNames,
  worklistRows,
} from './plans.store.ts';

type Trx = Transaction<Database>;

async function lockedEpisode(trx: Trx, orgId: string, episodeId: string): Promise<PlanEpisodeRow> {
  const episode = await lockPlanEpisode(trx, orgId, episodeId);
  if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
  return episode;
}

/** Plans change only while the episode is active; a discharged episode's plan is a record. */
export function refuseDischarged(episode: PlanEpisodeRow): void {
  if (episode.status !== 'active') throw new AppError(409, 'episode_not_active', 'The episode has ended; its treatment plan can no longer change.');
}

/**
 * The episode whose plan a staff member changes, locked. As for every other change to an
 * episode (episodes.ts), the program's facility decides who may: a patient registered at a
 * facility the caller works at can be in a program at one they do not.
 */
async function episodeToChange(trx: Trx, actor: StaffActor, episodeId: string): Promise<PlanEpisodeRow> {
  const episode = await lockedEpisode(trx, actor.orgId, episodeId);
  if (!canSeeFacility(actor, episode.facility_id)) throw new AppError(403, 'facility_forbidden', 'The episode’s program is at a facility you are not assigned to.');
  refuseDischarged(episode);
  return episode;
}

/** One version as it stands now, with the names its interventions need. */
export async function loadVersion(trx: Trx, orgId: string, episode: PlanEpisodeRow, version: number, now: Date): Promise<PlanVersion> {
  const row = (await planVersionRows(trx, orgId, [episode.episode_id])).find((r) => r.version === version);
  if (!row) throw new AppError(404, 'not_found', 'No such plan version.');
  const names = new Map((await staffNames(trx, orgId, responsibleStaffIds(row.content as PlanContent))).map((s) => [s.staff_id, s.full_name]));
  return toPlanVersion(row, names, localDateOf(now, episode.time_zone));
}

const openVersionOf = async (trx: Trx, orgId: string, episodeId: string) =>
  (await planVersionRows(trx, orgId, [episodeId])).find((r) => r.status === 'draft' || r.status === 'awaiting_patient');

const activeVersionOf = async (trx: Trx, orgId: string, episodeId: string) => (await planVersionRows(trx, orgId, [episodeId])).find((r) => r.status === 'active');

export async function getPlanView(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string): Promise<PlanView> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await planEpisode(trx, actor.orgId, episodeId);
    if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
    const view = await loadPlanView(trx, actor.orgId, episode, deps.clock.now());
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'treatment_plan',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { activeVersion: view.active?.version ?? null, pendingVersion: view.pending?.version ?? null },
    });
    return view;
  });
}

/**
 * Saves the plan being written: replaces the open version's content (one awaiting the
 * patient goes back to draft and loses the clinician's signature), or starts version n + 1.
 */
export async function savePlanDraft(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: PlanDraftInput): Promise<PlanVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await episodeToChange(trx, actor, episodeId);
    const problems = contentProblems(input.content);
    if (problems.length) throw new AppError(422, 'plan_invalid', 'Check the plan: some entries cannot be saved.', problems);
    const now = deps.clock.now();
    const open = await openVersionOf(trx, actor.orgId, episodeId);
    let version: number;
    let change: 'draft_created' | 'draft_updated' | 'returned_to_draft';
    if (open) {
      if (nextStatus(open.status, 'edit') === null) throw new AppError(409, 'plan_not_draft', 'This version can no longer be edited.');
      await replaceDraftContent(trx, actor.orgId, episodeId, open.version, input.content, now);
      version = open.version;
      change = open.status === 'awaiting_patient' ? 'returned_to_draft' : 'draft_updated';
    } else {
      version = await nextVersionNumber(trx, actor.orgId, episodeId);
      await insertDraft(trx, actor.orgId, { episodeId, version, patientId: episode.patient_id, content: input.content, createdBy: actor.staffId }, now);
      change = 'draft_created';
    }
    await recordAudit(trx, audit, { action: change === 'draft_created' ? 'create' : 'update', entity: 'treatment_plan', entityId: episodeId, patientId: episode.patient_id, details: { change, version } });
    return loadVersion(trx, actor.orgId, episode, version, now);
  });
}

/** The clinician signs the open draft; it then awaits the patient's signature in the portal. */
export async function signPlanAsClinician(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: PlanSignInput): Promise<PlanVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await episodeToChange(trx, actor, episodeId);
    const row = (await planVersionRows(trx, actor.orgId, [episodeId])).find((r) => r.version === input.version);
    if (!row) throw new AppError(404, 'not_found', 'No such plan version.', [{ path: 'version', message: 'does not exist' }]);
    if (nextStatus(row.status, 'clinician_sign') === null) {
      throw new AppError(409, 'plan_not_draft', `Version ${row.version} is ${row.status.replace('_', ' ')}; only a draft can be signed.`, [{ path: 'version', message: `is ${row.status}` }]);
    }
    const content = row.content as PlanContent;
    const staff = await staffNames(trx, actor.orgId, responsibleStaffIds(content));
    const problems = signingProblems(content, {
      activeStaffIds: new Set(staff.filter((s) => s.status === 'active').map((s) => s.staff_id)),
      phaseIds: await phaseIdsOfProgram(trx, actor.orgId, episode.program_id),
    });
    if (problems.length) throw new AppError(422, 'plan_incomplete', 'The plan is not complete enough to sign.', problems);
    const now = deps.clock.now();
    await setClinicianSignature(trx, actor.orgId, episodeId, row.version, actor.staffId, now);
    await recordAudit(trx, audit, { action: 'update', entity: 'treatment_plan', entityId: episodeId, patientId: episode.patient_id, details: { change: 'clinician_signed', version: row.version } });
    return loadVersion(trx, actor.orgId, episode, row.version, now);
  });
}

/**
 * The patient signs in the clinic (no portal account, or simply in the room): the clinician
 * attests they saw the patient type their name. Same checks and effect as the portal
 * signature (patient-signature.ts); the audit event names the clinician as the witness.
 */
export async function recordInPersonSignature(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: InPersonSignatureInput): Promise<PlanVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await episodeToChange(trx, actor, episodeId);
    const now = deps.clock.now();
    const signed = await applyPatientSignature(trx, actor.orgId, episode, input, 'in_person', now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'treatment_plan',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { change: 'patient_signed', method: input.method, version: signed.version, witnessedBy: actor.staffId, supersededVersion: signed.supersededVersion, effectiveOn: signed.effectiveOn },
    });
    return loadVersion(trx, actor.orgId, episode, signed.version, now);
  });
}

/** A review of the plan in force without changing it: moves the next review date. */
export async function reviewPlan(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: PlanReviewInput): Promise<PlanView> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await episodeToChange(trx, actor, episodeId);
    const active = await activeVersionOf(trx, actor.orgId, episodeId);
    if (!active) throw new AppError(409, 'plan_not_active', 'There is no plan in force to review yet.');
    const now = deps.clock.now();
    const today = localDateOf(now, episode.time_zone);
    const next = reviewDueOn(today, episode.plan_review_days);
    const reviewId = randomUUID();
    await insertReview(trx, actor.orgId, { reviewId, episodeId, version: active.version, reviewedOn: today, reviewedBy: actor.staffId, note: input.note.trim(), nextReviewDueOn: next }, now);
    await setReviewDue(trx, actor.orgId, episodeId, active.version, next, now);
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'treatment_plan',
      entityId: episodeId,
      patientId: episode.patient_id,
      details: { change: 'reviewed', version: active.version, reviewId, nextReviewDueOn: next },
    });
    return loadPlanView(trx, actor.orgId, episode, now);
  });
}

/** Records a value for a custom objective of the plan in force (or the pending version) and returns its progress. */
export async function recordMeasurement(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, objectiveId: string, input: MeasurementInput): Promise<ObjectiveProgress> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await episodeToChange(trx, actor, episodeId);
    const rows = await planVersionRows(trx, actor.orgId, [episodeId]);
    const plan = [rows.find((r) => r.status === 'active'), rows.find((r) => r.status === 'awaiting_patient' || r.status === 'draft')].find(
      (r) => r !== undefined && findObjective(r.content as PlanContent, objectiveId) !== undefined,
    );
    const objective = plan && findObjective(plan.content as PlanContent, objectiveId);
    if (!plan || !objective) throw new AppError(404, 'objective_not_found', 'The plan has no such objective.');
    if (objective.metric.kind !== 'custom') {
      throw new AppError(422, 'objective_not_custom', 'This objective measures itself from the record; only custom objectives take recorded values.', [
        { path: 'objectiveId', message: `measures ${objective.metric.kind}` },
      ]);
    }
    const now = deps.clock.now();
    const today = localDateOf(now, episode.time_zone);
    if (compareDates(input.measuredOn, today) > 0 || compareDates(input.measuredOn, episode.admitted_on) < 0) {
      throw new AppError(422, 'date_out_of_range', 'The day must fall between admission and today.', [{ path: 'measuredOn', message: 'is before admission or in the future' }]);
    }
    const measurementId = randomUUID();
    await insertMeasurement(trx, actor.orgId, { measurementId, episodeId, objectiveId, measuredOn: input.measuredOn, value: input.value, note: input.note?.trim() || null, recordedBy: actor.staffId }, now);
    await recordAudit(trx, audit, { action: 'create', entity: 'treatment_plan', entityId: episodeId, patientId: episode.patient_id, details: { change: 'measurement', objectiveId, measurementId } });
    const progress = (await measurePlans(trx, actor.orgId, [{ episode, content: plan.content as PlanContent }], now)).get(episodeId) ?? [];
    const { phaseId: _phase, description: _description, ...measured } = progress.find((p) => p.objectiveId === objectiveId)!;
    return measured;
  });
}

/** Active episodes at a facility whose plan needs attention: none yet, unsigned, review overdue or due within a week. */
export async function facilityPlanReviews(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string): Promise<PlanReviewWorklist> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, actor.orgId, facilityId);
    if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
    const today = localDateOf(deps.clock.now(), facility.time_zone);
    const items = (await worklistRows(trx, actor.orgId, facilityId))
      .flatMap((row) => {
        const open = row.open_status === 'draft' || row.open_status === 'awaiting_patient' ? row.open_status : null;
        const state = planReviewState({ open, activeReviewDueOn: row.review_due_on, hasActive: row.active_version !== null }, today);
        if (state === null) return [];
        const showsOpen = state === 'draft' || state === 'awaiting_patient';
        return [{
          patientId: row.patient_id,
          patientName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }),
          mrn: row.mrn,
          episodeId: row.episode_id,
          programName: row.program_name,
          state,
          reviewDueOn: row.review_due_on,
          version: showsOpen ? row.open_version : row.active_version,
        }];
      })
      .sort((a, b) =>
        REVIEW_STATE_ORDER[a.state] - REVIEW_STATE_ORDER[b.state] ||
        (a.reviewDueOn && b.reviewDueOn ? compareDates(a.reviewDueOn, b.reviewDueOn) : 0) ||
        a.patientName.localeCompare(b.patientName),
      );
    await recordAudit(trx, audit, { action: 'read', entity: 'plan_review_worklist', entityId: facilityId, details: { patientIds: items.map((i) => i.patientId) } });
    return { items };
  });
}
