import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionSignal } from '../api/client.ts';
import { ME_KEY, forgetSession, loginPath } from './session.tsx';

const PUBLIC_PREFIXES = ['/login', '/setup', '/welcome', '/portal'];

/**
 * Reacts to what any API answer says about the session: an ended session goes to the
 * sign-in page with a notice (and back here afterwards); a required second factor goes to
 * the authenticator setup screen.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(
    () =>
      onSessionSignal((signal, error) => {
        const here = locationRef.current;
        if (PUBLIC_PREFIXES.some((p) => here.pathname.startsWith(p))) return;
        if (signal === 'session_ended') {
          const wasSignedIn = queryClient.getQueryData(ME_KEY) !== undefined;
          // A first visit without a session is not "ended": RequireAuth sends it to sign-in.
          if (!wasSignedIn && error.code !== 'session_expired') return;
          navigate(loginPath(here), { replace: true, state: { notice: 'ended' } });
          forgetSession(queryClient);
          return;
        }
        if (here.pathname !== '/authenticator-setup') {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
          navigate(`/authenticator-setup?next=${encodeURIComponent(here.pathname + here.search)}`, { replace: true });
        }
      }),
    [queryClient, navigate],
  );

  return null;
}
