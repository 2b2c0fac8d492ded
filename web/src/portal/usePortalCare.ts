/** The portal's questionnaires and treatment plans. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import type { PortalPlan, PortalPlans, PortalQuestionnaireInput, PortalQuestionnaireReceipt, PortalQuestionnaires, PortalSignInput } from './portal-care-types.ts';
import { portalApi } from './portal-client.ts';

const QUESTIONNAIRES = ['portal', 'questionnaires'] as const;
const PLANS = ['portal', 'plans'] as const;

export function usePortalQuestionnaires() {
  return useQuery({
    queryKey: QUESTIONNAIRES,
    queryFn: () => portalApi.get<PortalQuestionnaires>('/api/portal/questionnaires'),
  });
}

export function useSubmitQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalQuestionnaireInput) => portalApi.post<PortalQuestionnaireReceipt>('/api/portal/questionnaires', input),
    // An answered questionnaire leaves the due list; a score can move a goal's progress.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: QUESTIONNAIRES });
      void queryClient.invalidateQueries({ queryKey: PLANS });
    },
  });
}

export function usePortalPlans() {
  return useQuery({
    queryKey: PLANS,
    queryFn: () => portalApi.get<PortalPlans>('/api/portal/plans'),
  });
}

/** Signs the version as the patient was shown it (`updatedAt`). */
export function useSignPlan(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalSignInput) => portalApi.post<PortalPlan>(`/api/portal/plans/${episodeId}/sign`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PLANS }),
    // The care team changed the plan (or it is no longer awaiting signature): show what it says now.
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'plan_changed' || error.code === 'plan_not_awaiting_signature')) void queryClient.invalidateQueries({ queryKey: PLANS });
    },
  });
}
