import { Badge, Card, Group, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { Patient, WeeklyHours } from '../api/types.ts';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { addDays, formatHours, formatWeek } from '../time/dates.ts';
import { hoursStatus } from './attendance-labels.ts';
import { AttendanceHistory } from './AttendanceHistory.tsx';
import { usePatientHours } from './useHours.ts';

/** recharts is large: it loads with the first chart. */
const HoursChart = lazy(() => import('./HoursChart.tsx').then((m) => ({ default: m.HoursChart })));

/** The weeks from the first one in a program on: the weeks before admission are left out. */
function inProgram(weeks: WeeklyHours[]): WeeklyHours[] {
  const first = weeks.findIndex((w) => w.status !== 'not_in_program');
  return first < 0 ? [] : weeks.slice(first);
}

/** The chart's hours tab: weekly hours against the band, each week's status, and past sessions. */
export function HoursPanel({ patient }: { patient: Patient }) {
  const [span, setSpan] = useState('8');
  const facilityId = patient.episodes.find((e) => e.status === 'active')?.facilityId ?? patient.facilityId;
  const today = useFacilityToday(facilityId);
  const from = span === '8' ? undefined : addDays(today, -7 * (Number(span) - 1));
  const hours = usePatientHours(patient.patientId, from);

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="hours-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="hours-heading">
            Weekly hours
          </Title>
          <SegmentedControl
            aria-label="Weeks shown"
            value={span}
            onChange={setSpan}
            data={[
              { value: '8', label: '8 weeks' },
              { value: '16', label: '16 weeks' },
              { value: '26', label: '6 months' },
            ]}
          />
        </Group>
        {hours.isPending ? (
          <SectionLoader label="Loading hours" />
        ) : hours.isError ? (
          <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
        ) : inProgram(hours.data).length === 0 ? (
          <EmptyNote title="No program weeks yet">Hours are judged against the phase’s band once the patient is admitted.</EmptyNote>
        ) : (
          <Stack gap="md">
            <Suspense fallback={<SectionLoader label="Loading the chart" />}>
              <HoursChart weeks={inProgram(hours.data)} />
            </Suspense>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" aria-label="Hours by week">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Week</Table.Th>
                    <Table.Th>Phase</Table.Th>
                    <Table.Th ta="right">Attended</Table.Th>
                    <Table.Th ta="right">Scheduled</Table.Th>
                    <Table.Th ta="right">Required</Table.Th>
                    <Table.Th ta="right">Days ≥ 3 h</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...inProgram(hours.data)].reverse().map((w) => {
                    const st = hoursStatus(w.status);
                    return (
                      <Table.Tr key={w.weekStart}>
                        <Table.Td>{formatWeek(w.weekStart, w.weekEnd)}</Table.Td>
                        <Table.Td>{w.phaseName ?? '—'}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {formatHours(w.attendedHours)} h
                        </Table.Td>
                        <Table.Td ta="right">{formatHours(w.scheduledHours)} h</Table.Td>
                        <Table.Td ta="right">{w.band ? `${w.band.minHoursPerWeek}–${w.band.maxHoursPerWeek} h` : '—'}</Table.Td>
                        <Table.Td ta="right">
                          {w.daysWithThreeHours}
                          {w.requiredDaysPerWeek !== null && ` of ${w.requiredDaysPerWeek}`}
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={st.hint} disabled={!st.hint}>
                            <Badge color={st.color} variant={['at_risk', 'below_minimum', 'above_maximum'].includes(w.status) ? 'filled' : 'light'} tt="none">
                              {st.label}
                              {w.hoursShort ? ` · ${formatHours(w.hoursShort)} h short` : ''}
                              {w.hoursOver ? ` · ${formatHours(w.hoursOver)} h over` : ''}
                            </Badge>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              A week is judged against the phase in force that week. Partial weeks (admission or discharge within the week) are not judged.
            </Text>
          </Stack>
        )}
      </Card>
      <AttendanceHistory patientId={patient.patientId} facilityId={facilityId} />
    </Stack>
  );
}
