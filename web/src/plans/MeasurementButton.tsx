import { Button, Group, NumberInput, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormAlert } from '../shell/States.tsx';
import { planErrorSentence } from './plan-errors.ts';
import type { Objective } from './plan-types.ts';
import { useRecordMeasurement } from './usePlan.ts';

/** Record one value of a counted custom objective (e.g. 2 mutual-help meetings this week). */
export function MeasurementButton({ episodeId, objective, today }: { episodeId: string; objective: Objective; today: string }) {
  const record = useRecordMeasurement(episodeId, objective.objectiveId);
  const [opened, setOpened] = useState(false);
  const [measuredOn, setMeasuredOn] = useState(today);
  const [value, setValue] = useState<number | string>(1);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const unit = objective.metric.kind === 'custom' ? objective.metric.unit : '';

  const submit = async () => {
    setError(null);
    try {
      const progress = await record.mutateAsync({ measuredOn, value: Number(value), ...(note.trim() ? { note: note.trim() } : {}) });
      notifications.show({ color: 'teal', title: 'Measurement recorded', message: progress.explanation });
      setOpened(false);
      setNote('');
    } catch (e) {
      setError(planErrorSentence(e));
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button mt="xs" size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpened((o) => !o)}>
          Record {unit || 'measurement'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs" w={260}>
            <NumberInput label={`How many ${unit}`.trim()} min={0} value={value} onChange={setValue} required data-autofocus />
            <TextInput label="On" type="date" value={measuredOn} onChange={(e) => setMeasuredOn(e.currentTarget.value)} required />
            <TextInput label="Note" placeholder="Optional" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <FormAlert message={error} title="Not recorded" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={record.isPending}>
                Record
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
