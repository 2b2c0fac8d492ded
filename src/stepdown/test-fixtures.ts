/**
 * Direct inserts for step-down and aftercare tests: instrument scores, a plan in force with
 * objectives, custom measurements and advancement criteria, without going through the
 * instruments' and plans' routes (their own tests cover those).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AdvancementCriteria, Database, InstrumentId } from '../db/schema.ts';
import { instantAt } from '../time/local-time.ts';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-24T15:00:00Z');

/** The program default of 0009_care.sql: 4 weeks met, 90 %, PHQ-9 −5 or < 10, objectives, 12 weeks at most. */
export const DEFAULT_CRITERIA: AdvancementCriteria = { consecutiveWeeksMet: 4, minAttendancePercent: 90, phq9: { improvedBy: 5, orBelow: 10 }, objectivesMet: true, maxWeeksInPhase: 12 };

export async function setCriteria(db: Db, orgId: string, programId: string, criteria: AdvancementCriteria | null): Promise<void> {
  await db.updateTable('program_phases').set({ advancement_criteria: criteria === null ? null : JSON.stringify(criteria) }).where('org_id', '=', orgId).where('program_id', '=', programId).execute();
}

/** A scored staff-entered response at 10:00 New York on the day (answers are not read by these tests). */
export async function insertScore(db: Db, orgId: string, s: { patientId: string; episodeId: string; instrument: InstrumentId; on: string; score: number | null; severity?: string | null; staffId: string }): Promise<void> {
  await db.insertInto('instrument_responses').values({
    org_id: orgId, response_id: randomUUID(), patient_id: s.patientId, episode_id: s.episodeId, instrument: s.instrument, answers: '[]',
    total_score: s.score, severity: s.severity ?? null, subscales: 'null', flags: [], administered_on: s.on, administered_at: instantAt(s.on, '10:00', 'America/New_York'),
    source: 'staff', administered_by: s.staffId, created_at: NOW,
  }).execute();
}

/** A plan signed by both, in force from `effectiveOn`, with one custom-measured objective per entry. */
export async function insertActivePlan(
  db: Db,
  orgId: string,
  p: { episodeId: string; patientId: string; staffId: string; effectiveOn: string; objectives: { objectiveId: string; description: string; phaseId: string | null; target: number }[] },
): Promise<void> {
  const content = {
    problems: [{
      problemId: randomUUID(),
      statement: 'Alcohol use disorder, moderate',
      goals: [{
        goalId: randomUUID(),
        statement: 'Build a recovery support network',
        objectives: p.objectives.map((o) => ({
          objectiveId: o.objectiveId, description: o.description, phaseId: o.phaseId, metric: { kind: 'custom', unit: 'meetings' }, baseline: null, target: o.target, dueOn: '2026-12-31',
          interventions: [{ interventionId: randomUUID(), service: 'Individual counseling', frequency: 'Weekly', responsibleStaffId: p.staffId }],
        })),
      }],
    }],
  };
  await db.insertInto('treatment_plan_versions').values({
    org_id: orgId, episode_id: p.episodeId, version: 1, patient_id: p.patientId, status: 'active', content: JSON.stringify(content), created_by: p.staffId, created_at: NOW, updated_at: NOW,
    clinician_signed_by: p.staffId, clinician_signed_at: NOW, patient_signed_at: NOW, patient_signed_name: 'Signed', effective_on: p.effectiveOn, review_due_on: '2026-12-31',
  }).execute();
}

export async function insertMeasurement(db: Db, orgId: string, m: { episodeId: string; objectiveId: string; on: string; value: number; staffId: string }): Promise<void> {
  await db.insertInto('objective_measurements').values({
    org_id: orgId, measurement_id: randomUUID(), episode_id: m.episodeId, objective_id: m.objectiveId, measured_on: m.on, value: m.value, note: null, recorded_by: m.staffId, created_at: NOW,
  }).execute();
}
