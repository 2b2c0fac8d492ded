import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorState, FullPageLoader } from '../shell/States.tsx';
import { onPortalSessionEnded, setPortalCsrfToken } from './portal-client.ts';
import { PortalAcceptPage } from './PortalAcceptPage.tsx';
import { PortalCheckinPage } from './PortalCheckinPage.tsx';
import { PortalHomePage } from './PortalHomePage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalLoginPage } from './PortalLoginPage.tsx';
import { PortalPlanPage } from './PortalPlanPage.tsx';
import { PortalQuestionnairePage } from './PortalQuestionnairePage.tsx';
import { PORTAL_ME, usePortalMe, usePortalOutletMe, usePortalSignOut } from './usePortal.ts';

/**
 * /portal/* — the patient portal: its own session, layout and pages. The signed-in pages
 * share the frame and read the patient (PortalMe) from the outlet context.
 */
export function PortalApp() {
  return (
    <Routes>
      <Route path="login" element={<PortalLoginPage />} />
      <Route path="accept" element={<PortalAcceptPage />} />
      <Route element={<SignedIn />}>
        <Route index element={<PortalHomeRoute />} />
        <Route path="questionnaires/:episodeId/:instrument" element={<PortalQuestionnairePage />} />
        <Route path="plan" element={<PortalPlanPage />} />
        <Route path="check-in" element={<PortalCheckinPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/portal" replace />} />
    </Routes>
  );
}

function SignedIn() {
  const me = usePortalMe();
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  // Each portal page opens at its top, as a new page does on a phone.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
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
      <Outlet context={me.data} />
    </PortalLayout>
  );
}

function PortalHomeRoute() {
  return <PortalHomePage me={usePortalOutletMe()} />;
}
