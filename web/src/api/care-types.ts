/**
 * Patient care API shapes (issue 3 contract: patients, episodes, scheduling, attendance,
 * portal), written against scratch/issue3-contract.md. Replace with types derived from the
 * server schemas (src/<area>/*.schemas.ts) as they land.
 */

export type SexAtBirth = 'female' | 'male' | 'intersex' | 'unknown';
export type GenderIdentity = 'woman' | 'man' | 'transgender_woman' | 'transgender_man' | 'nonbinary' | 'other' | 'not_disclosed';
export type Residence = 'home' | 'sober_living' | 'other';

export interface AvailabilityWindow {
  dayOfWeek: number;
  start: string;
  end: string;
  label: string;
}
export interface Diagnosis {
  code: string;
  description: string;
  primary: boolean;
}
export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}
export interface ContactPerson {
  name: string;
  relationship: string;
  phone?: string;
  email?: string;
}

export interface PatientInput {
  facilityId: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName?: string | null;
  dateOfBirth: string;
  sexAtBirth: SexAtBirth;
  genderIdentity: GenderIdentity;
  pronouns?: string | null;
  language?: string;
  phone?: string | null;
  email?: string | null;
  address?: Address | null;
  emergencyContact?: ContactPerson | null;
  supportPersons?: ContactPerson[];
  residence: Residence;
  residenceNote?: string | null;
  availability?: AvailabilityWindow[];
  diagnoses?: Diagnosis[];
  specialtyPopulations?: string[];
  mrn?: string;
  acknowledgedDuplicateOf?: string;
}

export interface ActiveEpisodeSummary {
  episodeId: string;
  programId: string;
  programName: string;
  phaseId: string;
  phaseName: string;
  admittedOn: string;
}

export interface PatientSummary {
  patientId: string;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  facilityId: string;
  facilityName: string;
  activeEpisode: ActiveEpisodeSummary | null;
  matchedBy: 'name' | 'mrn' | 'date_of_birth' | null;
}

export type DischargeReason = 'completed' | 'stepped_down_to_outpatient' | 'transferred_to_higher_level' | 'left_against_advice' | 'administrative' | 'other';

export interface HoursBandValue {
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
  requiredDaysPerWeek?: number;
}

export interface Episode {
  episodeId: string;
  patientId: string;
  programId: string;
  programName: string;
  facilityId: string;
  status: 'active' | 'discharged';
  admittedOn: string;
  referralSource: string;
  levelOfCare: string;
  phaseId: string;
  phaseName: string;
  trackId: string | null;
  trackName: string | null;
  primaryClinicianId: string;
  primaryClinicianName: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  dischargeSummary: string | null;
  phaseHistory: { effectiveOn: string; phaseId: string; phaseName: string; reason: string | null; changedByName: string }[];
  band: { minHoursPerWeek: number; maxHoursPerWeek: number; requiredDaysPerWeek: number } | null;
}

export interface Patient extends Omit<PatientInput, 'acknowledgedDuplicateOf' | 'mrn'> {
  patientId: string;
  mrn: string;
  facilityName: string;
  possibleDuplicateOf: string | null;
  episodes: Episode[];
  createdAt: string;
  updatedAt: string;
}

export interface DuplicateMatch {
  patientId: string;
  mrn: string;
  name: string;
  dateOfBirth: string;
  facilityName: string;
}

export interface AdmitInput {
  programId: string;
  admittedOn: string;
  referralSource: string;
  levelOfCare?: string;
  phaseId: string;
  trackId?: string | null;
  primaryClinicianId: string;
}

export interface Census {
  programId: string;
  programName: string;
  activeCount: number;
  byPhase: { phaseId: string; phaseName: string; count: number }[];
  byTrack: { trackId: string | null; trackName: string | null; count: number }[];
  admittedLast30Days: number;
  dischargedLast30Days: { total: number; byReason: Record<string, number> };
  patients: { patientId: string; name: string; mrn: string; phaseName: string; trackName: string | null; admittedOn: string; primaryClinicianName: string; daysInProgram: number }[];
}

/* ---------- Scheduling ---------- */

export type GroupType = 'process' | 'psychoeducation' | 'relapse_prevention' | 'skills' | 'family' | 'twelve_step_facilitation' | 'specialty';

export interface GroupInput {
  facilityId: string;
  programId?: string | null;
  trackId?: string | null;
  name: string;
  groupType: GroupType;
  topic?: string | null;
  facilitatorId: string;
  room?: string | null;
  videoUrl?: string | null;
  capacity?: number;
  waitlistEnabled?: boolean;
  eligiblePopulation?: 'adult' | 'adolescent' | null;
  eligibleGender?: 'women' | 'men' | null;
  eligibleSpecialty?: string | null;
  rrule: string;
  startsOn: string;
  endsOn?: string | null;
  startTime: string;
  durationMinutes: number;
}

export interface Group extends GroupInput {
  groupId: string;
  facilityName: string;
  programName: string | null;
  trackName: string | null;
  facilitatorName: string;
  enrolledCount: number;
  waitlistCount: number;
  active: boolean;
  nextOccurrences: string[];
}

export interface Enrollment {
  enrollmentId: string;
  groupId: string;
  groupName: string;
  patientId: string;
  patientName: string;
  episodeId: string;
  status: 'enrolled' | 'waitlisted' | 'ended';
  startsOn: string;
  endsOn: string | null;
  overrideReason: string | null;
  waitlistPosition: number | null;
}

export interface CalendarSession {
  sessionId: string;
  kind: 'group' | 'individual' | 'family';
  groupId: string | null;
  title: string;
  groupType: GroupType | null;
  startsAt: string;
  endsAt: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  room: string | null;
  videoUrl: string | null;
  clinicianId: string;
  clinicianName: string;
  status: 'scheduled' | 'cancelled';
  statusReason: string | null;
  moved: boolean;
  patientId: string | null;
  patientName: string | null;
  enrolledCount: number | null;
  capacity: number | null;
}

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused_absence' | 'unexcused_absence';

export interface AttendanceSummary {
  status: AttendanceStatus;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  minutesAttended: number;
  method: 'front_desk' | 'roster' | 'telehealth' | 'staff_entry';
  telehealth: boolean;
  correctionReason: string | null;
}

export interface ScheduledSession extends CalendarSession {
  attendance: AttendanceSummary | null;
  enrollmentId: string | null;
}

export interface PatientSchedule {
  weekStart: string;
  weekEnd: string;
  timeZone: string;
  scheduledMinutes: number;
  sessions: ScheduledSession[];
  availability: AvailabilityWindow[];
}

export interface EnrollmentCheck {
  eligible: boolean;
  eligibilityProblems: { rule: 'population' | 'gender' | 'specialty'; message: string }[];
  seatsLeft: number;
  full: boolean;
  waitlistAvailable: boolean;
  conflicts: { kind: 'availability' | 'session'; localDate?: string; dayOfWeek: number; localStart: string; localEnd: string; description: string }[];
}

export interface EnrollInput {
  groupId: string;
  episodeId?: string;
  startsOn?: string;
  overrideReason?: string;
  joinWaitlist?: boolean;
  acknowledgeConflicts?: boolean;
}

export interface BookSessionInput {
  kind: 'individual' | 'family';
  clinicianId: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  title?: string;
  room?: string;
  videoUrl?: string;
  acknowledgeConflicts?: boolean;
}

/* ---------- Attendance ---------- */

export interface RosterEntry {
  patientId: string;
  mrn: string;
  displayName: string;
  legalName: string;
  enrollmentId: string | null;
  attendance: AttendanceSummary | null;
}

export interface BoardSession extends CalendarSession {
  roster: RosterEntry[];
  counts: { expected: number; present: number; absent: number; unmarked: number };
}

export interface Board {
  facilityId: string;
  facilityName: string;
  timeZone: string;
  date: string;
  sessions: BoardSession[];
}

export type HoursStatus = 'on_track' | 'at_risk' | 'below_minimum' | 'above_maximum' | 'not_in_program' | 'in_progress' | 'partial_week';

export interface WeeklyHours {
  weekStart: string;
  weekEnd: string;
  scheduledHours: number;
  attendedHours: number;
  daysAttended: number;
  daysWithThreeHours: number;
  requiredDaysPerWeek: number | null;
  band: { minHoursPerWeek: number; maxHoursPerWeek: number } | null;
  phaseName: string | null;
  status: HoursStatus | string;
}

export interface CompliancePatient {
  patientId: string;
  name: string;
  mrn: string;
  programName: string;
  phaseName: string;
  status: HoursStatus | string;
  scheduledHours: number;
  attendedHours: number;
  remainingScheduledHours: number;
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
}

export interface Compliance {
  weekStart: string;
  weekEnd: string;
  patients: CompliancePatient[];
}

export interface PortalInvite {
  link: string;
  expiresAt: string;
}
