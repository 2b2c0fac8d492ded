/** SQL for attendance: sessions of a day, who is on their rosters, attendance rows. */
import type { Kysely, Transaction } from 'kysely';
import type { AttendanceTable, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Enrolments that put a patient on a group session's roster: those that held a seat on that
 * day (seated_on, 0006: an ended one still covers the days it held its seat; a waitlist
 * place, even one that later ended, never held one and has no seated_on).
 */
const ROSTER_ENROLLMENT_STATUSES = ['enrolled', 'ended'] as const;

export function getSessionRow(db: Db, orgId: string, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 's.org_id').onRef('f.facility_id', '=', 's.facility_id'))
    .selectAll('s')
    .select(['f.time_zone', 'f.name as facility_name'])
    .where('s.org_id', '=', orgId)
    .where('s.session_id', '=', sessionId)
    .executeTakeFirst();
}
export type SessionWithZone = NonNullable<Awaited<ReturnType<typeof getSessionRow>>>;

/** Sessions with what the board shows about them (group, clinician), in start order. */
function sessionDetails(db: Db, orgId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('staff as c', (join) => join.onRef('c.org_id', '=', 's.org_id').onRef('c.staff_id', '=', 's.clinician_id'))
    .leftJoin('groups as g', (join) => join.onRef('g.org_id', '=', 's.org_id').onRef('g.group_id', '=', 's.group_id'))
    .selectAll('s')
    .select(['c.full_name as clinician_name', 'g.group_type', 'g.capacity'])
    .where('s.org_id', '=', orgId);
}
export type SessionDetailRow = Awaited<ReturnType<ReturnType<typeof sessionDetails>['execute']>>[number];

export function sessionsOnDay(db: Db, orgId: string, facilityId: string, date: string) {
  return sessionDetails(db, orgId).where('s.facility_id', '=', facilityId).where('s.local_date', '=', date).orderBy('s.starts_at').orderBy('s.title').execute();
}

export function sessionDetail(db: Db, orgId: string, sessionId: string) {
  return sessionDetails(db, orgId).where('s.session_id', '=', sessionId).executeTakeFirst();
}

export interface RosterMember {
  readonly session_id: string;
  readonly patient_id: string;
  readonly enrollment_id: string | null;
}

/**
 * Everyone on these sessions' rosters: holding a seat in the group on the session's day, the
 * patient of an individual or family session, and anyone with attendance recorded.
 * One row per session and patient.
 */
export async function rosterMembers(db: Db, orgId: string, sessionIds: readonly string[]): Promise<RosterMember[]> {
  if (sessionIds.length === 0) return [];
  const [enrolled, own, attended] = await Promise.all([
    db
      .selectFrom('sessions as s')
      .innerJoin('group_enrollments as ge', (join) => join.onRef('ge.org_id', '=', 's.org_id').onRef('ge.group_id', '=', 's.group_id'))
      .select(['s.session_id', 'ge.patient_id', 'ge.enrollment_id', 'ge.status'])
      .where('s.org_id', '=', orgId)
      .where('s.session_id', 'in', sessionIds)
      .where('ge.status', 'in', ROSTER_ENROLLMENT_STATUSES)
      .where('ge.seated_on', 'is not', null)
      .whereRef('ge.seated_on', '<=', 's.local_date')
      .where((eb) => eb.or([eb('ge.ends_on', 'is', null), eb('ge.ends_on', '>=', eb.ref('s.local_date'))]))
      .orderBy('ge.status') // 'enrolled' before 'ended' when both cover the day
      .execute(),
    db.selectFrom('sessions').select(['session_id', 'patient_id']).where('org_id', '=', orgId).where('session_id', 'in', sessionIds).where('patient_id', 'is not', null).execute(),
    db.selectFrom('attendance').select(['session_id', 'patient_id']).where('org_id', '=', orgId).where('session_id', 'in', sessionIds).execute(),
  ]);
  const members = new Map<string, RosterMember>();
  const add = (m: RosterMember) => {
    const key = `${m.session_id}|${m.patient_id}`;
    if (!members.has(key)) members.set(key, m);
  };
  for (const e of enrolled) add({ session_id: e.session_id, patient_id: e.patient_id, enrollment_id: e.enrollment_id });
  for (const s of own) if (s.patient_id) add({ session_id: s.session_id, patient_id: s.patient_id, enrollment_id: null });
  for (const a of attended) add({ session_id: a.session_id, patient_id: a.patient_id, enrollment_id: null });
  return [...members.values()];
}

export function patientsByIds(db: Db, orgId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('patients')
    .select(['patient_id', 'mrn', 'legal_given_name', 'legal_family_name', 'preferred_name', 'facility_id'])
    .where('org_id', '=', orgId)
    .where('patient_id', 'in', patientIds)
    .execute();
}
export type PatientNameRow = Awaited<ReturnType<typeof patientsByIds>>[number];

export function attendanceOf(db: Db, orgId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attendance').selectAll().where('org_id', '=', orgId).where('session_id', 'in', sessionIds).execute();
}

export function lockAttendance(trx: Transaction<Database>, orgId: string, sessionId: string, patientId: string) {
  return trx.selectFrom('attendance').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).where('patient_id', '=', patientId).forUpdate().executeTakeFirst();
}

/** Inserts unless a row already exists (a concurrent double tap); returns the row written, if any. */
export function insertAttendance(trx: Transaction<Database>, row: AttendanceTable) {
  return trx
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'session_id', 'patient_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export type AttendanceFields = Omit<AttendanceTable, 'org_id' | 'session_id' | 'patient_id'>;

export async function updateAttendance(trx: Transaction<Database>, orgId: string, sessionId: string, patientId: string, fields: Partial<AttendanceFields>) {
  return trx
    .updateTable('attendance')
    .set(fields)
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .where('patient_id', '=', patientId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
