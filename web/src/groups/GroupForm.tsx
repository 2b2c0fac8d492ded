import { Button, Card, Checkbox, Chip, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Facility, Group as GroupRecord, GroupInput } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { SPECIALTY_OPTIONS } from '../patients/patient-labels.ts';
import { usePrograms } from '../programs/usePrograms.ts';
import { FormAlert } from '../shell/States.tsx';
import { useClinicians } from '../staff/useClinicians.ts';
import { todayIn, WEEKDAYS } from '../time/dates.ts';
import { GROUP_TYPE_LABELS } from './group-labels.ts';
import { GROUP_FIELDS, groupValidation, inputOf, rruleOf, valuesOf, type GroupFormValues } from './group-form.ts';
import { describeRule } from './rrule.ts';

interface GroupFormProps {
  group?: GroupRecord;
  facilities: Facility[];
  defaultFacilityId: string | null;
  onSubmit: (input: GroupInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or change a recurring group: who, where, for whom, and when it repeats. */
export function GroupForm({ group, facilities, defaultFacilityId, onSubmit, onCancel }: GroupFormProps) {
  const form = useForm<GroupFormValues>({ initialValues: valuesOf(group, { facilityId: defaultFacilityId, today: todayIn(facilities.find((f) => f.facilityId === (group?.facilityId ?? defaultFacilityId))?.timeZone) }), validate: groupValidation });
  const programs = usePrograms({ facilityId: form.values.facilityId ?? undefined });
  const clinicians = useClinicians(form.values.facilityId);
  const program = programs.data?.find((p) => p.programId === form.values.programId);
  const { busy, error, setError, submit } = useFormSubmit(form, [...GROUP_FIELDS, 'days'], (v: GroupFormValues) => onSubmit(inputOf(v, group !== undefined)), {
    fieldsOnlyMessage: 'Not saved: see the messages beside the fields.',
  });
  const rruleProps = form.getInputProps(form.values.advanced ? 'rrule' : 'days');
  const ruleError = form.errors['rrule'];

  return (
    <form noValidate onSubmit={form.onSubmit((v) => void submit(v), () => setError('Some fields need attention: see the messages beside them.'))}>
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput label="Name" required placeholder="Morning process group" {...form.getInputProps('name')} />
            <Select label="Kind of group" required data={Object.entries(GROUP_TYPE_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('groupType')} />
            <TextInput label="Topic" placeholder="Coping with cravings" {...form.getInputProps('topic')} />
            <Select label="Facility" required data={facilities.map((f) => ({ value: f.facilityId, label: f.name }))} allowDeselect={false} {...form.getInputProps('facilityId')} />
            <Select
              label="Program"
              clearable
              placeholder="Any program at the facility"
              data={(programs.data ?? []).map((p) => ({ value: p.programId, label: p.name }))}
              {...form.getInputProps('programId')}
              onChange={(v) => form.setValues({ programId: v, trackId: null })}
            />
            <Select label="Track" clearable disabled={!program} placeholder="Any track" data={(program?.tracks ?? []).map((t) => ({ value: t.trackId, label: `${t.name} (${t.startsAt}–${t.endsAt})` }))} {...form.getInputProps('trackId')} />
            <Select label="Facilitator" required searchable data={clinicians.options} {...form.getInputProps('facilitatorId')} />
            <TextInput label="Room" {...form.getInputProps('room')} />
            <TextInput label="Video link (telehealth)" placeholder="https://…" {...form.getInputProps('videoUrl')} />
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="who-heading">
          <Title order={2} size="h4" id="who-heading" mb="sm">
            Seats and eligibility
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <NumberInput label="Seats" required min={1} max={100} allowDecimal={false} {...form.getInputProps('capacity')} />
            <Select label="Population" clearable placeholder="Anyone" data={[{ value: 'adult', label: 'Adults' }, { value: 'adolescent', label: 'Adolescents' }]} {...form.getInputProps('eligiblePopulation')} />
            <Select label="Gender" clearable placeholder="Anyone" data={[{ value: 'women', label: 'Women' }, { value: 'men', label: 'Men' }]} {...form.getInputProps('eligibleGender')} />
            <Select label="Specialty population" clearable placeholder="Anyone" data={SPECIALTY_OPTIONS} {...form.getInputProps('eligibleSpecialty')} />
          </SimpleGrid>
          <Switch mt="md" size="md" label="Keep a waitlist when the group is full" {...form.getInputProps('waitlistEnabled', { type: 'checkbox' })} />
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="when-heading">
          <Title order={2} size="h4" id="when-heading" mb="sm">
            When it meets
          </Title>
          <Stack gap="sm">
            {form.values.advanced ? (
              <TextInput label="Repeat rule (RRULE)" description="RFC 5545, without DTSTART. Example: FREQ=WEEKLY;BYDAY=MO,WE,TH" ff="monospace" {...form.getInputProps('rrule')} />
            ) : (
              <Group align="flex-end" gap="lg">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="days-label">
                    Days <span style={{ color: 'var(--mantine-color-error)' }}>*</span>
                  </Text>
                  <Chip.Group multiple value={form.values.days} onChange={(v) => form.setFieldValue('days', v)}>
                    <Group gap={6} role="group" aria-labelledby="days-label">
                      {WEEKDAYS.map((d) => (
                        <Chip key={d.value} value={String(d.value)} aria-label={d.long}>
                          {d.short}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
                <NumberInput label="Every … weeks" min={1} max={8} allowDecimal={false} w={140} {...form.getInputProps('interval')} />
              </Group>
            )}
            {(rruleProps.error || ruleError) && !form.values.advanced && (
              <Text size="sm" c="red.8" role="alert">
                {rruleProps.error ?? ruleError}
              </Text>
            )}
            <Checkbox
              label="Advanced: write the repeat rule myself"
              checked={form.values.advanced}
              onChange={(e) => form.setValues({ advanced: e.currentTarget.checked, rrule: e.currentTarget.checked ? rruleOf(form.values) : form.values.rrule })}
            />
            {!form.values.advanced && form.values.days.length > 0 && (
              <Text size="sm" c="dimmed">
                {describeRule(rruleOf(form.values))} · <span style={{ fontFamily: 'monospace' }}>{rruleOf(form.values)}</span>
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <TextInput label="First day" type="date" required {...form.getInputProps('startsOn')} />
              <TextInput label="Last day" type="date" description="Empty: no end" {...form.getInputProps('endsOn')} />
              <TextInput label="Start time" type="time" required {...form.getInputProps('startTime')} />
              <NumberInput label="Length (minutes)" required min={15} max={720} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            </SimpleGrid>
            {group && <Switch size="md" label="Active (inactive groups have no future sessions)" {...form.getInputProps('active', { type: 'checkbox' })} />}
          </Stack>
        </Card>

        <FormAlert message={error} />
        <Group>
          <Button type="submit" size="md" loading={busy}>
            {group ? 'Save group' : 'Create group'}
          </Button>
          <Button variant="default" size="md" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
