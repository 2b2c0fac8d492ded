import { Anchor, Badge, Blockquote, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowUpRight, IconCheck, IconChecklist, IconClockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorSentence } from '../api/error-messages.ts';
import { FormAlert } from '../shell/States.tsx';
import { RECIPIENT_REASON, SEVERITY, alertSourceLink, alertSummary, dueText, formatMoment } from './alert-labels.ts';
import type { AlertView } from './alert-types.ts';
import { useAcknowledgeAlert } from './useAlerts.ts';

interface AlertCardProps {
  alert: AlertView;
  now: number;
  /** The inbox names the patient; on the chart the patient is already known. */
  showPatient: boolean;
  /** ALERT_HANDLERS may acknowledge and resolve (any of them at the facility, not only recipients). */
  canAct: boolean;
  onResolve: (alert: AlertView) => void;
}

/** One alert: how serious, how urgent, what happened, who has it, and the next step. */
export function AlertCard({ alert: a, now, showPatient, canAct, onResolve }: AlertCardProps) {
  const acknowledge = useAcknowledgeAlert();
  const severity = SEVERITY[a.severity];
  const source = alertSourceLink(a);
  const unresolved = a.state !== 'resolved';
  const late = unresolved && (a.overdue || Date.parse(a.dueBy) <= now);
  const heading = showPatient ? `${a.title}: ${a.patient.displayName}` : a.title;
  // On the chart, a link to the chart's own Monitoring tab would go nowhere.
  const showSource = showPatient || !source.to.endsWith('?tab=monitoring');

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={`${severity.label}: ${heading}`}
      // Resolved alerts keep their severity badge but no longer shout.
      style={{ borderLeft: `5px solid var(--mantine-color-${unresolved ? severity.color : 'gray'}-${!unresolved || a.severity === 'low' ? 4 : 7})` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap={6}>
            <Badge color={severity.color} variant={severity.variant} tt="none" size="lg">
              {severity.label}
            </Badge>
            {unresolved && (
              <Badge color={late ? 'red' : 'gray'} variant={late ? 'light' : 'outline'} tt="none" size="lg" leftSection={late ? <IconClockExclamation size={14} aria-hidden /> : undefined}>
                {dueText(a, now)}
              </Badge>
            )}
            {a.escalatedAt && (
              <Badge color="grape" variant="light" tt="none" size="lg" leftSection={<IconArrowUpRight size={14} aria-hidden />}>
                Escalated
              </Badge>
            )}
            {a.state === 'acknowledged' && (
              <Badge color="indigo" variant="light" tt="none" size="lg">
                Acknowledged
              </Badge>
            )}
            {a.state === 'resolved' && (
              <Badge color="teal" variant="light" tt="none" size="lg">
                Resolved
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Raised {formatMoment(a.raisedAt)}
          </Text>
        </Group>

        <Stack gap={2}>
          <Text fw={700} size="lg" component="h3" m={0}>
            {a.title}
          </Text>
          {showPatient && (
            <Group gap="xs">
              <Anchor component={Link} to={`/patients/${a.patient.patientId}?tab=monitoring`} fw={600}>
                {a.patient.displayName}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                MRN {a.patient.mrn}
              </Text>
            </Group>
          )}
        </Stack>
        <Text size="sm">{alertSummary(a)}</Text>

        {a.resolved && (
          <Stack gap={4}>
            <Text size="sm">
              Resolved by <b>{a.resolved.by.fullName}</b>, {formatMoment(a.resolved.at)}
            </Text>
            <Blockquote p="xs" radius="sm" color="teal" fz="sm" style={{ whiteSpace: 'pre-line' }}>
              {a.resolved.note}
            </Blockquote>
          </Stack>
        )}

        <FormAlert message={acknowledge.error ? errorSentence(acknowledge.error) : null} title="Not acknowledged" />

        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            {a.recipients.length > 0 && (
              <Text size="sm" c="dimmed">
                For {a.recipients.map((r) => `${r.fullName} (${RECIPIENT_REASON[r.reason] ?? r.reason})`).join(', ')}
              </Text>
            )}
            {a.acknowledged && (
              <Text size="sm">
                Acknowledged by <b>{a.acknowledged.by.fullName}</b>, {formatMoment(a.acknowledged.at)}
              </Text>
            )}
          </Stack>
          <Group gap="sm" justify="flex-end" ml="auto">
            {showSource && (
              <Button component={Link} to={source.to} variant="subtle">
                {source.label}
              </Button>
            )}
            {canAct && a.state === 'open' && (
              <Button leftSection={<IconCheck size={18} aria-hidden />} loading={acknowledge.isPending} onClick={() => acknowledge.mutate(a.alertId)} aria-label={`Acknowledge: ${heading}`}>
                Acknowledge
              </Button>
            )}
            {canAct && a.state === 'acknowledged' && (
              <Button color="teal" leftSection={<IconChecklist size={18} aria-hidden />} onClick={() => onResolve(a)} aria-label={`Resolve: ${heading}`}>
                Resolve…
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
