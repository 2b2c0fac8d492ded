/**
 * Due and overdue instruments: for one patient (chart, portal) and for a facility's worklist.
 * Loading is set-based: the episodes in one query, every patient's response days in another,
 * then the pure `dueInstruments` per episode.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, InstrumentId } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { getFacility } from '../facilities/facilities.store.ts';
import { AppError } from '../http/errors.ts';
import { displayName } from '../patients/patient-rules.ts';
import { type LocalDate, addDays, compareDates, localDateOf } from '../time/local-time.ts';
import { INSTRUMENTS, INSTRUMENT_IDS } from './definitions.ts';
import { ADMISSION_LOOKBACK_DAYS, dueInstruments } from './due.ts';
import type { DueInstrumentView, FacilityDueInstrument, PatientDueInstruments, PortalQuestionnaires } from './instruments.schemas.ts';
import { type CadenceEpisodeRow, activeEpisodesAtFacility, activeEpisodesOfPatient, responseDaysOfPatients } from './instruments.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The due instruments of each episode, with the responses of its patient loaded once for all. */
async function dueOfEpisodes<E extends CadenceEpisodeRow>(db: Db, orgId: string, episodes: readonly E[], todayOf: (episode: E) => LocalDate) {
  if (episodes.length === 0) return [];
  const earliest = episodes.map((e) => e.admitted_on).reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  const days = await responseDaysOfPatients(db, orgId, [...new Set(episodes.map((e) => e.patient_id))], addDays(earliest, -ADMISSION_LOOKBACK_DAYS));
  const byPatient = new Map<string, { instrument: InstrumentId; administeredOn: LocalDate }[]>();
  for (const row of days) byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), { instrument: row.instrument, administeredOn: row.administered_on }]);
  return episodes.flatMap((episode) =>
    dueInstruments({
      cadence: episode.instrument_cadence,
      episode: { admittedOn: episode.admitted_on, expectedDischargeOn: episode.expected_discharge_on, status: episode.status },
      responses: byPatient.get(episode.patient_id) ?? [],
      today: todayOf(episode),
    }).map((due): { episode: E; view: DueInstrumentView } => ({ episode, view: { ...due, episodeId: episode.episode_id, programName: episode.program_name } })),
  );
}

const worstFirst = (a: DueInstrumentView, b: DueInstrumentView) => (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) || compareDates(a.dueOn, b.dueOn);

async function patientDueViews(db: Db, orgId: string, patientId: string, now: Date): Promise<DueInstrumentView[]> {
  const episodes = await activeEpisodesOfPatient(db, orgId, patientId);
  return (await dueOfEpisodes(db, orgId, episodes, (e) => localDateOf(now, e.time_zone))).map((d) => d.view).sort(worstFirst);
}

/** What one patient owes across their active episodes, overdue first. */
export async function patientDue(deps: AppDeps, audit: AuditContext, patientId: string): Promise<PatientDueInstruments> {
  return deps.db.transaction().execute(async (trx) => {
    const due = await patientDueViews(trx, audit.orgId, patientId, deps.clock.now());
    await recordAudit(trx, audit, { action: 'read', entity: 'instruments_due', entityId: patientId, patientId });
    return { due };
  });
}

/** The portal's list: the same, with each instrument's definition so the form can be drawn. */
export async function portalDue(deps: AppDeps, audit: AuditContext, patientId: string): Promise<PortalQuestionnaires> {
  return deps.db.transaction().execute(async (trx) => {
    const due = await patientDueViews(trx, audit.orgId, patientId, deps.clock.now());
    await recordAudit(trx, audit, { action: 'read', entity: 'instruments_due', entityId: patientId, patientId });
    return { due: due.map((d) => ({ ...d, definition: INSTRUMENTS[d.instrument] })) };
  });
}

/** Every due and overdue instrument of the active patients of a facility's programs, worst first. */
export async function facilityDue(deps: AppDeps, audit: AuditContext, facilityId: string): Promise<{ items: FacilityDueInstrument[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const facility = await getFacility(trx, audit.orgId, facilityId);
    if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
    const today = localDateOf(deps.clock.now(), facility.time_zone);
    const episodes = await activeEpisodesAtFacility(trx, audit.orgId, facilityId);
    const items = (await dueOfEpisodes(trx, audit.orgId, episodes, () => today))
      .map(({ episode, view }) => ({
        ...view,
        patientId: episode.patient_id,
        patientName: displayName({ legalGivenName: episode.legal_given_name, legalFamilyName: episode.legal_family_name, preferredName: episode.preferred_name }),
        mrn: episode.mrn,
      }))
      .sort((a, b) => worstFirst(a, b) || a.patientName.localeCompare(b.patientName) || INSTRUMENT_IDS.indexOf(a.instrument) - INSTRUMENT_IDS.indexOf(b.instrument));
    await recordAudit(trx, audit, { action: 'read', entity: 'instruments_due', entityId: facilityId, details: { patientIds: [...new Set(items.map((i) => i.patientId))] } });
    return { items };
  });
}
