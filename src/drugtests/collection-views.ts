/** Drug tests as the collectors see them: who, what to collect, and where the patient is that day. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { displayName } from '../attendance/attendance-rules.ts';
import { type RosteredSession, facilityRosters } from './collection-roster.ts';
import type { DrugTestRow } from './collection.store.ts';
import type { DrugTestSummary } from './drug-test-collection.schemas.ts';
import { PANELS } from './panels.ts';

export function toSummary(row: DrugTestRow, sessions: readonly RosteredSession[]): DrugTestSummary {
  return {
    testId: row.test_id,
    facilityId: row.facility_id,
    selectedOn: row.selected_on,
    patient: {
      patientId: row.patient_id,
      displayName: displayName({ legalGivenName: row.legal_given_name, legalFamilyName: row.legal_family_name, preferredName: row.preferred_name }),
      mrn: row.mrn,
    },
    reason: row.reason,
    reasonNote: row.reason_note,
    specimenType: row.specimen_type,
    panelId: row.panel_id,
    panelName: PANELS[row.panel_id]?.name ?? row.panel_id,
    status: row.status,
    specimenId: row.specimen_id,
    observed: row.observed,
    collectedAt: row.collected_at?.toISOString() ?? null,
    temperatureC: row.temperature_c,
    temperatureInRange: row.temperature_in_range,
    collectionNote: row.collection_note,
    notCollectedReason: row.not_collected_reason,
    sessionsToday: sessions
      .filter((s) => s.patientId === row.patient_id && s.localDate === row.selected_on)
      .map((s) => ({ sessionId: s.sessionId, title: s.title, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

/** Pending first (still to collect), then by patient name. */
const listOrder = (a: DrugTestSummary, b: DrugTestSummary) =>
  Number(a.status !== 'pending') - Number(b.status !== 'pending') || a.patient.displayName.localeCompare(b.patient.displayName) || a.testId.localeCompare(b.testId);

/** Summaries of tests of one facility day, each with the patient's sessions there that day. */
export async function summariesOfDay(trx: Transaction<Database>, orgId: string, facilityId: string, date: string, rows: readonly DrugTestRow[], now: Date): Promise<DrugTestSummary[]> {
  if (rows.length === 0) return [];
  const sessions = await facilityRosters(trx, orgId, facilityId, date, date, now);
  return rows.map((row) => toSummary(row, sessions)).sort(listOrder);
}

export async function summaryOf(trx: Transaction<Database>, orgId: string, row: DrugTestRow, now: Date): Promise<DrugTestSummary> {
  return (await summariesOfDay(trx, orgId, row.facility_id, row.selected_on, [row], now))[0]!;
}
