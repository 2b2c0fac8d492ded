import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { CheckinCreated, CheckinInput, KioskCheckinInput, KioskIdentity, KioskReceipt, PatientCheckins } from './checkin-types.ts';

export const checkinKeys = {
  patient: (patientId: string, from: string, to: string) => ['checkins', patientId, from, to] as const,
};

/** A patient's check-ins over [from, to] (facility-local days) with the server's summary, for the chart. */
export function usePatientCheckins(patientId: string, from: string, to: string) {
  return useQuery({
    queryKey: checkinKeys.patient(patientId, from, to),
    queryFn: () => api.get<PatientCheckins>(`/api/patients/${patientId}/checkins${queryString({ from, to })}`),
  });
}

/** A check-in read over the phone and typed by staff (source staff); the chart's trend and the alert counts refresh. */
export function useRecordCheckin(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckinInput) => api.post<CheckinCreated>(`/api/patients/${patientId}/checkins`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['checkins', patientId] });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/*
 * The kiosk: mutations only, forgotten as soon as the screen that made them is gone
 * (gcTime 0). Nothing about a patient stays in the cache for the next person at the tablet.
 */

export function useKioskIdentify(facilityId: string) {
  return useMutation({
    gcTime: 0,
    mutationFn: (input: { lastName: string; dateOfBirth: string }) => api.post<KioskIdentity>(`/api/facilities/${facilityId}/kiosk/identify`, input),
  });
}

export function useKioskCheckin(facilityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: (input: KioskCheckinInput) => api.post<KioskReceipt>(`/api/facilities/${facilityId}/kiosk/checkins`, input),
    // Reported use raises an alert: a clinician at this tablet sees the count change.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
