import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Episode, Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { IntakeHistory } from '../intake/IntakeHistory.tsx';
import { formatDate } from '../time/dates.ts';
import { STATUS_COLORS, STATUS_LABELS } from './plan-labels.ts';
import { usePlan } from './usePlan.ts';

/** The chart's "Intake and plan" tab: each episode's treatment plan, then the intake assessments. */
export function ChartCarePanel({ patient }: { patient: Patient }) {
  const episodes = [...patient.episodes].sort((a, b) => (a.status === b.status ? b.admittedOn.localeCompare(a.admittedOn) : a.status === 'active' ? -1 : 1));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="plans-heading">
        <Title order={2} size="h4" id="plans-heading" mb="sm">
          Treatment plans
        </Title>
        {episodes.length === 0 ? (
          <Text size="sm" c="dimmed">
            A treatment plan belongs to an episode: admit the patient to a program first.
          </Text>
        ) : (
          <Stack gap="xs">
            {episodes.map((e) => (
              <EpisodePlanRow key={e.episodeId} patientId={patient.patientId} episode={e} />
            ))}
          </Stack>
        )}
      </Card>
      <IntakeHistory patientId={patient.patientId} />
    </Stack>
  );
}

function EpisodePlanRow({ patientId, episode: e }: { patientId: string; episode: Episode }) {
  const canWrite = permissions.writePlans(useMe());
  const active = e.status === 'active';
  const plan = usePlan(e.episodeId, active);
  const view = plan.data;
  const none = active && view !== undefined && !view.active && !view.pending;
  const to = `/patients/${patientId}/episodes/${e.episodeId}/plan${none && canWrite ? '?edit=1' : ''}`;
  const met = view ? view.progress.filter((p) => p.met).length : 0;
  return (
    <Group justify="space-between" p="sm" wrap="wrap" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Stack gap={2}>
        <Text fw={600}>{e.programName}</Text>
        <Text size="sm" c="dimmed">
          {active ? `Admitted ${formatDate(e.admittedOn)}` : `${formatDate(e.admittedOn)} – ${formatDate(e.dischargedOn)} (discharged)`}
        </Text>
      </Stack>
      <Group gap="sm">
        {active && plan.isPending && <Loader size="xs" aria-label="Loading the plan" />}
        {none && (
          <Badge color="orange" variant="light">
            No plan yet
          </Badge>
        )}
        {view?.active && (
          <>
            <Badge color={STATUS_COLORS.active} variant="light">
              Version {view.active.version} active
            </Badge>
            <Text size="sm" c={view.active.reviewOverdue ? 'red.8' : 'dimmed'} fw={view.active.reviewOverdue ? 700 : undefined}>
              {view.active.reviewOverdue && <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />}
              Review {view.active.reviewOverdue ? 'overdue since' : 'due'} {formatDate(view.active.reviewDueOn)}
            </Text>
            {view.progress.length > 0 && (
              <Text size="sm" c="dimmed">
                {met} of {view.progress.length} objectives met
              </Text>
            )}
          </>
        )}
        {view?.pending && (
          <Badge color={STATUS_COLORS[view.pending.status]} variant="light">
            Version {view.pending.version}: {STATUS_LABELS[view.pending.status]}
          </Badge>
        )}
        <Button component={Link} to={to} variant={active ? 'light' : 'subtle'} rightSection={<IconChevronRight size={16} aria-hidden />}>
          {none && canWrite ? 'Write the plan' : 'Open plan'}
        </Button>
      </Group>
    </Group>
  );
}
