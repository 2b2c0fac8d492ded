import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import type { PortalMe, WeeklyHours } from '../api/types.ts';
import { hoursStatus } from '../attendance/attendance-labels.ts';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { WeekPicker } from '../shell/WeekPicker.tsx';
import { addDays, formatHours, formatLongDate, todayIn } from '../time/dates.ts';
import { PortalCheckinCard } from './PortalCheckinCard.tsx';
import { PortalPlanCard } from './PortalPlanCard.tsx';
import { PortalQuestionnairesCard } from './PortalQuestionnairesCard.tsx';
import { PortalSessionCard } from './PortalSessionCard.tsx';
import { usePortalHours, usePortalSchedule } from './usePortal.ts';

/**
 * /portal — what the care team asks of the patient now (today's check-in, questionnaires, a plan to sign),
 * progress toward their goals, their hours so far against the minimum and their week by day.
 */
export function PortalHomePage({ me }: { me: PortalMe }) {
  usePageTitle('My week');
  const [weekOf, setWeekOf] = useState<string | undefined>(undefined);
  const schedule = usePortalSchedule(weekOf, true);
  const hours = usePortalHours(true);
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });
  const today = todayIn(me.timeZone);
  const name = me.preferredName ?? me.givenName;

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Hello, {name}
        </Title>
        <Text c="dimmed">{me.facilityName}</Text>
      </Stack>
      <PortalCheckinCard today={today} />
      <PortalQuestionnairesCard today={today} />
      <PortalPlanCard />
      {hours.data && <HoursCard week={hours.data.find((w) => today >= w.weekStart && today <= w.weekEnd) ?? hours.data[hours.data.length - 1]} />}
      {schedule.isPending ? (
        <SectionLoader label="Loading your schedule" />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h3">
              My schedule
            </Title>
            <WeekPicker weekStart={schedule.data.weekStart} weekEnd={schedule.data.weekEnd} onChange={setWeekOf} isThisWeek={today >= schedule.data.weekStart && today <= schedule.data.weekEnd} />
          </Group>
          {Array.from({ length: 7 }, (_, i) => addDays(schedule.data.weekStart, i)).map((day) => {
            const sessions = schedule.data.sessions.filter((s) => s.localDate === day).sort((a, b) => a.localStart.localeCompare(b.localStart));
            if (sessions.length === 0) return null;
            return (
              <Stack key={day} gap="xs" component="section" aria-label={formatLongDate(day)}>
                <Title order={3} size="h4" c={day === today ? 'indigo.8' : undefined}>
                  {day === today ? 'Today · ' : ''}
                  {new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}
                </Title>
                {sessions.map((s) => (
                  <PortalSessionCard key={s.sessionId} session={s} now={now} />
                ))}
              </Stack>
            );
          })}
          {schedule.data.sessions.length === 0 && <Text c="dimmed">Nothing is scheduled this week.</Text>}
        </Stack>
      )}
    </Stack>
  );
}

function HoursCard({ week }: { week: WeeklyHours | undefined }) {
  if (!week || !week.band) return null;
  const min = week.band.minHoursPerWeek;
  const pct = Math.min(100, (week.attendedHours / Math.max(min, 0.1)) * 100);
  const left = Math.max(0, min - week.attendedHours);
  const st = hoursStatus(week.status);
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="my-hours">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-hours">
          My hours this week
        </Title>
        <Text size="xl" fw={700}>
          {formatHours(week.attendedHours)} of {formatHours(min)} hours
        </Text>
        <Progress value={pct} size="xl" radius="xl" color={pct >= 100 ? 'teal' : st.color === 'red' || st.color === 'orange' ? 'orange' : 'indigo'} aria-label={`${formatHours(week.attendedHours)} of ${formatHours(min)} hours attended this week`} />
        <Text>
          {left > 0
            ? `${formatHours(left)} more ${left === 1 ? 'hour' : 'hours'} to reach your weekly minimum. ${week.remainingScheduledHours > 0 ? `You have ${formatHours(week.remainingScheduledHours)} hours of sessions left this week.` : ''}`
            : 'You have reached your weekly minimum. Well done.'}
        </Text>
      </Stack>
    </Card>
  );
}
