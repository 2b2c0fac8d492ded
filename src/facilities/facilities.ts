/** Facilities: validation and the create / update actions, each audited in its transaction. */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import type { FacilityRow } from '../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/record.ts';
import { AppError } from '../http/errors.ts';
import type { Facility, FacilityInput } from './facilities.schemas.ts';
import { type FacilityFields, facilityNameTaken, getFacilityForUpdate, insertFacility, updateFacility } from './facilities.store.ts';
import { isIanaTimeZone, isPlausiblePhone, isValidNpi } from './facility-rules.ts';

export function toFacility(row: FacilityRow): Facility {
  return {
    facilityId: row.facility_id,
    name: row.name,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    timeZone: row.time_zone,
    npi: row.npi,
    phone: row.phone,
    weekStartsOn: row.week_starts_on,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function fieldsOf(input: FacilityInput): FacilityFields {
  const problems: { path: string; message: string }[] = [];
  if (!isIanaTimeZone(input.timeZone)) problems.push({ path: 'timeZone', message: 'is not an IANA time zone such as America/New_York' });
  if (input.npi && !isValidNpi(input.npi)) problems.push({ path: 'npi', message: 'fails the NPI check digit' });
  if (input.phone && !isPlausiblePhone(input.phone)) problems.push({ path: 'phone', message: 'is not a phone number' });
  if (problems.length > 0) {
    const code = problems[0]!.path === 'timeZone' ? 'invalid_time_zone' : problems[0]!.path === 'npi' ? 'invalid_npi' : 'validation_failed';
    throw new AppError(400, code, `Check ${problems.map((p) => p.path).join(', ')}.`, problems);
  }
  const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    name: input.name.trim(),
    address_line1: input.addressLine1.trim(),
    address_line2: blankToNull(input.addressLine2),
    city: input.city.trim(),
    state: input.state.trim(),
    postal_code: input.postalCode.trim(),
    time_zone: input.timeZone,
    npi: blankToNull(input.npi),
    phone: blankToNull(input.phone),
    week_starts_on: input.weekStartsOn ?? 1,
    active: input.active ?? true,
  };
}

const duplicate = () => new AppError(409, 'duplicate_name', 'Another facility already has this name.', [{ path: 'name', message: 'is already used' }]);

export async function createFacility(deps: AppDeps, audit: AuditContext, input: FacilityInput): Promise<string> {
  const fields = fieldsOf(input);
  return deps.db.transaction().execute(async (trx) => {
    if (await facilityNameTaken(trx, audit.orgId, fields.name)) throw duplicate();
    const facilityId = randomUUID();
    await insertFacility(trx, audit.orgId, facilityId, fields, deps.clock.now());
    await recordAudit(trx, audit, { action: 'create', entity: 'facility', entityId: facilityId });
    return facilityId;
  });
}

export async function editFacility(deps: AppDeps, audit: AuditContext, facilityId: string, input: FacilityInput): Promise<void> {
  const fields = fieldsOf(input);
  await deps.db.transaction().execute(async (trx) => {
    const before = await getFacilityForUpdate(trx, audit.orgId, facilityId);
    if (!before) throw new AppError(404, 'facility_not_found', 'No such facility.');
    if (await facilityNameTaken(trx, audit.orgId, fields.name, facilityId)) throw duplicate();
    await updateFacility(trx, audit.orgId, facilityId, fields, deps.clock.now());
    const changed = (Object.keys(fields) as (keyof FacilityFields)[]).filter((k) => before[k] !== fields[k]);
    await recordAudit(trx, audit, { action: 'update', entity: 'facility', entityId: facilityId, details: { fields: changed } });
  });
}
