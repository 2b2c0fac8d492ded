/**
 * The patient's signature on a plan version, however it is taken: typed by the patient in
 * the portal, or typed in the clinic with a clinician attesting they saw the patient sign.
 * Both take the same checks and put the version in force the same way; the callers decide
 * who may reach the episode and write their own audit event.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, localDateOf } from '../time/local-time.ts';
import { nextStatus, reviewDueOn, signatureNameMatches } from './plan-rules.ts';
import type { PortalPlanSignInput } from './plans.schemas.ts';
import { type PlanEpisodeRow, activateVersion, patientSigningNames, planVersionRows, supersedeActive } from './plans.store.ts';

/** Who is reading the refusal: the patient in the portal, or the clinician taking the signature. */
export type SignatureChannel = 'portal' | 'in_person';

const REFUSALS: Record<SignatureChannel, { notAwaiting: string; changed: string; mismatch: string; mismatchField: string }> = {
  portal: {
    notAwaiting: 'This version of the plan is not waiting for your signature.',
    changed: 'Your care team changed this plan since you opened it. Please read it again before signing.',
    mismatch: 'Type your full name as the clinic has it to sign.',
    mismatchField: 'does not match your name',
  },
  in_person: {
    notAwaiting: 'This version of the plan is not waiting for the patient’s signature.',
    changed: 'This plan changed since you opened it. Show the patient the latest version before they sign.',
    mismatch: 'The patient must type their full name as the chart has it (legal or preferred first name, and family name).',
    mismatchField: 'does not match the patient’s name',
  },
};

export interface PatientSigned {
  readonly version: number;
  readonly supersededVersion: number | null;
  readonly effectiveOn: LocalDate;
}

/**
 * Signs the version awaiting the patient, as it was shown (its `updatedAt`), with the name
 * the patient typed: it takes effect today (facility day), its review falls due after the
 * program's interval, and the version it replaces is superseded. The episode must already be
 * locked and checked as the caller's to change.
 */
export async function applyPatientSignature(trx: Transaction<Database>, orgId: string, episode: PlanEpisodeRow, input: PortalPlanSignInput, channel: SignatureChannel, now: Date): Promise<PatientSigned> {
  const refusal = REFUSALS[channel];
  const row = (await planVersionRows(trx, orgId, [episode.episode_id])).find((r) => r.version === input.version);
  if (!row || nextStatus(row.status, 'patient_sign') === null) {
    throw new AppError(409, 'plan_not_awaiting_signature', refusal.notAwaiting, [{ path: 'version', message: 'is not awaiting signature' }]);
  }
  // The patient signs what they read: a version edited and signed again since they were
  // shown it (or edited while they read) is not the plan they agreed to.
  if (row.updated_at.getTime() !== new Date(input.updatedAt).getTime()) {
    throw new AppError(409, 'plan_changed', refusal.changed, [{ path: 'updatedAt', message: 'is not the version’s latest change' }]);
  }
  const names = await patientSigningNames(trx, orgId, episode.patient_id);
  if (!names || !signatureNameMatches(input.typedName, { legalGivenName: names.legal_given_name, legalFamilyName: names.legal_family_name, preferredName: names.preferred_name })) {
    throw new AppError(422, 'signature_name_mismatch', refusal.mismatch, [{ path: 'typedName', message: refusal.mismatchField }]);
  }
  const today = localDateOf(now, episode.time_zone);
  const supersededVersion = await supersedeActive(trx, orgId, episode.episode_id, now);
  await activateVersion(trx, orgId, episode.episode_id, row.version, { name: input.typedName.trim().replace(/\s+/g, ' '), effectiveOn: today, reviewDueOn: reviewDueOn(today, episode.plan_review_days) }, now);
  return { version: row.version, supersededVersion, effectiveOn: today };
}
