import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type {
  CollectionInput,
  CustodyInput,
  DrugTestDetail,
  DrugTestListItem,
  ForCauseInput,
  Hl7ImportResult,
  PolicyInput,
  PolicyView,
  ResultsInput,
  ResultsResponse,
  TodayList,
  TodayTest,
} from './drug-test-types.ts';

export const drugTestKeys = {
  all: ['drug-tests'] as const,
  today: (facilityId: string | null) => ['drug-tests', 'today', facilityId] as const,
  reviewQueue: (facilityId: string | null) => ['drug-tests', 'review-queue', facilityId] as const,
  awaiting: (facilityId: string | null) => ['drug-tests', 'awaiting-results', facilityId] as const,
  one: (testId: string) => ['drug-tests', 'one', testId] as const,
  ofPatient: (patientId: string) => ['drug-tests', 'patient', patientId] as const,
  policy: (programId: string) => ['drug-test-policy', programId] as const,
};

/** Today's collection list (the server runs today's random selection first if it has not run yet). */
export function useTodayTests(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: drugTestKeys.today(facilityId),
    queryFn: () => api.get<TodayList>(`/api/facilities/${facilityId}/drug-tests/today`),
    enabled: enabled && facilityId !== null,
    refetchInterval: 60_000,
  });
}

export function useReviewQueue(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: drugTestKeys.reviewQueue(facilityId),
    queryFn: () => api.get<{ tests: DrugTestListItem[] }>(`/api/facilities/${facilityId}/drug-tests/review-queue`).then((r) => r.tests),
    enabled: enabled && facilityId !== null,
  });
}

export function useAwaitingResults(facilityId: string | null, enabled = true) {
  return useQuery({
    queryKey: drugTestKeys.awaiting(facilityId),
    queryFn: () => api.get<{ tests: DrugTestListItem[] }>(`/api/facilities/${facilityId}/drug-tests/awaiting-results`).then((r) => r.tests),
    enabled: enabled && facilityId !== null,
  });
}

export function useDrugTest(testId: string | null) {
  return useQuery({
    queryKey: drugTestKeys.one(testId ?? ''),
    queryFn: () => api.get<DrugTestDetail>(`/api/drug-tests/${testId}`),
    enabled: testId !== null,
  });
}

/** The patient's tests, newest first (tests still waiting to be collected are not listed). */
export function usePatientDrugTests(patientId: string, enabled = true) {
  return useQuery({
    queryKey: drugTestKeys.ofPatient(patientId),
    queryFn: () => api.get<{ tests: DrugTestListItem[] }>(`/api/patients/${patientId}/drug-tests`).then((r) => r.tests),
    enabled,
  });
}

/** The panel definitions travel with a program's policy. */
export function useDrugTestPolicy(programId: string | null) {
  return useQuery({
    queryKey: drugTestKeys.policy(programId ?? ''),
    queryFn: () => api.get<PolicyView>(`/api/programs/${programId}/drug-test-policy`),
    enabled: programId !== null,
    staleTime: 5 * 60_000,
  });
}

/** Set a program's random-testing policy (answers with the policy and panels, as GET). */
export function useSavePolicy(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PolicyInput) => api.put<PolicyView>(`/api/programs/${programId}/drug-test-policy`, input),
    onSuccess: (view) => queryClient.setQueryData(drugTestKeys.policy(programId), view),
  });
}

/** Any change to a test changes the lists it sits on, the chart and (for a refusal or a positive) the alerts. */
function useTestChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: drugTestKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['alerts'] });
  };
}

export function useRecordCollection(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (input: CollectionInput) => api.post<TodayTest>(`/api/drug-tests/${testId}/collection`, input), onSuccess: changed });
}

export function useRecordRefusal(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (note: string) => api.post<TodayTest>(`/api/drug-tests/${testId}/refusal`, { note }), onSuccess: changed });
}

export function useRecordNotCollected(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (reason: string) => api.post<TodayTest>(`/api/drug-tests/${testId}/not-collected`, { reason }), onSuccess: changed });
}

export function useRecordCustody(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (input: CustodyInput) => api.post<unknown>(`/api/drug-tests/${testId}/custody`, input), onSuccess: changed });
}

export function useOrderForCause(patientId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (input: ForCauseInput) => api.post<TodayTest>(`/api/patients/${patientId}/drug-tests`, input), onSuccess: changed });
}

export function useEnterResults(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (input: ResultsInput) => api.post<ResultsResponse>(`/api/drug-tests/${testId}/results`, input), onSuccess: changed });
}

export function useSignReview(testId: string) {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (note: string | null) => api.post<DrugTestDetail>(`/api/drug-tests/${testId}/review`, note ? { note } : {}), onSuccess: changed });
}

export function useImportHl7() {
  const changed = useTestChanged();
  return useMutation({ mutationFn: (message: string) => api.post<Hl7ImportResult>('/api/drug-tests/hl7', { message }), onSuccess: changed });
}
