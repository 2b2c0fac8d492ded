/**
 * The patient's side of the treatment plan: read their plans and sign the version awaiting
 * them with their typed name, which puts it in force. Only ever the signed-in patient's own
 * episodes; another patient's episode answers 404, exactly like one that does not exist.
 */
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import type { PatientActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { applyPatientSignature } from './patient-signature.ts';
import { loadPortalPlans } from './plan-view.ts';
import { refuseDischarged } from './plans.ts';
import type { PortalPlan, PortalPlanSignInput, PortalPlans } from './plans.schemas.ts';
import { lockPlanEpisode, portalPlanEpisodes } from './plans.store.ts';

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

/** The patient signs the version awaiting them in the portal (patient-signature.ts); it takes effect today. */
export async function signPlanAsPatient(deps: AppDeps, patient: Patient, audit: AuditContext, episodeId: string, input: PortalPlanSignInput): Promise<PortalPlan> {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockPlanEpisode(trx, patient.orgId, episodeId);
    if (!episode || episode.patient_id !== patient.patientId) throw new AppError(404, 'not_found', 'No such plan.');
    refuseDischarged(episode);
    const now = deps.clock.now();
    const signed = await applyPatientSignature(trx, patient.orgId, episode, input, 'portal', now);
    await recordAudit(trx, audit, {
      action: 'update',
      entity: 'treatment_plan',
      entityId: episodeId,
      patientId: patient.patientId,
      details: { change: 'patient_signed', version: signed.version, supersededVersion: signed.supersededVersion, effectiveOn: signed.effectiveOn },
    });
    return (await loadPortalPlans(trx, patient.orgId, [episode], now))[0]!;
  });
}
