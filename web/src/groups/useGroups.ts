import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { CalendarSession, Enrollment, Group, GroupInput, MoveInput } from '../api/types.ts';

export const groupKeys = {
  list: (facilityId: string | undefined, includeInactive: boolean) => ['groups', 'list', facilityId ?? 'all', includeInactive] as const,
  one: (id: string) => ['groups', 'one', id] as const,
  roster: (id: string) => ['enrollments', 'group', id] as const,
  calendar: (facilityId: string, from: string, to: string) => ['calendar', facilityId, from, to] as const,
};

export function useGroups(facilityId: string | undefined, includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: groupKeys.list(facilityId, includeInactive),
    queryFn: () => api.get<Group[]>(`/api/groups${queryString({ facilityId, includeInactive: includeInactive || undefined })}`),
    enabled,
  });
}

export function useGroup(groupId: string | undefined) {
  return useQuery({ queryKey: groupKeys.one(groupId ?? ''), queryFn: () => api.get<Group>(`/api/groups/${groupId}`), enabled: groupId !== undefined });
}

export function useGroupRoster(groupId: string) {
  return useQuery({ queryKey: groupKeys.roster(groupId), queryFn: () => api.get<Enrollment[]>(`/api/groups/${groupId}/enrollments`) });
}

export function useSaveGroup(groupId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) => (groupId ? api.put<Group>(`/api/groups/${groupId}`, input) : api.post<Group>('/api/groups', input)),
    onSuccess: (group) => {
      queryClient.setQueryData(groupKeys.one(group.groupId), group);
      void queryClient.invalidateQueries({ queryKey: ['groups', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

export function useCalendar(facilityId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: groupKeys.calendar(facilityId ?? '', from, to),
    queryFn: () => api.get<CalendarSession[]>(`/api/facilities/${facilityId}/sessions${queryString({ from, to })}`),
    enabled: facilityId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Cancel or move one occurrence; calendars, boards and schedules refresh. */
export function useSessionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { sessionId: string } & ({ kind: 'cancel'; reason: string } | ({ kind: 'move' } & MoveInput))) => {
      const { sessionId, kind, ...body } = action;
      return api.post<CalendarSession>(`/api/sessions/${sessionId}/${kind}`, body);
    },
    onSuccess: () => {
      for (const key of [['calendar'], ['board'], ['schedule']]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
