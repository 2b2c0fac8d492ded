import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { DoseInput, DoseRecord, DosingDay, Medication, MedicationEdit, MedicationInput, StopInput } from './medication-types.ts';

export const medicationKeys = {
  ofPatient: (patientId: string) => ['medications', 'patient', patientId] as const,
  doses: (patientId: string, from: string, to: string) => ['doses', patientId, from, to] as const,
  dosing: (facilityId: string | null, date: string) => ['dosing', facilityId, date] as const,
};

export function usePatientMedications(patientId: string, enabled = true) {
  return useQuery({
    queryKey: medicationKeys.ofPatient(patientId),
    queryFn: () => api.get<{ medications: Medication[] }>(`/api/patients/${patientId}/medications`).then((r) => r.medications),
    enabled,
  });
}

export function usePatientDoses(patientId: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: medicationKeys.doses(patientId, from, to),
    queryFn: () => api.get<{ doses: DoseRecord[] }>(`/api/patients/${patientId}/doses${queryString({ from, to })}`).then((r) => r.doses),
    enabled,
  });
}

export function useDosingDay(facilityId: string | null, date: string) {
  return useQuery({
    queryKey: medicationKeys.dosing(facilityId, date),
    queryFn: () => api.get<DosingDay>(`/api/facilities/${facilityId}/dosing${queryString({ date })}`),
    enabled: facilityId !== null,
  });
}

/** A change to a medication changes the list, adherence, the dosing list and what drug tests expect. */
function useMedicationsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['medications', 'patient'] });
    void queryClient.invalidateQueries({ queryKey: ['doses'] });
    void queryClient.invalidateQueries({ queryKey: ['dosing'] });
    void queryClient.invalidateQueries({ queryKey: ['alerts'] });
  };
}

export function useAddMedication(patientId: string) {
  const changed = useMedicationsChanged();
  return useMutation({ mutationFn: (input: MedicationInput) => api.post<Medication>(`/api/patients/${patientId}/medications`, input), onSuccess: changed });
}

export function useEditMedication(medicationId: string) {
  const changed = useMedicationsChanged();
  return useMutation({ mutationFn: (input: MedicationEdit) => api.put<Medication>(`/api/medications/${medicationId}`, input), onSuccess: changed });
}

export function useStopMedication(medicationId: string) {
  const changed = useMedicationsChanged();
  return useMutation({
    mutationFn: (input: StopInput) => api.post<Medication>(`/api/medications/${medicationId}/stop`, input),
    onSuccess: changed,
  });
}

export function useRecordDose(medicationId: string) {
  const changed = useMedicationsChanged();
  return useMutation({ mutationFn: (input: DoseInput) => api.post<DoseRecord>(`/api/medications/${medicationId}/doses`, input), onSuccess: changed });
}
