/**
 * The demo's first day: the organization and its administrator (through first run), then
 * facilities, programs, staff (invited and activated through their invitation links) and
 * the weekly groups, all through the API.
 */
import type { FastifyInstance } from 'fastify';
import { ensureFirstRun } from '../auth/first-run.ts';
import type { AppDeps } from '../deps.ts';
import { DemoClient, DemoSeedError } from './client.ts';
import {
  DEMO_PASSWORD, FACILITIES, GROUP_MINUTES, GROUPS, type FacilityKey, type GroupPlan, PROGRAMS, type ProgramKey, STAFF, type StaffKey, TRACK_PROGRAM, type TrackKey,
} from './organization.ts';

export interface World {
  readonly admin: DemoClient;
  readonly facilities: Record<FacilityKey, { readonly id: string; readonly timeZone: string }>;
  readonly programs: Record<ProgramKey, { readonly id: string; readonly phaseIds: string[]; readonly phaseMax: number[]; readonly trackIds: Partial<Record<TrackKey, string>> }>;
  readonly staff: Record<StaffKey, { readonly id: string; readonly client: DemoClient }>;
  /** Group id → its plan. */
  readonly groups: Map<string, GroupPlan>;
  readonly groupIds: Map<string, string>;
}

export interface AdminAccount {
  readonly email: string;
  readonly password: string;
}

interface Created { facilityId?: string; programId?: string; groupId?: string; phases?: { phaseId: string; maxHoursPerWeek: number }[]; tracks?: { trackId: string; kind: string }[] }

/** Organization + administrator exactly as a first run creates them; returns the signed-in admin. */
export async function createOrganization(app: FastifyInstance, deps: AppDeps, admin: AdminAccount): Promise<DemoClient> {
  const outcome = await ensureFirstRun(deps);
  if (outcome.kind !== 'admin_created') throw new DemoSeedError(`expected first run to create the administrator, got ${outcome.kind}`);
  const client = new DemoClient(app, 'admin');
  await client.login(admin.email, admin.password);
  return client;
}

export async function createWorld(app: FastifyInstance, admin: DemoClient, historyStart: string): Promise<World> {
  const facilities = {} as World['facilities'];
  for (const [key, facility] of Object.entries(FACILITIES) as [FacilityKey, (typeof FACILITIES)[FacilityKey]][]) {
    const created = await admin.post<Created>('/api/facilities', { ...facility, weekStartsOn: 1 });
    facilities[key] = { id: created.facilityId!, timeZone: facility.timeZone };
  }

  const programs = {} as World['programs'];
  for (const [key, program] of Object.entries(PROGRAMS) as [ProgramKey, (typeof PROGRAMS)[ProgramKey]][]) {
    const created = await admin.post<Created>('/api/programs', {
      facilityId: facilities[program.facility].id,
      name: program.name,
      levelOfCare: '2.1',
      population: program.population,
      modality: 'hybrid',
      expectedLengthOfStayDays: program.expectedLengthOfStayDays,
      tracks: program.tracks.map(({ key: _key, ...track }) => track),
      phases: program.phases,
    });
    const trackIds: Partial<Record<TrackKey, string>> = {};
    for (const track of program.tracks) trackIds[track.key] = created.tracks!.find((t) => t.kind === track.kind)!.trackId;
    programs[key] = { id: created.programId!, phaseIds: created.phases!.map((p) => p.phaseId), phaseMax: created.phases!.map((p) => p.maxHoursPerWeek), trackIds };
  }

  const staff = {} as World['staff'];
  for (const member of STAFF) {
    const created = await admin.post<{ staff: { staffId: string }; link: { url: string } }>('/api/staff', {
      email: member.email,
      fullName: member.fullName,
      credentials: member.credentials,
      roles: member.roles,
      facilityIds: member.facilities.map((f) => facilities[f].id),
    });
    const client = new DemoClient(app, member.key);
    await client.acceptInvitation(created.link.url, DEMO_PASSWORD);
    staff[member.key] = { id: created.staff.staffId, client };
  }

  const groups = new Map<string, GroupPlan>();
  const groupIds = new Map<string, string>();
  for (const plan of GROUPS) {
    const programKey = TRACK_PROGRAM[plan.track];
    const program = PROGRAMS[programKey];
    const created = await admin.post<Created>('/api/groups', {
      facilityId: facilities[program.facility].id,
      programId: programs[programKey].id,
      trackId: programs[programKey].trackIds[plan.track],
      name: plan.name,
      groupType: plan.groupType,
      topic: plan.topic,
      facilitatorId: staff[plan.facilitator].id,
      room: plan.room,
      videoUrl: plan.videoUrl,
      capacity: 12,
      waitlistEnabled: true,
      eligiblePopulation: program.population,
      eligibleGender: plan.eligibleGender,
      rrule: `FREQ=WEEKLY;BYDAY=${plan.byDay}`,
      startsOn: historyStart,
      startTime: plan.startTime,
      durationMinutes: GROUP_MINUTES,
    });
    groups.set(created.groupId!, plan);
    groupIds.set(plan.key, created.groupId!);
  }
  return { admin, facilities, programs, staff, groups, groupIds };
}
