import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SEVERITY } from './alert-labels.ts';
import { usePatientAlerts } from './useAlerts.ts';

const SHOWN = 3;

/**
 * Above every chart tab: the patient's open alerts in one compact box, so nobody reads the
 * schedule of a patient with an unresolved suicide-risk alert without seeing it.
 */
export function ChartAlertBanner({ patientId, onOpen }: { patientId: string; onOpen?: () => void }) {
  const alerts = usePatientAlerts(patientId, false);
  const open = (alerts.data?.alerts ?? []).filter((a) => a.state !== 'resolved');
  if (open.length === 0) return null;
  const top = open[0]!;
  const color = SEVERITY[top.severity].color;
  const overdue = open.filter((a) => a.overdue).length;
  const title = `${open.length} unresolved ${open.length === 1 ? 'alert' : 'alerts'}${overdue > 0 ? `, ${overdue} overdue` : ''}`;
  return (
    <Alert color={color} variant="light" icon={<IconAlertTriangle aria-hidden />} title={title} aria-label={title} p="sm">
      <Stack gap={4}>
        {open.slice(0, SHOWN).map((a) => (
          <Group key={a.alertId} gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={SEVERITY[a.severity].color} variant="white" tt="none" size="sm" style={{ flexShrink: 0 }} mt={2}>
              {SEVERITY[a.severity].label}
            </Badge>
            <Text size="sm">
              {a.title}
              {a.state === 'acknowledged' && a.acknowledged ? ` · acknowledged by ${a.acknowledged.by.fullName}` : ' · not yet acknowledged'}
              {a.overdue ? ' · overdue' : ''}
            </Text>
          </Group>
        ))}
        {open.length > SHOWN && <Text size="sm">and {open.length - SHOWN} more</Text>}
        {onOpen && (
          <Anchor component="button" type="button" size="sm" fw={600} onClick={onOpen} w="fit-content">
            See the alerts on the Monitoring tab
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
