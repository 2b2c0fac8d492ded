/**
 * Importing a laboratory's HL7 v2 ORU^R01 into the drug test it reports on. All or
 * nothing, in one transaction: the message is parsed and checked, matched to one collected
 * specimen of the organization (OBR-2 placer / OBR-3 filler / SPM-2 = the specimen id) and
 * to that specimen's patient (PID-3 = the MRN), mapped against the test's panel, and only
 * then written with the receipt. MSH-10 (message control id) makes a resend a 409, not a
 * second import.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { type StaffActor, canSeeFacility } from '../http/actor.ts';
import { AppError } from '../http/errors.ts';
import type { Hl7ImportInput, Hl7ImportResponse } from './drug-test-results.schemas.ts';
import { toReadingViews } from './drug-tests-read.ts';
import { mapObservations } from './hl7-map.ts';
import { type OruMessage, malformed, parseOru, unsupported } from './hl7-oru.ts';
import { applyResults, assertAcceptsResults, panelOf, raisedViews } from './results.ts';
import { HL7_CONTROL_ID_CONSTRAINT, importByControlId, insertImport, lockTest, resultRowsOf, testContext, testsBySpecimenIds } from './results.store.ts';

const unmatched = (problem: { segment: string; sequence: number | null; field: string | null; message: string }) =>
  new AppError(422, 'hl7_unmatched', `The HL7 message does not match a collected specimen: ${problem.segment}${problem.field ? ` ${problem.field}` : ''} ${problem.message}.`, problem);

/**
 * A resend. The receipt's ids (import, test, time) are shown only to a caller who can see
 * the facility of the test it was imported into; anyone else learns only that the control
 * id was used — never which specimen, test or facility it concerned.
 */
const duplicate = (actor: StaffActor, prior: { import_id: string; test_id: string; received_at: Date; facility_id: string }, controlId: string) =>
  new AppError(409, 'hl7_duplicate', `This message (control id ${controlId.slice(0, 60)}) was already imported.`, {
    segment: 'MSH',
    field: 'MSH-10',
    ...(canSeeFacility(actor, prior.facility_id) ? { importId: prior.import_id, testId: prior.test_id, receivedAt: prior.received_at.toISOString() } : {}),
  });

/**
 * The one test every OBR of the message refers to (its own order numbers or the message's
 * SPM ids). Specimens collected at facilities the caller cannot see are treated as unknown:
 * the answer for one of them is the same 422 hl7_unmatched as for an id that exists nowhere,
 * so the import cannot be used to probe other facilities' specimen ids.
 */
async function matchTest(trx: Transaction<Database>, actor: StaffActor, message: OruMessage): Promise<string> {
  const candidatesOf = (order: OruMessage['orders'][number]) => [order.placerId, order.fillerId, ...message.specimenIds].filter((id) => id !== '');
  const all = [...new Set(message.orders.flatMap(candidatesOf))];
  const visible = (await testsBySpecimenIds(trx, actor.orgId, all)).filter((r) => canSeeFacility(actor, r.facility_id));
  const bySpecimen = new Map(visible.map((r) => [r.specimen_id!, r.test_id]));
  const matched = new Set<string>();
  for (const order of message.orders) {
    const tests = new Set(candidatesOf(order).flatMap((id) => (bySpecimen.has(id) ? [bySpecimen.get(id)!] : [])));
    if (tests.size === 0) {
      const ids = candidatesOf(order).map((id) => `"${id.slice(0, 40)}"`).join(', ');
      throw unmatched({ segment: 'OBR', sequence: order.sequence, field: 'OBR-2', message: `names no specimen collected at your facilities (${ids})` });
    }
    for (const testId of tests) matched.add(testId);
  }
  if (matched.size > 1) throw unsupported({ segment: 'OBR', sequence: null, field: 'OBR-2', message: 'the message reports on more than one specimen; send one message per specimen' });
  return [...matched][0]!;
}

function isDuplicateRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === HL7_CONTROL_ID_CONSTRAINT;
}

export async function importHl7(deps: AppDeps, actor: StaffActor, audit: AuditContext, input: Hl7ImportInput): Promise<Hl7ImportResponse> {
  const message = parseOru(input.message);
  const orgId = actor.orgId;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const prior = await importByControlId(trx, orgId, message.controlId);
      if (prior) throw duplicate(actor, prior, message.controlId);
      const testId = await matchTest(trx, actor, message);
      const test = (await lockTest(trx, orgId, testId))!;
      const { mrn } = await testContext(trx, orgId, testId);
      if (!message.patientIdentifiers.includes(mrn)) {
        throw unmatched({ segment: 'PID', sequence: 1, field: 'PID-3', message: 'does not identify the patient this specimen was collected from' });
      }
      assertAcceptsResults(test);
      const mapped = mapObservations(message, panelOf(test));
      if (mapped.readings.length === 0 && mapped.validity === undefined) {
        throw malformed({ segment: 'OBX', sequence: null, field: null, message: 'carries no result Cairn can record (every OBX was a comment or a result not obtained)' });
      }
      const now = deps.clock.now();
      const importId = randomUUID();
      // The receipt first: a resend racing this one waits on the unique control id, then fails.
      await insertImport(trx, orgId, { importId, messageControlId: message.controlId, sendingFacility: message.sendingFacility, testId, receivedBy: actor.staffId, rawMessage: input.message }, now);
      const applied = await applyResults(trx, audit, actor, test, {
        readings: mapped.readings,
        validity: mapped.validity,
        source: 'hl7',
        resultedByParty: message.sendingFacility ?? 'Laboratory (HL7)',
      }, now);
      await recordAudit(trx, audit, {
        action: 'create',
        entity: 'hl7_import',
        entityId: importId,
        patientId: test.patient_id,
        details: { testId, messageControlId: message.controlId, readings: mapped.readings.length, skipped: mapped.skipped.length },
      });
      return {
        importId,
        testId,
        messageControlId: message.controlId,
        status: 'resulted' as const,
        validity: applied.validity,
        outcome: applied.outcome,
        results: toReadingViews(test.panel_id, await resultRowsOf(trx, orgId, testId)),
        skipped: mapped.skipped,
        alertsRaised: raisedViews(applied.alertsRaised),
      };
    });
  } catch (error) {
    if (isDuplicateRace(error)) {
      const prior = await importByControlId(deps.db, orgId, message.controlId);
      if (prior) throw duplicate(actor, prior, message.controlId);
    }
    throw error;
  }
}
