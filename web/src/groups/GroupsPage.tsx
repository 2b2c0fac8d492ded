import { Anchor, Badge, Button, Card, Group, Select, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { WeekPicker } from '../shell/WeekPicker.tsx';
import { addDays, formatTime, todayIn, weekStartOf } from '../time/dates.ts';
import { groupTypeLabel } from './group-labels.ts';
import { describeRule } from './rrule.ts';
import { useCalendar, useGroups } from './useGroups.ts';
import { WeekGrid } from './WeekGrid.tsx';

/** /groups — the facility's week as a calendar, then its groups. */
export function GroupsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const facilities = useFacilities();
  const choices = (facilities.data ?? []).filter((f) => f.active);
  const facilityId = params.get('facility') ?? me.facilities[0]?.facilityId ?? choices[0]?.facilityId ?? null;
  const timeZone = choices.find((f) => f.facilityId === facilityId)?.timeZone;
  const today = todayIn(timeZone);
  const weekStart = weekStartOf(params.get('week') ?? today, 1);
  const weekEnd = addDays(weekStart, 6);
  const includeInactive = params.get('inactive') === '1';
  const calendar = useCalendar(facilityId, weekStart, weekEnd);
  const groups = useGroups(facilityId ?? undefined, includeInactive, facilityId !== null);

  const set = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Groups"
      description="The week’s sessions at the facility. Select a session for its details, to cancel it or to move it."
      actions={
        permissions.schedule(me) && (
          <Button component={Link} to={`/groups/new${facilityId ? `?facilityId=${facilityId}` : ''}`} leftSection={<IconPlus size={18} aria-hidden />}>
            New group
          </Button>
        )
      }
    >
      <Group justify="space-between" align="flex-end">
        <WeekPicker weekStart={weekStart} weekEnd={weekEnd} onChange={(w) => set('week', w)} isThisWeek={today >= weekStart && today <= weekEnd} />
        {choices.length > 1 && (
          <Select label="Facility" data={choices.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={(v) => set('facility', v)} allowDeselect={false} w={260} />
        )}
      </Group>
      {calendar.isPending ? (
        <SectionLoader label="Loading the week" />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <WeekGrid weekStart={weekStart} today={today} sessions={calendar.data} />
      )}

      <Card withBorder padding={0} radius="md" component="section" aria-labelledby="group-list-heading">
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Title order={2} size="h4" id="group-list-heading">
            All groups
          </Title>
          <Switch label="Show inactive" checked={includeInactive} onChange={(e) => set('inactive', e.currentTarget.checked ? '1' : null)} />
        </Group>
        {groups.isPending ? (
          <SectionLoader label="Loading groups" />
        ) : groups.isError ? (
          <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
        ) : groups.data.length === 0 ? (
          <EmptyNote title="No groups yet">Create a recurring group so patients can be enrolled and sessions appear on the board.</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Group</Table.Th>
                  <Table.Th>Meets</Table.Th>
                  <Table.Th>Facilitator</Table.Th>
                  <Table.Th>Seats</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.data.map((g) => (
                  <Table.Tr key={g.groupId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/groups/${g.groupId}`} fw={600}>
                        {g.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {groupTypeLabel(g.groupType)}
                        {g.programName ? ` · ${g.programName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {describeRule(g.rrule)}, {formatTime(g.startTime.slice(0, 5))} ({g.durationMinutes} min)
                    </Table.Td>
                    <Table.Td>{g.facilitatorName}</Table.Td>
                    <Table.Td>
                      {g.enrolledCount}/{g.capacity}
                      {g.waitlistCount > 0 && (
                        <Badge ml="xs" variant="light" color="blue" tt="none">
                          {g.waitlistCount} waiting
                        </Badge>
                      )}
                      {!g.active && (
                        <Badge ml="xs" variant="light" color="gray" tt="none">
                          Inactive
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Page>
  );
}
