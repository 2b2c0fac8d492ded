import { useQueries, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { Compliance, PatientSchedule, WeeklyHours } from '../api/types.ts';
import { scheduleKeys } from '../schedule/useSchedule.ts';

export function usePatientHours(patientId: string, from?: string) {
  return useQuery({
    queryKey: ['hours', patientId, from ?? 'default'],
    queryFn: () => api.get<WeeklyHours[]>(`/api/patients/${patientId}/hours${queryString({ from })}`),
  });
}

/** The patient's schedule for several weeks (for the attendance history), newest first. */
export function useScheduleWeeks(patientId: string, weeksOf: string[]) {
  return useQueries({
    queries: weeksOf.map((weekOf) => ({
      queryKey: scheduleKeys.week(patientId, weekOf),
      queryFn: () => api.get<PatientSchedule>(`/api/patients/${patientId}/schedule${queryString({ weekOf })}`),
    })),
  });
}

export function useCompliance(facilityId: string | null, weekOf?: string) {
  return useQuery({
    queryKey: ['compliance', facilityId, weekOf ?? 'this'],
    queryFn: () => api.get<Compliance>(`/api/facilities/${facilityId}/compliance${queryString({ weekOf })}`),
    enabled: facilityId !== null,
  });
}
