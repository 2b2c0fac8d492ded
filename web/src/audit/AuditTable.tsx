import { Badge, Code, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../api/types.ts';
import { ACTION_LABELS, ENTITY_LABELS } from './useAudit.ts';

const ACTION_COLORS: Record<string, string> = { login_failed: 'red', delete: 'red', create: 'teal', update: 'indigo', read: 'gray', login: 'blue', logout: 'blue' };

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.eventId}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {e.seq}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{when(e.occurredAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {e.actorName ?? (e.actorRole === 'system' ? 'Cairn (system)' : 'Unknown')}
                </Text>
                {e.actorEmail && (
                  <Text size="xs" c="dimmed">
                    {e.actorEmail}
                  </Text>
                )}
                {e.actorRole && e.actorRole !== 'system' && (
                  <Text size="xs" c="dimmed">
                    as {e.actorRole.replaceAll('_', ' ').replaceAll(',', ', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ minWidth: 140 }}>
                <Badge variant="light" color={ACTION_COLORS[e.action] ?? 'gray'} tt="none">
                  {ACTION_LABELS[e.action] ?? e.action}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ENTITY_LABELS[e.entity] ?? e.entity}</Text>
                {e.entityId && (
                  <Text size="xs" c="dimmed" ff="monospace" title={e.entityId}>
                    {e.entityId.slice(0, 8)}
                  </Text>
                )}
                {e.patientId && (
                  <Text size="xs" ff="monospace" title={e.patientId}>
                    patient {e.patientId.slice(0, 8)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.purpose}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {e.ip ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                {e.details === null || e.details === undefined ? (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {JSON.stringify(e.details)}
                  </Code>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
