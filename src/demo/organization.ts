/**
 * The demo organization as data: two facilities in different time zones, an adult
 * substance-use IOP (morning track, and an evening track for working patients), an
 * adolescent IOP in the afternoon, ten staff, the weekly group grid and the slots for
 * weekly individual sessions. Nothing here touches the database.
 */
import type { StaffRole } from '../staff/roles.ts';

export type FacilityKey = 'hartford' | 'pasadena';
export type TrackKey = 'morning' | 'evening' | 'afternoon';
export type ProgramKey = 'adult' | 'adolescent';
export type StaffKey = 'director' | 'bell' | 'kowalski' | 'raman' | 'reyes' | 'nurse' | 'admissions' | 'deskHartford' | 'deskPasadena' | 'billing';

export const DEMO_ORGANIZATION_NAME = 'Harbor & Mesa Recovery (demo)';
export const DEMO_EMAIL_DOMAIN = 'harbormesa.example';
/** Every demo account signs in with this (it passes the password policy). */
export const DEMO_PASSWORD = 'harbor-mesa-demo-2026';
export const DEMO_ADMIN = { email: `admin@${DEMO_EMAIL_DOMAIN}`, fullName: 'Jordan Ellis' } as const;

export const FACILITIES: Record<FacilityKey, {
  name: string; addressLine1: string; city: string; state: string; postalCode: string; timeZone: string; npi: string; phone: string;
}> = {
  hartford: {
    name: 'Harbor House Hartford', addressLine1: '250 Farmington Avenue', city: 'Hartford', state: 'CT', postalCode: '06105',
    timeZone: 'America/New_York', npi: '1647382914', phone: '(860) 555-0142',
  },
  pasadena: {
    name: 'Mesa Vista Pasadena', addressLine1: '1450 East Colorado Boulevard', city: 'Pasadena', state: 'CA', postalCode: '91106',
    timeZone: 'America/Los_Angeles', npi: '1582037465', phone: '(626) 555-0187',
  },
};

export interface StaffPlan {
  readonly key: StaffKey;
  readonly fullName: string;
  readonly email: string;
  readonly credentials: string[];
  readonly roles: StaffRole[];
  readonly facilities: FacilityKey[];
}

const staff = (key: StaffKey, fullName: string, local: string, credentials: string[], roles: StaffRole[], facilities: FacilityKey[]): StaffPlan =>
  ({ key, fullName, email: `${local}@${DEMO_EMAIL_DOMAIN}`, credentials, roles, facilities });

export const STAFF: readonly StaffPlan[] = [
  staff('director', 'Renée Okafor', 'renee.okafor', ['PsyD'], ['clinical_director'], ['hartford', 'pasadena']),
  staff('bell', 'Marcus Bell', 'marcus.bell', ['LCSW'], ['clinician'], ['hartford']),
  staff('kowalski', 'Tomasz Kowalski', 'tomasz.kowalski', ['CADC'], ['clinician'], ['hartford']),
  staff('raman', 'Priya Raman', 'priya.raman', ['LPC'], ['clinician'], ['pasadena']),
  staff('reyes', 'Daniel Reyes', 'daniel.reyes', ['LMFT'], ['clinician'], ['pasadena']),
  staff('nurse', 'Grace Whitfield', 'grace.whitfield', ['RN'], ['medical'], ['hartford', 'pasadena']),
  staff('admissions', 'Keisha Morgan', 'keisha.morgan', [], ['admissions'], ['hartford', 'pasadena']),
  staff('deskHartford', 'Luis Ortega', 'luis.ortega', [], ['front_desk'], ['hartford']),
  staff('deskPasadena', 'Hannah Kim', 'hannah.kim', [], ['front_desk'], ['pasadena']),
  staff('billing', 'Samuel Adeyemi', 'samuel.adeyemi', [], ['billing'], ['hartford', 'pasadena']),
];

export const FRONT_DESK: Record<FacilityKey, StaffKey> = { hartford: 'deskHartford', pasadena: 'deskPasadena' };

export const PROGRAMS: Record<ProgramKey, {
  facility: FacilityKey; name: string; population: 'adult' | 'adolescent'; expectedLengthOfStayDays: number;
  tracks: { key: TrackKey; kind: TrackKey; name: string; startsAt: string; endsAt: string; daysOfWeek: number[] }[];
  phases: { name: string; requiredDaysPerWeek: number; minHoursPerWeek: number; maxHoursPerWeek: number }[];
}> = {
  adult: {
    facility: 'hartford',
    name: 'Adult Substance Use IOP',
    population: 'adult',
    expectedLengthOfStayDays: 84,
    tracks: [
      { key: 'morning', kind: 'morning', name: 'Morning', startsAt: '09:00', endsAt: '12:00', daysOfWeek: [1, 2, 4] },
      { key: 'evening', kind: 'evening', name: 'Evening (working patients)', startsAt: '18:00', endsAt: '21:00', daysOfWeek: [1, 2, 4] },
    ],
    phases: [
      { name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 },
      { name: 'Early recovery', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 12 },
      { name: 'Maintenance', requiredDaysPerWeek: 3, minHoursPerWeek: 9, maxHoursPerWeek: 10 },
    ],
  },
  adolescent: {
    facility: 'pasadena',
    name: 'Adolescent IOP',
    population: 'adolescent',
    expectedLengthOfStayDays: 70,
    tracks: [{ key: 'afternoon', kind: 'afternoon', name: 'Afternoon (after school)', startsAt: '15:30', endsAt: '18:30', daysOfWeek: [1, 3, 4] }],
    phases: [
      { name: 'Engagement', requiredDaysPerWeek: 3, minHoursPerWeek: 6, maxHoursPerWeek: 9 },
      { name: 'Early recovery', requiredDaysPerWeek: 3, minHoursPerWeek: 6, maxHoursPerWeek: 9 },
      { name: 'Maintenance', requiredDaysPerWeek: 2, minHoursPerWeek: 6, maxHoursPerWeek: 9 },
    ],
  },
};

export const TRACK_PROGRAM: Record<TrackKey, ProgramKey> = { morning: 'adult', evening: 'adult', afternoon: 'adolescent' };
export const TRACK_DAYS: Record<TrackKey, number[]> = { morning: [1, 2, 4], evening: [1, 2, 4], afternoon: [1, 3, 4] };

export type Section = 'A' | 'B';

/** One recurring group; sections split a track's patients so no group exceeds 12 seats. */
export interface GroupPlan {
  readonly key: string;
  readonly track: TrackKey;
  /** null: open to the whole track (the women's group is chosen instead of the process group). */
  readonly section: Section | null;
  readonly name: string;
  readonly groupType: 'process' | 'psychoeducation' | 'relapse_prevention' | 'skills' | 'family' | 'twelve_step_facilitation' | 'specialty';
  readonly topic: string;
  readonly byDay: string;
  readonly startTime: string;
  readonly facilitator: StaffKey;
  readonly room: string | null;
  readonly videoUrl: string | null;
  readonly eligibleGender: 'women' | null;
  /** The women's group replaces this slot's mixed group for the women who join it. */
  readonly replaces?: string;
}

const sections = (
  track: TrackKey, slot: string, name: string, groupType: GroupPlan['groupType'], topic: string, byDay: string, startTime: string,
  a: [StaffKey, string | null], b: [StaffKey, string | null], videoBase: string | null = null,
): GroupPlan[] => (['A', 'B'] as const).map((section) => {
  const [facilitator, room] = section === 'A' ? a : b;
  return {
    key: `${track}.${slot}.${section}`, track, section, name: `${name} (${track} ${section})`, groupType, topic, byDay, startTime, facilitator, room,
    videoUrl: videoBase ? `${videoBase}-${section.toLowerCase()}` : null, eligibleGender: null,
  };
});

export const GROUP_MINUTES = 90;

export const GROUPS: readonly GroupPlan[] = [
  // Hartford, morning track: Mon/Tue/Thu 09:00–12:00.
  ...sections('morning', 'process', 'Process group', 'process', 'Check-in, here-and-now work and peer feedback', 'MO,TH', '09:00', ['bell', 'Birch room'], ['kowalski', 'Cedar room']),
  {
    key: 'morning.women', track: 'morning', section: null, name: "Women's process group", groupType: 'process',
    topic: 'Trauma-informed process group for women', byDay: 'MO,TH', startTime: '09:00', facilitator: 'director', room: 'Maple room',
    videoUrl: null, eligibleGender: 'women', replaces: 'process',
  },
  ...sections('morning', 'relapse', 'Relapse prevention', 'relapse_prevention', 'Triggers, cravings and a written relapse-prevention plan', 'MO', '10:30', ['bell', 'Birch room'], ['kowalski', 'Cedar room']),
  ...sections('morning', 'cbt', 'CBT skills', 'skills', 'Thought records, coping with cravings, problem solving', 'TU', '09:00', ['kowalski', 'Birch room'], ['bell', 'Cedar room']),
  ...sections('morning', 'psychoed', 'Psychoeducation', 'psychoeducation', 'The brain and addiction, medications for addiction, sleep and nutrition', 'TU', '10:30', ['bell', 'Birch room'], ['kowalski', 'Cedar room']),
  ...sections('morning', 'twelve', '12-step facilitation', 'twelve_step_facilitation', 'Steps 1–3, finding a home group and a sponsor', 'TH', '10:30', ['kowalski', 'Birch room'], ['bell', 'Cedar room']),
  // Hartford, evening track for working patients: Mon/Tue/Thu 18:00–21:00.
  ...sections('evening', 'process', 'Process group', 'process', 'Check-in, here-and-now work and peer feedback', 'MO,TH', '18:00', ['kowalski', 'Birch room'], ['director', 'Cedar room']),
  ...sections('evening', 'relapse', 'Relapse prevention', 'relapse_prevention', 'High-risk situations at work and at home', 'MO', '19:30', ['kowalski', 'Birch room'], ['bell', 'Cedar room']),
  ...sections('evening', 'dbt', 'DBT skills', 'skills', 'Distress tolerance and emotion regulation', 'TU', '18:00', ['bell', 'Birch room'], ['kowalski', 'Cedar room']),
  ...sections('evening', 'psychoed', 'Psychoeducation', 'psychoeducation', 'The brain and addiction, medications for addiction, sleep and nutrition', 'TU', '19:30', ['bell', 'Birch room'], ['kowalski', 'Cedar room']),
  ...sections('evening', 'twelve', '12-step facilitation', 'twelve_step_facilitation', 'Steps 1–3, finding a home group and a sponsor', 'TH', '19:30', ['kowalski', 'Birch room'], ['director', 'Cedar room']),
  // Pasadena, adolescent afternoon track: Mon/Wed/Thu after school.
  ...sections('afternoon', 'dbt', 'Teen DBT skills', 'skills', 'Mindfulness, distress tolerance, walking the middle path', 'MO,WE', '15:30', ['raman', 'Sage room'], ['reyes', 'Juniper room']),
  ...sections('afternoon', 'process', 'Teen process group', 'process', 'Peer support, school and friendships, substance use', 'MO,WE', '17:00', ['reyes', 'Sage room'], ['raman', 'Juniper room']),
  ...sections('afternoon', 'family', 'Family group', 'family', 'Multi-family group by video: communication, limits, relapse warning signs', 'TH', '17:00', ['reyes', null], ['raman', null], 'https://meet.example.org/mesa-vista/family-group'),
];

/**
 * Weekly individual-session slots (ISO weekday, local start; 60 minutes), chosen clear of
 * the clinician's groups and of the patients' track, work or school hours.
 */
export const INDIVIDUAL_MINUTES = 60;
type Slot = readonly [number, string];
const daySlots = (days: number[], times: string[]): Slot[] => days.flatMap((d) => times.map((t) => [d, t] as const));
export const INDIVIDUAL_SLOTS: Record<TrackKey, readonly Slot[]> = {
  morning: [...daySlots([1, 2, 4], ['13:00', '14:00', '15:00']), ...daySlots([3, 5], ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00'])],
  evening: [...daySlots([1, 2, 4], ['17:00']), ...daySlots([3], ['17:00', '18:00', '19:00']), [5, '17:00'], ...daySlots([6], ['09:00', '10:00', '11:00'])],
  afternoon: [...daySlots([2], ['15:30', '16:30', '17:30']), [4, '15:30'], ...daySlots([5], ['15:30', '16:30']), ...daySlots([6], ['10:00', '11:00', '12:00'])],
};

/** Who may be a primary clinician for each track. */
export const CLINICIANS: Record<TrackKey, StaffKey[]> = {
  morning: ['bell', 'kowalski', 'director'],
  evening: ['kowalski', 'bell', 'director'],
  afternoon: ['raman', 'reyes'],
};

export const OFFICES: Partial<Record<StaffKey, string>> = {
  director: 'Office 1', bell: 'Office 2', kowalski: 'Office 3', raman: 'Counseling room 1', reyes: 'Counseling room 2',
};
