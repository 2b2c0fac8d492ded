/**
 * One error type, mapped once (STYLE.md). Every 4xx carries a machine-readable code; the
 * web UI turns codes into sentences. Anything unexpected becomes a bare 500 with no stack
 * trace, SQL or patient data in the body.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

export type ErrorCode =
  // request shape
  | 'validation_failed'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'method_not_allowed'
  // authentication and access
  | 'unauthenticated'
  | 'session_expired'
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_inactive'
  | 'totp_required'
  | 'totp_invalid'
  | 'totp_enrollment_required'
  | 'totp_already_enabled'
  | 'totp_not_started'
  | 'forbidden'
  | 'facility_forbidden'
  | 'csrf_failed'
  | 'rate_limited'
  | 'weak_password'
  | 'token_invalid'
  | 'already_set_up'
  // domain
  | 'conflict'
  | 'duplicate_name'
  | 'email_taken'
  | 'invalid_time_zone'
  | 'invalid_npi'
  | 'level_of_care_unknown'
  | 'level_of_care_without_hours'
  | 'phase_hours_outside_band'
  | 'phase_not_found'
  | 'track_times_invalid'
  | 'facility_not_found'
  | 'facility_inactive'
  | 'last_admin'
  | 'cannot_change_self'
  | 'referenced'
  // patients and episodes
  | 'patient_forbidden'
  | 'patient_not_found'
  | 'possible_duplicate'
  | 'mrn_taken'
  | 'invalid_icd10'
  | 'availability_overlap'
  | 'date_out_of_range'
  | 'episode_already_active'
  | 'episode_not_active'
  | 'program_not_found'
  | 'program_inactive'
  | 'clinician_not_found'
  // groups, sessions, enrolment
  | 'invalid_rrule'
  | 'group_not_found'
  | 'session_not_found'
  | 'session_cancelled'
  | 'group_full'
  | 'not_eligible'
  | 'schedule_conflict'
  | 'already_enrolled'
  | 'not_enrolled'
  // attendance
  | 'not_on_roster'
  | 'correction_reason_required'
  | 'attendance_times_invalid'
  | 'session_not_started'
  | 'not_checked_in'
  | 'telehealth_unavailable'
  // patient portal
  | 'portal_account_exists'
  // step-down, length of stay, aftercare (issue 4, D)
  | 'proposal_changed'
  | 'already_decided'
  | 'decline_reason_required'
  | 'aftercare_required'
  | 'aftercare_not_found'
  | 'followup_not_found'
  // monitoring: drug tests (issue 5)
  | 'not_today'
  | 'policy_not_found'
  | 'panel_unknown'
  | 'analyte_unknown'
  | 'drug_test_not_found'
  | 'test_not_pending'
  | 'test_not_collected'
  | 'test_not_resulted'
  | 'already_reviewed'
  | 'specimen_id_taken'
  | 'not_scheduled_today'
  | 'hl7_malformed'
  | 'hl7_unsupported'
  | 'hl7_unmatched'
  | 'hl7_duplicate'
  // monitoring: check-ins, medications
  | 'kiosk_no_match'
  | 'medication_not_found'
  | 'medication_stopped'
  | 'not_observed_dosing'
  | 'dose_already_recorded'
  // alerts and on-call
  | 'alert_not_found'
  | 'alert_not_acknowledged'
  | 'alert_already_acknowledged'
  | 'alert_already_resolved'
  | 'on_call_times_invalid'
  // treatment plans (issue 4, C)
  | 'plan_invalid'
  | 'plan_incomplete'
  | 'plan_not_draft'
  | 'plan_not_active'
  | 'plan_not_awaiting_signature'
  | 'plan_changed'
  | 'signature_name_mismatch'
  | 'objective_not_found'
  | 'objective_not_custom'
  // instruments (issue 4, A)
  | 'invalid_answers'
  | 'episode_required'
  | 'instrument_not_assigned'
  // intake and placement
  | 'override_reason_required'
  | 'internal';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 423 | 429 | 500;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Ajv's `/phases/0/minHoursPerWeek` plus the missing property → `phases[0].minHoursPerWeek`. */
export function fieldPath(issue: ValidationIssue, context: string | undefined): string {
  const segments = (issue.instancePath ?? '').split('/').filter(Boolean);
  const missing = issue.keyword === 'required' ? issue.params?.['missingProperty'] : undefined;
  const extra = issue.keyword === 'additionalProperties' ? issue.params?.['additionalProperty'] : undefined;
  if (typeof missing === 'string') segments.push(missing);
  if (typeof extra === 'string') segments.push(extra);
  const path = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return context && context !== 'body' ? (path ? `${context}.${path}` : context) : path;
}

/** PostgreSQL SQLSTATEs that mean "the request conflicts with data", not "the server broke". */
export function fromDatabaseError(error: { code?: unknown; constraint?: unknown }): AppError | undefined {
  switch (error.code) {
    case '23505':
      // The loser of a race for a unique value gets the same answer as a sequential request would.
      switch (error.constraint) {
        case 'staff_email_key':
          return new AppError(409, 'email_taken', 'This e-mail address already has an account.', [{ path: 'email', message: 'is already in use' }]);
        case 'facilities_name_key':
        case 'programs_name_key':
          return new AppError(409, 'duplicate_name', 'This name is already used.', [{ path: 'name', message: 'is already used' }]);
        default:
          return new AppError(409, 'conflict', 'This conflicts with an existing record.');
      }
    case '23503':
      return new AppError(409, 'referenced', 'This record is referenced by, or refers to, a record that does not allow the change.');
    case '23514':
    case '22021': // character not in repertoire: a NUL byte in text
    case '22P05': // untranslatable character
    case '22P02':
    case '22007':
    case '22003':
      return new AppError(400, 'validation_failed', 'A value is out of range or malformed.');
    // A well-formed day or time the database cannot hold or shift (year 10000, a zone offset out
    // of range): the request's values are wrong, whichever route let them through.
    case '22008': // datetime_field_overflow
    case '22009': // invalid_time_zone_displacement_value
      return new AppError(422, 'validation_failed', 'A date or time is outside the range Cairn can record.');
    default:
      return undefined;
  }
}

export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError & { constraint?: unknown }, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (error.validation) {
      const details = error.validation.map((issue) => ({
        path: fieldPath(issue as ValidationIssue, error.validationContext),
        message: issue.message ?? 'is invalid',
      }));
      return reply.status(400).send(errorBody('validation_failed', 'Some fields are missing or invalid.', details));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(errorBody('invalid_json', 'The request body is not valid JSON.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(errorBody('unsupported_media_type', 'Send the request body as application/json.'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(errorBody('payload_too_large', 'The request body is too large.'));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('rate_limited', 'Too many attempts. Wait a minute and try again.'));
    }
    const fromDb = fromDatabaseError(error);
    if (fromDb) {
      request.log.warn({ sqlState: error.code, constraint: error.constraint }, 'database rejected a write');
      return reply.status(fromDb.status).send(errorBody(fromDb.code, fromDb.message, fromDb.details));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('validation_failed', 'The request could not be processed.'));
    }
    // Log the error type and stack frames only: messages from the database can quote row values.
    const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
    request.log.error({ errType: error.name, code: error.code, stack: frames }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on our side. The error has been logged.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (options.spaFallback && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      return (reply as unknown as { sendFile(file: string): unknown }).sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
