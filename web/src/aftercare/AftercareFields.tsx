import { ActionIcon, Button, Checkbox, Fieldset, Grid, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WEEKDAYS } from '../time/dates.ts';
import { FELLOWSHIP_LABELS } from './aftercare-labels.ts';
import { type AftercareValues, newMeeting } from './aftercare-form.ts';

const FELLOWSHIP_OPTIONS = Object.entries(FELLOWSHIP_LABELS).map(([value, label]) => ({ value, label }));
const DAY_OPTIONS = WEEKDAYS.map((d) => ({ value: String(d.value), label: d.long }));

/** The aftercare plan's fields, inside a larger form whose values hold them at `aftercare`. */
export function AftercareFields<V extends { aftercare: AftercareValues }>({ form }: { form: UseFormReturnType<V> }) {
  // Mantine's paths are strings; the values are read through the typed object.
  const f = form as unknown as UseFormReturnType<{ aftercare: AftercareValues }>;
  const v = f.getValues().aftercare;
  return (
    <Stack gap="md">
      <Fieldset legend="Outpatient referral" variant="filled" radius="md">
        <Stack gap="sm">
          <Switch label="Referred to outpatient care (therapist, psychiatrist, outpatient program)" {...f.getInputProps('aftercare.hasReferral', { type: 'checkbox' })} />
          {v.hasReferral && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label="Provider" required {...f.getInputProps('aftercare.outpatientReferral.provider')} />
              <TextInput label="Contact" placeholder="Phone or e-mail" {...f.getInputProps('aftercare.outpatientReferral.contact')} />
              <TextInput label="First appointment" type="date" {...f.getInputProps('aftercare.outpatientReferral.appointmentOn')} />
            </SimpleGrid>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Mutual-help meetings" variant="filled" radius="md">
        <Stack gap="sm">
          {v.meetings.length === 0 && (
            <Text size="sm" c="dimmed">
              Add the meetings the patient plans to attend: day, time and place of each (AA, NA, SMART Recovery…).
            </Text>
          )}
          {v.meetings.map((m, i) => (
            <Paper key={m.key} withBorder p="sm" radius="sm">
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Grid gap="sm" style={{ flex: 1 }}>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select label="Group" required data={FELLOWSHIP_OPTIONS} {...f.getInputProps(`aftercare.meetings.${i}.fellowship`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 4 }}>
                    <Select label="Day" required data={DAY_OPTIONS} {...f.getInputProps(`aftercare.meetings.${i}.dayOfWeek`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 4 }}>
                    <TextInput label="Time" type="time" required {...f.getInputProps(`aftercare.meetings.${i}.time`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <TextInput label="Meeting name" placeholder="Tuesday Night Hope" {...f.getInputProps(`aftercare.meetings.${i}.name`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <TextInput label="Where" required placeholder="Address, or “online”" {...f.getInputProps(`aftercare.meetings.${i}.location`)} />
                  </Grid.Col>
                </Grid>
                <ActionIcon variant="subtle" color="red" mt={26} size="lg" aria-label={`Remove meeting ${i + 1}`} onClick={() => f.removeListItem('aftercare.meetings', i)}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Button variant="default" size="xs" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => f.insertListItem('aftercare.meetings', newMeeting())}>
            Add a meeting
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend="Living and community" variant="filled" radius="md">
        <Stack gap="sm">
          <Switch label="Moving to sober living / a recovery residence" {...f.getInputProps('aftercare.hasSoberLiving', { type: 'checkbox' })} />
          {v.hasSoberLiving && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Residence" required {...f.getInputProps('aftercare.soberLiving.name')} />
              <TextInput label="Contact" placeholder="House manager, phone" {...f.getInputProps('aftercare.soberLiving.contact')} />
            </SimpleGrid>
          )}
          <Checkbox label="Enrolled in the alumni program" {...f.getInputProps('aftercare.alumniProgram', { type: 'checkbox' })} />
        </Stack>
      </Fieldset>

      <Textarea
        label="Medication continuity"
        description="Who prescribes from now on, refills, MOUD clinic. Leave empty if none."
        autosize
        minRows={2}
        {...f.getInputProps('aftercare.medicationContinuity')}
      />
      <Textarea
        label="If symptoms come back"
        description="Warning signs, who to call (sponsor, therapist, the clinic), crisis line 988, when to return to a higher level of care."
        required
        autosize
        minRows={3}
        {...f.getInputProps('aftercare.relapsePlan')}
      />
    </Stack>
  );
}
