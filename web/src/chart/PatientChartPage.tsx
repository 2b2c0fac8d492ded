import { Tabs } from '@mantine/core';
import { IconActivityHeartbeat, IconCalendarWeek, IconChartBar, IconClipboardHeart, IconId, IconListCheck } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import { ChartAlertBanner } from '../alerts/ChartAlertBanner.tsx';
import { HoursPanel } from '../attendance/HoursPanel.tsx';
import { EpisodePanel } from '../episodes/EpisodePanel.tsx';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { ChartMonitoringPanel } from '../monitoring/ChartMonitoringPanel.tsx';
import { ChartCarePanel } from '../plans/ChartCarePanel.tsx';
import { ProgressLink } from '../progress/ProgressLink.tsx';
import { displayName } from '../patients/patient-labels.ts';
import { usePatient } from '../patients/usePatients.ts';
import { SchedulePanel } from '../schedule/SchedulePanel.tsx';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { DemographicsPanel } from './DemographicsPanel.tsx';

const TABS = ['schedule', 'hours', 'monitoring', 'episode', 'care', 'demographics'] as const;
/** Tabs with clinical records (CLINICAL_READERS): the front desk and billing do not see them. */
const CLINICAL_TABS: readonly Tab[] = ['care', 'monitoring'];
type Tab = (typeof TABS)[number];

/**
 * /patients/:patientId — the chart: header, open alerts, then schedule, hours, monitoring,
 * episode, care and demographics tabs (tab in the address).
 */
export function PatientChartPage() {
  const { patientId } = useParams();
  const [params, setParams] = useSearchParams();
  const readClinical = permissions.readClinical(useMe());
  const patient = usePatient(patientId);

  if (patient.isPending) return <SectionLoader label="Loading the chart" />;
  if (patient.isError) {
    return (
      <Page title="Patient chart" back={{ to: '/patients', label: 'Patients' }}>
        <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />
      </Page>
    );
  }
  const p = patient.data;
  const inProgram = p.episodes.some((e) => e.status === 'active');
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) && (!CLINICAL_TABS.includes(requested) || readClinical) ? requested : inProgram ? 'schedule' : 'episode';
  const setTab = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.set('tab', value ?? 'schedule');
    setParams(next, { replace: true });
  };

  return (
    <Page title={displayName(p)} documentTitle={`${p.preferredName ?? p.legalGivenName} ${p.legalFamilyName.charAt(0)}. (chart)`} back={{ to: '/patients', label: 'Patients' }} actions={readClinical ? <ProgressLink patientId={p.patientId} /> : undefined}>
      <ChartHeader patient={p} />
      {readClinical && <ChartAlertBanner patientId={p.patientId} onOpen={tab === 'monitoring' ? undefined : () => setTab('monitoring')} />}
      {/* Six tabs: a little less padding keeps them on one row beside the navigation at 1280 px. */}
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline" styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}>
        <Tabs.List>
          <Tabs.Tab value="schedule" leftSection={<IconCalendarWeek size={18} aria-hidden />}>
            Weekly schedule
          </Tabs.Tab>
          <Tabs.Tab value="hours" leftSection={<IconChartBar size={18} aria-hidden />}>
            Hours and attendance
          </Tabs.Tab>
          {readClinical && (
            <Tabs.Tab value="monitoring" leftSection={<IconActivityHeartbeat size={18} aria-hidden />}>
              Monitoring
            </Tabs.Tab>
          )}
          <Tabs.Tab value="episode" leftSection={<IconClipboardHeart size={18} aria-hidden />}>
            Episode
          </Tabs.Tab>
          {readClinical && (
            <Tabs.Tab value="care" leftSection={<IconListCheck size={18} aria-hidden />}>
              Intake and plan
            </Tabs.Tab>
          )}
          <Tabs.Tab value="demographics" leftSection={<IconId size={18} aria-hidden />}>
            Demographics
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="schedule" pt="lg">
          <SchedulePanel patient={p} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="lg">
          <HoursPanel patient={p} />
        </Tabs.Panel>
        {readClinical && (
          <Tabs.Panel value="monitoring" pt="lg">
            <ChartMonitoringPanel patient={p} onOpenHours={() => setTab('hours')} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="episode" pt="lg">
          <EpisodePanel patient={p} />
        </Tabs.Panel>
        {readClinical && (
          <Tabs.Panel value="care" pt="lg">
            <ChartCarePanel patient={p} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="demographics" pt="lg">
          <DemographicsPanel patient={p} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
