import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { EpisodeStepDown, StepDownDecisionInput, StepDownDecisionResult, StepDownQueue } from './step-down-types.ts';

export function useStepDownQueue(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['step-down', 'queue', facilityId],
    queryFn: () => api.get<StepDownQueue>(`/api/facilities/${facilityId}/step-down-queue`),
    enabled: enabled && facilityId !== null,
  });
}

export function useEpisodeStepDown(episodeId: string | null) {
  return useQuery({
    queryKey: ['step-down', 'episode', episodeId],
    queryFn: () => api.get<EpisodeStepDown>(`/api/episodes/${episodeId}/step-down`),
    enabled: episodeId !== null,
  });
}

/** Approve or decline a proposal; the queue, the episode and the chart (phase, hours band) refresh. */
export function useDecideStepDown(episodeId: string, patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StepDownDecisionInput) => api.post<StepDownDecisionResult>(`/api/episodes/${episodeId}/step-down/decisions`, input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['step-down'] });
      void queryClient.invalidateQueries({ queryKey: ['patients', 'one', patientId] });
      void queryClient.invalidateQueries({ queryKey: ['hours', patientId] });
      void queryClient.invalidateQueries({ queryKey: ['census'] });
    },
  });
}
