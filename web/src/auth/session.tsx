/**
 * The signed-in staff member. GET /api/me is the source of truth; its answer lives in the
 * query cache under ME_KEY and carries the CSRF token the API client sends on writes.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { type Location, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

/** Sign-in, first-run setup and accepting a link all answer with Me: that is the new session. */
export function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.clear();
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(ME_KEY, me);
}

/** Forget everything the previous session loaded, so nothing stays on screen or in memory. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in staff member; only inside RequireAuth. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside <RequireAuth>');
  return me;
}

export type SignInNotice = 'ended' | 'signed_out';

/** `/login?next=/programs/…`, so sign-in returns to where the person was. */
export function loginPath(from?: Pick<Location, 'pathname' | 'search'>): string {
  const next = from ? `${from.pathname}${from.search}` : '/';
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** A same-site path from `?next=`, never an absolute or protocol-relative URL. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Sign out on the server (best effort), forget the session, go to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (notice: SignInNotice, from?: Location) => {
      try {
        await api.post('/api/auth/logout');
      } catch {
        // Already ended on the server (idle timeout): nothing more to do there.
      }
      forgetSession(queryClient);
      navigate(notice === 'ended' ? loginPath(from) : '/login', { replace: true, state: { notice } });
    },
    [queryClient, navigate],
  );
}
