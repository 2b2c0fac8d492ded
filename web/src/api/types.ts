/**
 * API types, derived from the server's TypeBox schemas (type-only imports: no server code
 * reaches the bundle). Audit and organization shapes are declared inline in their route
 * files on the server, so they are written out here to match them exactly.
 */
import type { Static } from 'typebox';
import type { LinkInfo as LinkInfoSchema, Me as MeSchema, TotpSetup as TotpSetupSchema } from '../../../src/auth/auth.schemas.ts';
import type {
  AttendanceInput as AttendanceInputSchema,
  AttendanceSummary as AttendanceSummarySchema,
  Board as BoardSchema,
  BoardSession as BoardSessionSchema,
  CheckInInput as CheckInInputSchema,
  Compliance as ComplianceSchema,
  RosterEntry as RosterEntrySchema,
  WeeklyHours as WeeklyHoursSchema,
} from '../../../src/attendance/attendance.schemas.ts';
import type {
  AdmitInput as AdmitInputSchema,
  Census as CensusSchema,
  DischargeInput as DischargeInputSchema,
  DischargeReason as DischargeReasonSchema,
  Episode as EpisodeSchema,
  PhaseChangeInput as PhaseChangeInputSchema,
} from '../../../src/episodes/episodes.schemas.ts';
import type {
  DuplicateMatch as DuplicateMatchSchema,
  Patient as PatientSchema,
  PatientCreateInput as PatientCreateInputSchema,
  PatientSummary as PatientSummarySchema,
} from '../../../src/patients/patients.schemas.ts';
import type {
  PortalAccountStatus as PortalAccountStatusSchema,
  PortalInvitation as PortalInvitationSchema,
  PortalMe as PortalMeSchema,
} from '../../../src/portal/portal.schemas.ts';
import type {
  Enrollment as EnrollmentSchema,
  EnrollmentCheck as EnrollmentCheckSchema,
  EnrollmentInput as EnrollmentInputSchema,
} from '../../../src/scheduling/enrollments.schemas.ts';
import type { Group as GroupSchema, GroupInput as GroupInputSchema } from '../../../src/scheduling/groups.schemas.ts';
import type {
  CalendarSession as CalendarSessionSchema,
  CancelInput as CancelInputSchema,
  IndividualSessionInput as IndividualSessionInputSchema,
  MoveInput as MoveInputSchema,
  PatientSchedule as PatientScheduleSchema,
  ScheduledSession as ScheduledSessionSchema,
} from '../../../src/scheduling/sessions.schemas.ts';
import type { Facility as FacilitySchema, FacilityInput as FacilityInputSchema } from '../../../src/facilities/facilities.schemas.ts';
import type {
  LevelsOfCare as LevelsOfCareSchema,
  Program as ProgramSchema,
  ProgramInput as ProgramInputSchema,
} from '../../../src/programs/programs.schemas.ts';
import type {
  AccountLink as AccountLinkSchema,
  StaffCreated as StaffCreatedSchema,
  StaffInput as StaffInputSchema,
  StaffMember as StaffMemberSchema,
} from '../../../src/staff/staff.schemas.ts';

export type { StaffRole } from '../../../src/staff/roles.ts';

export type Me = Static<typeof MeSchema>;
export type LinkInfo = Static<typeof LinkInfoSchema>;
export type TotpSetup = Static<typeof TotpSetupSchema>;

export type Facility = Static<typeof FacilitySchema>;
export type FacilityInput = Static<typeof FacilityInputSchema>;

export type Program = Static<typeof ProgramSchema>;
export type ProgramInput = Static<typeof ProgramInputSchema>;
export type TrackInput = ProgramInput['tracks'][number];
export type PhaseInput = ProgramInput['phases'][number];
export type LevelsOfCare = Static<typeof LevelsOfCareSchema>;
export type LevelOfCareOption = LevelsOfCare['levels'][number];

export type StaffMember = Static<typeof StaffMemberSchema>;
export type StaffInput = Static<typeof StaffInputSchema>;
export type StaffCreated = Static<typeof StaffCreatedSchema>;
export type AccountLink = Static<typeof AccountLinkSchema>;

/** src/organizations/organizations.routes.ts `Organization` */
export interface Organization {
  orgId: string;
  name: string;
  asamEdition: string;
  requireTotp: boolean;
}

/** src/organizations/organizations.routes.ts `OrganizationInput` */
export interface OrganizationInput {
  name?: string;
  requireTotp?: boolean;
  asamEdition?: '3' | '4';
}

/** src/audit/audit.routes.ts `AuditEvent` */
export interface AuditEvent {
  seq: number;
  eventId: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  ip: string | null;
  purpose: string;
  details: unknown;
}

/** src/audit/audit.routes.ts `AuditQuery` */
export interface AuditQuery {
  actorId?: string;
  patientId?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit?: number;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBeforeSeq: number | null;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  problems: string[];
}

/** src/http/schemas.ts `ErrorResponse`; validation details are `{ path, message }[]`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type PatientInput = Static<typeof PatientCreateInputSchema>;
export type Patient = Static<typeof PatientSchema>;
export type PatientSummary = Static<typeof PatientSummarySchema>;
export type DuplicateMatch = Static<typeof DuplicateMatchSchema>;
export type Episode = Static<typeof EpisodeSchema>;
export type AdmitInput = Static<typeof AdmitInputSchema>;
export type PhaseChangeInput = Static<typeof PhaseChangeInputSchema>;
export type DischargeInput = Static<typeof DischargeInputSchema>;
export type DischargeReason = Static<typeof DischargeReasonSchema>;
export type Census = Static<typeof CensusSchema>;
export type PortalInvite = Static<typeof PortalInvitationSchema>;
export type PortalAccountStatus = Static<typeof PortalAccountStatusSchema>;
export type PortalMe = Static<typeof PortalMeSchema>;

export type GroupInput = Static<typeof GroupInputSchema>;
export type Group = Static<typeof GroupSchema>;
export type CalendarSession = Static<typeof CalendarSessionSchema>;
export type ScheduledSession = Static<typeof ScheduledSessionSchema>;
export type PatientSchedule = Static<typeof PatientScheduleSchema>;
export type CancelInput = Static<typeof CancelInputSchema>;
export type MoveInput = Static<typeof MoveInputSchema>;
export type BookSessionInput = Static<typeof IndividualSessionInputSchema>;

export type Board = Static<typeof BoardSchema>;
export type BoardSession = Static<typeof BoardSessionSchema>;
export type RosterEntry = Static<typeof RosterEntrySchema>;
export type AttendanceSummary = Static<typeof AttendanceSummarySchema>;
export type AttendanceInput = Static<typeof AttendanceInputSchema>;
export type CheckInInput = Static<typeof CheckInInputSchema>;
export type WeeklyHours = Static<typeof WeeklyHoursSchema>;
export type HoursStatus = WeeklyHours['status'];
export type Compliance = Static<typeof ComplianceSchema>;
export type CompliancePatient = Compliance['patients'][number];
export type Enrollment = Static<typeof EnrollmentSchema>;
export type EnrollmentCheck = Static<typeof EnrollmentCheckSchema>;
export type EnrollInput = Static<typeof EnrollmentInputSchema>;

export type * from './care-types.ts';
