/**
 * What each role may do, mirroring the server's access declarations (the server decides;
 * these only hide what would be refused).
 */
import type { Me } from '../api/types.ts';

type Who = Pick<Me, 'roles'>;

const has = (me: Who, ...roles: Me['roles']) => me.roles.some((r) => roles.includes(r));

export const permissions = {
  /** POST/PUT /api/facilities: organization admin */
  manageFacilities: (me: Who) => has(me, 'admin'),
  /** POST/PUT /api/programs: PROGRAM_EDITORS */
  editPrograms: (me: Who) => has(me, 'admin', 'clinical_director'),
  /** GET /api/staff */
  seeStaff: (me: Who) => has(me, 'admin', 'clinical_director'),
  /** POST/PUT /api/staff and account actions */
  manageStaff: (me: Who) => has(me, 'admin'),
  /** GET /api/audit */
  seeAudit: (me: Who) => has(me, 'admin'),
  /** PUT /api/organization */
  manageOrganization: (me: Who) => has(me, 'admin'),
};
