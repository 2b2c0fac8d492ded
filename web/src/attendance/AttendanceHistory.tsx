import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SectionLoader } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { addDays, formatDay, formatInstantTime, formatTime } from '../time/dates.ts';
import { attendanceLabel } from './attendance-labels.ts';
import { useScheduleWeeks } from './useHours.ts';

const METHOD: Record<string, string> = { front_desk: 'Front desk', roster: 'Roster', telehealth: 'Video', staff_entry: 'Staff entry' };

/** Past sessions, newest first, with what was recorded for each. */
export function AttendanceHistory({ patientId, facilityId }: { patientId: string; facilityId?: string }) {
  const [weeks, setWeeks] = useState(2);
  const today = useFacilityToday(facilityId);
  const now = Date.now();
  const weeksOf = Array.from({ length: weeks }, (_, i) => addDays(today, -7 * i));
  const results = useScheduleWeeks(patientId, weeksOf);
  const loading = results.some((r) => r.isPending);
  const timeZone = results.find((r) => r.data)?.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const seen = new Set<string>();
  const sessions = results
    .flatMap((r) => r.data?.sessions ?? [])
    .filter((s) => new Date(s.startsAt).getTime() <= now && !seen.has(s.sessionId) && seen.add(s.sessionId))
    .sort((a, b) => b.localDate.localeCompare(a.localDate) || b.localStart.localeCompare(a.localStart));

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="attendance-heading">
      <Title order={2} size="h4" id="attendance-heading" mb="sm">
        Attendance history
      </Title>
      {loading && sessions.length === 0 ? (
        <SectionLoader label="Loading attendance" />
      ) : sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions in the last {weeks} weeks.
        </Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Session</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Minutes</Table.Th>
                  <Table.Th>In / out</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.map((s) => {
                  const a = s.attendance;
                  const st = a ? attendanceLabel(a.status) : null;
                  return (
                    <Table.Tr key={s.sessionId}>
                      <Table.Td>{formatDay(s.localDate)}</Table.Td>
                      <Table.Td>{formatTime(s.localStart)}</Table.Td>
                      <Table.Td>
                        {s.title}
                        <Text size="xs" c="dimmed">
                          {s.clinicianName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {s.status === 'cancelled' ? (
                          <Badge color="gray" variant="outline" tt="none">
                            Session cancelled
                          </Badge>
                        ) : st ? (
                          <Badge color={st.color} variant="light" tt="none">
                            {st.label}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not recorded
                          </Text>
                        )}
                        {a?.correctionReason && (
                          <Text size="xs" c="dimmed">
                            Corrected: {a.correctionReason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{a ? a.minutesAttended : '—'}</Table.Td>
                      <Table.Td>
                        {a && (a.checkedInAt || a.checkedOutAt) ? `${formatInstantTime(a.checkedInAt, timeZone)} – ${formatInstantTime(a.checkedOutAt, timeZone)}` : '—'}
                        {a && (
                          <Text size="xs" c="dimmed">
                            {METHOD[a.method] ?? a.method}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Button variant="default" w="fit-content" onClick={() => setWeeks((w) => w + 4)} loading={loading}>
            Show 4 earlier weeks
          </Button>
        </Stack>
      )}
    </Card>
  );
}
