import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import type { InPersonSignatureInput, ObjectiveProgress, PlanContent, PlanVersion, PlanView } from './plan-types.ts';

export const planKeys = {
  ofEpisode: (episodeId: string) => ['plan', episodeId] as const,
};

/** The episode's plan: active and pending versions, progress, reviews and history. */
export function usePlan(episodeId: string, enabled = true) {
  return useQuery({ queryKey: planKeys.ofEpisode(episodeId), queryFn: () => api.get<PlanView>(`/api/episodes/${episodeId}/plan`), enabled });
}

/** Every change to a plan also changes what the progress and review lists show. */
function usePlanChanged(episodeId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.ofEpisode(episodeId) });
    void queryClient.invalidateQueries({ queryKey: ['plan-reviews'] });
    void queryClient.invalidateQueries({ queryKey: ['progress'] });
  };
}

/** Create the next version as a draft, or replace the open draft (an awaiting version returns to draft). */
export function useSaveDraft(episodeId: string) {
  const changed = usePlanChanged(episodeId);
  return useMutation({
    mutationFn: (content: PlanContent) => api.put<PlanVersion>(`/api/episodes/${episodeId}/plan/draft`, { content }),
    onSuccess: changed,
  });
}

/** The clinician's signature: the version then awaits the patient's. */
export function useSignPlan(episodeId: string) {
  const changed = usePlanChanged(episodeId);
  return useMutation({
    mutationFn: (version: number) => api.post<PlanVersion>(`/api/episodes/${episodeId}/plan/sign`, { version }),
    onSuccess: changed,
  });
}

/** The patient signs in the clinic, the clinician attesting it; the version takes effect today. */
export function useRecordInPersonSignature(episodeId: string) {
  const changed = usePlanChanged(episodeId);
  return useMutation({
    mutationFn: (input: InPersonSignatureInput) => api.post<PlanVersion>(`/api/episodes/${episodeId}/plan/patient-signature`, input),
    onSuccess: changed,
    onError: (error) => {
      // The version moved on (edited, or signed meanwhile): show the page as it is now.
      if (error instanceof ApiError && (error.code === 'plan_changed' || error.code === 'plan_not_awaiting_signature')) changed();
    },
  });
}

export function useRecordReview(episodeId: string) {
  const queryClient = useQueryClient();
  const changed = usePlanChanged(episodeId);
  return useMutation({
    mutationFn: (note: string) => api.post<PlanView>(`/api/episodes/${episodeId}/plan/reviews`, { note }),
    onSuccess: (view) => {
      queryClient.setQueryData(planKeys.ofEpisode(episodeId), view);
      changed();
    },
  });
}

export interface MeasurementInput {
  measuredOn: string;
  value: number;
  note?: string;
}

/** A staff-recorded value of a counted custom objective. */
export function useRecordMeasurement(episodeId: string, objectiveId: string) {
  const changed = usePlanChanged(episodeId);
  return useMutation({
    mutationFn: (input: MeasurementInput) => api.post<ObjectiveProgress>(`/api/episodes/${episodeId}/plan/objectives/${objectiveId}/measurements`, input),
    onSuccess: changed,
  });
}
