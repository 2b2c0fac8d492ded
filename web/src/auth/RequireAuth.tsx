import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client.ts';
import { FullPageError, FullPageLoader } from '../shell/States.tsx';
import { IdleSignOut } from './IdleSignOut.tsx';
import { MeContext, loginPath, safeNext, useMeQuery } from './session.tsx';

/**
 * Renders its children for a signed-in staff member. Without a session it goes to the
 * sign-in page (coming back here afterwards); a session that must first enrol an
 * authenticator goes to that screen, since every other route would refuse it.
 */
export function RequireAuth({ children, enrollment = false }: { children: ReactNode; enrollment?: boolean }) {
  const location = useLocation();
  const query = useMeQuery();

  if (query.isPending) return <FullPageLoader label="Loading your account" />;
  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiError && error.status === 401) {
      const notice = error.code === 'session_expired' ? 'ended' : undefined;
      return <Navigate to={loginPath(location)} replace state={notice ? { notice } : undefined} />;
    }
    return <FullPageError error={error} onRetry={() => void query.refetch()} />;
  }

  const me = query.data;
  const here = `${location.pathname}${location.search}`;
  if (me.mfaState === 'enrollment_required' && !enrollment) {
    return <Navigate to={`/authenticator-setup?next=${encodeURIComponent(here)}`} replace />;
  }
  // Enrolment done (or never needed): carry on to where the person was going.
  if (me.mfaState === 'satisfied' && enrollment) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;

  return (
    <MeContext.Provider value={me}>
      <IdleSignOut idleMinutes={me.idleTimeoutMinutes} />
      {children}
    </MeContext.Provider>
  );
}
