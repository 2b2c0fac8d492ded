import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Static } from 'typebox';
import type { ExtendStayInput as ExtendStayInputSchema } from '../../../src/episodes/episodes.schemas.ts';
import type { AdmitInput, Census, DischargeInput, Episode, PhaseChangeInput } from '../api/types.ts';
import { patientKeys } from '../patients/usePatients.ts';

/** After an episode changes: the chart, the lists, the schedule and the hours are stale. */
function useEpisodeChanged(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: patientKeys.one(patientId) });
    void queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['schedule', patientId] });
    void queryClient.invalidateQueries({ queryKey: ['hours', patientId] });
    void queryClient.invalidateQueries({ queryKey: ['enrollments'] });
    void queryClient.invalidateQueries({ queryKey: ['census'] });
    // Length of stay moves the discharge instruments; a phase or discharge changes the proposals.
    void queryClient.invalidateQueries({ queryKey: ['instruments-due'] });
    void queryClient.invalidateQueries({ queryKey: ['step-down'] });
    void queryClient.invalidateQueries({ queryKey: ['aftercare'] });
    void queryClient.invalidateQueries({ queryKey: ['followups-due'] });
  };
}

export function useAdmit(patientId: string) {
  const changed = useEpisodeChanged(patientId);
  return useMutation({ mutationFn: (input: AdmitInput) => api.post<Episode>(`/api/patients/${patientId}/episodes`, input), onSuccess: changed });
}

export function usePhaseChange(patientId: string, episodeId: string) {
  const changed = useEpisodeChanged(patientId);
  return useMutation({ mutationFn: (input: PhaseChangeInput) => api.post<Episode>(`/api/episodes/${episodeId}/phase`, input), onSuccess: changed });
}

export function useDischarge(patientId: string, episodeId: string) {
  const changed = useEpisodeChanged(patientId);
  return useMutation({ mutationFn: (input: DischargeInput) => api.post<Episode>(`/api/episodes/${episodeId}/discharge`, input), onSuccess: changed });
}

export function useCensus(programId: string) {
  return useQuery({ queryKey: ['census', programId], queryFn: () => api.get<Census>(`/api/programs/${programId}/census`) });
}

/** A later expected discharge date, with the reason (STAY_MANAGERS). */
type ExtendStayInput = Static<typeof ExtendStayInputSchema>;

export function useExtendStay(patientId: string, episodeId: string) {
  const changed = useEpisodeChanged(patientId);
  return useMutation({ mutationFn: (input: ExtendStayInput) => api.post<Episode>(`/api/episodes/${episodeId}/extend-stay`, input), onSuccess: changed });
}
