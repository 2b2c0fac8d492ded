import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorState, FullPageLoader } from '../shell/States.tsx';
import { onPortalSessionEnded, setPortalCsrfToken } from './portal-client.ts';
import { PortalAcceptPage } from './PortalAcceptPage.tsx';
import { PortalHomePage } from './PortalHomePage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalLoginPage } from './PortalLoginPage.tsx';
import { PORTAL_ME, usePortalMe, usePortalSignOut } from './usePortal.ts';

/** /portal/* — the patient portal: its own session, layout and pages. */
export function PortalApp() {
  return (
    <Routes>
      <Route path="login" element={<PortalLoginPage />} />
      <Route path="accept" element={<PortalAcceptPage />} />
      <Route index element={<SignedIn />} />
      <Route path="*" element={<Navigate to="/portal" replace />} />
    </Routes>
  );
}

function SignedIn() {
  const me = usePortalMe();
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onPortalSessionEnded(() => {
        setPortalCsrfToken(null);
        queryClient.removeQueries({ queryKey: ['portal'] });
        navigate('/portal/login', { replace: true });
      }),
    [navigate, queryClient],
  );
  if (me.isPending) return <FullPageLoader label="Loading" />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/portal/login" replace />;
    return (
      <PortalLayout>
        <ErrorState error={me.error} onRetry={() => void queryClient.invalidateQueries({ queryKey: PORTAL_ME })} />
      </PortalLayout>
    );
  }
  return (
    <PortalLayout
      organization={me.data.organizationName}
      onSignOut={() =>
        void signOut().then(() => navigate('/portal/login', { replace: true }))
      }
    >
      <PortalHomePage me={me.data} />
    </PortalLayout>
  );
}
