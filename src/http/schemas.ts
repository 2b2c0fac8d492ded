/** Schema pieces shared by routes. One TypeBox schema validates, types and documents. */
import { Type, type TSchema } from 'typebox';
import { STAFF_ROLES, type StaffRole } from '../staff/roles.ts';
import { LOCAL_DATE_PATTERN } from '../time/local-time.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Name = (max = 200) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * An instant, RFC 3339. The format admits a leap second (23:59:60Z) that `new Date()` turns into
 * Invalid Date: whoever converts an input must refuse that (attendance-rules.ts resolveEntry).
 */
export const Timestamp = Type.String({ format: 'date-time' });
/** A real local day in the years Cairn handles (local-time.ts MIN_LOCAL_DATE..MAX_LOCAL_DATE); dates of birth have their own rule. */
export const LocalDay = (description = 'A calendar day, YYYY-MM-DD (1900–2199)') => Type.String({ format: 'date', pattern: LOCAL_DATE_PATTERN, description });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Machine-readable error code, e.g. validation_failed, forbidden, phase_hours_outside_band.' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every 4xx and 5xx answer has this shape.' },
);

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const staffErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

export const IdParams = (name: string) => Type.Object({ [name]: Uuid });

export const RoleSchema = Type.Unsafe<StaffRole>({ type: 'string', enum: [...STAFF_ROLES] });
