import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import type { ScheduledSession } from '../api/types.ts';
import { attendanceLabel } from '../attendance/attendance-labels.ts';
import { formatCompactTimeRange, formatTimeRange } from '../time/dates.ts';

/** One session in a patient's week: time, what, where, with whom, and how it went. */
export function SessionItem({ session: s }: { session: ScheduledSession }) {
  const cancelled = s.status === 'cancelled';
  const att = s.attendance ? attendanceLabel(s.attendance.status) : null;
  return (
    <Paper withBorder p="xs" radius="sm" bg={cancelled ? 'gray.0' : s.kind === 'group' ? 'indigo.0' : 'teal.0'}>
      <Stack gap={2}>
        <Text size="xs" fw={700} c={cancelled ? 'dimmed' : undefined} td={cancelled ? 'line-through' : undefined} title={formatTimeRange(s.localStart, s.localEnd)}>
          {formatCompactTimeRange(s.localStart, s.localEnd)}
        </Text>
        <Text size="sm" fw={600} lh={1.25} td={cancelled ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {s.title}
        </Text>
        <Text size="xs" c="dimmed">
          {s.kind !== 'group' ? `${s.kind === 'family' ? 'Family' : 'Individual'} · ` : ''}
          {s.clinicianName}
        </Text>
        {(s.room || s.videoUrl) && (
          <Group gap={4}>
            {s.videoUrl && <IconVideo size={14} aria-label="Video session" />}
            <Text size="xs" c="dimmed">
              {s.room ?? 'Video'}
            </Text>
          </Group>
        )}
        <Group gap={4}>
          {cancelled && (
            <Badge size="sm" color="gray" variant="light" tt="none">
              Cancelled{s.statusReason ? `: ${s.statusReason}` : ''}
            </Badge>
          )}
          {s.moved && !cancelled && (
            <Badge size="sm" color="blue" variant="light" tt="none">
              Moved
            </Badge>
          )}
        </Group>
        {att && s.attendance && (
          <Text size="xs" fw={700} c={`${att.color}.9`}>
            {att.label}
            {s.attendance.minutesAttended > 0 ? ` · ${s.attendance.minutesAttended} min` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
