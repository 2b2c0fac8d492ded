/** Plan rows → the PlanView and PlanVersion answers staff and the portal read. Reads only; callers audit. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { localDateOf } from '../time/local-time.ts';
import { measurePlans } from './plan-progress.ts';
import { isReviewOverdue, responsibleStaffIds } from './plan-rules.ts';
import type { ObjectiveProgress, PlanContent, PlanReview, PlanVersion, PlanView, PortalPlan } from './plans.schemas.ts';
import { type PlanEpisodeRow, type PlanVersionRow, planVersionRows, reviewRows, staffNames } from './plans.store.ts';

type Trx = Transaction<Database>;

export function toPlanVersion(row: PlanVersionRow, names: ReadonlyMap<string, string>, today: string): PlanVersion {
  const content = row.content as PlanContent;
  return {
    version: row.version,
    status: row.status,
    content,
    createdBy: { staffId: row.created_by, fullName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    clinicianSignature:
      row.clinician_signed_by && row.clinician_signed_at
        ? { staffId: row.clinician_signed_by, fullName: row.clinician_signed_by_name ?? '', signedAt: row.clinician_signed_at.toISOString() }
        : null,
    patientSignature: row.patient_signed_at && row.patient_signed_name ? { name: row.patient_signed_name, signedAt: row.patient_signed_at.toISOString() } : null,
    effectiveOn: row.effective_on,
    reviewDueOn: row.review_due_on,
    reviewOverdue: row.status === 'active' && isReviewOverdue(row.review_due_on, today),
    responsibleStaff: responsibleStaffIds(content).flatMap((staffId) => {
      const fullName = names.get(staffId);
      return fullName === undefined ? [] : [{ staffId, fullName }];
    }),
  };
}

/** Names of the staff the given versions' interventions name. */
async function responsibleNames(trx: Trx, orgId: string, rows: readonly PlanVersionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => responsibleStaffIds(r.content as PlanContent)))];
  return new Map((await staffNames(trx, orgId, ids)).map((s) => [s.staff_id, s.full_name]));
}

interface EpisodePlan {
  readonly active: PlanVersion | null;
  readonly pending: PlanVersion | null;
  readonly progress: ObjectiveProgress[];
  readonly rows: PlanVersionRow[];
}

/**
 * The plan in force and the open version of each episode, with progress of the one in
 * force (else the open one). `includeDrafts: false` (the portal) hides a draft the
 * clinician has not signed.
 */
export async function loadEpisodePlans(trx: Trx, orgId: string, episodes: readonly PlanEpisodeRow[], now: Date, options: { includeDrafts: boolean }): Promise<Map<string, EpisodePlan>> {
  const rows = await planVersionRows(trx, orgId, episodes.map((e) => e.episode_id));
  const shown = (r: PlanVersionRow) => r.status === 'active' || r.status === 'awaiting_patient' || (options.includeDrafts && r.status === 'draft');
  const names = await responsibleNames(trx, orgId, rows.filter(shown));
  const current = episodes.map((episode) => {
    const own = rows.filter((r) => r.episode_id === episode.episode_id);
    const active = own.find((r) => r.status === 'active');
    const pending = own.find((r) => (r.status === 'draft' || r.status === 'awaiting_patient') && shown(r));
    return { episode, own, active, pending };
  });
  const progress = await measurePlans(
    trx,
    orgId,
    current.flatMap(({ episode, active, pending }) => {
      const measured = active ?? pending;
      return measured ? [{ episode, content: measured.content as PlanContent }] : [];
    }),
    now,
  );
  return new Map(
    current.map(({ episode, own, active, pending }) => {
      const today = localDateOf(now, episode.time_zone);
      return [
        episode.episode_id,
        {
          active: active ? toPlanVersion(active, names, today) : null,
          pending: pending ? toPlanVersion(pending, names, today) : null,
          progress: (progress.get(episode.episode_id) ?? []).map(({ phaseId: _phase, description: _description, ...p }) => p),
          rows: own,
        },
      ];
    }),
  );
}

/** Everything the staff plan page shows. */
export async function loadPlanView(trx: Trx, orgId: string, episode: PlanEpisodeRow, now: Date): Promise<PlanView> {
  const plan = (await loadEpisodePlans(trx, orgId, [episode], now, { includeDrafts: true })).get(episode.episode_id)!;
  const reviews: PlanReview[] = (await reviewRows(trx, orgId, episode.episode_id)).map((r) => ({
    reviewId: r.review_id,
    version: r.version,
    reviewedOn: r.reviewed_on,
    reviewedBy: { staffId: r.reviewed_by, fullName: r.reviewed_by_name },
    note: r.note,
    nextReviewDueOn: r.next_review_due_on,
    createdAt: r.created_at.toISOString(),
  }));
  return {
    episodeId: episode.episode_id,
    patientId: episode.patient_id,
    reviewIntervalDays: episode.plan_review_days,
    active: plan.active,
    pending: plan.pending,
    progress: plan.progress,
    reviews,
    history: plan.rows.map((r) => ({
      version: r.version,
      status: r.status,
      effectiveOn: r.effective_on,
      clinicianSignedAt: r.clinician_signed_at?.toISOString() ?? null,
      patientSignedAt: r.patient_signed_at?.toISOString() ?? null,
    })),
  };
}

/** What the patient sees of one episode's plan in the portal: no drafts, no review notes. */
export async function loadPortalPlans(trx: Trx, orgId: string, episodes: readonly PlanEpisodeRow[], now: Date): Promise<PortalPlan[]> {
  const plans = await loadEpisodePlans(trx, orgId, episodes, now, { includeDrafts: false });
  return episodes.map((episode) => {
    const plan = plans.get(episode.episode_id)!;
    return { episodeId: episode.episode_id, programName: episode.program_name, awaitingSignature: plan.pending, active: plan.active, progress: plan.progress };
  });
}
