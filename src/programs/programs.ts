/** Programs: validation against the level of care, create / edit with tracks and phases. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError, type ErrorCode } from '../http/errors.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { requireOrganization } from '../organizations/organizations.store.ts';
import { DEFAULT_ADVANCEMENT_CRITERIA } from './care-settings.ts';
import { type AsamEdition, describeBand, findLevel } from './levels-of-care.ts';
import { type ProgramProblemCode, programProblems } from './program-rules.ts';
import type { Program, ProgramInput } from './programs.schemas.ts';
import {
  type ProgramFields,
  getProgramForUpdate,
  getProgramRow,
  insertProgram,
  listProgramRows,
  ownedChildIds,
  phasesOf,
  programNameTaken,
  replacePhases,
  replaceTracks,
  tracksOf,
  updateProgram,
} from './programs.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Problems that have their own error code; the rest answer `validation_failed` and name the problem in the details. */
const OWN_ERROR_CODE = {
  level_of_care_unknown: 'level_of_care_unknown',
  level_of_care_without_hours: 'level_of_care_without_hours',
  phase_hours_outside_band: 'phase_hours_outside_band',
  track_times_invalid: 'track_times_invalid',
} as const satisfies Partial<Record<ProgramProblemCode, ErrorCode>>;

function validate(edition: AsamEdition, input: ProgramInput): void {
  const problems = programProblems({
    edition,
    levelOfCare: input.levelOfCare,
    population: input.population,
    phases: input.phases,
    tracks: input.tracks,
    planReviewDays: input.planReviewDays,
    instrumentCadence: input.instrumentCadence,
  });
  const first = problems[0];
  if (first) {
    const code: ErrorCode = first.code in OWN_ERROR_CODE ? OWN_ERROR_CODE[first.code as keyof typeof OWN_ERROR_CODE] : 'validation_failed';
    throw new AppError(422, code, first.message, problems.map(({ path, message, code: problem }) => ({ path, message, problem })));
  }
}

async function checkFacility(db: Db, actor: StaffActor, facilityId: string): Promise<void> {
  const facility = await getFacility(db, actor.orgId, facilityId);
  if (!facility) throw new AppError(422, 'facility_not_found', 'No such facility.', [{ path: 'facilityId', message: 'does not exist' }]);
  if (!canSeeFacility(actor, facilityId)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
}

function fieldsOf(edition: AsamEdition, input: ProgramInput): ProgramFields {
  return {
    facility_id: input.facilityId,
    name: input.name.trim(),
    asam_edition: edition,
    level_of_care: input.levelOfCare,
    population: input.population,
    modality: input.modality,
    expected_length_of_stay_days: input.expectedLengthOfStayDays,
    active: input.active ?? true,
    // Left out: the column default on create, the current value on edit.
    plan_review_days: input.planReviewDays,
    instrument_cadence: input.instrumentCadence === undefined ? undefined : JSON.stringify(input.instrumentCadence),
  };
}

/** A phase sent without criteria: a new one starts from the default, an existing one keeps its own (undefined). */
function criteriaColumn(phase: ProgramInput['phases'][number]): string | null | undefined {
  if (phase.advancementCriteria === null) return null;
  if (phase.advancementCriteria !== undefined) return JSON.stringify(phase.advancementCriteria);
  return phase.phaseId ? undefined : JSON.stringify(DEFAULT_ADVANCEMENT_CRITERIA);
}

async function writeChildren(trx: Transaction<Database>, orgId: string, programId: string, input: ProgramInput): Promise<void> {
  const owned = await ownedChildIds(trx, orgId, programId);
  const foreign = [
    ...input.tracks.flatMap((t, i) => (t.trackId && !owned.trackIds.has(t.trackId) ? [{ path: `tracks[${i}].trackId`, message: 'is not a track of this program' }] : [])),
    ...input.phases.flatMap((p, i) => (p.phaseId && !owned.phaseIds.has(p.phaseId) ? [{ path: `phases[${i}].phaseId`, message: 'is not a phase of this program' }] : [])),
  ];
  if (foreign.length) throw new AppError(422, 'phase_not_found', 'A track or phase id does not belong to this program.', foreign);
  await replaceTracks(
    trx,
    orgId,
    programId,
    input.tracks.map((t) => ({ track_id: t.trackId ?? randomUUID(), kind: t.kind, name: t.name.trim(), starts_at: t.startsAt, ends_at: t.endsAt, days_of_week: [...t.daysOfWeek].sort() })),
  );
  await replacePhases(
    trx,
    orgId,
    programId,
    input.phases.map((p, i) => ({
      phase_id: p.phaseId ?? randomUUID(),
      position: i + 1,
      name: p.name.trim(),
      required_days_per_week: p.requiredDaysPerWeek,
      min_hours_per_week: p.minHoursPerWeek,
      max_hours_per_week: p.maxHoursPerWeek,
      advancement_criteria: criteriaColumn(p),
    })),
  );
}

const duplicateName = () =>
  new AppError(409, 'duplicate_name', 'This facility already has a program with this name.', [{ path: 'name', message: 'is already used' }]);

export async function createProgram(deps: AppDeps, actor: StaffActor, audit: AuditContext, input: ProgramInput): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const edition = (await requireOrganization(trx, actor.orgId)).asam_edition;
    validate(edition, input);
    await checkFacility(trx, actor, input.facilityId);
    if (await programNameTaken(trx, actor.orgId, input.facilityId, input.name)) throw duplicateName();
    const programId = randomUUID();
    await insertProgram(trx, actor.orgId, programId, fieldsOf(edition, input), deps.clock.now());
    await writeChildren(trx, actor.orgId, programId, input);
    await recordAudit(trx, audit, { action: 'create', entity: 'program', entityId: programId, details: { facilityId: input.facilityId, levelOfCare: input.levelOfCare, phases: input.phases.length } });
    return programId;
  });
}

export async function editProgram(deps: AppDeps, actor: StaffActor, audit: AuditContext, programId: string, input: ProgramInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await getProgramForUpdate(trx, actor.orgId, programId);
    if (!before) throw new AppError(404, 'not_found', 'No such program.');
    // A program keeps the edition it was defined in; its levels and bands stay meaningful.
    validate(before.asam_edition, input);
    await checkFacility(trx, actor, input.facilityId);
    if (await programNameTaken(trx, actor.orgId, input.facilityId, input.name, programId)) throw duplicateName();
    await updateProgram(trx, actor.orgId, programId, fieldsOf(before.asam_edition, input), deps.clock.now());
    await writeChildren(trx, actor.orgId, programId, input);
    await recordAudit(trx, audit, { action: 'update', entity: 'program', entityId: programId, details: { facilityId: input.facilityId, levelOfCare: input.levelOfCare, phases: input.phases.length } });
  });
}

type ProgramRow = NonNullable<Awaited<ReturnType<typeof getProgramRow>>>;

async function assemble(db: Db, orgId: string, rows: ProgramRow[]): Promise<Program[]> {
  const ids = rows.map((r) => r.program_id);
  const [tracks, phases] = await Promise.all([tracksOf(db, orgId, ids), phasesOf(db, orgId, ids)]);
  return rows.map((row) => {
    const level = findLevel(row.asam_edition, row.level_of_care);
    return {
      programId: row.program_id,
      facilityId: row.facility_id,
      facilityName: row.facility_name,
      name: row.name,
      asamEdition: row.asam_edition,
      levelOfCare: row.level_of_care,
      levelOfCareName: level?.name ?? row.level_of_care,
      hoursBand: level ? describeBand(level, row.population) : '',
      population: row.population,
      modality: row.modality,
      expectedLengthOfStayDays: row.expected_length_of_stay_days,
      active: row.active,
      planReviewDays: row.plan_review_days,
      instrumentCadence: row.instrument_cadence,
      tracks: tracks
        .filter((t) => t.program_id === row.program_id)
        .map((t) => ({ trackId: t.track_id, kind: t.kind, name: t.name, startsAt: t.starts_at.slice(0, 5), endsAt: t.ends_at.slice(0, 5), daysOfWeek: t.days_of_week })),
      phases: phases
        .filter((p) => p.program_id === row.program_id)
        .map((p) => ({
          phaseId: p.phase_id,
          position: p.position,
          name: p.name,
          requiredDaysPerWeek: p.required_days_per_week,
          minHoursPerWeek: p.min_hours_per_week,
          maxHoursPerWeek: p.max_hours_per_week,
          advancementCriteria: p.advancement_criteria,
        })),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

export async function loadProgram(db: Db, orgId: string, programId: string): Promise<Program | undefined> {
  const row = await getProgramRow(db, orgId, programId);
  return row ? (await assemble(db, orgId, [row]))[0] : undefined;
}

export async function loadPrograms(db: Db, actor: StaffActor, filter: { facilityId?: string | undefined; includeInactive?: boolean | undefined }): Promise<Program[]> {
  return assemble(db, actor.orgId, await listProgramRows(db, actor.orgId, actor.facilities, filter));
}
