/**
 * Intake assessments: the six dimensions and candidacy answers, the placement
 * recommendation (placement.ts) and the clinician's decision beside it. Recording and
 * reading are audited in their transaction; a preview computes only.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError, type ErrorCode } from '../http/errors.ts';
import { requireOrganization } from '../organizations/organizations.store.ts';
import { type AsamEdition, LEVELS_OF_CARE, type Population, findLevel } from '../programs/levels-of-care.ts';
import { localDateOf } from '../time/local-time.ts';
import { ASSESSMENT_DIMENSIONS, type DimensionNumber, RATING_LABELS, dimensionOf } from './dimensions.ts';
import { assessedOnProblem, populationOn } from './intake-rules.ts';
import type { IntakeAssessment, IntakeAssessmentInput, PlacementDimensions, PlacementPreviewInput } from './intake.schemas.ts';
import { type IntakeAssessmentRow, insertIntakeAssessment, intakeAssessmentRows, patientForIntake, programForIntake } from './intake.store.ts';
import { type Candidacy, type Recommendation, dimensionProblems, recommendPlacement } from './placement.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Problem = { code: ErrorCode; path: string; message: string };

function reject(problems: Problem[], message: string): void {
  const first = problems[0];
  if (first) throw new AppError(422, first.code, message, problems.map(({ path, message: m }) => ({ path, message: m })));
}

interface PlacementContext {
  readonly edition: AsamEdition;
  readonly program: { readonly programId: string; readonly name: string } | null;
  readonly dateOfBirth: string;
  /** The facility's today: the program's facility, else the patient's registering facility. */
  readonly today: string;
  /** The program's population, else the patient's by age on `on` (today when not given). */
  population(on?: string): Population;
}

/** The organization's edition, the program (one the caller may work with) and the patient's facility day. */
async function placementContext(db: Db, actor: StaffActor, patientId: string, programId: string | undefined, now: Date): Promise<PlacementContext> {
  const edition = (await requireOrganization(db, actor.orgId)).asam_edition;
  const patient = await patientForIntake(db, actor.orgId, patientId);
  if (!patient) throw new AppError(404, 'patient_not_found', 'No such patient.');
  let program: Awaited<ReturnType<typeof programForIntake>>;
  if (programId !== undefined) {
    program = await programForIntake(db, actor.orgId, programId);
    if (!program) throw new AppError(422, 'program_not_found', 'No such program.', [{ path: 'programId', message: 'does not exist' }]);
    if (!canSeeFacility(actor, program.facility_id)) throw new AppError(403, 'facility_forbidden', 'The program is at a facility you are not assigned to.');
  }
  const today = localDateOf(now, program?.time_zone ?? patient.time_zone);
  return {
    edition,
    program: program ? { programId: program.program_id, name: program.name } : null,
    dateOfBirth: patient.date_of_birth,
    today,
    population: (on = today) => program?.population ?? populationOn(patient.date_of_birth, on),
  };
}

const candidacyOf = (c: Candidacy): Candidacy => ({
  steppedDownFromHigherLevel: c.steppedDownFromHigherLevel,
  hasOutsideCommitments: c.hasOutsideCommitments,
  hasCopingSkills: c.hasCopingSkills,
  hasSupportAtHome: c.hasSupportAtHome,
  hasCoverageOrBudget: c.hasCoverageOrBudget,
});

const dimensionRatingProblems = (input: { dimensions: { rating: number | null }[] }): Problem[] =>
  dimensionProblems(input.dimensions).map((p) => ({ code: 'validation_failed', ...p }));

/** The ratings once dimensionRatingProblems found none: six whole numbers 0–4. */
const ratedDimensions = (input: { dimensions: { rating: number | null; notes?: string | undefined }[] }) =>
  input.dimensions.map((d) => ({ rating: d.rating ?? Number.NaN, notes: d.notes?.trim() ?? '' }));

/**
 * The recommendation for ratings and answers as they stand. Stores no assessment, but it
 * reads the patient's age, so the read is audited like any other.
 */
export async function previewPlacement(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: PlacementPreviewInput): Promise<Recommendation> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await placementContext(trx, actor, patientId, input.programId, deps.clock.now());
    reject(dimensionRatingProblems(input), 'Rate each of the six dimensions from 0 to 4.');
    const recommendation = recommendPlacement({ edition: context.edition, population: context.population(), dimensions: ratedDimensions(input), candidacy: candidacyOf(input.candidacy) });
    await recordAudit(trx, audit, { action: 'read', entity: 'placement_preview', entityId: null, patientId, details: { programId: input.programId ?? null, recommendedLevel: recommendation.levelCode, route: recommendation.route } });
    return recommendation;
  });
}

export async function recordIntakeAssessment(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: IntakeAssessmentInput): Promise<IntakeAssessment> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const context = await placementContext(trx, actor, patientId, input.programId, now);
    const { decision } = input;
    const problems: Problem[] = dimensionRatingProblems(input);
    const date = assessedOnProblem(input.assessedOn, context.today, context.dateOfBirth);
    if (date) problems.push({ code: 'date_out_of_range', ...date });
    if (decision.kind === 'override') {
      if (!decision.reason?.trim()) problems.push({ code: 'override_reason_required', path: 'decision.reason', message: 'is required: say why the recommendation is overridden' });
      if (!findLevel(context.edition, decision.placedLevel)) {
        problems.push({ code: 'level_of_care_unknown', path: 'decision.placedLevel', message: `is not a level of care in ASAM edition ${context.edition}` });
      }
    }
    reject(problems, 'Check the assessment.');

    const population = context.population(input.assessedOn);
    const dimensions = ratedDimensions(input);
    const recommendation = recommendPlacement({ edition: context.edition, population, dimensions, candidacy: candidacyOf(input.candidacy) });
    if (decision.kind === 'override' && decision.placedLevel === recommendation.levelCode) {
      reject([{ code: 'validation_failed', path: 'decision.placedLevel', message: 'is the recommended level: accept the recommendation instead' }], 'An override must place the patient at another level.');
    }
    const placedLevel = decision.kind === 'override' ? decision.placedLevel : recommendation.levelCode;
    const assessmentId = randomUUID();
    await insertIntakeAssessment(trx, {
      org_id: actor.orgId,
      assessment_id: assessmentId,
      patient_id: patientId,
      program_id: context.program?.programId ?? null,
      asam_edition: context.edition,
      population,
      dimensions: JSON.stringify(dimensions.map((d, i) => ({ number: i + 1, rating: d.rating, notes: d.notes }))),
      candidacy: JSON.stringify(candidacyOf(input.candidacy)),
      recommendation: JSON.stringify(recommendation),
      recommended_level: recommendation.levelCode,
      decision: decision.kind === 'override' ? 'overridden' : 'accepted',
      placed_level: placedLevel,
      override_reason: decision.kind === 'override' ? decision.reason!.trim() : null,
      assessed_on: input.assessedOn,
      assessed_by: actor.staffId,
      created_at: now,
    });
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'intake_assessment',
      entityId: assessmentId,
      patientId,
      details: {
        programId: context.program?.programId ?? null,
        edition: context.edition,
        recommendedLevel: recommendation.levelCode,
        route: recommendation.route,
        decision: decision.kind === 'override' ? 'overridden' : 'accepted',
        placedLevel,
      },
    });
    return toAssessment((await intakeAssessmentRows(trx, actor.orgId, { assessmentId }))[0]!);
  });
}

export async function listIntakeAssessments(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string): Promise<IntakeAssessment[]> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await intakeAssessmentRows(trx, actor.orgId, { patientId });
    await recordAudit(trx, audit, { action: 'read', entity: 'intake_assessment', patientId, details: { assessmentIds: rows.map((r) => r.assessment_id) } });
    return rows.map(toAssessment);
  });
}

/** The organization's edition: its six dimensions with an anchor per rating, and its levels for an override. */
export async function placementDimensions(db: Db, orgId: string): Promise<PlacementDimensions> {
  const edition = (await requireOrganization(db, orgId)).asam_edition;
  return {
    edition,
    dimensions: ASSESSMENT_DIMENSIONS[edition].map((d) => ({
      number: d.number,
      name: d.name,
      anchors: d.anchors.map((text, rating) => ({ rating, label: RATING_LABELS[rating]!, text })),
    })),
    levels: LEVELS_OF_CARE[edition].map((level) => ({ code: level.code, name: level.name })),
  };
}

interface StoredDimension {
  number: DimensionNumber;
  rating: number;
  notes: string;
}

function toAssessment(row: IntakeAssessmentRow): IntakeAssessment {
  const edition = row.asam_edition;
  return {
    assessmentId: row.assessment_id,
    patientId: row.patient_id,
    programId: row.program_id,
    programName: row.program_name,
    edition,
    population: row.population,
    dimensions: (row.dimensions as StoredDimension[]).map((d) => ({ number: d.number, name: dimensionOf(edition, d.number).name, rating: d.rating, notes: d.notes })),
    candidacy: row.candidacy as Candidacy,
    recommendation: row.recommendation as Recommendation,
    decision: row.decision,
    placedLevel: row.placed_level,
    placedLevelName: findLevel(edition, row.placed_level)?.name ?? row.placed_level,
    overrideReason: row.override_reason,
    assessedOn: row.assessed_on,
    assessedBy: { staffId: row.assessed_by, fullName: row.assessed_by_name },
    createdAt: row.created_at.toISOString(),
  };
}
