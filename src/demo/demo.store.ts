/** SQL the demo needs: whether its organization is there, and what it holds (for the printed summary and tests). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export function demoOrganization(db: Kysely<Database>) {
  return db.selectFrom('organizations').select(['org_id', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function administratorEmails(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('email')
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.email);
}

/** A patient with a portal account to sign in as: one with a treatment plan awaiting their signature when there is one. */
export async function portalExample(db: Kysely<Database>, orgId: string): Promise<{ email: string; planToSign: boolean } | undefined> {
  const accounts = await db
    .selectFrom('patient_accounts as a')
    .leftJoin('treatment_plan_versions as v', (join) => join.onRef('v.org_id', '=', 'a.org_id').onRef('v.patient_id', '=', 'a.patient_id').on('v.status', '=', 'awaiting_patient'))
    .select(['a.email', 'v.version'])
    .where('a.org_id', '=', orgId)
    .where('a.status', '=', 'active')
    .orderBy('a.email')
    .execute();
  const pick = accounts.find((a) => a.version !== null) ?? accounts[0];
  return pick ? { email: pick.email, planToSign: pick.version !== null } : undefined;
}

export interface DemoCounts {
  readonly staff: number;
  readonly patients: number;
  readonly activeEpisodes: number;
  readonly dischargedEpisodes: number;
  readonly groups: number;
  readonly enrollments: number;
  readonly sessions: number;
  readonly attendance: number;
  readonly attendanceByStatus: Record<string, number>;
  readonly auditEvents: number;
  readonly care: CareCounts;
}

/** Issue 4's records: intake decisions, instrument responses and their flags, plan versions, reviews, step-down decisions. */
export interface CareCounts {
  readonly intakeByDecision: Record<string, number>;
  readonly responsesByInstrument: Record<string, number>;
  readonly responsesBySource: Record<string, number>;
  readonly flags: Record<string, number>;
  readonly planVersionsByStatus: Record<string, number>;
  readonly planReviews: number;
  readonly measurements: number;
  readonly stepDownByDecision: Record<string, number>;
  readonly stayExtensions: number;
}

type Grouped = { key: string; n: number | string | bigint }[];
const byKey = (rows: Grouped) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

async function careCounts(db: Kysely<Database>, orgId: string): Promise<CareCounts> {
  const n = <T extends { n: number | string | bigint }>(row: T | undefined) => Number(row?.n ?? 0);
  const responses = await db.selectFrom('instrument_responses').select(['instrument', 'source', 'flags']).where('org_id', '=', orgId).execute();
  const flags: Record<string, number> = {};
  for (const flag of responses.flatMap((r) => r.flags)) flags[flag] = (flags[flag] ?? 0) + 1;
  const tallied = (values: string[]) => values.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {});
  return {
    intakeByDecision: byKey(await db.selectFrom('intake_assessments').select(['decision as key', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('decision').execute()),
    responsesByInstrument: tallied(responses.map((r) => r.instrument)),
    responsesBySource: tallied(responses.map((r) => r.source)),
    flags,
    planVersionsByStatus: byKey(await db.selectFrom('treatment_plan_versions').select(['status as key', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('status').execute()),
    planReviews: n(await db.selectFrom('treatment_plan_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirst()),
    measurements: n(await db.selectFrom('objective_measurements').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirst()),
    stepDownByDecision: byKey(await db.selectFrom('step_down_decisions').select(['decision as key', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('decision').execute()),
    stayExtensions: n(await db.selectFrom('episode_stay_extensions').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirst()),
  };
}

const count = async (db: Kysely<Database>, table: 'staff' | 'patients' | 'groups' | 'group_enrollments' | 'sessions' | 'attendance' | 'audit_events', orgId: string) =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);

export async function demoCounts(db: Kysely<Database>, orgId: string): Promise<DemoCounts> {
  const episodes = await db.selectFrom('episodes').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('status').execute();
  const attendance = await db.selectFrom('attendance').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('status').execute();
  return {
    staff: await count(db, 'staff', orgId),
    patients: await count(db, 'patients', orgId),
    activeEpisodes: Number(episodes.find((e) => e.status === 'active')?.n ?? 0),
    dischargedEpisodes: Number(episodes.find((e) => e.status === 'discharged')?.n ?? 0),
    groups: await count(db, 'groups', orgId),
    enrollments: await count(db, 'group_enrollments', orgId),
    sessions: await count(db, 'sessions', orgId),
    attendance: await count(db, 'attendance', orgId),
    attendanceByStatus: Object.fromEntries(attendance.map((a) => [a.status, Number(a.n)])),
    auditEvents: await count(db, 'audit_events', orgId),
    care: await careCounts(db, orgId),
  };
}
