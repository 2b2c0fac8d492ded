import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { OnCallInput, OnCallRoster, OnCallShift } from './alert-types.ts';

const rosterKey = (facilityId: string) => ['on-call', facilityId] as const;

/** The next two weeks of a facility's on-call shifts (server default), and who is on call now. */
export function useOnCallRoster(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: rosterKey(facilityId),
    queryFn: () => api.get<OnCallRoster>(`/api/facilities/${facilityId}/on-call`),
    enabled,
  });
}

export function useAddShift(facilityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OnCallInput) => api.post<OnCallShift>(`/api/facilities/${facilityId}/on-call`, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: rosterKey(facilityId) }),
  });
}

export function useRemoveShift(facilityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shiftId: string) => api.delete(`/api/on-call/${shiftId}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: rosterKey(facilityId) }),
  });
}
