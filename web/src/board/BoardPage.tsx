import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronLeft, IconChevronRight, IconChevronUp, IconRefresh } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, compareDates, formatLongDate, todayIn } from '../time/dates.ts';
import { SessionCard } from './SessionCard.tsx';
import { useBoard, useMarkAllPresent, useRosterAction } from './useBoard.ts';

/** Minutes after a session ends before today's board folds it under "Earlier today". */
const FOLD_AFTER_MINUTES = 30;

/** /board — the front desk's day: every session with its roster and one-tap check-in. */
export function BoardPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const facilities = useFacilities();
  const choices = (facilities.data ?? []).filter((f) => f.active).map((f) => ({ facilityId: f.facilityId, name: f.name, timeZone: f.timeZone }));
  const facilityId = params.get('facility') ?? me.facilities[0]?.facilityId ?? choices[0]?.facilityId ?? null;
  const timeZone = choices.find((f) => f.facilityId === facilityId)?.timeZone ?? me.facilities.find((f) => f.facilityId === facilityId)?.timeZone;
  const today = todayIn(timeZone);
  const date = params.get('date') ?? today;
  const board = useBoard(facilityId, date);
  const roster = useRosterAction(facilityId, date);
  const markAll = useMarkAllPresent(facilityId, date);
  const [announcement, setAnnouncement] = useState('');
  const [showEarlier, setShowEarlier] = useState(false);
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const canEdit = permissions.takeAttendance(me);
  const pastDay = compareDates(date, today) < 0;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const setDate = (d: string) => set('date', d === today ? null : d);

  return (
    <Page title="Front desk board" description={`${formatLongDate(date)}${date === today ? ' · today' : pastDay ? ' · past day: changes are corrections' : ''}`}>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Group align="flex-end" gap="sm">
        {choices.length > 1 && (
          <Select label="Facility" data={choices.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={(v) => set('facility', v)} allowDeselect={false} w={260} size="md" />
        )}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Tooltip label="Previous day">
            <ActionIcon variant="default" size={44} aria-label="Previous day" onClick={() => setDate(addDays(date, -1))}>
              <IconChevronLeft aria-hidden />
            </ActionIcon>
          </Tooltip>
          <TextInput label="Day" type="date" value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} size="md" w={180} />
          <Tooltip label="Next day">
            <ActionIcon variant="default" size={44} aria-label="Next day" onClick={() => setDate(addDays(date, 1))}>
              <IconChevronRight aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" size="md" onClick={() => setDate(today)} disabled={date === today}>
            Today
          </Button>
        </Group>
        <Group gap="xs" ml="auto" align="center">
          <Text size="sm" c="dimmed">
            {board.dataUpdatedAt ? `Updated ${new Date(board.dataUpdatedAt).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' })} · refreshes every 30 s` : ''}
          </Text>
          <Tooltip label="Refresh now">
            <ActionIcon variant="default" size={44} aria-label="Refresh the board now" onClick={() => void board.refetch()} loading={board.isFetching}>
              <IconRefresh aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {facilityId === null ? (
        <Card withBorder radius="md">
          <EmptyNote title="No facility">You are not assigned to a facility yet. Ask an administrator.</EmptyNote>
        </Card>
      ) : board.isPending ? (
        <SectionLoader label="Loading the day’s sessions" />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.sessions.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyNote title="No sessions on this day">Groups and individual sessions scheduled at {board.data.facilityName} appear here.</EmptyNote>
        </Card>
      ) : (
        (() => {
          const card = (s: (typeof board.data.sessions)[number]) => (
            <SessionCard
              key={s.sessionId}
              session={s}
              timeZone={board.data.timeZone}
              pastDay={pastDay}
              canEdit={canEdit}
              announce={announce}
              run={(patientId, action) => roster.mutateAsync({ sessionId: s.sessionId, patientId, action })}
              markAll={(reason) => markAll.mutateAsync({ sessionId: s.sessionId, reason })}
            />
          );
          // Today, sessions that ended a while ago fold away so the door sees what is on now.
          const cutoff = Date.now() - FOLD_AFTER_MINUTES * 60_000;
          const earlier = date === today ? board.data.sessions.filter((s) => new Date(s.endsAt).getTime() < cutoff) : [];
          const current = board.data.sessions.filter((s) => !earlier.includes(s));
          const unmarked = earlier.reduce((n, s) => n + s.counts.unmarked, 0);
          return (
            <Stack gap="md">
              {earlier.length > 0 && (
                <Card withBorder radius="md" p={0}>
                  <Button variant="subtle" size="md" fullWidth justify="space-between" h={52} onClick={() => setShowEarlier((v) => !v)} aria-expanded={showEarlier}
                    rightSection={showEarlier ? <IconChevronUp aria-hidden /> : <IconChevronDown aria-hidden />}>
                    Earlier today: {earlier.length} {earlier.length === 1 ? 'session' : 'sessions'}
                    {unmarked > 0 ? ` · ${unmarked} not marked` : ' · all marked'}
                  </Button>
                </Card>
              )}
              {showEarlier && earlier.map(card)}
              {current.length > 0 ? current.map(card) : (
                <Card withBorder radius="md">
                  <EmptyNote title="Nothing more today">Every session today has ended.</EmptyNote>
                </Card>
              )}
            </Stack>
          );
        })()
      )}
    </Page>
  );
}
