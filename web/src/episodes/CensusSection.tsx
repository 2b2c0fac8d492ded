import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { DISCHARGE_REASON_LABELS } from './episode-labels.ts';
import { useCensus } from './useEpisodes.ts';

/** A program's census: who is in it now, by phase and track, and the last 30 days' movement. */
export function CensusSection({ programId }: { programId: string }) {
  const census = useCensus(programId);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="census-heading">
      <Title order={2} size="h4" id="census-heading" mb="sm">
        Census
      </Title>
      {census.isPending ? (
        <SectionLoader label="Loading the census" />
      ) : census.isError ? (
        <ErrorState error={census.error} onRetry={() => void census.refetch()} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Count label="In the program" value={census.data.activeCount} />
            <Count label="Admitted, last 30 days" value={census.data.admittedLast30Days} />
            <Count label="Discharged, last 30 days" value={census.data.dischargedLast30Days.total} />
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Discharge reasons
              </Text>
              {Object.entries(census.data.dischargedLast30Days.byReason).length === 0 ? (
                <Text size="sm">—</Text>
              ) : (
                Object.entries(census.data.dischargedLast30Days.byReason).map(([reason, n]) => (
                  <Text size="sm" key={reason}>
                    {(DISCHARGE_REASON_LABELS as Record<string, string>)[reason] ?? reason}: {n}
                  </Text>
                ))
              )}
            </Stack>
          </SimpleGrid>
          <Group gap="xl" align="flex-start">
            <Breakdown title="By phase" rows={census.data.byPhase.map((p) => [p.phaseName, p.count])} />
            <Breakdown title="By track" rows={census.data.byTrack.map((t) => [t.trackName ?? 'No track', t.count])} />
          </Group>
          {census.data.patients.length > 0 && (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Patient</Table.Th>
                    <Table.Th>MRN</Table.Th>
                    <Table.Th>Phase</Table.Th>
                    <Table.Th>Track</Table.Th>
                    <Table.Th>Primary clinician</Table.Th>
                    <Table.Th>Admitted</Table.Th>
                    <Table.Th ta="right">Day</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {census.data.patients.map((p) => (
                    <Table.Tr key={p.patientId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${p.patientId}`} fw={600}>
                          {p.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ff="monospace">{p.mrn}</Table.Td>
                      <Table.Td>{p.phaseName}</Table.Td>
                      <Table.Td>{p.trackName ?? '—'}</Table.Td>
                      <Table.Td>{p.primaryClinicianName}</Table.Td>
                      <Table.Td>{formatDate(p.admittedOn)}</Table.Td>
                      <Table.Td ta="right">{p.daysInProgram}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

function Breakdown({ title, rows }: { title: string; rows: [string, number][] }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Group gap={6}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          rows.map(([name, n]) => (
            <Badge key={name} variant="light" color="indigo" size="lg" tt="none">
              {name}: {n}
            </Badge>
          ))
        )}
      </Group>
    </Stack>
  );
}
