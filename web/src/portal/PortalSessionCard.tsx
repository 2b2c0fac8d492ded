import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconDoor, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { errorSentence } from '../api/error-messages.ts';
import type { ScheduledSession } from '../api/types.ts';
import { formatTimeRange } from '../time/dates.ts';
import classes from './Portal.module.css';
import { useJoinVideo } from './usePortal.ts';

/** Video opens this many minutes before the start. */
const JOIN_EARLY_MINUTES = 10;

/** One session in the patient's week, with "Join video session" while a telehealth session is starting or under way. */
export function PortalSessionCard({ session: s, now }: { session: ScheduledSession; now: number }) {
  const join = useJoinVideo();
  const [error, setError] = useState<string | null>(null);
  const start = new Date(s.startsAt).getTime();
  const end = new Date(s.endsAt).getTime();
  const cancelled = s.status === 'cancelled';
  const live = !cancelled && now >= start - JOIN_EARLY_MINUTES * 60_000 && now < end;
  const attended = s.attendance && !s.attendance.status.endsWith('absence');

  const open = async () => {
    setError(null);
    // Opened now, while the tap still counts as the person's action, so no pop-up blocker stops it.
    const tab = window.open('', '_blank');
    try {
      const { videoUrl } = await join.mutateAsync(s.sessionId);
      if (tab) {
        tab.opener = null;
        tab.location.href = videoUrl;
      } else {
        window.location.href = videoUrl;
      }
    } catch (e) {
      tab?.close();
      setError(errorSentence(e));
    }
  };

  return (
    <Card withBorder radius="md" padding="md" className={classes.session} data-cancelled={cancelled || undefined} data-now={live || undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700} size="lg" td={cancelled ? 'line-through' : undefined}>
            {formatTimeRange(s.localStart, s.localEnd)}
          </Text>
          {cancelled ? (
            <Badge color="gray" size="lg" tt="none" style={{ flexShrink: 0, maxWidth: 'none' }}>
              Cancelled
            </Badge>
          ) : attended ? (
            <Badge color="teal" size="lg" variant="light" tt="none" style={{ flexShrink: 0, maxWidth: 'none' }}>
              Attended
            </Badge>
          ) : live ? (
            <Badge color="teal" size="lg" tt="none" style={{ flexShrink: 0, maxWidth: 'none' }}>
              Now
            </Badge>
          ) : null}
        </Group>
        <Text size="lg" fw={600} lh={1.3}>
          {s.title}
        </Text>
        <Group gap={6} wrap="nowrap">
          {s.videoUrl ? <IconVideo size={20} aria-hidden /> : <IconDoor size={20} aria-hidden />}
          <Text>
            {s.videoUrl ? (s.room ? `Video or ${s.room}` : 'Video session') : (s.room ?? 'At the clinic')} · with {s.clinicianName}
          </Text>
        </Group>
        {cancelled && s.statusReason && <Text c="dimmed">{s.statusReason}</Text>}
        {s.videoUrl && live && (
          <Button size="lg" color="teal" leftSection={<IconVideo size={22} aria-hidden />} onClick={() => void open()} loading={join.isPending} fullWidth mt={4}>
            Join video session
          </Button>
        )}
        {error && (
          <Text c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
