/**
 * Where a patient is treated, for day arithmetic and alerts: their active episodes' program
 * facilities (earliest admitted first), else the facility that registered them. Check-ins
 * and observed doses both belong to a place.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { type CheckinPlace, checkinPlace } from './checkin-rules.ts';
import { activeEpisodePlaces, patientForCheckin } from './checkins.store.ts';

export interface PatientPlaces {
  /** The place a new record belongs to by default (checkin-rules.ts checkinPlace). */
  readonly primary: CheckinPlace;
  /** Every place the patient is treated now: each active episode, else the registering facility. */
  readonly all: readonly CheckinPlace[];
}

/** The patient's places; 404 patient_not_found when there is no such patient. */
export async function placesOfPatient(trx: Transaction<Database>, orgId: string, patientId: string): Promise<PatientPlaces> {
  const patient = await patientForCheckin(trx, orgId, patientId);
  if (!patient) throw new AppError(404, 'patient_not_found', 'No such patient.');
  const registered = { facilityId: patient.facility_id, timeZone: patient.time_zone };
  const episodes = [...(await activeEpisodePlaces(trx, orgId, patientId))].sort((a, b) => a.admittedOn.localeCompare(b.admittedOn) || a.episodeId.localeCompare(b.episodeId));
  const primary = checkinPlace(registered, episodes);
  const all = episodes.length > 0 ? episodes.map((e) => ({ episodeId: e.episodeId, facilityId: e.facilityId, timeZone: e.timeZone })) : [primary];
  return { primary, all };
}

/** Where the patient's check-in belongs today. */
export async function placeOfPatient(trx: Transaction<Database>, orgId: string, patientId: string): Promise<CheckinPlace> {
  return (await placesOfPatient(trx, orgId, patientId)).primary;
}
