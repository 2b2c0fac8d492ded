import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { moodLabel } from '../checkins/checkin-labels.ts';
import type { Checkin } from '../checkins/checkin-types.ts';
import { CheckinForm } from '../checkins/CheckinForm.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { formatDay, formatLongDate, todayIn } from '../time/dates.ts';
import { usePortalOutletMe } from './usePortal.ts';
import { usePortalCheckins, useSubmitCheckin } from './usePortalCheckins.ts';
import { BackHome } from './BackHome.tsx';

/** /portal/check-in — today's check-in (answering again replaces it), then thanks and the last two weeks. */
export function PortalCheckinPage() {
  const me = usePortalOutletMe();
  const checkins = usePortalCheckins();
  const submit = useSubmitCheckin();
  const [sent, setSent] = useState<Checkin | null>(null);
  usePageTitle(sent ? 'Thank you' : 'Daily check-in');
  const today = todayIn(me.timeZone);

  if (sent) return <Thanks recent={checkins.data?.checkins ?? [sent]} />;

  return (
    <Stack gap="lg">
      <BackHome />
      <Stack gap={4}>
        <Title order={1} size="h2">
          Daily check-in
        </Title>
        <Text c="dimmed">{formatLongDate(today)} · about a minute · for your care team</Text>
      </Stack>
      {checkins.isPending ? (
        <SectionLoader label="Loading" />
      ) : checkins.isError ? (
        <ErrorState error={checkins.error} onRetry={() => void checkins.refetch()} />
      ) : (
        <>
          {checkins.data.today && (
            <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
              You already checked in today. If you send again, these answers replace the earlier ones.
            </Alert>
          )}
          <CheckinForm previous={checkins.data.today} onSubmit={(input) => submit.mutateAsync(input).then((r) => setSent(r.checkin))} />
        </>
      )}
    </Stack>
  );
}

function Thanks({ recent }: { recent: Checkin[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, []);
  const days = [...recent].sort((a, b) => b.checkinOn.localeCompare(a.checkinOn)).slice(0, 7);
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="checkin-thanks">
        <Stack gap="md" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
            <Title order={1} size="h2" id="checkin-thanks" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              Thank you
            </Title>
          </Group>
          <Text size="lg">Your check-in was sent to your care team.</Text>
          <Button component={Link} to="/portal" size="lg" fullWidth>
            Back to my home
          </Button>
        </Stack>
      </Card>
      {days.length > 1 && (
        <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="checkin-recent">
          <Title order={2} size="h3" id="checkin-recent" mb="sm">
            My recent check-ins
          </Title>
          <Table verticalSpacing="xs" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th ta="right">Craving</Table.Th>
                <Table.Th>Mood</Table.Th>
                <Table.Th ta="right">Sleep</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((c) => (
                <Table.Tr key={c.checkinId}>
                  <Table.Td>{formatDay(c.checkinOn)}</Table.Td>
                  <Table.Td ta="right">{c.craving}</Table.Td>
                  <Table.Td>{moodLabel(c.mood)}</Table.Td>
                  <Table.Td ta="right">{c.sleepHours} h</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
