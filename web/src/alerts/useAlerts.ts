import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { AlertCounts, AlertList, AlertView, InboxScope, InboxState } from './alert-types.ts';

export const alertKeys = {
  all: ['alerts'] as const,
  counts: ['alerts', 'counts'] as const,
  inbox: (state: InboxState, scope: InboxScope, facilityId: string | null) => ['alerts', 'inbox', state, scope, facilityId] as const,
  patient: (patientId: string, includeResolved: boolean) => ['alerts', 'patient', patientId, includeResolved] as const,
};

/** The navigation badge: polled every 30 s while the app is open (cheap on the server). */
export function useAlertCounts(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.counts,
    queryFn: () => api.get<AlertCounts>('/api/alerts/counts'),
    enabled,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export function useAlertInbox(state: InboxState, scope: InboxScope, facilityId: string | null) {
  return useQuery({
    queryKey: alertKeys.inbox(state, scope, facilityId),
    queryFn: () => api.get<AlertList>(`/api/alerts/inbox${queryString({ state, scope, facilityId: scope === 'facility' ? facilityId : undefined })}`),
    // A new critical alert must not wait for a reload.
    refetchInterval: 30_000,
    staleTime: 0,
  });
}

/** The chart: open and acknowledged alerts first, then (when asked) resolved ones. */
export function usePatientAlerts(patientId: string, includeResolved: boolean, enabled = true) {
  return useQuery({
    queryKey: alertKeys.patient(patientId, includeResolved),
    queryFn: () => api.get<AlertList>(`/api/patients/${patientId}/alerts${queryString({ include: includeResolved ? 'resolved' : undefined })}`),
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

/**
 * Acknowledge or resolve. Whatever the answer (a colleague may have acted first), every
 * alert list and the badge refresh so the screen shows where the alert stands now.
 */
function useAlertAction<I>(send: (input: I) => Promise<AlertView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function useAcknowledgeAlert() {
  return useAlertAction((alertId: string) => api.post<AlertView>(`/api/alerts/${alertId}/acknowledge`));
}

export function useResolveAlert() {
  return useAlertAction(({ alertId, note }: { alertId: string; note: string }) => api.post<AlertView>(`/api/alerts/${alertId}/resolve`, { note }));
}
