/** SQL for patients. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PatientsTable } from '../db/schema.ts';
import type { FacilityScope } from '../http/actor.ts';
import type { LocalDate } from '../time/local-time.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The facilities through which staff may reach a patient: the registering facility and
 * the facility of every episode's program (past episodes too, so a discharged patient's
 * chart stays reachable by the team that treated them). Empty when there is no such patient.
 */
export async function patientFacilityIds(db: Db, orgId: string, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('patients')
    .select('facility_id')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .union(
      db
        .selectFrom('episodes as e')
        .innerJoin('programs as p', (join) => join.onRef('p.org_id', '=', 'e.org_id').onRef('p.program_id', '=', 'e.program_id'))
        .select('p.facility_id')
        .where('e.org_id', '=', orgId)
        .where('e.patient_id', '=', patientId),
    )
    .execute();
  return rows.map((row) => row.facility_id);
}

/** Columns written from a registration form (everything but keys, MRN and timestamps). */
type JsonColumns = 'address' | 'emergency_contact' | 'support_persons' | 'availability' | 'diagnoses';
export type PatientFields = Omit<PatientsTable, 'org_id' | 'patient_id' | 'mrn' | 'possible_duplicate_of' | 'created_at' | 'updated_at' | JsonColumns> & {
  /** jsonb columns as JSON text (schema.ts). */
  address: string | null;
  emergency_contact: string | null;
  support_persons: string;
  availability: string;
  diagnoses: string;
};

/** Absent address or emergency contact is SQL NULL, not a JSON null. */
const columns = (fields: PatientFields) => ({
  ...fields,
  address: fields.address ?? sql<string>`null`,
  emergency_contact: fields.emergency_contact ?? sql<string>`null`,
});

export async function insertPatient(
  trx: Db,
  orgId: string,
  patientId: string,
  row: { fields: PatientFields; mrn: string; possibleDuplicateOf: string | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('patients')
    .values({ org_id: orgId, patient_id: patientId, mrn: row.mrn, possible_duplicate_of: row.possibleDuplicateOf, ...columns(row.fields), created_at: now, updated_at: now })
    .execute();
}

export async function updatePatient(trx: Db, orgId: string, patientId: string, fields: PatientFields, mrn: string, now: Date): Promise<void> {
  await trx.updateTable('patients').set({ ...columns(fields), mrn, updated_at: now }).where('org_id', '=', orgId).where('patient_id', '=', patientId).execute();
}

export function getPatientRow(db: Db, orgId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .selectAll('p')
    .select(['f.name as facility_name', 'f.time_zone'])
    .where('p.org_id', '=', orgId)
    .where('p.patient_id', '=', patientId)
    .executeTakeFirst();
}
export type PatientRowWithFacility = NonNullable<Awaited<ReturnType<typeof getPatientRow>>>;

export function lockPatient(trx: Transaction<Database>, orgId: string, patientId: string) {
  return trx.selectFrom('patients').selectAll().where('org_id', '=', orgId).where('patient_id', '=', patientId).forUpdate().executeTakeFirst();
}

/**
 * The next MRN number of the organization. The upsert takes the counter row's lock until
 * commit, so concurrent registrations are handed distinct, increasing numbers.
 */
export async function nextMrnNumber(trx: Transaction<Database>, orgId: string): Promise<number> {
  const row = await trx
    .insertInto('mrn_counters')
    .values({ org_id: orgId, last_value: 1 })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ last_value: sql`mrn_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function mrnTaken(db: Db, orgId: string, mrn: string, exceptPatientId?: string): Promise<boolean> {
  let query = db.selectFrom('patients').select('patient_id').where('org_id', '=', orgId).where(sql<string>`lower(mrn)`, '=', mrn.toLowerCase());
  if (exceptPatientId) query = query.where('patient_id', '<>', exceptPatientId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Patients of the organization born on a day (the duplicate check compares names in code). */
export function patientsBornOn(db: Db, orgId: string, dateOfBirth: LocalDate) {
  return db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .select(['p.patient_id', 'p.mrn', 'p.legal_given_name', 'p.legal_family_name', 'p.date_of_birth', 'f.name as facility_name'])
    .where('p.org_id', '=', orgId)
    .where('p.date_of_birth', '=', dateOfBirth)
    .orderBy('p.created_at')
    .execute();
}

export async function patientExists(db: Db, orgId: string, patientId: string): Promise<boolean> {
  return (await db.selectFrom('patients').select('patient_id').where('org_id', '=', orgId).where('patient_id', '=', patientId).executeTakeFirst()) !== undefined;
}

export type PatientSearch = {
  readonly scope: FacilityScope;
  readonly facilityId?: string | undefined;
  readonly status: 'active' | 'discharged' | 'all';
  readonly limit: number;
  readonly term: { readonly kind: 'none' } | { readonly kind: 'date_of_birth'; readonly dateOfBirth: LocalDate } | { readonly kind: 'text'; readonly text: string };
};

/** Exactly the expression of the patients_name_trgm GIN index (0002_core_loop.sql), so the index serves % and <%. */
const NAME = sql<string>`lower(p.legal_given_name || ' ' || p.legal_family_name || ' ' || coalesce(p.preferred_name, ''))`;

const episodeAt = (facilityIds: readonly string[]) => sql<boolean>`exists (
  select 1 from episodes e join programs pr on pr.org_id = e.org_id and pr.program_id = e.program_id
  where e.org_id = p.org_id and e.patient_id = p.patient_id and pr.facility_id in (${sql.join(facilityIds)}))`;
const hasEpisode = (status: 'active' | 'discharged') =>
  sql<boolean>`exists (select 1 from episodes e where e.org_id = p.org_id and e.patient_id = p.patient_id and e.status = ${status})`;

/**
 * Patients the caller can reach (registering facility or any episode's program facility
 * in scope) matching a search. Text matches an MRN exactly (or its number, "123" for
 * C-000123) or a name by trigram similarity, typos included (pg_trgm `%` and `<%`).
 */
export async function searchPatientRows(db: Db, orgId: string, search: PatientSearch) {
  const { scope, term } = search;
  if (scope.kind === 'assigned' && scope.facilityIds.length === 0) return [];
  let query = db
    .selectFrom('patients as p')
    .innerJoin('facilities as f', (join) => join.onRef('f.org_id', '=', 'p.org_id').onRef('f.facility_id', '=', 'p.facility_id'))
    .selectAll('p')
    .select(['f.name as facility_name', hasEpisode('active').as('has_active')])
    .where('p.org_id', '=', orgId);
  if (scope.kind === 'assigned') query = query.where((eb) => eb.or([eb('p.facility_id', 'in', scope.facilityIds), episodeAt(scope.facilityIds)]));
  if (search.facilityId) {
    const facilityId = search.facilityId;
    query = query.where((eb) => eb.or([eb('p.facility_id', '=', facilityId), episodeAt([facilityId])]));
  }
  if (search.status === 'active') query = query.where(hasEpisode('active'));
  if (search.status === 'discharged') query = query.where((eb) => eb.and([eb.not(hasEpisode('active')), hasEpisode('discharged')]));
  if (term.kind === 'date_of_birth') {
    query = query.where('p.date_of_birth', '=', term.dateOfBirth);
  } else if (term.kind === 'text') {
    const text = term.text.toLowerCase();
    const number = /^\d+$/.test(text) ? text.replace(/^0+/, '') : '';
    query = query
      .where((eb) =>
        eb.or([
          eb(sql`lower(p.mrn)`, '=', text),
          sql<boolean>`${NAME} % ${text}`,
          sql<boolean>`${text} <% ${NAME}`,
          ...(number ? [sql<boolean>`ltrim(regexp_replace(p.mrn, '[^0-9]', '', 'g'), '0') = ${number}`] : []),
        ]),
      )
      .orderBy(sql`lower(p.mrn) = ${text}`, 'desc')
      .orderBy(sql`greatest(similarity(${NAME}, ${text}), word_similarity(${text}, ${NAME}))`, 'desc');
  }
  if (term.kind !== 'text') query = query.orderBy(hasEpisode('active'), 'desc');
  return query.orderBy(sql`lower(p.legal_family_name)`).orderBy(sql`lower(p.legal_given_name)`).orderBy('p.patient_id').limit(search.limit).execute();
}

/** Each patient's active episodes with program and phase names, latest admission first. */
export function activeEpisodesOf(db: Db, orgId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', (join) => join.onRef('pr.org_id', '=', 'e.org_id').onRef('pr.program_id', '=', 'e.program_id'))
    .innerJoin('program_phases as ph', (join) => join.onRef('ph.org_id', '=', 'e.org_id').onRef('ph.phase_id', '=', 'e.phase_id'))
    .select(['e.episode_id', 'e.patient_id', 'e.program_id', 'pr.name as program_name', 'e.phase_id', 'ph.name as phase_name', 'e.admitted_on'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', 'in', patientIds)
    .where('e.status', '=', 'active')
    .orderBy('e.admitted_on', 'desc')
    .execute();
}
