/** Request and response shapes of the patient portal. */
import { Type, type Static } from 'typebox';
import { Email, LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

export const PortalInviteBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PortalInvitation = Type.Object({ link: Type.String(), expiresAt: Timestamp });
export const PortalAccessBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });

export const PortalAccountStatus = Type.Object({
  status: Type.Union([Type.Literal('none'), Type.Literal('invited'), Type.Literal('active'), Type.Literal('deactivated')]),
  email: Nullable(Type.String()),
});

export const PortalAcceptBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export const PortalLoginBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

export const PortalMe = Type.Object({
  patientId: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  preferredName: Nullable(Type.String()),
  organizationName: Type.String(),
  facilityName: Type.String(),
  timeZone: Type.String(),
  csrfToken: Type.String(),
});
export type PortalMe = Static<typeof PortalMe>;

export const PortalWeekQuery = Type.Object({ weekOf: Type.Optional(LocalDay()) }, { additionalProperties: false });
export const PortalSessionParams = Type.Object({ sessionId: Uuid });
export const PortalJoin = Type.Object({ videoUrl: Type.String() });
export const PortalPatientParams = Type.Object({ patientId: Uuid });
