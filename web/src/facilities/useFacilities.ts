import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Facility, FacilityInput } from '../api/types.ts';
import { ME_KEY } from '../auth/session.tsx';

export const facilityKeys = {
  all: ['facilities'] as const,
  one: (id: string) => ['facilities', id] as const,
};

export function useFacilities() {
  return useQuery({ queryKey: facilityKeys.all, queryFn: () => api.get<Facility[]>('/api/facilities') });
}

export function useFacility(facilityId: string) {
  return useQuery({ queryKey: facilityKeys.one(facilityId), queryFn: () => api.get<Facility>(`/api/facilities/${facilityId}`) });
}

/** Create (no id) or replace a facility; lists, programs (which show facility names) and Me refresh. */
export function useSaveFacility(facilityId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FacilityInput) =>
      facilityId ? api.put<Facility>(`/api/facilities/${facilityId}`, input) : api.post<Facility>('/api/facilities', input),
    onSuccess: (facility) => {
      queryClient.setQueryData(facilityKeys.one(facility.facilityId), facility);
      void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
