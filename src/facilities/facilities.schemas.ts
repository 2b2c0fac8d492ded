import { Type, type Static } from 'typebox';
import { Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

export const FacilityInput = Type.Object(
  {
    name: Name(200),
    addressLine1: Name(200),
    addressLine2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    city: Name(100),
    state: Name(50),
    postalCode: Type.String({ minLength: 3, maxLength: 12, pattern: '^[A-Za-z0-9 -]+$' }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/New_York' }),
    npi: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{10}$', description: 'Type 2 (organization) NPI, 10 digits' }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    weekStartsOn: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday the compliance week starts on; 1 = Monday (default)' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FacilityInput = Static<typeof FacilityInput>;

export const Facility = Type.Object({
  facilityId: Uuid,
  name: Type.String(),
  addressLine1: Type.String(),
  addressLine2: Nullable(Type.String()),
  city: Type.String(),
  state: Type.String(),
  postalCode: Type.String(),
  timeZone: Type.String(),
  npi: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  weekStartsOn: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Facility = Static<typeof Facility>;

export const FacilityParams = Type.Object({ facilityId: Uuid });
