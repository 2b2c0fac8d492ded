import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
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

/**
 * Every read of the inbox is audited (it shows patients), so "mine" is not polled: it
 * refreshes when the badge's counts change (useRefreshOnNewAlerts). The facility-wide view
 * includes alerts addressed to others, which the counts do not see: it polls each minute.
 */
export function useAlertInbox(state: InboxState, scope: InboxScope, facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: alertKeys.inbox(state, scope, facilityId),
    queryFn: () => api.get<AlertList>(`/api/alerts/inbox${queryString({ state, scope, facilityId: scope === 'facility' ? facilityId : undefined })}`),
    enabled,
    refetchInterval: scope === 'facility' && state !== 'resolved' ? 60_000 : false,
    staleTime: 0,
  });
}

/** The chart: open and acknowledged alerts first, then (when asked) resolved ones. */
export function usePatientAlerts(patientId: string, includeResolved: boolean, enabled = true) {
  return useQuery({
    queryKey: alertKeys.patient(patientId, includeResolved),
    queryFn: () => api.get<AlertList>(`/api/patients/${patientId}/alerts${queryString({ include: includeResolved ? 'resolved' : undefined })}`),
    enabled,
    staleTime: 0,
  });
}

/**
 * When the polled counts change (an alert raised, escalated, or handled elsewhere), the
 * lists on screen reload: a new critical alert shows within the 30 s poll without any
 * list being polled (and audited) on its own.
 */
export function useRefreshOnNewAlerts(counts: AlertCounts | undefined) {
  const queryClient = useQueryClient();
  const signature = counts ? `${counts.unresolved}/${counts.critical}/${counts.overdue}` : null;
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (signature === null) return;
    if (last.current !== null && last.current !== signature) {
      void queryClient.invalidateQueries({ queryKey: ['alerts', 'inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['alerts', 'patient'] });
    }
    last.current = signature;
  }, [signature, queryClient]);
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
