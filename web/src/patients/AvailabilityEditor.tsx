import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WEEKDAYS } from '../time/dates.ts';
import { newWindow, type PatientFormValues } from './patient-form.ts';

const DAY_DATA = WEEKDAYS.map((d) => ({ value: String(d.value), label: d.long }));

/** Work and school hours, so groups are not scheduled over them. */
export function AvailabilityEditor({ form }: { form: UseFormReturnType<PatientFormValues> }) {
  const rows = form.values.availability;
  return (
    <Stack gap="sm" component="section" aria-labelledby="availability-heading">
      <Stack gap={2}>
        <Title order={2} size="h4" id="availability-heading">
          Work and school hours
        </Title>
        <Text size="sm" c="dimmed">
          Times the patient is not available. Enrolling in a group that overlaps them asks first.
        </Text>
      </Stack>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          None entered.
        </Text>
      )}
      {rows.map((row, index) => {
        const rowError = form.errors[`availability.${index}`];
        const what = `window ${index + 1}`;
        return (
          <Paper key={row.key} withBorder p="sm" radius="md" role="group" aria-label={`Unavailable ${what}`}>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select label="Day" data={DAY_DATA} allowDeselect={false} w={150} {...form.getInputProps(`availability.${index}.dayOfWeek`)} />
              <TextInput label="From" type="time" w={130} {...form.getInputProps(`availability.${index}.start`)} />
              <TextInput label="Until" type="time" w={130} {...form.getInputProps(`availability.${index}.end`)} />
              <TextInput label="What" placeholder="Work, school, childcare…" style={{ flex: '1 1 160px' }} {...form.getInputProps(`availability.${index}.label`)} />
              <ActionIcon variant="default" size="lg" mt={25} aria-label={`Remove ${what}`} onClick={() => form.removeListItem('availability', index)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            {rowError && (
              <Text size="sm" c="red.8" mt={4} role="alert">
                {rowError}
              </Text>
            )}
          </Paper>
        );
      })}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => {
          const last = rows[rows.length - 1];
          const next = newWindow();
          if (last) Object.assign(next, { dayOfWeek: String((Number(last.dayOfWeek) % 7) + 1), start: last.start, end: last.end, label: last.label });
          form.insertListItem('availability', next);
        }}
      >
        Add a time
      </Button>
    </Stack>
  );
}
