import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconChecks, IconDoor, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { errorSentence } from '../api/error-messages.ts';
import type { BoardSession, RosterEntry } from '../api/types.ts';
import { formatTimeRange } from '../time/dates.ts';
import { RosterRow } from './RosterRow.tsx';
import type { RosterAction } from './useBoard.ts';
import classes from './Board.module.css';

interface SessionCardProps {
  session: BoardSession;
  timeZone: string;
  pastDay: boolean;
  canEdit: boolean;
  run: (patientId: string, action: RosterAction) => Promise<RosterEntry>;
  markAll: (reason?: string) => Promise<unknown>;
  announce: (message: string) => void;
}

/** A session on the board: when, what, where, who leads it, its counts, and its roster. */
export function SessionCard({ session: s, timeZone, pastDay, canEdit, run, markAll, announce }: SessionCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancelled = s.status === 'cancelled';
  const headingId = `session-${s.sessionId}`;

  const doMarkAll = async (why?: string) => {
    setBusy(true);
    setError(null);
    try {
      await markAll(why);
      announce(`${s.title}: everyone not yet marked is now present.`);
    } catch (e) {
      setError(errorSentence(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby={headingId} opacity={cancelled ? 0.75 : 1}>
      <Group justify="space-between" align="flex-start" p="md" gap="sm" bg={cancelled ? 'gray.1' : 'gray.0'}>
        <Stack gap={4} style={{ flex: '1 1 300px' }}>
          <Text fw={700} size="lg" c="indigo.9">
            {formatTimeRange(s.localStart, s.localEnd)}
            {s.moved && (
              <Badge ml="xs" variant="light" color="blue" tt="none" style={{ verticalAlign: 2 }}>
                Moved
              </Badge>
            )}
          </Text>
          <Title order={2} size="h3" id={headingId} td={cancelled ? 'line-through' : undefined}>
            {s.title}
          </Title>
          <Group gap="md">
            {s.room && (
              <Group gap={4}>
                <IconDoor size={18} aria-hidden />
                <Text size="sm">{s.room}</Text>
              </Group>
            )}
            {s.videoUrl && (
              <Group gap={4}>
                <IconVideo size={18} aria-hidden />
                <Text size="sm">Video available</Text>
              </Group>
            )}
            <Text size="sm">With {s.clinicianName}</Text>
          </Group>
        </Stack>
        <Stack gap="xs" align="flex-end">
          {cancelled ? (
            <Badge color="gray" size="lg" tt="none">
              Cancelled{s.statusReason ? `: ${s.statusReason}` : ''}
            </Badge>
          ) : (
            <Group gap={6} aria-label="Counts">
              <Badge size="lg" variant="light" color="gray" tt="none">{s.counts.expected} expected</Badge>
              <Badge size="lg" variant="light" color="teal" tt="none">{s.counts.present} here</Badge>
              {s.counts.absent > 0 && <Badge size="lg" variant="light" color="red" tt="none">{s.counts.absent} absent</Badge>}
              {s.counts.unmarked > 0 && <Badge size="lg" variant="outline" color="gray" tt="none">{s.counts.unmarked} not marked</Badge>}
            </Group>
          )}
          {canEdit && !cancelled && s.counts.unmarked > 0 && (
            <Button size="md" variant="light" leftSection={<IconChecks size={20} aria-hidden />} loading={busy} onClick={() => (pastDay ? setAsking(true) : void doMarkAll())}>
              Mark all present
            </Button>
          )}
        </Stack>
      </Group>
      {error && (
        <Text c="red.8" size="sm" px="md" pb="sm" role="alert">
          {error}
        </Text>
      )}
      {s.roster.length === 0 ? (
        <Text c="dimmed" size="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          {s.kind === 'group' ? 'No one is enrolled in this group on this day.' : 'No patient on this session.'}
        </Text>
      ) : (
        <div role="list" aria-label={`Roster for ${s.title}`} className={classes.roster}>
          {s.roster.map((entry) => (
            <div role="listitem" key={entry.patientId}>
              <RosterRow session={s} entry={entry} timeZone={timeZone} pastDay={pastDay} canEdit={canEdit} run={(action) => run(entry.patientId, action)} announce={announce} />
            </div>
          ))}
        </div>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={<Text fw={700}>Mark all present: {s.title}</Text>} centered>
        <Stack gap="sm">
          <Text size="sm">The session’s day is over, so marking attendance now is a correction. Say why.</Text>
          <Textarea label="Reason" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button
              disabled={!reason.trim()}
              onClick={() => {
                setAsking(false);
                void doMarkAll(reason.trim());
              }}
            >
              Mark all present
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
