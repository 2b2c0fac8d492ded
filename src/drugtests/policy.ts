/**
 * A program's random drug-testing policy: how many tests a week on average, on which
 * weekdays, which specimen and which panel. Read by anyone who sees the program; changed by
 * administrators and clinical directors.
 */
import type { Kysely } from 'kysely';
import type { Database, IsoWeekday, SpecimenType } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { getProgramRow } from '../programs/programs.store.ts';
import type { Problem } from './collection-rules.ts';
import type { Policy, PolicyInput, PolicyResponse } from './drug-test-collection.schemas.ts';
import { PANELS, isPanelId } from './panels.ts';
import { type PolicyRow, getPolicy, lockPolicy, upsertPolicy } from './policy.store.ts';

export function toPolicy(row: PolicyRow): Policy {
  return {
    active: row.active,
    testsPerWeek: row.tests_per_week,
    eligibleWeekdays: [...row.eligible_weekdays],
    specimenTypes: [...row.specimen_types],
    panelId: row.panel_id,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: { staffId: row.updated_by, fullName: row.updated_by_name },
  };
}

const allPanels = () => Object.values(PANELS).map((panel) => ({ ...panel, specimenTypes: [...panel.specimenTypes], analytes: panel.analytes.map((a) => ({ ...a, aliases: [...a.aliases] })) }));

export async function loadPolicy(db: Kysely<Database>, orgId: string, programId: string): Promise<PolicyResponse> {
  if (!(await getProgramRow(db, orgId, programId))) throw new AppError(404, 'program_not_found', 'No such program.');
  const row = await getPolicy(db, orgId, programId);
  return { programId, policy: row ? toPolicy(row) : null, panels: allPanels() };
}

/**
 * What the schema cannot say: tests per week to two decimals (numeric(4,2)), a panel that
 * exists, and one that tests every specimen type the policy allows (a random test is
 * collected as the first type and tested on the policy's panel).
 */
export function policyProblems(input: PolicyInput): { code: 'panel_unknown' | 'validation_failed'; problems: Problem[] } | null {
  if (!isPanelId(input.panelId)) return { code: 'panel_unknown', problems: [{ path: 'panelId', message: 'is not a known panel' }] };
  const problems: Problem[] = [];
  if (Math.abs(Math.round(input.testsPerWeek * 100) - input.testsPerWeek * 100) > 1e-6) problems.push({ path: 'testsPerWeek', message: 'has at most two decimals' });
  const panel = PANELS[input.panelId]!;
  const unsupported = input.specimenTypes.filter((t) => !panel.specimenTypes.includes(t));
  if (unsupported.length > 0) problems.push({ path: 'specimenTypes', message: `${panel.name} does not test ${unsupported.join(', ')}` });
  return problems.length > 0 ? { code: 'validation_failed', problems } : null;
}

const snapshot = (p: { active: boolean; tests_per_week: number; eligible_weekdays: readonly number[]; specimen_types: readonly SpecimenType[]; panel_id: string } | undefined) =>
  p ? { active: p.active, testsPerWeek: p.tests_per_week, eligibleWeekdays: [...p.eligible_weekdays], specimenTypes: [...p.specimen_types], panelId: p.panel_id } : null;

export async function savePolicy(deps: AppDeps, actor: StaffActor, audit: AuditContext, programId: string, input: PolicyInput): Promise<PolicyResponse> {
  const invalid = policyProblems(input);
  if (invalid) {
    throw new AppError(422, invalid.code, invalid.code === 'panel_unknown' ? 'There is no such drug-test panel.' : 'The policy is not consistent.', invalid.problems);
  }
  await deps.db.transaction().execute(async (trx) => {
    const program = await getProgramRow(trx, actor.orgId, programId);
    if (!program) throw new AppError(404, 'program_not_found', 'No such program.');
    const before = await lockPolicy(trx, actor.orgId, programId);
    const row = {
      org_id: actor.orgId,
      program_id: programId,
      active: input.active,
      tests_per_week: input.testsPerWeek,
      eligible_weekdays: [...input.eligibleWeekdays].sort((a, b) => a - b) as IsoWeekday[],
      specimen_types: [...input.specimenTypes],
      panel_id: input.panelId,
      updated_by: actor.staffId,
      updated_at: deps.clock.now(),
    };
    await upsertPolicy(trx, row);
    await recordAudit(trx, audit, { action: before ? 'update' : 'create', entity: 'drug_test_policy', entityId: programId, details: { facilityId: program.facility_id, before: snapshot(before), after: snapshot(row) } });
  });
  return loadPolicy(deps.db, actor.orgId, programId);
}
