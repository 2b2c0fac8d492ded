/**
 * Recording and reading instrument responses. Each action is one audited transaction; the
 * answers are scored by the pure scorers before anything is written, and the score is kept
 * beside the answers.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { raiseAlerts } from '../alerts/raise.ts';
import { questionnaireAlerts } from '../alerts/rules.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { type LocalDate, addDays, compareDates, localDateOf } from '../time/local-time.ts';
import { type InstrumentId, INSTRUMENTS } from './definitions.ts';
import type { InstrumentResponse, InstrumentResponseInput, PortalQuestionnaireInput, PortalQuestionnaireReceipt, ResponsesQuery } from './instruments.schemas.ts';
import { type CadenceEpisodeRow, type ResponseRow, activeEpisodesOfPatient, episodeOfPatient, insertResponse, patientForInstruments, responseRows } from './instruments.store.ts';
import { type Scored, callsForCrisisResources, scoreInstrument, severityLabelOf } from './scoring.ts';

/** Entries may be back-dated up to a year (a paper form typed in later), never into the future. */
const MAX_BACKDATE_DAYS = 365;
/** A tablet's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

function toResponse(row: ResponseRow): InstrumentResponse {
  return {
    responseId: row.response_id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    instrument: row.instrument,
    instrumentName: INSTRUMENTS[row.instrument].shortName,
    answers: row.answers as InstrumentResponse['answers'],
    totalScore: row.total_score,
    severity: row.severity,
    severityLabel: severityLabelOf(row.instrument, row.severity),
    subscales: row.subscales,
    flags: row.flags,
    administeredOn: row.administered_on,
    administeredAt: row.administered_at.toISOString(),
    source: row.source,
    administeredBy: row.administered_by ? { staffId: row.administered_by, fullName: row.administered_by_name ?? '' } : null,
  };
}

function scoreOrReject(instrument: InstrumentId, answers: readonly unknown[], sexAtBirth: string): Scored {
  const result = scoreInstrument(instrument, answers, { sexAtBirth });
  if (!result.ok) throw new AppError(422, 'invalid_answers', `Check the ${INSTRUMENTS[instrument].shortName} answers.`, result.problems);
  return result.score;
}

interface Administration {
  orgId: string;
  patientId: string;
  episodeId: string | null;
  /** The team that answers for it: the episode's program facility, else the patient's registering facility. */
  facilityId: string;
  instrument: InstrumentId;
  answers: readonly unknown[];
  score: Scored;
  administeredAt: Date;
  administeredOn: LocalDate;
  administeredBy: string | null;
}

/** The new response's id, and whether its answers put the care team on alert (raised now, or already raised for the same condition today). */
async function insertAdministration(trx: Transaction<Database>, audit: AuditContext, a: Administration, now: Date): Promise<{ responseId: string; careTeamAlerted: boolean }> {
  const responseId = randomUUID();
  await insertResponse(trx, a.orgId, {
    response_id: responseId,
    patient_id: a.patientId,
    episode_id: a.episodeId,
    instrument: a.instrument,
    answers: a.answers,
    total_score: a.score.totalScore,
    severity: a.score.severity,
    subscales: a.score.subscales,
    flags: a.score.flags,
    administered_on: a.administeredOn,
    administered_at: a.administeredAt,
    source: a.administeredBy ? 'staff' : 'portal',
    administered_by: a.administeredBy,
  }, now);
  // Ids and codes only: never the answers or what they add up to.
  await recordAudit(trx, audit, {
    action: 'create',
    entity: 'instrument_response',
    entityId: responseId,
    patientId: a.patientId,
    details: { instrument: a.instrument, episodeId: a.episodeId, source: a.administeredBy ? 'staff' : 'portal', administeredOn: a.administeredOn },
  });
  // Same transaction as the response: a crash keeps both or neither (issue 5, alerts).
  const candidates = questionnaireAlerts({
    patientId: a.patientId,
    episodeId: a.episodeId,
    facilityId: a.facilityId,
    responseId,
    instrument: a.instrument,
    administeredOn: a.administeredOn,
    flags: a.score.flags,
  });
  await raiseAlerts(trx, audit, candidates, now);
  return { responseId, careTeamAlerted: candidates.length > 0 };
}

/** When staff say it was given: now by default; a real instant, not ahead of now, at most a year back. */
function administrationTime(input: string | undefined, now: Date, timeZone: string): { at: Date; on: LocalDate } {
  const at = input === undefined ? now : new Date(input);
  const refuse = (message: string) => new AppError(422, 'date_out_of_range', `The administration time ${message}.`, [{ path: 'administeredAt', message }]);
  if (Number.isNaN(at.getTime())) throw refuse('is not a real instant');
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refuse('is in the future');
  const on = localDateOf(at, timeZone);
  if (compareDates(on, addDays(localDateOf(now, timeZone), -MAX_BACKDATE_DAYS)) < 0) throw refuse('is more than a year ago');
  return { at, on };
}

/**
 * The episode a staff entry belongs to: the one named (it must be the patient's), else the
 * patient's only active episode, else none. Several active and none named: ask which.
 */
async function episodeForEntry(trx: Transaction<Database>, actor: StaffActor, patientId: string, episodeId: string | undefined): Promise<CadenceEpisodeRow | null> {
  let episode: CadenceEpisodeRow | null;
  if (episodeId) {
    episode = (await episodeOfPatient(trx, actor.orgId, patientId, episodeId)) ?? null;
    if (!episode) throw new AppError(422, 'validation_failed', 'That episode is not one of this patient’s.', [{ path: 'episodeId', message: 'is not an episode of this patient' }]);
  } else {
    const active = await activeEpisodesOfPatient(trx, actor.orgId, patientId);
    if (active.length > 1) {
      throw new AppError(422, 'episode_required', 'The patient is in more than one program: say which episode this belongs to.', [{ path: 'episodeId', message: 'is required: the patient has several active episodes' }]);
    }
    episode = active[0] ?? null;
  }
  // Recording into an episode acts at its program's facility, as admission and discharge do.
  if (episode && !canSeeFacility(actor, episode.facility_id)) throw new AppError(403, 'facility_forbidden', 'The episode’s program is at a facility you are not assigned to.');
  return episode;
}

/** Staff record a completed instrument for a patient. */
export async function recordResponse(deps: AppDeps, actor: StaffActor, audit: AuditContext, patientId: string, input: InstrumentResponseInput): Promise<InstrumentResponse> {
  return deps.db.transaction().execute(async (trx) => {
    const patient = await patientForInstruments(trx, actor.orgId, patientId);
    if (!patient) throw new AppError(404, 'patient_not_found', 'No such patient.');
    const now = deps.clock.now();
    const episode = await episodeForEntry(trx, actor, patientId, input.episodeId);
    const when = administrationTime(input.administeredAt, now, episode?.time_zone ?? patient.time_zone);
    const score = scoreOrReject(input.instrument, input.answers, patient.sex_at_birth);
    const { responseId } = await insertAdministration(trx, audit, {
      orgId: actor.orgId,
      patientId,
      episodeId: episode?.episode_id ?? null,
      facilityId: episode?.facility_id ?? patient.facility_id,
      instrument: input.instrument,
      answers: input.answers,
      score,
      administeredAt: when.at,
      administeredOn: when.on,
      administeredBy: actor.staffId,
    }, now);
    return toResponse((await responseRows(trx, actor.orgId, { responseId }))[0]!);
  });
}

/** A patient's responses, oldest first, optionally one instrument or one episode. */
export async function listResponses(deps: AppDeps, audit: AuditContext, patientId: string, query: ResponsesQuery): Promise<InstrumentResponse[]> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await responseRows(trx, audit.orgId, { patientId, instrument: query.instrument, episodeId: query.episodeId });
    await recordAudit(trx, audit, {
      action: 'read',
      entity: 'instrument_response',
      entityId: null,
      patientId,
      details: { instrument: query.instrument ?? null, episodeId: query.episodeId ?? null, responseIds: rows.map((r) => r.response_id) },
    });
    return rows.map(toResponse);
  });
}

/**
 * A patient completes a questionnaire in the portal for one of their active episodes. Only
 * instruments of that program's cadence; the score stays with the care team.
 */
export async function submitQuestionnaire(deps: AppDeps, audit: AuditContext, patientId: string, input: PortalQuestionnaireInput): Promise<PortalQuestionnaireReceipt> {
  return deps.db.transaction().execute(async (trx) => {
    const orgId = audit.orgId;
    const patient = await patientForInstruments(trx, orgId, patientId);
    const episode = await episodeOfPatient(trx, orgId, patientId, input.episodeId);
    // Someone else's episode (or none) looks the same as a missing one.
    if (!patient || !episode) throw new AppError(404, 'not_found', 'No such episode.');
    if (episode.status !== 'active') throw new AppError(409, 'episode_not_active', 'This program has ended; questionnaires are closed.');
    if (!episode.instrument_cadence.some((entry) => entry.instrument === input.instrument)) {
      throw new AppError(422, 'instrument_not_assigned', 'Your program does not ask for this questionnaire.', [{ path: 'instrument', message: 'is not part of this program' }]);
    }
    const score = scoreOrReject(input.instrument, input.answers, patient.sex_at_birth);
    const now = deps.clock.now();
    const administeredOn = localDateOf(now, episode.time_zone);
    const { careTeamAlerted } = await insertAdministration(trx, audit, {
      orgId,
      patientId,
      episodeId: episode.episode_id,
      facilityId: episode.facility_id,
      instrument: input.instrument,
      answers: input.answers,
      score,
      administeredAt: now,
      administeredOn,
      administeredBy: null,
    }, now);
    return { instrument: input.instrument, administeredOn, crisisResources: callsForCrisisResources(score.flags), careTeamAlerted };
  });
}
