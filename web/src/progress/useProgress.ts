import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { DueInstrumentView, FacilityDueInstrument, InstrumentDefinition, InstrumentResponse, InstrumentResponseInput } from './instrument-types.ts';
import type { PlanView, PlanReviewItem } from './plan-progress-types.ts';

export const progressKeys = {
  definitions: ['instruments', 'definitions'] as const,
  responses: (patientId: string) => ['instrument-responses', patientId] as const,
  due: (patientId: string) => ['instruments-due', patientId] as const,
  facilityDue: (facilityId: string | null) => ['instruments-due', 'facility', facilityId] as const,
  plan: (episodeId: string) => ['plan', episodeId] as const,
};

/** The published instruments (wording, options, bands): the same for every patient, so kept for the session. */
export function useInstrumentDefinitions() {
  return useQuery({
    queryKey: progressKeys.definitions,
    queryFn: () => api.get<InstrumentDefinition[]>('/api/instruments'),
    staleTime: Infinity,
  });
}

/** Every response of the patient, oldest first. */
export function useInstrumentResponses(patientId: string) {
  return useQuery({
    queryKey: progressKeys.responses(patientId),
    queryFn: () => api.get<{ responses: InstrumentResponse[] }>(`/api/patients/${patientId}/instrument-responses`).then((r) => r.responses),
  });
}

export function useInstrumentsDue(patientId: string) {
  return useQuery({
    queryKey: progressKeys.due(patientId),
    queryFn: () => api.get<{ due: DueInstrumentView[] }>(`/api/patients/${patientId}/instruments-due`).then((r) => r.due),
  });
}

export function useFacilityInstrumentsDue(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: progressKeys.facilityDue(facilityId),
    queryFn: () => api.get<{ items: FacilityDueInstrument[] }>(`/api/facilities/${facilityId}/instruments-due`).then((r) => r.items),
    enabled: enabled && facilityId !== null,
  });
}

/** Record a completed instrument; the scores, the due list and the plan's instrument objectives refresh. */
export function useRecordInstrument(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InstrumentResponseInput) => api.post<InstrumentResponse>(`/api/patients/${patientId}/instrument-responses`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: progressKeys.responses(patientId) });
      void queryClient.invalidateQueries({ queryKey: progressKeys.due(patientId) });
      void queryClient.invalidateQueries({ queryKey: ['instruments-due', 'facility'] });
      void queryClient.invalidateQueries({ queryKey: ['plan'] });
      void queryClient.invalidateQueries({ queryKey: ['step-down'] });
    },
  });
}

/** The episode's treatment plan with its objectives' progress (null: no plan written yet). */
export function usePlanProgress(episodeId: string | null) {
  return useQuery({
    queryKey: progressKeys.plan(episodeId ?? ''),
    queryFn: () => api.get<PlanView>(`/api/episodes/${episodeId}/plan`),
    enabled: episodeId !== null,
  });
}

export function usePlanReviews(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['plan-reviews', facilityId],
    queryFn: () => api.get<{ items: PlanReviewItem[] }>(`/api/facilities/${facilityId}/plan-reviews`).then((r) => r.items),
    enabled: enabled && facilityId !== null,
  });
}
