import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Enrollment } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { SPECIALTY_OPTIONS } from '../patients/patient-labels.ts';
import { Fact } from '../shell/Fact.tsx';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatDate, formatDay, formatTime, formatTimeRange } from '../time/dates.ts';
import { groupTypeLabel } from './group-labels.ts';
import { describeRule } from './rrule.ts';
import { useGroup, useGroupRoster } from './useGroups.ts';

/** /groups/:groupId — what the group is, when it meets next, who is in it and who is waiting. */
export function GroupPage() {
  const { groupId } = useParams();
  const me = useMe();
  const group = useGroup(groupId);
  const roster = useGroupRoster(groupId ?? '');
  if (group.isPending) return <SectionLoader label="Loading the group" />;
  if (group.isError) {
    return (
      <Page title="Group" back={{ to: '/groups', label: 'Groups' }}>
        <ErrorState error={group.error} onRetry={() => void group.refetch()} />
      </Page>
    );
  }
  const g = group.data;
  const end = (() => {
    const [h, m] = g.startTime.split(':').map(Number);
    const total = (h ?? 0) * 60 + (m ?? 0) + g.durationMinutes;
    return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  })();
  const enrolled = (roster.data ?? []).filter((e) => e.status === 'enrolled');
  const waiting = (roster.data ?? []).filter((e) => e.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const eligibility = [g.eligiblePopulation && (g.eligiblePopulation === 'adult' ? 'Adults' : 'Adolescents'), g.eligibleGender && (g.eligibleGender === 'women' ? 'Women' : 'Men'), g.eligibleSpecialty && (SPECIALTY_OPTIONS.find((o) => o.value === g.eligibleSpecialty)?.label ?? g.eligibleSpecialty)].filter(Boolean).join(', ');

  return (
    <Page
      title={g.name}
      back={{ to: '/groups', label: 'Groups' }}
      description={`${groupTypeLabel(g.groupType)} at ${g.facilityName}${g.programName ? ` · ${g.programName}` : ''}${g.trackName ? ` · ${g.trackName}` : ''}`}
      actions={
        <>
          <Badge size="lg" variant="light" color={g.active ? 'teal' : 'gray'}>{g.active ? 'Active' : 'Inactive'}</Badge>
          {permissions.schedule(me) && (
            <Button component={Link} to={`/groups/${g.groupId}/edit`} leftSection={<IconPencil size={18} aria-hidden />}>
              Edit group
            </Button>
          )}
        </>
      }
    >
      <Card withBorder padding="lg" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact name="Meets">{describeRule(g.rrule)}</Fact>
          <Fact name="Time">{formatTimeRange(g.startTime.slice(0, 5), end)} ({g.durationMinutes} min)</Fact>
          <Fact name="From">{formatDate(g.startsOn)}{g.endsOn ? ` to ${formatDate(g.endsOn)}` : ', no end date'}</Fact>
          <Fact name="Facilitator">{g.facilitatorName}</Fact>
          <Fact name="Where">{[g.room, g.videoUrl && 'video'].filter(Boolean).join(' and ') || '—'}</Fact>
          <Fact name="Seats">{g.enrolledCount} of {g.capacity} taken{g.waitlistEnabled ? `, ${g.waitlistCount} waiting` : ', no waitlist'}</Fact>
          <Fact name="Eligibility">{eligibility || 'Anyone in the program'}</Fact>
          <Fact name="Topic">{g.topic ?? '—'}</Fact>
        </SimpleGrid>
        {g.nextOccurrences.length > 0 && (
          <Text size="sm" mt="md">
            <b>Next:</b> {g.nextOccurrences.map((o) => `${formatDay(o.slice(0, 10))} ${formatTime(o.slice(11, 16))}`).join(' · ')}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <RosterCard title={`Enrolled (${enrolled.length})`} list={enrolled} loading={roster.isPending} empty="No one enrolled yet. Enroll patients from their chart." />
        <RosterCard title={`Waitlist (${waiting.length})`} list={waiting} loading={roster.isPending} empty={g.waitlistEnabled ? 'No one waiting.' : 'This group keeps no waitlist.'} />
      </SimpleGrid>
    </Page>
  );
}

function RosterCard({ title, list, loading, empty }: { title: string; list: Enrollment[]; loading: boolean; empty: string }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {loading ? (
        <SectionLoader label="Loading" />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {list.map((e) => (
              <Table.Tr key={e.enrollmentId}>
                {e.waitlistPosition !== null && <Table.Td w={40}>#{e.waitlistPosition}</Table.Td>}
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${e.patientId}?tab=schedule`} fw={600}>
                    {e.patientName}
                  </Anchor>
                  {e.overrideReason && <Text size="xs" c="dimmed">Eligibility overridden: {e.overrideReason}</Text>}
                </Table.Td>
                <Table.Td>since {formatDate(e.startsOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
