/**
 * Step-down use cases: the facility queue, one episode's evaluation and decisions, and the
 * clinical director's decision. Each is one audited transaction.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { displayName } from '../attendance/attendance-rules.ts';
import { loadEpisodes } from '../episodes/episodes.ts';
import { lockEpisode, recordPhase, setEpisodePhase } from '../episodes/episodes.store.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { compareDates } from '../time/local-time.ts';
import { currentWeekOf, evaluateEpisodes, evaluatedWeekOf } from './evaluate-episodes.ts';
import type { Evaluation } from './step-down-rules.ts';
import type { DecisionInput, DecisionResult, EpisodeStepDown, StepDownDecision, StepDownQueue } from './stepdown.schemas.ts';
import { type DecisionRow, decisionExists, decisionRows, decisionsForWeek, insertDecision, stepDownEpisodes } from './stepdown.store.ts';

function toDecision(row: DecisionRow): StepDownDecision {
  return {
    decisionId: row.decision_id,
    episodeId: row.episode_id,
    weekStart: row.week_start,
    direction: row.direction,
    fromPhase: { phaseId: row.from_phase_id, name: row.from_phase_name },
    toPhase: row.to_phase_id && row.to_phase_name ? { phaseId: row.to_phase_id, name: row.to_phase_name } : null,
    decision: row.decision,
    reason: row.reason,
    decidedBy: { staffId: row.decided_by, fullName: row.decided_by_name },
    decidedAt: row.decided_at.toISOString(),
    evidence: row.evidence as Evaluation,
  };
}

/** More intensive care first (safety), then completions, then advances; by name within each. */
const DIRECTION_ORDER = { intensify: 0, complete: 1, advance: 2 } as const;

/**
 * Active episodes at the facility with a proposal for the last completed week that nobody
 * has decided yet (a decision answers one episode, week and direction).
 */
export async function stepDownQueue(deps: AppDeps, audit: AuditContext, facilityId: string): Promise<StepDownQueue> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const facility = await getFacility(trx, audit.orgId, facilityId);
    if (!facility) throw new AppError(404, 'not_found', 'No such facility.');
    const weekStart = evaluatedWeekOf(now, facility);
    const episodes = await stepDownEpisodes(trx, audit.orgId, { facilityId });
    const evaluations = await evaluateEpisodes(trx, audit.orgId, episodes, now);
    const decided = new Set((await decisionsForWeek(trx, audit.orgId, episodes.map((e) => e.episode_id), weekStart)).map((d) => `${d.episode_id}|${d.direction}`));
    const items = episodes
      .flatMap((e) => {
        const evaluation = evaluations.get(e.episode_id);
        if (!evaluation?.direction || decided.has(`${e.episode_id}|${evaluation.direction}`)) return [];
        return [{
          episodeId: e.episode_id,
          patientId: e.patient_id,
          patientName: displayName({ legalGivenName: e.legal_given_name, legalFamilyName: e.legal_family_name, preferredName: e.preferred_name }),
          mrn: e.mrn,
          programId: e.program_id,
          programName: e.program_name,
          phase: { phaseId: e.phase_id, name: e.phase_name },
          evaluation,
        }];
      })
      .sort((a, b) => DIRECTION_ORDER[a.evaluation.direction!] - DIRECTION_ORDER[b.evaluation.direction!] || a.patientName.localeCompare(b.patientName));
    await recordAudit(trx, audit, { action: 'read', entity: 'step_down_queue', entityId: facilityId, details: { weekStart, patientIds: items.map((i) => i.patientId) } });
    return { facilityId, weekStart, items };
  });
}

/** One episode's evaluation (null once discharged) and its decisions. */
export async function episodeStepDown(deps: AppDeps, audit: AuditContext, episodeId: string): Promise<EpisodeStepDown> {
  return deps.db.transaction().execute(async (trx) => {
    const episodes = await stepDownEpisodes(trx, audit.orgId, { episodeIds: [episodeId] });
    const episode = episodes[0];
    if (!episode) throw new AppError(404, 'not_found', 'No such episode.');
    const evaluation = (await evaluateEpisodes(trx, audit.orgId, episodes, deps.clock.now())).get(episodeId) ?? null;
    const decisions = (await decisionRows(trx, audit.orgId, { episodeId })).map(toDecision);
    await recordAudit(trx, audit, { action: 'read', entity: 'step_down', entityId: episodeId, patientId: episode.patient_id, details: { weekStart: evaluation?.weekStart ?? null, direction: evaluation?.direction ?? null } });
    return { evaluation, decisions };
  });
}

/**
 * The clinical director approves or declines the proposal for a week. The proposal is
 * evaluated again first: if the data changed since it was shown, nothing is recorded.
 * An approved advance or intensify moves the phase from the start of the current facility
 * week (or the last phase change, if later), so the new required hours apply this week.
 */
export async function decideStepDown(deps: AppDeps, actor: StaffActor, audit: AuditContext, episodeId: string, input: DecisionInput): Promise<DecisionResult> {
  return deps.db.transaction().execute(async (trx) => {
    // Locking the episode serializes decisions and phase changes of the same episode.
    const locked = await lockEpisode(trx, actor.orgId, episodeId);
    if (!locked) throw new AppError(404, 'not_found', 'No such episode.');
    if (!canSeeFacility(actor, locked.program_facility_id)) throw new AppError(403, 'facility_forbidden', 'The episode’s program is at a facility you are not assigned to.');
    if (locked.status !== 'active') throw new AppError(409, 'episode_not_active', 'This episode has been discharged.');
    const reason = input.reason?.trim() || null;
    if (input.decision === 'declined' && !reason) {
      throw new AppError(422, 'decline_reason_required', 'Say why the proposal is declined.', [{ path: 'reason', message: 'is required to decline' }]);
    }
    if (await decisionExists(trx, actor.orgId, episodeId, input.weekStart, input.direction)) {
      throw new AppError(409, 'already_decided', 'This proposal has already been decided.');
    }
    const now = deps.clock.now();
    const [episode] = await stepDownEpisodes(trx, actor.orgId, { episodeIds: [episodeId] });
    const evaluation = (await evaluateEpisodes(trx, actor.orgId, [episode!], now)).get(episodeId);
    if (!evaluation || evaluation.weekStart !== input.weekStart || evaluation.direction !== input.direction) {
      throw new AppError(409, 'proposal_changed', 'The proposal no longer holds; look at the current evaluation.', { evaluation: evaluation ?? null });
    }
    const decisionId = randomUUID();
    const toPhaseId = evaluation.toPhase?.phaseId ?? null;
    await insertDecision(trx, actor.orgId, {
      decisionId, episodeId, patientId: locked.patient_id, weekStart: input.weekStart, direction: input.direction, fromPhaseId: locked.phase_id, toPhaseId,
      evidence: evaluation, decision: input.decision, reason, decidedBy: actor.staffId,
    }, now);
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'step_down',
      entityId: decisionId,
      patientId: locked.patient_id,
      details: { episodeId, weekStart: input.weekStart, direction: input.direction, decision: input.decision, fromPhaseId: locked.phase_id, toPhaseId },
    });
    if (input.decision === 'approved' && toPhaseId) {
      const thisWeek = currentWeekOf(now, episode!);
      const lastChange = locked.last_phase_change_on ?? locked.admitted_on;
      const effectiveOn = compareDates(thisWeek, lastChange) >= 0 ? thisWeek : lastChange;
      const why = input.direction === 'advance' ? 'Step-down approved' : 'More intensive care approved';
      await recordPhase(trx, actor.orgId, { episodeId, effectiveOn, phaseId: toPhaseId, changedBy: actor.staffId, reason: reason ?? `${why} (week of ${input.weekStart})` }, now);
      await setEpisodePhase(trx, actor.orgId, episodeId, toPhaseId, now);
      await recordAudit(trx, audit, {
        action: 'update',
        entity: 'episode',
        entityId: episodeId,
        patientId: locked.patient_id,
        details: { change: 'phase', fromPhaseId: locked.phase_id, toPhaseId, effectiveOn, stepDownDecisionId: decisionId },
      });
    }
    const nextStep =
      input.decision !== 'approved' ? 'none' : input.direction === 'complete' ? 'discharge' : input.direction === 'intensify' && !toPhaseId ? 'refer_higher_level' : 'none';
    const [decision] = await decisionRows(trx, actor.orgId, { decisionId });
    const [updated] = await loadEpisodes(trx, actor.orgId, { episodeId }, now);
    return { decision: toDecision(decision!), episode: updated!, nextStep };
  });
}
