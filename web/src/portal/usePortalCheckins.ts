/** The patient's own daily check-ins in the portal. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinCreated, CheckinInput, PortalCheckins } from '../checkins/checkin-types.ts';
import { portalApi } from './portal-client.ts';

const CHECKINS = ['portal', 'checkins'] as const;

/** The last two weeks, and today's check-in if there is one. */
export function usePortalCheckins() {
  return useQuery({
    queryKey: CHECKINS,
    queryFn: () => portalApi.get<PortalCheckins>('/api/portal/checkins?days=14'),
  });
}

/** A second check-in the same day replaces the first (the server keeps one per day). */
export function useSubmitCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckinInput) => portalApi.post<CheckinCreated>('/api/portal/checkins', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CHECKINS }),
  });
}
