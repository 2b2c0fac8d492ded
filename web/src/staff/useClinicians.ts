import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export interface ClinicianOption {
  value: string;
  label: string;
}

interface Clinician {
  staffId: string;
  fullName: string;
  credentials: string[];
  roles: string[];
}

/**
 * Active clinical staff assigned to a facility, for "primary clinician" and "facilitator"
 * pickers. Any staff member of the facility may read this list (names and credentials only).
 */
export function useClinicians(facilityId: string | null | undefined) {
  const query = useQuery({
    queryKey: ['facilities', facilityId, 'clinicians'],
    queryFn: () => api.get<Clinician[]>(`/api/facilities/${facilityId}/clinicians`),
    enabled: Boolean(facilityId),
    staleTime: 60_000,
  });
  const options: ClinicianOption[] = (query.data ?? []).map((s) => ({
    value: s.staffId,
    label: s.credentials.length ? `${s.fullName}, ${s.credentials.join(', ')}` : s.fullName,
  }));
  return { options, isPending: Boolean(facilityId) && query.isPending, limited: false };
}
