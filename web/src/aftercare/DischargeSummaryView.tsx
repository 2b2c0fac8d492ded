import { Group, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Fact } from '../shell/Fact.tsx';
import { formatDate, formatHours } from '../time/dates.ts';
import { useInstrumentDefinitions } from '../progress/useProgress.ts';
import type { DischargeSummary, ScorePoint } from './aftercare-types.ts';

/** "16 · Moderately severe · Oct 12, 2026"; instruments without a total (BAM, C-SSRS) show what they have. */
function score(point: ScorePoint | null, severityLabel: (key: string) => string): string {
  if (!point) return '—';
  const parts = [point.score !== null ? String(point.score) : null, point.severity ? severityLabel(point.severity) : null].filter(Boolean);
  return `${parts.length ? parts.join(' · ') : 'Given'} · ${formatDate(point.on)}`;
}

const capitalized = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

/** Admission → discharge in figures: days, hours, attendance, instrument change, goals met. */
export function DischargeSummaryView({ summary: s }: { summary: DischargeSummary }) {
  const definitions = useInstrumentDefinitions();
  const severityLabel = (instrument: string) => (key: string) =>
    definitions.data?.find((d) => d.id === instrument)?.bands.find((b) => b.key === key)?.label ?? capitalized(key);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
        <Fact name="In the program">
          {s.daysInProgram} days
          <Text size="xs" c="dimmed">
            {formatDate(s.admittedOn)} – {formatDate(s.through)}
          </Text>
        </Fact>
        <Fact name="Phase reached">{s.phaseReached.name}</Fact>
        <Fact name="Hours attended">{formatHours(s.hoursAttended)} h</Fact>
        <Fact name="Attendance">
          {s.attendancePercent === null ? '—' : `${Math.round(s.attendancePercent)} %`}
          <Text size="xs" c="dimmed">
            {s.sessionsAttended} of {s.sessionsScheduled} sessions
          </Text>
        </Fact>
        <Fact name="Objectives met">{s.goals.objectivesTotal === 0 ? 'No plan objectives' : `${s.goals.objectivesMet} of ${s.goals.objectivesTotal}`}</Fact>
      </SimpleGrid>
      {s.instruments.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} fz="sm" aria-label="Instrument change from admission">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Instrument</Table.Th>
                <Table.Th>First</Table.Th>
                <Table.Th>Latest</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.instruments.map((i) => (
                <Table.Tr key={i.instrument}>
                  <Table.Td fw={500}>{i.name}</Table.Td>
                  <Table.Td>{score(i.first, severityLabel(i.instrument))}</Table.Td>
                  <Table.Td>{score(i.last, severityLabel(i.instrument))}</Table.Td>
                  <Table.Td ta="right" fw={600} c={i.change === null || i.change === 0 ? undefined : i.change < 0 ? 'teal.8' : 'red.8'}>
                    {i.change === null ? '—' : i.change === 0 ? '0' : `${i.change > 0 ? '+' : '−'}${Math.abs(i.change)}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {s.goals.objectives.length > 0 && (
        <Stack gap={4}>
          {s.goals.objectives.map((o, i) => (
            <Group gap="xs" key={i} wrap="nowrap" align="flex-start">
              <ThemeIcon size={20} radius="xl" color={o.met ? 'teal' : 'gray'} variant={o.met ? 'filled' : 'light'} role="img" aria-label={o.met ? 'Met' : 'Not met'}>
                {o.met ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
              </ThemeIcon>
              <Text size="sm">{o.description}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
