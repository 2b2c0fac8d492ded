import { Type, type Static } from 'typebox';
import { Email, Name, Nullable, RoleSchema, Timestamp, Uuid } from '../http/schemas.ts';
import { STAFF_ROLES } from './roles.ts';


export const StaffInput = Type.Object(
  {
    email: Email,
    fullName: Name(200),
    credentials: Type.Array(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z][A-Za-z0-9.-]*$' }), { maxItems: 10, uniqueItems: true }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: STAFF_ROLES.length, uniqueItems: true }),
    facilityIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type StaffInput = Static<typeof StaffInput>;

export const StaffMember = Type.Object({
  staffId: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  credentials: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  facilityIds: Type.Array(Uuid),
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('deactivated')]),
  totpEnabled: Type.Boolean(),
  lockedUntil: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StaffMember = Static<typeof StaffMember>;

export const AccountLink = Type.Object({
  url: Type.String({ description: 'Give this to the staff member; it works once.' }),
  expiresAt: Timestamp,
  purpose: Type.Union([Type.Literal('invite'), Type.Literal('password_reset')]),
});

export const StaffCreated = Type.Object({ staff: StaffMember, link: AccountLink });
export const StaffParams = Type.Object({ staffId: Uuid });
