/** SQL for treatment plans: versions, reviews, custom measurements, and the review worklist. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, InstrumentId, PlanVersionStatus } from '../db/schema.ts';
import type { LocalDate } from '../time/local-time.ts';
import type { PlanContent } from './plans.schemas.ts';

type Db = Kysely<Database> | Transaction<Database>;

function episodeQuery(db: Db, orgId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'pr.org_id').onRef('f.facility_id', '=', 'pr.facility_id'))
    .select([
      'e.episode_id', 'e.patient_id', 'e.program_id', 'e.status', 'e.admitted_on', 'e.discharged_on',
      'pr.name as program_name', 'pr.plan_review_days', 'pr.facility_id', 'f.time_zone', 'f.week_starts_on',
    ])
    .where('e.org_id', '=', orgId);
}
export type PlanEpisodeRow = Awaited<ReturnType<ReturnType<typeof episodeQuery>['execute']>>[number];

/** The episode with its program's review interval and its facility's zone and week. */
export function planEpisode(db: Db, orgId: string, episodeId: string): Promise<PlanEpisodeRow | undefined> {
  return episodeQuery(db, orgId).where('e.episode_id', '=', episodeId).executeTakeFirst();
}

/** As planEpisode, locking the episode: plan changes of one episode happen one at a time. */
export function lockPlanEpisode(trx: Transaction<Database>, orgId: string, episodeId: string): Promise<PlanEpisodeRow | undefined> {
  return episodeQuery(trx, orgId).where('e.episode_id', '=', episodeId).forUpdate('e').executeTakeFirst();
}

export function planEpisodes(db: Db, orgId: string, episodeIds: readonly string[]): Promise<PlanEpisodeRow[]> {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return episodeQuery(db, orgId).where('e.episode_id', 'in', episodeIds).execute();
}

/** A patient's episodes that are active or have a version the patient has seen (awaiting, in force, past). */
export function portalPlanEpisodes(db: Db, orgId: string, patientId: string): Promise<PlanEpisodeRow[]> {
  return episodeQuery(db, orgId)
    .where('e.patient_id', '=', patientId)
    .where((eb) =>
      eb.or([
        eb('e.status', '=', 'active'),
        eb.exists(
          eb.selectFrom('treatment_plan_versions as v').select('v.version').whereRef('v.org_id', '=', 'e.org_id').whereRef('v.episode_id', '=', 'e.episode_id').where('v.status', '<>', 'draft'),
        ),
      ]),
    )
    .orderBy('e.admitted_on', 'desc')
    .execute();
}

/** Every version of these episodes, newest first, with the names of their author and clinician signer. */
export function planVersionRows(db: Db, orgId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('treatment_plan_versions as v')
    .innerJoin('staff as author', (join) => join.onRef('author.org_id', '=', 'v.org_id').onRef('author.staff_id', '=', 'v.created_by'))
    .leftJoin('staff as signer', (join) => join.onRef('signer.org_id', '=', 'v.org_id').onRef('signer.staff_id', '=', 'v.clinician_signed_by'))
    .selectAll('v')
    .select(['author.full_name as created_by_name', 'signer.full_name as clinician_signed_by_name'])
    .where('v.org_id', '=', orgId)
    .where('v.episode_id', 'in', episodeIds)
    .orderBy('v.episode_id')
    .orderBy('v.version', 'desc')
    .execute();
}
export type PlanVersionRow = Awaited<ReturnType<typeof planVersionRows>>[number];

export async function nextVersionNumber(trx: Db, orgId: string, episodeId: string): Promise<number> {
  const row = await trx
    .selectFrom('treatment_plan_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertDraft(trx: Db, orgId: string, v: { episodeId: string; version: number; patientId: string; content: PlanContent; createdBy: string }, now: Date): Promise<void> {
  await trx
    .insertInto('treatment_plan_versions')
    .values({
      org_id: orgId, episode_id: v.episodeId, version: v.version, patient_id: v.patientId, status: 'draft', content: JSON.stringify(v.content),
      created_by: v.createdBy, created_at: now, updated_at: now, clinician_signed_by: null, clinician_signed_at: null,
      patient_signed_at: null, patient_signed_name: null, effective_on: null, review_due_on: null,
    })
    .execute();
}

/** New content for an open version; it becomes (or stays) a draft and loses any clinician signature. */
export async function replaceDraftContent(trx: Db, orgId: string, episodeId: string, version: number, content: PlanContent, now: Date): Promise<void> {
  await trx
    .updateTable('treatment_plan_versions')
    .set({ content: JSON.stringify(content), status: 'draft', clinician_signed_by: null, clinician_signed_at: null, updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('version', '=', version)
    .execute();
}

export async function setClinicianSignature(trx: Db, orgId: string, episodeId: string, version: number, staffId: string, now: Date): Promise<void> {
  await trx
    .updateTable('treatment_plan_versions')
    .set({ status: 'awaiting_patient', clinician_signed_by: staffId, clinician_signed_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('version', '=', version)
    .execute();
}

/** The version in force becomes superseded (before the next one is activated: one active per episode). */
export async function supersedeActive(trx: Db, orgId: string, episodeId: string, now: Date): Promise<number | null> {
  const row = await trx
    .updateTable('treatment_plan_versions')
    .set({ status: 'superseded', updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'active')
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function activateVersion(
  trx: Db,
  orgId: string,
  episodeId: string,
  version: number,
  signature: { name: string; effectiveOn: LocalDate; reviewDueOn: LocalDate },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('treatment_plan_versions')
    .set({ status: 'active', patient_signed_at: now, patient_signed_name: signature.name, effective_on: signature.effectiveOn, review_due_on: signature.reviewDueOn, updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('version', '=', version)
    .execute();
}

export async function setReviewDue(trx: Db, orgId: string, episodeId: string, version: number, reviewDueOn: LocalDate, now: Date): Promise<void> {
  await trx
    .updateTable('treatment_plan_versions')
    .set({ review_due_on: reviewDueOn, updated_at: now })
    .where('org_id', '=', orgId)
    .where('episode_id', '=', episodeId)
    .where('version', '=', version)
    .execute();
}

export async function insertReview(
  trx: Db,
  orgId: string,
  r: { reviewId: string; episodeId: string; version: number; reviewedOn: LocalDate; reviewedBy: string; note: string; nextReviewDueOn: LocalDate },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('treatment_plan_reviews')
    .values({
      org_id: orgId, review_id: r.reviewId, episode_id: r.episodeId, version: r.version, reviewed_on: r.reviewedOn, reviewed_by: r.reviewedBy,
      note: r.note, next_review_due_on: r.nextReviewDueOn, created_at: now,
    })
    .execute();
}

/** Reviews of an episode's plan, newest first. */
export function reviewRows(db: Db, orgId: string, episodeId: string) {
  return db
    .selectFrom('treatment_plan_reviews as r')
    .innerJoin('staff as s', (join) => join.onRef('s.org_id', '=', 'r.org_id').onRef('s.staff_id', '=', 'r.reviewed_by'))
    .selectAll('r')
    .select('s.full_name as reviewed_by_name')
    .where('r.org_id', '=', orgId)
    .where('r.episode_id', '=', episodeId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** Names of staff of the organization by id (ids of other organizations find nothing). */
export function staffNames(db: Db, orgId: string, staffIds: readonly string[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('staff').select(['staff_id', 'full_name', 'status']).where('org_id', '=', orgId).where('staff_id', 'in', staffIds).orderBy('full_name').execute();
}

export async function phaseIdsOfProgram(db: Db, orgId: string, programId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('program_phases').select('phase_id').where('org_id', '=', orgId).where('program_id', '=', programId).execute();
  return new Set(rows.map((r) => r.phase_id));
}

export async function insertMeasurement(
  trx: Db,
  orgId: string,
  m: { measurementId: string; episodeId: string; objectiveId: string; measuredOn: LocalDate; value: number; note: string | null; recordedBy: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('objective_measurements')
    .values({
      org_id: orgId, measurement_id: m.measurementId, episode_id: m.episodeId, objective_id: m.objectiveId, measured_on: m.measuredOn,
      value: m.value, note: m.note, recorded_by: m.recordedBy, created_at: now,
    })
    .execute();
}

/* ---- Data objectives are measured against (set-based: a fixed number of queries for any number of episodes) ---- */

/** The day each episode's plan first took effect. */
export async function firstEffectiveDays(db: Db, orgId: string, episodeIds: readonly string[]): Promise<Map<string, LocalDate>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('treatment_plan_versions')
    .select(['episode_id', (eb) => eb.fn.min('effective_on').as('first')])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds)
    .where('effective_on', 'is not', null)
    .groupBy('episode_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.first ? [[r.episode_id, String(r.first)] as const] : [])));
}

/** Scored instrument responses of these episodes, oldest first. */
export function episodeScores(db: Db, orgId: string, episodeIds: readonly string[], instruments: readonly InstrumentId[]) {
  if (episodeIds.length === 0 || instruments.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_responses')
    .select(['episode_id', 'instrument', 'total_score', 'administered_on'])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds)
    .where('instrument', 'in', instruments)
    .where('total_score', 'is not', null)
    .orderBy('administered_at')
    .orderBy('created_at')
    .execute();
}

/** Sessions these patients attended (not marked absent) from a day on, with the session's kind and group type. */
export function attendedSessionRows(db: Db, orgId: string, patientIds: readonly string[], from: LocalDate) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance as a')
    .innerJoin('sessions as s', (join) => join.onRef('s.org_id', '=', 'a.org_id').onRef('s.session_id', '=', 'a.session_id'))
    .leftJoin('groups as g', (join) => join.onRef('g.org_id', '=', 's.org_id').onRef('g.group_id', '=', 's.group_id'))
    .select(['a.patient_id', 's.local_date', 's.kind', 'g.group_type'])
    .where('a.org_id', '=', orgId)
    .where('a.patient_id', 'in', patientIds)
    .where('a.status', 'not in', ['excused_absence', 'unexcused_absence'])
    .where('s.status', '=', 'scheduled')
    .where('s.local_date', '>=', from)
    .execute();
}

export function measurementRows(db: Db, orgId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('objective_measurements')
    .select(['episode_id', 'objective_id', 'measured_on', 'value'])
    .where('org_id', '=', orgId)
    .where('episode_id', 'in', episodeIds)
    .orderBy('measured_on')
    .execute();
}

/* ---- The facility's plan review worklist ---- */

/** Active episodes at a facility's programs with their plan in force and any open version: one query. */
export function worklistRows(db: Db, orgId: string, facilityId: string) {
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('patients as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.patient_id', '=', 'e.patient_id'))
    .leftJoin('treatment_plan_versions as act', (join) =>
      join.onRef('act.org_id', '=', 'e.org_id').onRef('act.episode_id', '=', 'e.episode_id').on('act.status', '=', 'active'),
    )
    .leftJoin('treatment_plan_versions as open', (join) =>
      join.onRef('open.org_id', '=', 'e.org_id').onRef('open.episode_id', '=', 'e.episode_id').on('open.status', 'in', ['draft', 'awaiting_patient']),
    )
    .select([
      'e.episode_id', 'e.patient_id', 'pr.name as program_name', 'p.mrn', 'p.legal_given_name', 'p.legal_family_name', 'p.preferred_name',
      'act.version as active_version', 'act.review_due_on', 'open.version as open_version',
      sql<PlanVersionStatus | null>`open.status`.as('open_status'),
    ])
    .where('e.org_id', '=', orgId)
    .where('pr.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .execute();
}

/** The names a patient may sign with. */
export function patientSigningNames(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select(['legal_given_name', 'legal_family_name', 'preferred_name'])
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}
