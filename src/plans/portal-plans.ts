/**
 * The patient's side of the treatment plan: read their plans and sign the version awaiting
 * them with their typed name, which puts it in force. Only ever the signed-in patient's own
 * episodes; another patient's episode answers 404, exactly like one that does not exist.
 */
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import type { PatientActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { localDateOf } from '../time/local-time.ts';
import { nextStatus, reviewDueOn, signatureNameMatches } from './plan-rules.ts';
import { loadPortalPlans } from './plan-view.ts';
import { refuseDischarged } from './plans.ts';
import type { PortalPlan, PortalPlanSignInput, PortalPlans } from './plans.schemas.ts';
import { activateVersion, lockPlanEpisode, patientSigningNames, planVersionRows, portalPlanEpisodes, supersedeActive } from './plans.store.ts';

type Patient = Pick<PatientActor, 'orgId' | 'patientId'>;

export async function portalPlans(deps: AppDeps, patient: Patient, audit: AuditContext): Promise<PortalPlans> {
  return deps.db.transaction().execute(async (trx) => {
    const episodes = await portalPlanEpisodes(trx, patient.orgId, patient.patientId);
    const plans = await loadPortalPlans(trx, patient.orgId, episodes, deps.clock.now());
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'treatment_plan',
      entityId: patient.patientId,
      patientId: patient.patientId,
      details: { episodeIds: plans.map((p) => p.episodeId) },
    });
    return { plans };
  });
}

/**
 * The patient signs the version awaiting them, as they were shown it (its `updatedAt`): it
 * takes effect today (facility day), its review falls due after the program's interval, and
 * the version it replaces is superseded.
 */
export async function signPlanAsPatient(deps: AppDeps, patient: Patient, audit: AuditContext, episodeId: string, input: PortalPlanSignInput): Promise<PortalPlan> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockPlanEpisode(trx, patient.orgId, episodeId);
    if (!episode || episode.patient_id !== patient.patientId) throw new AppError(404, 'not_found', 'No such plan.');
    refuseDischarged(episode);
    const row = (await planVersionRows(trx, patient.orgId, [episodeId])).find((r) => r.version === input.version);
    if (!row || row.status === 'draft' || nextStatus(row.status, 'patient_sign') === null) {
      throw new AppError(409, 'plan_not_awaiting_signature', 'This version of the plan is not waiting for your signature.', [{ path: 'version', message: 'is not awaiting signature' }]);
    }
    // The patient signs what they read: a version edited and signed again since they were
    // shown it (or edited while they read) is not the plan they agreed to.
    if (row.updated_at.getTime() !== new Date(input.updatedAt).getTime()) {
      throw new AppError(409, 'plan_changed', 'Your care team changed this plan since you opened it. Please read it again before signing.', [
        { path: 'updatedAt', message: 'is not the version’s latest change' },
      ]);
    }
    const names = await patientSigningNames(trx, patient.orgId, patient.patientId);
    if (!names || !signatureNameMatches(input.typedName, { legalGivenName: names.legal_given_name, legalFamilyName: names.legal_family_name, preferredName: names.preferred_name })) {
      throw new AppError(422, 'signature_name_mismatch', 'Type your full name as the clinic has it to sign.', [{ path: 'typedName', message: 'does not match your name' }]);
    }
    const now = deps.clock.now();
    const today = localDateOf(now, episode.time_zone);
    const superseded = await supersedeActive(trx, patient.orgId, episodeId, now);
    await activateVersion(trx, patient.orgId, episodeId, row.version, { name: input.typedName.trim().replace(/\s+/g, ' '), effectiveOn: today, reviewDueOn: reviewDueOn(today, episode.plan_review_days) }, now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'treatment_plan',
      entityId: episodeId,
      patientId: patient.patientId,
      details: { change: 'patient_signed', version: row.version, supersededVersion: superseded, effectiveOn: today },
    });
    return (await loadPortalPlans(trx, patient.orgId, [episode], now))[0]!;
  });
}
