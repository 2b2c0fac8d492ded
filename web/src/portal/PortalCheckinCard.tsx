import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconMessageCircleHeart } from '@tabler/icons-react';
import { Link } from 'react-router';
import { cravingWords, moodLabel } from '../checkins/checkin-labels.ts';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays } from '../time/dates.ts';
import { usePortalCheckins } from './usePortalCheckins.ts';

/** Home: today's check-in, a tap away, or done for today with what was sent. */
export function PortalCheckinCard({ today }: { today: string }) {
  const checkins = usePortalCheckins();
  const done = checkins.data?.today ?? null;
  const weekAgo = addDays(today, -6);
  const thisWeek = (checkins.data?.checkins ?? []).filter((c) => c.checkinOn >= weekAgo && c.checkinOn <= today).length;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="daily-checkin">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h3" id="daily-checkin">
            Daily check-in
          </Title>
          {done && (
            <ThemeIcon color="teal" variant="light" size="lg" radius="xl" aria-hidden>
              <IconCircleCheck size={22} />
            </ThemeIcon>
          )}
        </Group>
        {checkins.isPending ? (
          <SectionLoader label="Loading your check-ins" />
        ) : checkins.isError ? (
          <ErrorState error={checkins.error} onRetry={() => void checkins.refetch()} />
        ) : done ? (
          <>
            <Text>
              Done for today, thank you. You said: craving {done.craving} ({cravingWords(done.craving).toLowerCase()}), mood {moodLabel(done.mood).toLowerCase()}, {done.sleepHours} hours of sleep.
            </Text>
            {thisWeek > 1 && <Text c="dimmed">You checked in on {thisWeek} of the last 7 days.</Text>}
            <Button component={Link} to="/portal/check-in" variant="default" size="lg" fullWidth>
              Change today’s answers
            </Button>
          </>
        ) : (
          <>
            <Text>How are you today? Six quick questions about cravings, mood, sleep and medication. Your care team reads them.</Text>
            <Button component={Link} to="/portal/check-in" size="lg" fullWidth leftSection={<IconMessageCircleHeart size={22} aria-hidden />}>
              Check in for today
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
