import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import { queryString } from '../api/client.ts';
import type { PatientSchedule, PortalMe, WeeklyHours } from '../api/types.ts';
import { portalApi, setPortalCsrfToken } from './portal-client.ts';

export const PORTAL_ME = ['portal', 'me'] as const;

export function usePortalMe() {
  return useQuery({
    queryKey: PORTAL_ME,
    queryFn: async () => {
      const me = await portalApi.get<PortalMe>('/api/portal/me');
      setPortalCsrfToken(me.csrfToken);
      return me;
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in patient, inside the portal's signed-in pages (PortalApp passes it down). */
export function usePortalOutletMe(): PortalMe {
  return useOutletContext<PortalMe>();
}

/** Sign-in and accepting the invitation answer with PortalMe: that is the new portal session. */
export function useStartPortalSession() {
  const queryClient = useQueryClient();
  return (me: PortalMe) => {
    queryClient.removeQueries({ queryKey: ['portal'] });
    setPortalCsrfToken(me.csrfToken);
    queryClient.setQueryData(PORTAL_ME, me);
  };
}

export function usePortalSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await portalApi.post('/api/portal/logout');
    } catch {
      // Already ended: nothing more to do on the server.
    }
    setPortalCsrfToken(null);
    queryClient.removeQueries({ queryKey: ['portal'] });
  };
}

export function usePortalSchedule(weekOf: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'schedule', weekOf ?? 'this'],
    queryFn: () => portalApi.get<PatientSchedule>(`/api/portal/schedule${queryString({ weekOf })}`),
    enabled,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The weeks' hours; the server may answer one week or a list: the list is normalised. */
export function usePortalHours(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'hours'],
    queryFn: async () => {
      const answer = await portalApi.get<WeeklyHours[] | WeeklyHours>('/api/portal/hours');
      return Array.isArray(answer) ? answer : [answer];
    },
    enabled,
    refetchInterval: 60_000,
  });
}

export function useJoinVideo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => portalApi.post<{ videoUrl: string }>(`/api/portal/sessions/${sessionId}/join`),
    // Joining records the attendance: the session card ("Attended") and the hours both change.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['portal', 'schedule'] });
      void queryClient.invalidateQueries({ queryKey: ['portal', 'hours'] });
    },
  });
}
