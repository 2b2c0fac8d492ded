/** SQL the demo needs: whether its organization is there, and what it holds (for the printed summary, the sign-in hints and tests). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * PGlite runs no autovacuum: without fresh statistics its planner picks nested loops that
 * slow down as the seed's weeks of rows pile up (the job worker does the same hourly).
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}

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
  readonly monitoring: MonitoringCounts;
}

/** Issue 5's records: drug tests, medications and observed doses, daily check-ins, on-call shifts, alerts. */
export interface MonitoringCounts {
  readonly drugTestsByStatus: Record<string, number>;
  readonly drugTestsByReason: Record<string, number>;
  readonly drugTestsByOutcome: Record<string, number>;
  readonly drugTestsByValidity: Record<string, number>;
  readonly temperatureOutOfRange: number;
  readonly hl7Imports: number;
  readonly medications: number;
  readonly medicatedPatients: number;
  readonly medicationsByKind: Record<string, number>;
  readonly observedMedications: number;
  readonly dosesByOutcome: Record<string, number>;
  readonly checkinsBySource: Record<string, number>;
  readonly checkinPatients: number;
  readonly checkinsReportingUse: number;
  readonly onCallShifts: number;
  readonly alertsByState: Record<string, number>;
  readonly alertsByRule: Record<string, number>;
  readonly openCritical: number;
  readonly escalated: number;
  /** Unresolved past their due time at `now`. */
  readonly overdue: number;
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

async function monitoringCounts(db: Kysely<Database>, orgId: string, now: Date): Promise<MonitoringCounts> {
  const tests = await db.selectFrom('drug_tests').select(['status', 'reason', 'outcome', 'validity', 'temperature_in_range']).where('org_id', '=', orgId).execute();
  const meds = await db.selectFrom('medications').select(['patient_id', 'addiction_medication', 'observed_weekdays']).where('org_id', '=', orgId).execute();
  const checkins = await db.selectFrom('daily_checkins').select(['patient_id', 'source', 'used_since_last']).where('org_id', '=', orgId).execute();
  const alerts = await db.selectFrom('alerts').select(['rule', 'severity', 'state', 'due_by', 'escalated_at']).where('org_id', '=', orgId).execute();
  const doses = await db.selectFrom('dose_administrations').select(['outcome as key', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('outcome').execute();
  const rows = async (table: 'hl7_imports' | 'on_call_shifts') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);
  const tallied = (values: (string | null)[]) => values.reduce<Record<string, number>>((t, v) => (v === null ? t : { ...t, [v]: (t[v] ?? 0) + 1 }), {});
  return {
    drugTestsByStatus: tallied(tests.map((t) => t.status)),
    drugTestsByReason: tallied(tests.map((t) => t.reason)),
    drugTestsByOutcome: tallied(tests.map((t) => t.outcome)),
    drugTestsByValidity: tallied(tests.map((t) => t.validity)),
    temperatureOutOfRange: tests.filter((t) => t.temperature_in_range === false).length,
    hl7Imports: await rows('hl7_imports'),
    medications: meds.length,
    medicatedPatients: new Set(meds.map((m) => m.patient_id)).size,
    medicationsByKind: tallied(meds.map((m) => m.addiction_medication)),
    observedMedications: meds.filter((m) => m.observed_weekdays !== null).length,
    dosesByOutcome: byKey(doses),
    checkinsBySource: tallied(checkins.map((c) => c.source)),
    checkinPatients: new Set(checkins.map((c) => c.patient_id)).size,
    checkinsReportingUse: checkins.filter((c) => c.used_since_last).length,
    onCallShifts: await rows('on_call_shifts'),
    alertsByState: tallied(alerts.map((a) => a.state)),
    alertsByRule: tallied(alerts.map((a) => a.rule)),
    openCritical: alerts.filter((a) => a.severity === 'critical' && a.state !== 'resolved').length,
    escalated: alerts.filter((a) => a.escalated_at !== null).length,
    overdue: alerts.filter((a) => a.state !== 'resolved' && a.due_by.getTime() < now.getTime()).length,
  };
}

/** An unresolved critical alert to show at sign-in: the patient's name and who it went to. */
export async function criticalAlertExample(db: Kysely<Database>, orgId: string): Promise<{ patient: string; recipients: string[] } | undefined> {
  const alert = await db
    .selectFrom('alerts as a')
    .innerJoin('patients as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.patient_id', '=', 'a.patient_id'))
    .select(['a.alert_id', 'p.legal_given_name', 'p.preferred_name', 'p.legal_family_name'])
    .where('a.org_id', '=', orgId)
    .where('a.severity', '=', 'critical')
    .where('a.state', '!=', 'resolved')
    .orderBy('a.raised_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!alert) return undefined;
  const recipients = await db
    .selectFrom('alert_recipients as r')
    .innerJoin('staff as s', (j) => j.onRef('s.org_id', '=', 'r.org_id').onRef('s.staff_id', '=', 'r.staff_id'))
    .select('s.email')
    .where('r.org_id', '=', orgId)
    .where('r.alert_id', '=', alert.alert_id)
    .orderBy('s.email')
    .execute();
  return { patient: `${alert.preferred_name ?? alert.legal_given_name} ${alert.legal_family_name}`, recipients: recipients.map((r) => r.email) };
}

const count = async (db: Kysely<Database>, table: 'staff' | 'patients' | 'groups' | 'group_enrollments' | 'sessions' | 'attendance' | 'audit_events', orgId: string) =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);

export async function demoCounts(db: Kysely<Database>, orgId: string, now: Date): Promise<DemoCounts> {
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
    monitoring: await monitoringCounts(db, orgId, now),
  };
}
