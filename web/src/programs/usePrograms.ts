import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { LevelsOfCare, Program, ProgramInput } from '../api/types.ts';

export const programKeys = {
  all: ['programs'] as const,
  list: (filter: { facilityId?: string; includeInactive?: boolean }) => ['programs', 'list', filter] as const,
  one: (id: string) => ['programs', 'one', id] as const,
  levels: ['levels-of-care'] as const,
};

export function usePrograms(filter: { facilityId?: string; includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: programKeys.list(filter),
    queryFn: () => api.get<Program[]>(`/api/programs${queryString({ facilityId: filter.facilityId, includeInactive: filter.includeInactive || undefined })}`),
  });
}

export function useProgram(programId: string | undefined) {
  return useQuery({
    queryKey: programKeys.one(programId ?? ''),
    queryFn: () => api.get<Program>(`/api/programs/${programId}`),
    enabled: programId !== undefined,
  });
}

export function useLevelsOfCare() {
  return useQuery({ queryKey: programKeys.levels, queryFn: () => api.get<LevelsOfCare>('/api/levels-of-care'), staleTime: 10 * 60_000 });
}

export function useSaveProgram(programId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgramInput) => (programId ? api.put<Program>(`/api/programs/${programId}`, input) : api.post<Program>('/api/programs', input)),
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.one(program.programId), program);
      void queryClient.invalidateQueries({ queryKey: ['programs', 'list'] });
    },
  });
}
