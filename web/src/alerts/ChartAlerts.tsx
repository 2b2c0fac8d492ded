import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import type { AlertView } from './alert-types.ts';
import { AlertCard } from './AlertCard.tsx';
import { ResolveAlertDialog } from './ResolveAlertDialog.tsx';
import { usePatientAlerts } from './useAlerts.ts';

/** The chart's alerts, first on the Monitoring tab: open and acknowledged ones, resolved ones on request. */
export function ChartAlerts({ patientId }: { patientId: string }) {
  const canAct = permissions.handleAlerts(useMe());
  const [showResolved, setShowResolved] = useState(false);
  const alerts = usePatientAlerts(patientId, showResolved);
  const [resolving, setResolving] = useState<AlertView | null>(null);
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });
  const list = alerts.data?.alerts ?? [];
  const unresolved = list.filter((a) => a.state !== 'resolved');
  const resolved = list.filter((a) => a.state === 'resolved');

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="chart-alerts-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="chart-alerts-heading">
          Alerts
        </Title>
        <Button variant="subtle" size="sm" onClick={() => setShowResolved((s) => !s)}>
          {showResolved ? 'Hide resolved alerts' : 'Show resolved alerts'}
        </Button>
      </Group>
      {alerts.isPending ? (
        <SectionLoader label="Loading alerts" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Stack gap="sm">
          {unresolved.length === 0 && <Text c="dimmed">No open alerts.</Text>}
          {unresolved.map((a) => (
            <AlertCard key={a.alertId} alert={a} now={now} showPatient={false} canAct={canAct} onResolve={setResolving} />
          ))}
          {showResolved &&
            (resolved.length === 0 ? (
              <Text c="dimmed" size="sm">
                No resolved alerts.
              </Text>
            ) : (
              resolved.map((a) => <AlertCard key={a.alertId} alert={a} now={now} showPatient={false} canAct={false} onResolve={setResolving} />)
            ))}
        </Stack>
      )}
      <ResolveAlertDialog alert={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
