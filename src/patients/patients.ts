/** Patients: registration with the duplicate check, chart reads, edits and search, each one audited transaction. */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { loadEpisodes } from '../episodes/episodes.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { localDateOf } from '../time/local-time.ts';
import { diagnosisCategory, normalizeIcd10 } from './icd10.ts';
import { formatMrn, interpretSearch, patientProblems, sameLegalName } from './patient-rules.ts';
import type { Patient, PatientCreateInput, PatientInput, PatientSearchQuery, PatientSummary } from './patients.schemas.ts';
import {
  type PatientFields,
  type PatientRowWithFacility,
  type PatientSearch,
  activeEpisodesOf,
  getPatientRow,
  insertPatient,
  lockPatient,
  mrnTaken,
  nextMrnNumber,
  patientFacilityIds,
  patientsBornOn,
  searchPatientRows,
  updatePatient,
} from './patients.store.ts';

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** The facility a record is registered at: it must exist (422) and be one the caller works at (403). */
async function registeringFacility(trx: Transaction<Database>, actor: StaffActor, facilityId: string) {
  const facility = await getFacility(trx, actor.orgId, facilityId);
  if (!facility) throw new AppError(422, 'facility_not_found', 'No such facility.', [{ path: 'facilityId', message: 'does not exist' }]);
  if (!canSeeFacility(actor, facilityId)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
  return facility;
}

/** Validates against the facility's calendar day and turns the form into columns. */
function fieldsOf(input: PatientInput, today: string): PatientFields {
  const availability = input.availability ?? [];
  const diagnoses = (input.diagnoses ?? []).map((d) => ({ code: normalizeIcd10(d.code), description: d.description.trim(), primary: d.primary }));
  const problems = patientProblems({ dateOfBirth: input.dateOfBirth, diagnoses, availability }, today);
  const first = problems[0];
  if (first) throw new AppError(422, first.code, `Check ${[...new Set(problems.map((p) => p.path))].join(', ')}.`, problems.map(({ path, message }) => ({ path, message })));
  const contact = (c: { name: string; relationship: string; phone?: string | null; email?: string | null }) => ({
    name: c.name.trim(),
    relationship: c.relationship.trim(),
    phone: blankToNull(c.phone),
    email: blankToNull(c.email),
  });
  return {
    facility_id: input.facilityId,
    legal_given_name: input.legalGivenName.trim(),
    legal_family_name: input.legalFamilyName.trim(),
    preferred_name: blankToNull(input.preferredName),
    date_of_birth: input.dateOfBirth,
    sex_at_birth: input.sexAtBirth,
    gender_identity: input.genderIdentity,
    pronouns: blankToNull(input.pronouns),
    language: input.language?.trim() || 'en',
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
    address: input.address
      ? JSON.stringify({ line1: input.address.line1.trim(), line2: blankToNull(input.address.line2), city: input.address.city.trim(), state: input.address.state.trim(), postalCode: input.address.postalCode.trim() })
      : null,
    emergency_contact: input.emergencyContact ? JSON.stringify(contact(input.emergencyContact)) : null,
    support_persons: JSON.stringify((input.supportPersons ?? []).map(contact)),
    residence: input.residence,
    residence_note: blankToNull(input.residenceNote),
    availability: JSON.stringify([...availability].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.start.localeCompare(b.start)).map(({ dayOfWeek, start, end, label }) => ({ dayOfWeek, start, end, label: label.trim() }))),
    diagnoses: JSON.stringify(diagnoses),
    specialty_populations: [...new Set((input.specialtyPopulations ?? []).map((s) => s.trim().toLowerCase()))],
  };
}

const JSON_COLUMNS = new Set<string>(['address', 'emergency_contact', 'support_persons', 'availability', 'diagnoses']);

/** A column value in a form that compares equal however jsonb ordered its keys. */
function comparable(value: unknown, json: boolean): string {
  const parsed = json && typeof value === 'string' ? JSON.parse(value) : value;
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v;
  return JSON.stringify(sortKeys(parsed) ?? null);
}

const mrnTakenError = () => new AppError(409, 'mrn_taken', 'Another patient has this MRN.', [{ path: 'mrn', message: 'is already used' }]);

/** A unique-key race on the MRN gets the same answer as the sequential check. */
function isMrnRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'patients_org_id_mrn_key';
}

async function toPatient(trx: Transaction<Database>, row: PatientRowWithFacility, now: Date): Promise<Patient> {
  return {
    patientId: row.patient_id,
    mrn: row.mrn,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    legalGivenName: row.legal_given_name,
    legalFamilyName: row.legal_family_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    sexAtBirth: row.sex_at_birth,
    genderIdentity: row.gender_identity,
    pronouns: row.pronouns,
    language: row.language,
    phone: row.phone,
    email: row.email,
    address: row.address ? { ...row.address, line2: row.address.line2 ?? null } : null,
    emergencyContact: row.emergency_contact ? { ...row.emergency_contact, phone: row.emergency_contact.phone ?? null, email: row.emergency_contact.email ?? null } : null,
    supportPersons: row.support_persons.map((c) => ({ ...c, phone: c.phone ?? null, email: c.email ?? null })),
    residence: row.residence,
    residenceNote: row.residence_note,
    availability: row.availability,
    diagnoses: row.diagnoses.map((d) => ({ ...d, category: diagnosisCategory(d.code) })),
    specialtyPopulations: row.specialty_populations,
    possibleDuplicateOf: row.possible_duplicate_of,
    episodes: await loadEpisodes(trx, row.org_id, { patientId: row.patient_id }, now),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const loadPatient = async (trx: Transaction<Database>, orgId: string, patientId: string, now: Date) => toPatient(trx, (await getPatientRow(trx, orgId, patientId))!, now);

/**
 * Same legal name and birth date anywhere in the organization. Matches the caller can reach
 * (allow.patient's rule: the registering facility or any episode's) are shown in full; the
 * others only counted, so the check never tells a caller who is registered where they do not work.
 */
async function duplicateMatches(trx: Transaction<Database>, actor: StaffActor, fields: PatientFields) {
  const matches = (await patientsBornOn(trx, actor.orgId, fields.date_of_birth)).filter((p) =>
    sameLegalName({ legalGivenName: p.legal_given_name, legalFamilyName: p.legal_family_name }, { legalGivenName: fields.legal_given_name, legalFamilyName: fields.legal_family_name }),
  );
  const reachable: typeof matches = [];
  for (const match of matches) {
    if ((await patientFacilityIds(trx, actor.orgId, match.patient_id)).some((facilityId) => canSeeFacility(actor, facilityId))) reachable.push(match);
  }
  return { reachable, elsewhere: matches.length - reachable.length };
}

function possibleDuplicate(reachable: Awaited<ReturnType<typeof duplicateMatches>>['reachable'], elsewhere: number): AppError {
  const message = [
    reachable.length ? 'A patient with this name and date of birth is already registered.' : '',
    elsewhere ? 'A patient with this name and date of birth is registered at another facility of your organization; ask a colleague there or your administrator.' : '',
  ].filter(Boolean).join(' ');
  return new AppError(409, 'possible_duplicate', message, {
    matches: reachable.map((m) => ({ patientId: m.patient_id, mrn: m.mrn, name: `${m.legal_given_name} ${m.legal_family_name}`, dateOfBirth: m.date_of_birth, facilityName: m.facility_name })),
    elsewhere,
  });
}

/**
 * Showing matching charts is a disclosure, audited one event per patient shown. The 409 rolls
 * the registration back, so these events get their own transaction once it has ended (PGlite
 * has one connection: a second transaction cannot open while the first is still running).
 */
async function auditDuplicateDisclosure(deps: AppDeps, audit: AuditContext, patientIds: readonly string[], facilityId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const patientId of patientIds) {
      await recordAudit(trx, audit, { action: 'read', entity: 'patient_duplicate_check', entityId: patientId, patientId, details: { registeringFacilityId: facilityId } });
    }
  });
}

export async function registerPatient(deps: AppDeps, actor: StaffActor, audit: AuditContext, input: PatientCreateInput): Promise<Patient> {
  let disclosed: string[] = [];
  try {
    return await createPatient(deps, actor, audit, input, (patientIds) => (disclosed = patientIds));
  } catch (error) {
    // Audited before the caller sees the matches; if the audit cannot be written, neither are they.
    if (disclosed.length) await auditDuplicateDisclosure(deps, audit, disclosed, input.facilityId);
    throw error;
  }
}

async function createPatient(deps: AppDeps, actor: StaffActor, audit: AuditContext, input: PatientCreateInput, disclose: (patientIds: string[]) => void): Promise<Patient> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await registeringFacility(trx, actor, input.facilityId);
    const fields = fieldsOf(input, localDateOf(deps.clock.now(), facility.time_zone));
    // Warn about a possible second chart, and link only when staff confirm one they can see.
    const { reachable, elsewhere } = await duplicateMatches(trx, actor, fields);
    const acknowledged = reachable.find((m) => m.patient_id === input.acknowledgedDuplicateOf);
    if (input.acknowledgedDuplicateOf !== undefined && !acknowledged) {
      throw new AppError(422, 'validation_failed', 'The confirmed match is not one of the matching patients you can see.', [
        { path: 'acknowledgedDuplicateOf', message: 'is not a matching patient at a facility you work at' },
      ]);
    }
    if ((reachable.length > 0 || elsewhere > 0) && !acknowledged) {
      disclose(reachable.map((m) => m.patient_id));
      throw possibleDuplicate(reachable, elsewhere);
    }
    let mrn = input.mrn?.trim();
    if (mrn) {
      if (await mrnTaken(trx, actor.orgId, mrn)) throw mrnTakenError();
    } else {
      // Skips numbers someone already typed in by hand.
      do mrn = formatMrn(await nextMrnNumber(trx, actor.orgId));
      while (await mrnTaken(trx, actor.orgId, mrn));
    }
    const patientId = randomUUID();
    try {
      await insertPatient(trx, actor.orgId, patientId, { fields, mrn, possibleDuplicateOf: acknowledged?.patient_id ?? null }, deps.clock.now());
    } catch (error) {
      throw isMrnRace(error) ? mrnTakenError() : error;
    }
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'patient',
      entityId: patientId,
      patientId,
      details: { facilityId: fields.facility_id, possibleDuplicateOf: acknowledged?.patient_id ?? null },
    });
    return loadPatient(trx, actor.orgId, patientId, deps.clock.now());
  });
}

export async function editPatient(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: PatientInput): Promise<Patient> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockPatient(trx, actor.orgId, patientId);
    if (!before) throw new AppError(404, 'patient_not_found', 'No such patient.');
    const facility = await registeringFacility(trx, actor, input.facilityId);
    const fields = fieldsOf(input, localDateOf(deps.clock.now(), facility.time_zone));
    const mrn = input.mrn?.trim() || before.mrn;
    if (mrn !== before.mrn && (await mrnTaken(trx, actor.orgId, mrn, patientId))) throw mrnTakenError();
    try {
      await updatePatient(trx, actor.orgId, patientId, fields, mrn, deps.clock.now());
    } catch (error) {
      throw isMrnRace(error) ? mrnTakenError() : error;
    }
    // Field names only: the values are the patient's.
    const changed = (Object.keys(fields) as (keyof PatientFields)[]).filter((k) => comparable(before[k], JSON_COLUMNS.has(k)) !== comparable(fields[k], JSON_COLUMNS.has(k)));
    if (mrn !== before.mrn) changed.push('mrn' as keyof PatientFields);
    await recordAudit(trx, audit, { action: 'update', entity: 'patient', entityId: patientId, patientId, details: { fields: changed } });
    return loadPatient(trx, actor.orgId, patientId, deps.clock.now());
  });
}

export async function readPatient(deps: AppDeps, audit: AuditContext, patientId: string): Promise<Patient> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await getPatientRow(trx, audit.orgId, patientId);
    if (!row) throw new AppError(404, 'patient_not_found', 'No such patient.');
    await recordAudit(trx, audit, { action: 'read', entity: 'patient', entityId: patientId, patientId });
    return toPatient(trx, row, deps.clock.now());
  });
}

export async function searchPatients(deps: AppDeps, actor: StaffActor, audit: AuditContext, query: PatientSearchQuery): Promise<PatientSummary[]> {
  if (query.facilityId && !canSeeFacility(actor, query.facilityId)) throw new AppError(403, 'facility_forbidden', 'You are not assigned to this facility.');
  const term: PatientSearch['term'] = query.q?.trim() ? interpretSearch(query.q) : { kind: 'none' };
  return deps.db.transaction().execute(async (trx) => {
    const rows = await searchPatientRows(trx, actor.orgId, { scope: actor.facilities, facilityId: query.facilityId, status: query.status ?? 'all', limit: query.limit ?? 50, term });
    const episodes = await activeEpisodesOf(trx, actor.orgId, rows.map((r) => r.patient_id));
    // One event for the list, naming who appeared in it; never the search words.
    await recordAudit(trx, audit, { action: 'read', entity: 'patient', details: { patientIds: rows.map((r) => r.patient_id), search: term.kind } });
    const text = term.kind === 'text' ? term.text.toLowerCase() : '';
    const number = /^\d+$/.test(text) ? text.replace(/^0+/, '') : '';
    return rows.map((row) => {
      const active = episodes.find((e) => e.patient_id === row.patient_id);
      const mrnMatch = row.mrn.toLowerCase() === text || (number !== '' && row.mrn.replace(/\D/g, '').replace(/^0+/, '') === number);
      return {
        patientId: row.patient_id,
        mrn: row.mrn,
        legalGivenName: row.legal_given_name,
        legalFamilyName: row.legal_family_name,
        preferredName: row.preferred_name,
        dateOfBirth: row.date_of_birth,
        facilityId: row.facility_id,
        facilityName: row.facility_name,
        activeEpisode: active
          ? { episodeId: active.episode_id, programId: active.program_id, programName: active.program_name, phaseId: active.phase_id, phaseName: active.phase_name, admittedOn: active.admitted_on }
          : null,
        matchedBy: term.kind === 'none' ? null : term.kind === 'date_of_birth' ? 'date_of_birth' : mrnMatch ? 'mrn' : 'name',
      };
    });
  });
}
