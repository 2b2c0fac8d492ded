import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import type { Aftercare, DischargeSummary, FacilityFollowup, FollowupInput } from './aftercare-types.ts';

/** The figures a discharge would record today (admission → now). */
export function useDischargeSummary(episodeId: string, enabled = true) {
  return useQuery({
    queryKey: ['aftercare', 'summary', episodeId],
    queryFn: () => api.get<DischargeSummary>(`/api/episodes/${episodeId}/discharge-summary`),
    enabled,
  });
}

/** A discharged episode's summary, aftercare plan and follow-ups; null when it was discharged without one. */
export function useAftercare(episodeId: string) {
  return useQuery({
    queryKey: ['aftercare', 'plan', episodeId],
    queryFn: () =>
      api.get<Aftercare>(`/api/episodes/${episodeId}/aftercare`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404 && e.code === 'aftercare_not_found') return null;
        throw e;
      }),
  });
}

export function useRecordFollowup(episodeId: string, followupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowupInput) => api.post<unknown>(`/api/episodes/${episodeId}/followups/${followupId}`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['aftercare', 'plan', episodeId] });
      void queryClient.invalidateQueries({ queryKey: ['followups-due'] });
    },
  });
}

export function useFollowupsDue(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['followups-due', facilityId],
    queryFn: () => api.get<{ items: FacilityFollowup[] }>(`/api/facilities/${facilityId}/followups-due`).then((r) => r.items),
    enabled: enabled && facilityId !== null,
  });
}
