import { Type, type Static } from 'typebox';
import { Email, Nullable, RoleSchema, Timestamp, Uuid } from '../http/schemas.ts';

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '6-digit authenticator code, when the account has one' })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  staffId: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleSchema),
  credentials: Type.Array(Type.String()),
  facilities: Type.Array(Type.Object({ facilityId: Uuid, name: Type.String(), timeZone: Type.String() })),
  allFacilities: Type.Boolean({ description: 'Administrators see every facility of the organization.' }),
  organization: Type.Object({ orgId: Uuid, name: Type.String(), requireTotp: Type.Boolean(), asamEdition: Type.String() }),
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE.' }),
  totpEnabled: Type.Boolean(),
  mfaState: Type.Union([Type.Literal('satisfied'), Type.Literal('enrollment_required')]),
  idleTimeoutMinutes: Type.Integer(),
});
export type Me = Static<typeof Me>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const TotpSetup = Type.Object({ secret: Type.String(), uri: Type.String() });
export const TotpCodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const TotpDisableBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

export const LinkQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 400 }) });
export const LinkInfo = Type.Object({
  purpose: Type.Union([Type.Literal('setup'), Type.Literal('invite'), Type.Literal('password_reset')]),
  organizationName: Type.String(),
  totpRequired: Type.Boolean({ description: 'The account has an authenticator: accepting the link needs a current code' }),
  email: Nullable(Type.String()),
  fullName: Nullable(Type.String()),
  expiresAt: Timestamp,
});

export const AcceptLinkBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 400 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'Current authenticator code, when the account has one' })),
  },
  { additionalProperties: false },
);

export const SetupBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 400 }),
    organizationName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    fullName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;
