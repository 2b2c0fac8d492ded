import { Button, Group, Modal, Progress, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Episode } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import { useFacilityTimeZone } from '../facilities/useFacilityToday.ts';
import { addDays, formatDate, localDateOf } from '../time/dates.ts';
import { useExtendStay } from './useEpisodes.ts';

/** The server's limit: an expected discharge at most two years after admission. */
const MAX_STAY_DAYS = 730;

/** "Day 23 of 90": where the patient is in the expected stay, with the extensions that moved it. */
export function LengthOfStay({ episode, canExtend }: { episode: Episode; canExtend: boolean }) {
  const [extending, setExtending] = useState(false);
  const timeZone = useFacilityTimeZone(episode.facilityId) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const los = episode.lengthOfStay;
  const overdue = los.overdueBy > 0;
  const percent = Math.min(100, Math.round((los.dayOfStay / Math.max(1, los.expectedDays)) * 100));

  return (
    <Stack gap={6} aria-label="Length of stay">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Length of stay
          </Text>
          <Text fw={700} data-testid="length-of-stay">
            Day {los.dayOfStay} of {los.expectedDays}
            <Text span fw={500} c={overdue ? 'red.8' : 'dimmed'} size="sm">
              {' · '}
              {overdue
                ? `${los.overdueBy} ${los.overdueBy === 1 ? 'day' : 'days'} past the expected discharge (${formatDate(episode.expectedDischargeOn)})`
                : los.daysRemaining === 0
                  ? 'expected discharge today'
                  : `${los.daysRemaining} ${los.daysRemaining === 1 ? 'day' : 'days'} remaining · expected discharge ${formatDate(episode.expectedDischargeOn)}`}
            </Text>
          </Text>
        </Stack>
        {canExtend && (
          <Button size="xs" variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setExtending(true)}>
            Extend stay
          </Button>
        )}
      </Group>
      <Progress value={percent} color={overdue ? 'red' : percent >= 85 ? 'orange' : 'teal'} size="lg" radius="xl" aria-label={`Day ${los.dayOfStay} of ${los.expectedDays} expected days`} />
      {episode.extensions.length > 0 && (
        <Stack gap={2}>
          {episode.extensions.map((x) => (
            <Text size="xs" c="dimmed" key={x.createdAt}>
              Extended {formatDate(localDateOf(new Date(x.createdAt), timeZone))} by {x.extendedBy.fullName}: {formatDate(x.previousExpectedOn)} → {formatDate(x.newExpectedOn)}. {x.reason}
            </Text>
          ))}
        </Stack>
      )}
      <Modal opened={extending} onClose={() => setExtending(false)} title={<Text fw={700}>Extend the expected stay</Text>} centered>
        <ExtendStayForm episode={episode} onDone={() => setExtending(false)} />
      </Modal>
    </Stack>
  );
}

interface Values {
  newExpectedOn: string;
  reason: string;
}

function ExtendStayForm({ episode, onDone }: { episode: Episode; onDone: () => void }) {
  const extend = useExtendStay(episode.patientId, episode.episodeId);
  const earliest = addDays(episode.expectedDischargeOn, 1);
  const latest = addDays(episode.admittedOn, MAX_STAY_DAYS);
  const form = useForm<Values>({
    initialValues: { newExpectedOn: addDays(episode.expectedDischargeOn, 14), reason: '' },
    validate: {
      newExpectedOn: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v)
          ? 'Enter the new expected discharge date.'
          : v < earliest
            ? `Choose a day after the current expected discharge (${formatDate(episode.expectedDischargeOn)}).`
            : v > latest
              ? `A stay can run at most two years: choose ${formatDate(latest)} or earlier.`
              : null,
      reason: (v) => (v.trim() ? null : 'Say why the stay is extended.'),
    },
  });
  const { busy, error, submit } = useFormSubmit(form, ['newExpectedOn', 'reason'], async (v: Values) => {
    await extend.mutateAsync({ newExpectedOn: v.newExpectedOn, reason: v.reason.trim() });
    notifications.show({ color: 'teal', title: 'Stay extended', message: `Expected discharge now ${formatDate(v.newExpectedOn)}.` });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Currently expected to leave {formatDate(episode.expectedDischargeOn)} (day {episode.lengthOfStay.expectedDays}).
        </Text>
        <TextInput label="New expected discharge" type="date" required min={earliest} max={latest} data-autofocus {...form.getInputProps('newExpectedOn')} />
        <Textarea label="Reason" required placeholder="Not yet meeting phase criteria; PHQ-9 still moderate…" autosize minRows={2} {...form.getInputProps('reason')} />
        <FormAlert message={error} title="Not extended" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Extend stay
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
