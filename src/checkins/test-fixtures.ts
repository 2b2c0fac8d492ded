/**
 * A monitoring world for check-in and medication tests: two facilities (New York and Los
 * Angeles) with a program each, staff in every role that matters here, and patients written
 * straight into the tables (the patients and episodes areas test their own routes).
 */
import { randomUUID } from 'node:crypto';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import type { StaffRole } from '../staff/roles.ts';
import { addDays } from '../time/local-time.ts';

type Staff = Client & { staffId: string; email: string };

export interface MonitoringWorld {
  readonly ctx: TestContext;
  readonly org: TestOrg;
  /** Riverbend Downtown, America/New_York. */
  readonly facilityId: string;
  /** Riverbend West, America/Los_Angeles. */
  readonly westFacilityId: string;
  readonly program: { programId: string; phaseId: string };
  readonly westProgram: { programId: string; phaseId: string };
  readonly clinician: Staff;
  readonly westClinician: Staff;
  readonly director: Staff;
  readonly medical: Staff;
  readonly frontDesk: Staff;
  readonly billing: Staff;
  staff(roles: StaffRole[], facilityIds: string[]): Promise<Staff>;
}

export async function monitoringWorld(): Promise<MonitoringWorld> {
  // These tests move the clock across days: sessions must outlive the moves.
  const ctx = await startTestApp({ sessionIdleMinutes: 400 * 24 * 60, sessionAbsoluteHours: 400 * 24 });
  const org = await createOrg(ctx);
  const facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId as string;
  const westFacilityId = (await org.admin.post('/api/facilities', facilityInput('Riverbend West', 'America/Los_Angeles'))).json().facilityId as string;
  const p = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  const w = (await org.admin.post('/api/programs', programInput(westFacilityId, { name: 'West Adult IOP' }))).json();
  const staff = (roles: StaffRole[], facilityIds: string[]) => createStaffMember(ctx, org, roles, facilityIds);
  return {
    ctx,
    org,
    facilityId,
    westFacilityId,
    program: { programId: p.programId, phaseId: p.phases[0].phaseId },
    westProgram: { programId: w.programId, phaseId: w.phases[0].phaseId },
    clinician: await staff(['clinician'], [facilityId]),
    westClinician: await staff(['clinician'], [westFacilityId]),
    director: await staff(['clinical_director'], [facilityId]),
    medical: await staff(['medical'], [facilityId]),
    frontDesk: await staff(['front_desk'], [facilityId]),
    billing: await staff(['billing'], [facilityId]),
    staff,
  };
}

export interface PatientSpec {
  readonly given?: string;
  readonly family?: string;
  readonly preferred?: string | null;
  readonly dateOfBirth?: string;
  /** Registering facility (default: the New York facility). */
  readonly registeredAt?: string;
  /** Admit to this program; null for none (default: the New York program). */
  readonly admitTo?: { programId: string; phaseId: string } | null;
  readonly admittedOn?: string;
  readonly dischargedOn?: string;
}

export interface SeededPatient {
  readonly patientId: string;
  readonly episodeId: string | null;
}

export async function addPatient(world: MonitoringWorld, spec: PatientSpec = {}): Promise<SeededPatient> {
  const { db } = world.ctx.deps;
  const orgId = world.org.orgId;
  const now = world.ctx.clock.now();
  const patientId = randomUUID();
  await db.insertInto('patients').values({
    org_id: orgId, patient_id: patientId, facility_id: spec.registeredAt ?? world.facilityId, mrn: `T-${patientId.slice(0, 8)}`,
    legal_given_name: spec.given ?? 'Olivia', legal_family_name: spec.family ?? `Okafor-${patientId.slice(0, 4)}`, preferred_name: spec.preferred ?? null,
    date_of_birth: spec.dateOfBirth ?? '1990-04-12', sex_at_birth: 'female', gender_identity: 'woman', pronouns: null, language: 'en', phone: null, email: null,
    address: 'null', emergency_contact: 'null', support_persons: '[]', residence: 'home', residence_note: null,
    availability: '[]', diagnoses: '[]', specialty_populations: [], possible_duplicate_of: null, created_at: now, updated_at: now,
  }).execute();
  const admitTo = spec.admitTo === undefined ? world.program : spec.admitTo;
  if (!admitTo) return { patientId, episodeId: null };
  const episodeId = randomUUID();
  const admittedOn = spec.admittedOn ?? '2026-11-02';
  await db.insertInto('episodes').values({
    org_id: orgId, episode_id: episodeId, patient_id: patientId, program_id: admitTo.programId,
    status: spec.dischargedOn ? 'discharged' : 'active', admitted_on: admittedOn, expected_discharge_on: addDays(admittedOn, 84), referral_source: 'self', level_of_care: '2.1',
    phase_id: admitTo.phaseId, track_id: null, primary_clinician_id: world.clinician.staffId,
    discharged_on: spec.dischargedOn ?? null, discharge_reason: spec.dischargedOn ? 'completed' : null, discharge_summary: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('episode_phases').values({ org_id: orgId, episode_id: episodeId, effective_on: admittedOn, phase_id: admitTo.phaseId, changed_by: world.clinician.staffId, changed_at: now, reason: null }).execute();
  return { patientId, episodeId };
}

/** Audit events of an entity for a patient, oldest first. */
export function auditRows(world: MonitoringWorld, entity: string, patientId?: string) {
  let query = world.ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'patient_id', 'actor_id', 'actor_role', 'details']).where('org_id', '=', world.org.orgId).where('entity', '=', entity);
  if (patientId) query = query.where('patient_id', '=', patientId);
  return query.orderBy('seq').execute();
}

/** Alerts raised for a patient, oldest first. */
export function alertRows(world: MonitoringWorld, patientId: string) {
  return world.ctx.deps.db.selectFrom('alerts').selectAll().where('org_id', '=', world.org.orgId).where('patient_id', '=', patientId).orderBy('raised_at').execute();
}
