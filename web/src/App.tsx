import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Me } from './api/types.ts';
import { AlertsPage } from './alerts/AlertsPage.tsx';
import { AccountPage } from './auth/AccountPage.tsx';
import { KioskPage } from './checkins/KioskPage.tsx';
import { EnrollmentPage } from './auth/EnrollmentPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { permissions } from './auth/permissions.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SessionWatcher } from './auth/SessionWatcher.tsx';
import { useMe } from './auth/session.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { WelcomePage } from './auth/WelcomePage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { FacilitiesPage } from './facilities/FacilitiesPage.tsx';
import { FacilityPage } from './facilities/FacilityPage.tsx';
import { NewFacilityPage } from './facilities/NewFacilityPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import { GroupEditorPage } from './groups/GroupEditorPage.tsx';
import { GroupPage } from './groups/GroupPage.tsx';
import { GroupsPage } from './groups/GroupsPage.tsx';
import { PortalApp } from './portal/PortalApp.tsx';
import { PatientChartPage } from './chart/PatientChartPage.tsx';
import { IntakeWizardPage } from './intake/IntakeWizardPage.tsx';
import { TreatmentPlanPage } from './plans/TreatmentPlanPage.tsx';
import { ProgressPage } from './progress/ProgressPage.tsx';
import { StepDownPage } from './stepdown/StepDownPage.tsx';
import { canOpenDrugTests, DrugTestsPage } from './drugtests/DrugTestsPage.tsx';
import { DrugTestPage } from './drugtests/DrugTestPage.tsx';
import { ResultEntryPage } from './drugtests/ResultEntryPage.tsx';
import { canSeeDosing, DosingPage } from './medications/DosingPage.tsx';
import { NewPatientPage } from './patients/NewPatientPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';
import { OrganizationPage } from './organization/OrganizationPage.tsx';
import { ProgramEditorPage } from './programs/ProgramEditorPage.tsx';
import { ProgramPage } from './programs/ProgramPage.tsx';
import { ProgramsPage } from './programs/ProgramsPage.tsx';
import { CairnShell } from './shell/CairnShell.tsx';
import { NoAccessPage, NotFoundPage } from './shell/NotFoundPage.tsx';
import { InviteStaffPage } from './staff/InviteStaffPage.tsx';
import { StaffMemberPage } from './staff/StaffMemberPage.tsx';
import { StaffPage } from './staff/StaffPage.tsx';

/** A page only some roles may open; the others see why instead of a refused request. */
function Allowed({ when, children }: { when: (me: Me) => boolean; children: ReactNode }) {
  return when(useMe()) ? children : <NoAccessPage />;
}

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/welcome" element={<WelcomePage />} />
        <Route path="/portal/*" element={<PortalApp />} />
        <Route
          path="/kiosk"
          element={
            <RequireAuth>
              <KioskPage />
            </RequireAuth>
          }
        />
        <Route
          path="/authenticator-setup"
          element={
            <RequireAuth enrollment>
              <EnrollmentPage />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <CairnShell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="facilities" element={<FacilitiesPage />} />
          <Route path="facilities/new" element={<Allowed when={permissions.manageFacilities}><NewFacilityPage /></Allowed>} />
          <Route path="facilities/:facilityId" element={<FacilityPage />} />
          <Route path="programs" element={<ProgramsPage />} />
          <Route path="programs/new" element={<Allowed when={permissions.editPrograms}><ProgramEditorPage /></Allowed>} />
          <Route path="programs/:programId" element={<ProgramPage />} />
          <Route path="programs/:programId/edit" element={<Allowed when={permissions.editPrograms}><ProgramEditorPage /></Allowed>} />
          <Route path="patients" element={<Allowed when={permissions.readPatients}><PatientsPage /></Allowed>} />
          <Route path="patients/new" element={<Allowed when={permissions.registerPatients}><NewPatientPage /></Allowed>} />
          <Route path="patients/:patientId" element={<Allowed when={permissions.readPatients}><PatientChartPage /></Allowed>} />
          <Route path="patients/:patientId/intake/new" element={<Allowed when={permissions.assessPlacement}><IntakeWizardPage /></Allowed>} />
          <Route path="patients/:patientId/episodes/:episodeId/plan" element={<Allowed when={permissions.readClinical}><TreatmentPlanPage /></Allowed>} />
          <Route path="patients/:patientId/progress" element={<Allowed when={permissions.readClinical}><ProgressPage /></Allowed>} />
          <Route path="alerts" element={<Allowed when={permissions.handleAlerts}><AlertsPage /></Allowed>} />
          <Route path="step-down" element={<Allowed when={permissions.readClinical}><StepDownPage /></Allowed>} />
          <Route path="drug-tests" element={<Allowed when={canOpenDrugTests}><DrugTestsPage /></Allowed>} />
          <Route path="drug-tests/:testId" element={<Allowed when={permissions.readClinical}><DrugTestPage /></Allowed>} />
          <Route path="drug-tests/:testId/results" element={<Allowed when={permissions.enterDrugTestResults}><ResultEntryPage /></Allowed>} />
          <Route path="dosing" element={<Allowed when={canSeeDosing}><DosingPage /></Allowed>} />
          <Route path="board" element={<Allowed when={permissions.readPatients}><BoardPage /></Allowed>} />
          <Route path="groups" element={<Allowed when={permissions.readPatients}><GroupsPage /></Allowed>} />
          <Route path="groups/new" element={<Allowed when={permissions.schedule}><GroupEditorPage /></Allowed>} />
          <Route path="groups/:groupId" element={<Allowed when={permissions.readPatients}><GroupPage /></Allowed>} />
          <Route path="groups/:groupId/edit" element={<Allowed when={permissions.schedule}><GroupEditorPage /></Allowed>} />
          <Route path="staff" element={<Allowed when={permissions.seeStaff}><StaffPage /></Allowed>} />
          <Route path="staff/invite" element={<Allowed when={permissions.manageStaff}><InviteStaffPage /></Allowed>} />
          <Route path="staff/:staffId" element={<Allowed when={permissions.manageStaff}><StaffMemberPage /></Allowed>} />
          <Route path="audit" element={<Allowed when={permissions.seeAudit}><AuditPage /></Allowed>} />
          <Route path="organization" element={<Allowed when={permissions.manageOrganization}><OrganizationPage /></Allowed>} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
