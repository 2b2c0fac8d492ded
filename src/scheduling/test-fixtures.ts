/**
 * Fixtures for the scheduling tests: an organization with a facility, a program and a
 * clinician, and patients with episodes written straight into the tables (the patients
 * area's routes are built alongside; these tests do not depend on them).
 */
import { randomUUID } from 'node:crypto';
import type { AvailabilityWindow, PatientsTable } from '../db/schema.ts';
import { type Client, type TestContext, type TestOrg, createOrg, createStaffMember, facilityInput, programInput, startTestApp } from '../../test/support/app.ts';
import { addDays } from '../time/local-time.ts';

export interface SchedulingWorld {
  readonly ctx: TestContext;
  readonly org: TestOrg;
  readonly facilityId: string;
  readonly programId: string;
  readonly phaseId: string;
  readonly trackId: string;
  readonly clinician: Client & { staffId: string; email: string };
}

export async function schedulingWorld(): Promise<SchedulingWorld> {
  const ctx = await startTestApp();
  const org = await createOrg(ctx);
  const facilityId = (await org.admin.post('/api/facilities', facilityInput())).json().facilityId as string;
  const program = (await org.admin.post('/api/programs', programInput(facilityId))).json();
  const clinician = await createStaffMember(ctx, org, ['clinician'], [facilityId]);
  return { ctx, org, facilityId, programId: program.programId, phaseId: program.phases[0].phaseId, trackId: program.tracks[0].trackId, clinician };
}

export interface PatientFixture {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly dateOfBirth?: string;
  readonly genderIdentity?: PatientsTable['gender_identity'];
  readonly specialtyPopulations?: string[];
  readonly availability?: AvailabilityWindow[];
  /** Admit to this program (default: the world's program); null for no episode. */
  readonly programId?: string | null;
  readonly admittedOn?: string;
}

/** A patient registered at the world's facility, admitted (by default) to its program. */
export async function insertPatient(world: SchedulingWorld, fixture: PatientFixture = {}): Promise<{ patientId: string; episodeId: string | null }> {
  const { ctx, org } = world;
  const patientId = randomUUID();
  const now = ctx.clock.now();
  await ctx.deps.db
    .insertInto('patients')
    .values({
      org_id: org.orgId,
      patient_id: patientId,
      facility_id: world.facilityId,
      mrn: `T-${patientId.slice(0, 8)}`,
      legal_given_name: fixture.givenName ?? 'Jordan',
      legal_family_name: fixture.familyName ?? `Rivera-${patientId.slice(0, 4)}`,
      preferred_name: null,
      date_of_birth: fixture.dateOfBirth ?? '1990-05-01',
      sex_at_birth: 'female',
      gender_identity: fixture.genderIdentity ?? 'woman',
      pronouns: null,
      language: 'en',
      phone: null,
      email: null,
      address: JSON.stringify(null),
      emergency_contact: JSON.stringify(null),
      support_persons: JSON.stringify([]),
      residence: 'home',
      residence_note: null,
      availability: JSON.stringify(fixture.availability ?? []),
      diagnoses: JSON.stringify([]),
      specialty_populations: fixture.specialtyPopulations ?? [],
      possible_duplicate_of: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (fixture.programId === null) return { patientId, episodeId: null };
  const programId = fixture.programId ?? world.programId;
  const phase = await ctx.deps.db.selectFrom('program_phases').select('phase_id').where('org_id', '=', org.orgId).where('program_id', '=', programId).orderBy('position').executeTakeFirstOrThrow();
  const episodeId = randomUUID();
  await ctx.deps.db
    .insertInto('episodes')
    .values({
      org_id: org.orgId,
      episode_id: episodeId,
      patient_id: patientId,
      program_id: programId,
      status: 'active',
      admitted_on: fixture.admittedOn ?? '2026-11-02',
      referral_source: 'self',
      level_of_care: '2.1',
      phase_id: phase.phase_id,
      track_id: null,
      primary_clinician_id: world.clinician.staffId,
      discharged_on: null,
      discharge_reason: null,
      discharge_summary: null,
      expected_discharge_on: addDays(fixture.admittedOn ?? '2026-11-02', 84),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { patientId, episodeId };
}

/** A group that meets Monday, Wednesday and Thursday at 09:00 for three hours, from the test clock's day. */
export const groupInput = (world: SchedulingWorld, overrides: Record<string, unknown> = {}) => ({
  facilityId: world.facilityId,
  programId: world.programId,
  name: 'Early recovery process group',
  groupType: 'process',
  facilitatorId: world.clinician.staffId,
  room: 'Room 2',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,TH',
  startsOn: '2026-11-24',
  startTime: '09:00',
  durationMinutes: 180,
  ...overrides,
});

/** Records attendance straight into the table (the attendance area's routes are built alongside). */
export async function insertAttendance(world: SchedulingWorld, sessionId: string, patientId: string, minutes = 180): Promise<void> {
  await world.ctx.deps.db
    .insertInto('attendance')
    .values({
      org_id: world.org.orgId,
      session_id: sessionId,
      patient_id: patientId,
      status: 'present',
      checked_in_at: null,
      checked_out_at: null,
      minutes_attended: minutes,
      method: 'roster',
      recorded_by: world.clinician.staffId,
      recorded_at: world.ctx.clock.now(),
      correction_reason: null,
    })
    .execute();
}

export const auditEventsFor = (world: SchedulingWorld, patientId: string) =>
  world.ctx.deps.db.selectFrom('audit_events').select(['action', 'entity', 'details']).where('org_id', '=', world.org.orgId).where('patient_id', '=', patientId).orderBy('seq').execute();
