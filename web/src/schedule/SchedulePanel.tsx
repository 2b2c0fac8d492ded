import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { WeekPicker } from '../shell/WeekPicker.tsx';
import { addDays, formatHours, formatCompactTimeRange, formatTime, isoWeekday, todayIn } from '../time/dates.ts';
import { BookSessionDialog } from './BookSessionDialog.tsx';
import { EnrollDialog } from './EnrollDialog.tsx';
import { EnrollmentsList } from './EnrollmentsList.tsx';
import { SessionItem } from './SessionItem.tsx';
import { usePatientSchedule } from './useSchedule.ts';
import classes from './WeekDays.module.css';

/** The chart's schedule tab: the patient's week by day, their unavailable times, and their groups. */
export function SchedulePanel({ patient }: { patient: Patient }) {
  const me = useMe();
  const [weekOf, setWeekOf] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<'enroll' | 'book' | null>(null);
  const schedule = usePatientSchedule(patient.patientId, weekOf);
  const episode = patient.episodes.find((e) => e.status === 'active') ?? null;

  if (schedule.isPending) return <SectionLoader label="Loading the schedule" />;
  if (schedule.isError) return <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const s = schedule.data;
  const today = todayIn(s.timeZone);
  const days = Array.from({ length: 7 }, (_, i) => addDays(s.weekStart, i));
  const scheduledHours = s.scheduledMinutes / 60;

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <WeekPicker weekStart={s.weekStart} weekEnd={s.weekEnd} onChange={setWeekOf} isThisWeek={today >= s.weekStart && today <= s.weekEnd} />
        <Group gap="sm">
          {permissions.enroll(me) && (
            <Button leftSection={<IconUsersPlus size={18} aria-hidden />} onClick={() => setDialog('enroll')} disabled={!episode}>
              Enroll in a group
            </Button>
          )}
          {permissions.schedule(me) && (
            <Button variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setDialog('book')}>
              Book individual session
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" role="status">
        Scheduled this week: <b>{formatHours(scheduledHours)} h</b>
        {episode && (
          <>
            {' '}
            · required {episode.band.minHoursPerWeek}–{episode.band.maxHoursPerWeek} h over {episode.band.requiredDaysPerWeek} days
            {scheduledHours < episode.band.minHoursPerWeek && (
              <Text span c="red.8" fw={600}>
                {' '}
                · {formatHours(episode.band.minHoursPerWeek - scheduledHours)} h short of the minimum even if every session is attended
              </Text>
            )}
          </>
        )}
        {!episode && ' · not admitted to a program, so group enrolment is not available'}
      </Text>
      <div className={classes.week}>
        {days.map((date) => {
          const sessions = s.sessions.filter((x) => x.localDate === date).sort((a, b) => a.localStart.localeCompare(b.localStart));
          const windows = s.availability.filter((w) => w.dayOfWeek === isoWeekday(date));
          return (
            <Card key={date} withBorder padding="xs" radius="md" className={classes.day} data-today={date === today || undefined} component="section" aria-label={dayLabel(date)}>
              <Text size="sm" fw={700} mb={6} c={date === today ? 'indigo.8' : undefined}>
                {dayLabel(date)}
                {date === today && ' · today'}
              </Text>
              <Stack gap={6}>
                {windows.map((w) => (
                  <Text
                    key={`${w.start}-${w.end}`}
                    size="xs"
                    className={classes.unavailable}
                    title={`${w.label || 'Unavailable'}: ${formatTime(w.start)}–${formatTime(w.end)}`}
                  >
                    {w.label || 'Unavailable'} · <span className={classes.nowrap}>{formatCompactTimeRange(w.start, w.end)}</span>
                  </Text>
                ))}
                {sessions.map((x) => (
                  <SessionItem key={x.sessionId} session={x} />
                ))}
                {sessions.length === 0 && windows.length === 0 && (
                  <Text size="xs" c="dimmed">
                    Nothing scheduled
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </div>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="groups-heading">
        <Title order={2} size="h4" id="groups-heading" mb="sm">
          Groups
        </Title>
        <EnrollmentsList patientId={patient.patientId} facilityId={episode?.facilityId ?? patient.facilityId} />
      </Card>
      {dialog === 'enroll' && <EnrollDialog patient={patient} onClose={() => setDialog(null)} />}
      {dialog === 'book' && <BookSessionDialog patient={patient} defaultDate={weekOf && weekOf > today ? weekOf : today} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function dayLabel(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}
