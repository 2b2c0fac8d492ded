/** Who the audit trail names for background work: the system, acting for treatment (issue 5 contract). */
import type { AuditContext } from '../audit/record.ts';

export function systemAudit(orgId: string, now: Date): AuditContext {
  return { orgId, occurredAt: now, actorId: null, actorRole: 'system', ip: null, purpose: 'treatment' };
}
