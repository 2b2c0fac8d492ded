import { Badge, Card, Group, SegmentedControl, Select, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import type { AlertView, InboxScope } from './alert-types.ts';
import { AlertCard } from './AlertCard.tsx';
import { ResolveAlertDialog } from './ResolveAlertDialog.tsx';
import { useAlertInbox } from './useAlerts.ts';

const VIEWS = ['open', 'acknowledged', 'resolved'] as const;
type View = (typeof VIEWS)[number];

const EMPTY: Record<View, { title: string; text: string }> = {
  open: { title: 'Nothing needs action', text: 'New alerts appear here on their own, within half a minute of being raised.' },
  acknowledged: { title: 'Nothing waiting to be resolved', text: 'Alerts you or a colleague acknowledged stay here until they are resolved with a note.' },
  resolved: { title: 'No resolved alerts yet', text: 'Resolved alerts and their notes are kept here.' },
};

/**
 * /alerts — the inbox: alerts that need action first (most severe, then soonest due), then
 * acknowledged ones awaiting a resolution note, then resolved ones. Clinical directors can
 * widen it to every alert at a facility.
 */
export function AlertsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view') as View | null;
  const view: View = requested && VIEWS.includes(requested) ? requested : 'open';
  const isDirector = me.roles.includes('clinical_director');
  const scope: InboxScope = isDirector && params.get('scope') === 'facility' ? 'facility' : 'mine';
  const facilityId = params.get('facility') ?? me.facilities[0]?.facilityId ?? null;
  const canAct = permissions.handleAlerts(me);

  const unresolved = useAlertInbox('unresolved', scope, facilityId);
  const resolved = useAlertInbox('resolved', scope, facilityId, view === 'resolved');
  const [resolving, setResolving] = useState<AlertView | null>(null);
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const byView: Record<View, AlertView[]> = {
    open: (unresolved.data?.alerts ?? []).filter((a) => a.state === 'open'),
    acknowledged: (unresolved.data?.alerts ?? []).filter((a) => a.state === 'acknowledged'),
    resolved: resolved.data?.alerts ?? [],
  };
  const query = view === 'resolved' ? resolved : unresolved;
  const alerts = byView[view];
  const critical = byView.open.filter((a) => a.severity === 'critical').length;
  const list = query.isPending ? (
    <SectionLoader label="Loading alerts" />
  ) : query.isError ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  ) : alerts.length === 0 ? (
    <Card withBorder radius="md">
      <EmptyNote title={EMPTY[view].title}>{EMPTY[view].text}</EmptyNote>
    </Card>
  ) : (
    <Stack gap="md" aria-live="polite">
      {alerts.map((a) => (
        <AlertCard key={a.alertId} alert={a} now={now} showPatient canAct={canAct} onResolve={setResolving} />
      ))}
    </Stack>
  );

  return (
    <Page
      title="Alerts"
      description={
        scope === 'mine'
          ? 'Alerts for your patients and while you are on call. Acknowledge an alert when you pick it up; resolve it with a note once it is dealt with.'
          : 'Every alert at the facility. Acknowledge an alert when you pick it up; resolve it with a note once it is dealt with.'
      }
    >
      {isDirector && (
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            aria-label="Whose alerts"
            value={scope}
            onChange={(v) => set('scope', v === 'facility' ? 'facility' : null)}
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'facility', label: 'Whole facility' },
            ]}
          />
          {scope === 'facility' && me.facilities.length > 1 && (
            <Select label="Facility" data={me.facilities.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={(v) => set('facility', v)} allowDeselect={false} w={260} />
          )}
        </Group>
      )}
      <Tabs value={view} onChange={(v) => set('view', v === 'open' ? null : v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="open" rightSection={<CountBadge count={byView.open.length} critical={critical} loaded={unresolved.isSuccess} />}>
            Needs action
          </Tabs.Tab>
          <Tabs.Tab value="acknowledged" rightSection={<CountBadge count={byView.acknowledged.length} critical={0} loaded={unresolved.isSuccess} />}>
            Acknowledged
          </Tabs.Tab>
          <Tabs.Tab value="resolved">Resolved</Tabs.Tab>
        </Tabs.List>
        {VIEWS.map((v) => (
          <Tabs.Panel key={v} value={v} pt="lg">
            {v === view && list}
          </Tabs.Panel>
        ))}
      </Tabs>
      {view !== 'resolved' && unresolved.isSuccess && byView.open.some((a) => a.overdue) && (
        <Text size="sm" c="dimmed">
          Overdue alerts escalate to the facility’s clinical directors.
        </Text>
      )}
      <ResolveAlertDialog alert={resolving} onClose={() => setResolving(null)} />
    </Page>
  );
}

function CountBadge({ count, critical, loaded }: { count: number; critical: number; loaded: boolean }) {
  if (!loaded) return null;
  return (
    <Badge size="sm" circle={count < 10} color={critical > 0 ? 'red' : count > 0 ? 'indigo' : 'gray'} variant={count > 0 ? 'filled' : 'light'}>
      {count}
      {critical > 0 && <VisuallyHidden> ({critical} critical)</VisuallyHidden>}
    </Badge>
  );
}
