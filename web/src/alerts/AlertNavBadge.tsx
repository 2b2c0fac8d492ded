import { ActionIcon, Badge, Group, Indicator, VisuallyHidden } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAlertCounts, useRefreshOnNewAlerts } from './useAlerts.ts';

/**
 * Beside "Alerts" in the navigation: the critical count in red, then everything unresolved
 * in the caller's inbox. Polled every 30 s, so a new critical alert shows without a reload.
 */
export function AlertNavBadge() {
  const counts = useAlertCounts(true);
  // Mounted once per signed-in page (the header bell shares the query but not this).
  useRefreshOnNewAlerts(counts.data);
  if (!counts.data || counts.data.unresolved === 0) return null;
  const { unresolved, critical, overdue } = counts.data;
  return (
    <Group gap={4} wrap="nowrap">
      {critical > 0 && (
        <Badge color="red" variant="filled" size="sm" tt="none">
          {critical} critical
        </Badge>
      )}
      <Badge color={overdue > 0 ? 'orange' : 'indigo'} variant={critical > 0 ? 'light' : 'filled'} size="sm" tt="none">
        {unresolved}
        <VisuallyHidden> unresolved{overdue > 0 ? `, ${overdue} overdue` : ''}</VisuallyHidden>
      </Badge>
    </Group>
  );
}

/**
 * The same counts in the header on phones and portrait tablets, where the navigation sits
 * behind the menu button: a critical alert must not hide there.
 */
export function AlertHeaderBell() {
  const counts = useAlertCounts(true);
  const unresolved = counts.data?.unresolved ?? 0;
  const critical = counts.data?.critical ?? 0;
  const label = unresolved === 0 ? 'Alerts: none unresolved' : `Alerts: ${critical > 0 ? `${critical} critical, ` : ''}${unresolved} unresolved`;
  return (
    <Indicator disabled={unresolved === 0} color={critical > 0 ? 'red' : 'indigo'} label={critical > 0 ? critical : unresolved} size={18} offset={4}>
      <ActionIcon component={Link} to="/alerts" variant="default" size="lg" aria-label={label}>
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
