import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { BookSessionInput, CalendarSession, EnrollInput, Enrollment, EnrollmentCheck, PatientSchedule } from '../api/types.ts';

export const scheduleKeys = {
  week: (patientId: string, weekOf: string | undefined) => ['schedule', patientId, weekOf ?? 'this'] as const,
  enrollments: (patientId: string) => ['enrollments', 'patient', patientId] as const,
};

export function usePatientSchedule(patientId: string, weekOf: string | undefined) {
  return useQuery({
    queryKey: scheduleKeys.week(patientId, weekOf),
    queryFn: () => api.get<PatientSchedule>(`/api/patients/${patientId}/schedule${queryString({ weekOf })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePatientEnrollments(patientId: string) {
  return useQuery({ queryKey: scheduleKeys.enrollments(patientId), queryFn: () => api.get<Enrollment[]>(`/api/patients/${patientId}/enrollments`) });
}

/** Schedules, enrolments, groups' counts, boards and hours depend on any enrolment change. */
function useScheduleChanged(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [['schedule', patientId], ['enrollments'], ['groups'], ['hours', patientId], ['board'], ['calendar']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useEnrollmentCheck(patientId: string) {
  return useMutation({ mutationFn: (input: { groupId: string; startsOn?: string }) => api.post<EnrollmentCheck>(`/api/patients/${patientId}/enrollments/check`, input) });
}

export function useEnroll(patientId: string) {
  const changed = useScheduleChanged(patientId);
  return useMutation({ mutationFn: (input: EnrollInput) => api.post<Enrollment>(`/api/patients/${patientId}/enrollments`, input), onSuccess: changed });
}

export function useEndEnrollment(patientId: string) {
  const changed = useScheduleChanged(patientId);
  return useMutation({
    mutationFn: ({ enrollmentId, endsOn }: { enrollmentId: string; endsOn: string }) => api.post<Enrollment>(`/api/enrollments/${enrollmentId}/end`, { endsOn }),
    onSuccess: changed,
  });
}

export function useBookSession(patientId: string) {
  const changed = useScheduleChanged(patientId);
  return useMutation({ mutationFn: (input: BookSessionInput) => api.post<CalendarSession>(`/api/patients/${patientId}/sessions`, input), onSuccess: changed });
}
