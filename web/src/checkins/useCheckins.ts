import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { KioskCheckinInput, KioskIdentity, KioskReceipt, PatientCheckins } from './checkin-types.ts';

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

/*
 * The kiosk: mutations only. Nothing about a patient goes into the query cache, so nothing
 * can be shown to the next person at the tablet.
 */

export function useKioskIdentify(facilityId: string) {
  return useMutation({
    mutationFn: (input: { lastName: string; dateOfBirth: string }) => api.post<KioskIdentity>(`/api/facilities/${facilityId}/kiosk/identify`, input),
  });
}

export function useKioskCheckin(facilityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: KioskCheckinInput) => api.post<KioskReceipt>(`/api/facilities/${facilityId}/kiosk/checkins`, input),
    // Reported use raises an alert: a clinician at this tablet sees the count change.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
