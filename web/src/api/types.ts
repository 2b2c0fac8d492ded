/**
 * API types, derived from the server's TypeBox schemas (type-only imports: no server code
 * reaches the bundle). Audit and organization shapes are declared inline in their route
 * files on the server, so they are written out here to match them exactly.
 */
import type { Static } from 'typebox';
import type { LinkInfo as LinkInfoSchema, Me as MeSchema, TotpSetup as TotpSetupSchema } from '../../../src/auth/auth.schemas.ts';
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

/* Patient care (issue 3): written against the contract until the server schemas land. */
export type * from './care-types.ts';
