import { Anchor, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatHours, formatWeek } from '../time/dates.ts';
import { hoursStatus } from './attendance-labels.ts';
import { useCompliance } from './useHours.ts';

const ORDER = ['below_minimum', 'at_risk', 'above_maximum'];

/** Home for clinical roles: this week's patients at risk, below the minimum or above the maximum. */
export function ComplianceCard() {
  const me = useMe();
  const [facilityId, setFacilityId] = useState<string | null>(me.facilities[0]?.facilityId ?? null);
  const compliance = useCompliance(facilityId);
  if (!facilityId) return null;
  const patients = [...(compliance.data?.patients ?? [])].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  const count = (s: string) => patients.filter((p) => p.status === s).length;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="compliance-heading">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4" id="compliance-heading">
            This week’s hours
          </Title>
          {compliance.data && (
            <Text size="sm" c="dimmed">
              {formatWeek(compliance.data.weekStart, compliance.data.weekEnd)}
            </Text>
          )}
        </Stack>
        {me.facilities.length > 1 && (
          <Select aria-label="Facility" data={me.facilities.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={setFacilityId} allowDeselect={false} w={240} />
        )}
      </Group>
      {compliance.isPending ? (
        <SectionLoader label="Loading this week’s hours" />
      ) : compliance.isError ? (
        <ErrorState error={compliance.error} onRetry={() => void compliance.refetch()} />
      ) : patients.length === 0 ? (
        <Text size="sm">Everyone in a program is on track this week.</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            {ORDER.map((s) => (
              <Badge key={s} color={hoursStatus(s).color} variant={count(s) ? 'filled' : 'light'} size="lg" tt="none">
                {hoursStatus(s).label}: {count(s)}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Program · phase</Table.Th>
                  <Table.Th ta="right">Attended</Table.Th>
                  <Table.Th ta="right">Still scheduled</Table.Th>
                  <Table.Th ta="right">Band</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {patients.map((p) => {
                  const st = hoursStatus(p.status);
                  return (
                    <Table.Tr key={p.episodeId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${p.patientId}?tab=hours`} fw={600}>
                          {p.name}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {p.mrn}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {p.programName}
                        {p.phaseName ? ` · ${p.phaseName}` : ''}
                      </Table.Td>
                      <Table.Td ta="right">{formatHours(p.attendedHours)} h</Table.Td>
                      <Table.Td ta="right">{formatHours(p.remainingScheduledHours)} h</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{p.minHoursPerWeek !== null ? `${p.minHoursPerWeek}–${p.maxHoursPerWeek} h` : '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={st.color} tt="none">
                          {st.label}
                          {p.hoursShort ? ` · ${formatHours(p.hoursShort)} h short` : ''}
                          {p.hoursOver ? ` · ${formatHours(p.hoursOver)} h over` : ''}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
}
