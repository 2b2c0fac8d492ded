import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { auditContextOf } from '../audit/record.ts';
import { type FacilityResolver, actorOf, allow, patientInPath } from '../http/access.ts';
import { ErrorResponse, staffErrors } from '../http/schemas.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { ATTENDANCE_TAKERS, PATIENT_READERS, type StaffRole } from '../staff/roles.ts';
import { checkIn, checkOut, loadBoard, markAllPresent, setAttendance } from './attendance.ts';
import {
  AttendanceInput,
  Board,
  BoardQuery,
  BoardSession,
  CheckInInput,
  Compliance,
  ComplianceQuery,
  FacilityParams,
  HoursQuery,
  MarkAllInput,
  PatientParams,
  RosterEntry,
  SessionParams,
  SessionPatientParams,
  WeeklyHours,
} from './attendance.schemas.ts';
import { getSessionRow } from './attendance.store.ts';
import { facilityCompliance, patientHours } from './patient-hours.ts';

const tags = ['Attendance'];
/** The board and compliance list are for those who take attendance or read charts. */
const BOARD_READERS: readonly StaffRole[] = [...new Set([...ATTENDANCE_TAKERS, ...PATIENT_READERS])];

/** The facility in the path, if it is the caller's organization's. */
const facilityInPath: FacilityResolver = async (request, db, actor) =>
  (await getFacility(db, actor.orgId, (request.params as { facilityId: string }).facilityId))?.facility_id;

/** The facility of the session in the path (unknown or another organization's → 404). */
const sessionFacility: FacilityResolver = async (request, db, actor) =>
  (await getSessionRow(db, actor.orgId, (request.params as { sessionId: string }).sessionId))?.facility_id;

const writeErrors = { ...staffErrors, 422: ErrorResponse };

/** A tablet's tap may POST without a body: treat that as `{}` so the body schema still applies. */
const bodyOptional = async (request: FastifyRequest) => {
  request.body ??= {};
};

export async function attendanceRoutes(root: FastifyInstance, deps: AppDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: Parameters<typeof auditContextOf>[0]) => auditContextOf(request, deps.clock.now());

  app.get('/api/facilities/:facilityId/board', {
    config: { access: allow.facility(BOARD_READERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'The day’s sessions at a facility with their rosters and attendance (default: today)', params: FacilityParams, querystring: BoardQuery, response: { 200: Board, ...staffErrors } },
  }, async (request) => loadBoard(deps, actorOf(request), audit(request), request.params.facilityId, request.query.date));

  app.post('/api/sessions/:sessionId/attendance/:patientId/check-in', {
    config: { access: allow.facility(ATTENDANCE_TAKERS, sessionFacility, 'treatment') },
    preValidation: bodyOptional,
    schema: {
      tags,
      summary: 'Check a patient in: present, or late more than 10 minutes after the start; opens an hour before. Repeating it changes nothing.',
      params: SessionPatientParams,
      body: CheckInInput,
      response: { 200: RosterEntry, ...writeErrors },
    },
  }, async (request) => checkIn(deps, actorOf(request), audit(request), request.params.sessionId, request.params.patientId, request.body));

  app.post('/api/sessions/:sessionId/attendance/:patientId/check-out', {
    config: { access: allow.facility(ATTENDANCE_TAKERS, sessionFacility, 'treatment') },
    schema: { tags, summary: 'Check a patient out: minutes derived; left early more than 15 minutes before the end', params: SessionPatientParams, response: { 200: RosterEntry, ...writeErrors } },
  }, async (request) => checkOut(deps, actorOf(request), audit(request), request.params.sessionId, request.params.patientId));

  app.put('/api/sessions/:sessionId/attendance/:patientId', {
    config: { access: allow.facility(ATTENDANCE_TAKERS, sessionFacility, 'treatment') },
    schema: { tags, summary: 'Set attendance explicitly; after the session’s day a reason is required', params: SessionPatientParams, body: AttendanceInput, response: { 200: RosterEntry, ...writeErrors } },
  }, async (request) => setAttendance(deps, actorOf(request), audit(request), request.params.sessionId, request.params.patientId, request.body));

  app.post('/api/sessions/:sessionId/attendance/mark-all-present', {
    config: { access: allow.facility(ATTENDANCE_TAKERS, sessionFacility, 'treatment') },
    preValidation: bodyOptional,
    schema: { tags, summary: 'Mark everyone on the roster not yet marked as present for the whole session', params: SessionParams, body: MarkAllInput, response: { 200: BoardSession, ...writeErrors } },
  }, async (request) => markAllPresent(deps, actorOf(request), audit(request), request.params.sessionId, request.body));

  app.get('/api/patients/:patientId/hours', {
    config: { access: allow.patient(PATIENT_READERS, patientInPath) },
    schema: { tags, summary: 'A patient’s weekly hours against the phase band in force each week (default: the last 8 weeks)', params: PatientParams, querystring: HoursQuery, response: { 200: Type.Array(WeeklyHours), ...writeErrors } },
  }, async (request) => patientHours(deps, actorOf(request), audit(request), request.params.patientId, request.query));

  app.get('/api/facilities/:facilityId/compliance', {
    config: { access: allow.facility(BOARD_READERS, facilityInPath, 'treatment') },
    schema: { tags, summary: 'Patients whose week is at risk, below the minimum or above the maximum, worst first', params: FacilityParams, querystring: ComplianceQuery, response: { 200: Compliance, ...staffErrors } },
  }, async (request) => facilityCompliance(deps, actorOf(request), audit(request), request.params.facilityId, request.query.weekOf));
}
