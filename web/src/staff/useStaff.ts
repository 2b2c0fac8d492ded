import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AccountLink, StaffCreated, StaffInput, StaffMember } from '../api/types.ts';

export const staffKeys = {
  all: ['staff'] as const,
  one: (id: string) => ['staff', id] as const,
};

export function useStaffList(enabled = true) {
  return useQuery({ queryKey: staffKeys.all, queryFn: () => api.get<StaffMember[]>('/api/staff'), enabled });
}

export function useStaffMember(staffId: string) {
  return useQuery({ queryKey: staffKeys.one(staffId), queryFn: () => api.get<StaffMember>(`/api/staff/${staffId}`) });
}

export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffInput) => api.post<StaffCreated>('/api/staff', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

function useStaffUpdated() {
  const queryClient = useQueryClient();
  return (member: StaffMember) => {
    queryClient.setQueryData(staffKeys.one(member.staffId), member);
    void queryClient.invalidateQueries({ queryKey: staffKeys.all, exact: true });
  };
}

export function useSaveStaff(staffId: string) {
  const updated = useStaffUpdated();
  return useMutation({
    mutationFn: (input: StaffInput) => api.put<StaffMember>(`/api/staff/${staffId}`, input),
    onSuccess: updated,
  });
}

export type StaffAction = 'deactivate' | 'reactivate' | 'unlock' | 'totp/reset';

/** The account actions that answer with the updated staff member. */
export function useStaffAction(staffId: string) {
  const updated = useStaffUpdated();
  return useMutation({
    mutationFn: (action: StaffAction) => api.post<StaffMember>(`/api/staff/${staffId}/${action}`),
    onSuccess: updated,
  });
}

export function useIssueAccountLink(staffId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AccountLink>(`/api/staff/${staffId}/account-link`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.one(staffId) }),
  });
}
