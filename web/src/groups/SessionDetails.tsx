import { Anchor, Badge, Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorSentence } from '../api/error-messages.ts';
import type { CalendarSession } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { FormAlert } from '../shell/States.tsx';
import { formatDay, formatTimeRange, minutesOf } from '../time/dates.ts';
import { groupTypeLabel } from './group-labels.ts';
import { useSessionAction } from './useGroups.ts';

/** A session's details in the calendar popover, with cancel and move for schedulers. */
export function SessionDetails({ session: s }: { session: CalendarSession }) {
  const me = useMe();
  const action = useSessionAction();
  const [mode, setMode] = useState<'view' | 'cancel' | 'move'>('view');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(s.localDate);
  const [time, setTime] = useState(s.localStart);
  const [minutes, setMinutes] = useState<number | string>(minutesOf(s.localEnd) - minutesOf(s.localStart));
  const [room, setRoom] = useState(s.room ?? '');
  const cancelled = s.status === 'cancelled';

  const run = async () => {
    try {
      if (mode === 'cancel') await action.mutateAsync({ sessionId: s.sessionId, kind: 'cancel', reason: reason.trim() });
      else await action.mutateAsync({ sessionId: s.sessionId, kind: 'move', date, startTime: time, durationMinutes: Number(minutes), room: room.trim() || null, reason: reason.trim() });
      notifications.show({ color: 'teal', title: mode === 'cancel' ? 'Session cancelled' : 'Session moved', message: `${s.title}, ${formatDay(mode === 'move' ? date : s.localDate)}.` });
      setMode('view');
    } catch {
      // shown below from action.error
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={700}>{s.title}</Text>
      <Text size="sm">
        {formatDay(s.localDate)}, {formatTimeRange(s.localStart, s.localEnd)}
      </Text>
      <Text size="sm" c="dimmed">
        {s.kind === 'group' ? groupTypeLabel(s.groupType) : s.kind === 'family' ? `Family session · ${s.patientName}` : `Individual session · ${s.patientName}`}
        {' · '}
        {s.clinicianName}
        {s.room ? ` · ${s.room}` : ''}
        {s.videoUrl ? ' · video' : ''}
      </Text>
      {s.kind === 'group' && s.enrolledCount !== null && (
        <Text size="sm">
          {s.enrolledCount} of {s.capacity} seats taken
        </Text>
      )}
      <Group gap={4}>
        {cancelled && <Badge color="gray" tt="none">Cancelled{s.statusReason ? `: ${s.statusReason}` : ''}</Badge>}
        {s.moved && <Badge color="blue" variant="light" tt="none">Moved</Badge>}
      </Group>
      {mode === 'view' ? (
        <Group gap="xs" mt={4}>
          {s.groupId && (
            <Anchor component={Link} to={`/groups/${s.groupId}`} size="sm" fw={600}>
              Open group
            </Anchor>
          )}
          {s.patientId && (
            <Anchor component={Link} to={`/patients/${s.patientId}`} size="sm" fw={600}>
              Open chart
            </Anchor>
          )}
          {permissions.schedule(me) && !cancelled && (
            <>
              <Button size="xs" variant="default" onClick={() => setMode('move')}>
                Move
              </Button>
              <Button size="xs" variant="default" color="red" onClick={() => setMode('cancel')}>
                Cancel session
              </Button>
            </>
          )}
        </Group>
      ) : (
        <Stack gap="xs">
          {mode === 'move' && (
            <>
              <Group grow gap="xs">
                <TextInput label="Day" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} size="xs" />
                <TextInput label="Start" type="time" value={time} onChange={(e) => setTime(e.currentTarget.value)} size="xs" />
              </Group>
              <Group grow gap="xs">
                <NumberInput label="Minutes" min={15} max={720} value={minutes} onChange={setMinutes} size="xs" />
                <TextInput label="Room" value={room} onChange={(e) => setRoom(e.currentTarget.value)} size="xs" />
              </Group>
            </>
          )}
          <Textarea label={mode === 'cancel' ? 'Why is it cancelled?' : 'Why is it moved?'} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} size="xs" data-autofocus />
          <FormAlert message={action.isError ? errorSentence(action.error) : null} />
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setMode('view')}>
              Back
            </Button>
            <Button size="xs" color={mode === 'cancel' ? 'red' : undefined} disabled={!reason.trim()} loading={action.isPending} onClick={() => void run()}>
              {mode === 'cancel' ? 'Cancel this session' : 'Move session'}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
