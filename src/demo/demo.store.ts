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
  };
}
