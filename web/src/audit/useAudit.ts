import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { AuditPage, AuditQuery, AuditVerification } from '../api/types.ts';

const PAGE_SIZE = 50;

/** Newest first; "Load more" asks for the events before the last one shown. */
export function useAuditSearch(filters: AuditQuery, run: number) {
  return useInfiniteQuery({
    // `run` makes pressing Search again fetch afresh, even with the same filters.
    queryKey: ['audit', filters, run],
    queryFn: ({ pageParam }) => api.get<AuditPage>(`/api/audit${queryString({ ...filters, beforeSeq: pageParam, limit: PAGE_SIZE })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    // Every search is itself an audited read: fetch on request only.
    staleTime: Infinity,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
}

/** src/audit/chain.ts AUDIT_ACTIONS (that module uses node:crypto, so it is not imported). */
export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'login', 'login_failed', 'logout', 'export'] as const;

export const ACTION_LABELS: Record<string, string> = {
  create: 'Create',
  read: 'Read',
  update: 'Update',
  delete: 'Delete',
  login: 'Sign-in',
  login_failed: 'Failed sign-in',
  logout: 'Sign-out',
  export: 'Export',
};

/** Entities the server records today; the filter also accepts these only. */
export const AUDIT_ENTITIES = ['audit_log', 'facility', 'organization', 'patient', 'program', 'session', 'staff'] as const;

export const ENTITY_LABELS: Record<string, string> = {
  audit_log: 'Audit log',
  facility: 'Facility',
  organization: 'Organization',
  patient: 'Patient',
  program: 'Program',
  session: 'Session',
  staff: 'Staff account',
};
