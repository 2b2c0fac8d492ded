import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { IntakeAssessment, IntakeAssessmentInput, PlacementDimensions, PreviewInput, Recommendation } from './intake-types.ts';

export const intakeKeys = {
  dimensions: ['placement', 'dimensions'] as const,
  ofPatient: (patientId: string) => ['intake-assessments', patientId] as const,
};

/** Dimension names and their 0–4 rating anchors, in the organization's ASAM edition. */
export function usePlacementDimensions() {
  return useQuery({ queryKey: intakeKeys.dimensions, queryFn: () => api.get<PlacementDimensions>('/api/placement/dimensions'), staleTime: 10 * 60_000 });
}

/** The patient's intake assessments, newest first. */
export function useIntakeAssessments(patientId: string, enabled = true) {
  return useQuery({
    queryKey: intakeKeys.ofPatient(patientId),
    queryFn: () => api.get<{ assessments: IntakeAssessment[] }>(`/api/patients/${patientId}/intake-assessments`),
    select: (data) => data.assessments,
    enabled,
  });
}

/** The recommendation for the answers so far (computes only; writes nothing). */
export function usePlacementPreview(patientId: string) {
  return useMutation({
    mutationFn: (input: PreviewInput) => api.post<Recommendation>(`/api/patients/${patientId}/intake-assessments/preview`, input),
  });
}

export function useSaveIntakeAssessment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IntakeAssessmentInput) => api.post<IntakeAssessment>(`/api/patients/${patientId}/intake-assessments`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: intakeKeys.ofPatient(patientId) }),
  });
}
