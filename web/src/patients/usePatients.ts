import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { Patient, PatientInput, PatientSummary } from '../api/types.ts';

export interface PatientFilter {
  q?: string;
  facilityId?: string;
  status?: 'active' | 'discharged' | 'all';
  limit?: number;
}

export const patientKeys = {
  all: ['patients'] as const,
  list: (filter: PatientFilter) => ['patients', 'list', filter] as const,
  one: (id: string) => ['patients', 'one', id] as const,
};

export function usePatients(filter: PatientFilter, enabled = true) {
  return useQuery({
    queryKey: patientKeys.list(filter),
    queryFn: () => api.get<PatientSummary[]>(`/api/patients${queryString({ ...filter })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePatient(patientId: string | undefined) {
  return useQuery({
    queryKey: patientKeys.one(patientId ?? ''),
    queryFn: () => api.get<Patient>(`/api/patients/${patientId}`),
    enabled: patientId !== undefined,
  });
}

/** Register (no id) or replace demographics; lists refresh. */
export function useSavePatient(patientId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PatientInput) => (patientId ? api.put<Patient>(`/api/patients/${patientId}`, input) : api.post<Patient>('/api/patients', input)),
    onSuccess: (patient) => {
      queryClient.setQueryData(patientKeys.one(patient.patientId), patient);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
    },
  });
}
