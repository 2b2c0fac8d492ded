import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { Patient, WeeklyHours } from '../api/types.ts';
import { hoursStatus } from '../attendance/attendance-labels.ts';
import { usePatientHours } from '../attendance/useHours.ts';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { Fact } from '../shell/Fact.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatHours, formatWeek } from '../time/dates.ts';

const HoursChart = lazy(() => import('../attendance/HoursChart.tsx').then((m) => ({ default: m.HoursChart })));

/** The weeks from the first one in a program on (as the Hours tab shows them). */
function inProgram(weeks: WeeklyHours[]): WeeklyHours[] {
  const first = weeks.findIndex((w) => w.status !== 'not_in_program');
  return first < 0 ? [] : weeks.slice(first);
}

/**
 * Attendance beside the check-ins and tests: this week against the band, the last weeks'
 * hours (the Hours tab's chart), and how many recent weeks fell short.
 */
export function MonitoringAttendance({ patient, onOpenHours }: { patient: Patient; onOpenHours: () => void }) {
  const facilityId = patient.episodes.find((e) => e.status === 'active')?.facilityId ?? patient.facilityId;
  const today = useFacilityToday(facilityId);
  const hours = usePatientHours(patient.patientId);
  const weeks = hours.data ? inProgram(hours.data) : [];
  const current = weeks.find((w) => today >= w.weekStart && today <= w.weekEnd) ?? null;
  const judged = weeks.filter((w) => w !== current && ['on_track', 'below_minimum', 'above_maximum'].includes(w.status));
  const short = judged.filter((w) => w.status === 'below_minimum').length;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="monitoring-attendance">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="monitoring-attendance">
          Attendance
        </Title>
        <Anchor component="button" type="button" size="sm" fw={600} onClick={onOpenHours}>
          Sessions attended and missed
        </Anchor>
      </Group>
      {hours.isPending ? (
        <SectionLoader label="Loading hours" />
      ) : hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : weeks.length === 0 ? (
        <EmptyNote title="No program weeks yet">Hours are judged against the phase’s band once the patient is admitted.</EmptyNote>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Fact name="This week">
              {current ? (
                <Group gap="xs">
                  <span>
                    {formatHours(current.attendedHours)} h{current.band ? ` of ${current.band.minHoursPerWeek}–${current.band.maxHoursPerWeek} h` : ''}
                  </span>
                  <Badge color={hoursStatus(current.status).color} variant="light" tt="none">
                    {hoursStatus(current.status).label}
                  </Badge>
                </Group>
              ) : (
                '—'
              )}
            </Fact>
            <Fact name="Still scheduled this week">{current ? `${formatHours(current.remainingScheduledHours)} h` : '—'}</Fact>
            <Fact name="Past weeks">
              <Text span size="sm" fw={short > 0 ? 700 : 500} c={short > 0 ? 'red.8' : undefined}>
                {judged.length === 0 ? 'None judged yet' : short === 0 ? `All ${judged.length} within the band` : `${short} of ${judged.length} below the minimum`}
              </Text>
            </Fact>
          </SimpleGrid>
          <Suspense fallback={<SectionLoader label="Loading the chart" />}>
            <HoursChart weeks={weeks} />
          </Suspense>
          {current && (
            <Text size="xs" c="dimmed">
              Week of {formatWeek(current.weekStart, current.weekEnd)} so far. Unexcused absences and sessions left unrecorded raise an alert after the second in a row.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
