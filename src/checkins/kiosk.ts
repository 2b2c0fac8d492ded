/**
 * The front-desk kiosk: a tablet signed in as a staff account, used by patients in the
 * waiting room. It must never show one patient another's data, so every answer that is not
 * "this is you" is the same 404 `kiosk_no_match`, whether the person is unknown, treated at
 * another facility, discharged, or shares a name and birthday with someone else here.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import type { StaffActor } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import { localDateOf } from '../time/local-time.ts';
import { greetingName, kioskMatch } from './checkin-rules.ts';
import type { CheckinInput, KioskCheckinInput, KioskIdentifyInput, KioskIdentity, KioskReceipt } from './checkins.schemas.ts';
import { activeEpisodeAtFacility, facilityZone, hasCheckinOn, kioskCandidates } from './checkins.store.ts';
import { writeCheckin } from './checkins.ts';

const noMatch = () => new AppError(404, 'kiosk_no_match', 'We could not find you on today’s schedule. Check your details or ask the front desk.');

async function zoneOf(trx: Transaction<Database>, orgId: string, facilityId: string): Promise<string> {
  const facility = await facilityZone(trx, orgId, facilityId);
  if (!facility) throw new AppError(404, 'facility_not_found', 'No such facility.');
  return facility.time_zone;
}

/** Last name and date of birth → the one patient in a program at this facility, greeted by first name. */
export async function kioskIdentify(deps: AppDeps, audit: AuditContext, facilityId: string, input: KioskIdentifyInput): Promise<KioskIdentity> {
  return deps.db.transaction().execute(async (trx) => {
    const timeZone = await zoneOf(trx, audit.orgId, facilityId);
    const match = kioskMatch(input.lastName, await kioskCandidates(trx, audit.orgId, facilityId, input.dateOfBirth));
    if (!match) throw noMatch();
    const checkedInToday = await hasCheckinOn(trx, audit.orgId, match.patientId, localDateOf(deps.clock.now(), timeZone));
    await recordAudit(trx, audit, { action: 'read', entity: 'kiosk_identification', entityId: match.patientId, patientId: match.patientId, details: { facilityId } });
    return { patientId: match.patientId, greetingName: greetingName(match), checkedInToday };
  });
}

/**
 * The identified patient's check-in from the kiosk: the patient must be in a program at this
 * facility (else the same 404 as identification), and the day is this facility's. The
 * receipt carries no answers back: the tablet is in a shared room.
 */
export async function kioskCheckin(deps: AppDeps, actor: StaffActor, audit: AuditContext, facilityId: string, body: KioskCheckinInput): Promise<KioskReceipt> {
  return deps.db.transaction().execute(async (trx) => {
    const timeZone = await zoneOf(trx, actor.orgId, facilityId);
    const episode = await activeEpisodeAtFacility(trx, actor.orgId, body.patientId, facilityId);
    if (!episode) throw noMatch();
    const { patientId, ...answers } = body;
    const input: CheckinInput = answers;
    const { row, inserted } = await writeCheckin(trx, audit, {
      patientId,
      place: { episodeId: episode.episode_id, facilityId, timeZone },
      source: 'kiosk',
      recordedBy: actor.staffId,
      input,
    }, deps.clock.now());
    return { checkinOn: row.checkin_on, replaced: !inserted };
  });
}
