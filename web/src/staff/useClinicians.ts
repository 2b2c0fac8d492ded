import type { StaffMember } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useStaffList } from './useStaff.ts';

export interface ClinicianOption {
  value: string;
  label: string;
}

const CLINICAL = ['clinician', 'clinical_director'];

/**
 * Active clinicians and clinical directors at a facility, for "primary clinician" and
 * "facilitator" pickers. Only roles that may list staff see everyone; others can pick
 * themselves (when clinical).
 */
export function useClinicians(facilityId: string | null | undefined) {
  const me = useMe();
  const canList = permissions.seeStaff(me);
  const staff = useStaffList(canList);
  const fromList = (staff.data ?? [])
    .filter((s: StaffMember) => s.status !== 'deactivated' && s.roles.some((r) => CLINICAL.includes(r)))
    .filter((s) => !facilityId || s.facilityIds.length === 0 || s.facilityIds.includes(facilityId))
    .map((s) => ({ value: s.staffId, label: s.credentials.length ? `${s.fullName}, ${s.credentials.join(', ')}` : s.fullName }));
  const self = me.roles.some((r) => CLINICAL.includes(r)) ? [{ value: me.staffId, label: `${me.fullName} (me)` }] : [];
  const options: ClinicianOption[] = canList ? fromList : self;
  return { options, isPending: canList && staff.isPending, limited: !canList };
}
