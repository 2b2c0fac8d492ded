import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { addDays, instantAt } from '../../../src/time/local-time.ts';
import type { Facility } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { ConfirmButton } from '../shell/ConfirmButton.tsx';
import { EmptyNote, ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { useClinicians } from '../staff/useClinicians.ts';
import { todayIn } from '../time/dates.ts';
import { formatMoment } from './alert-labels.ts';
import type { OnCallShift } from './alert-types.ts';
import { useAddShift, useOnCallRoster, useRemoveShift } from './useOnCall.ts';

/**
 * The facility's on-call roster: whoever is on call when a critical alert is raised gets it
 * beside the patient's primary clinician. Alert handlers read it; ON_CALL_MANAGERS keep it.
 */
export function OnCallSection({ facility, canManage }: { facility: Facility; canManage: boolean }) {
  const roster = useOnCallRoster(facility.facilityId);
  const [adding, setAdding] = useState(false);
  const now = Date.now();

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="on-call-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="on-call-heading">
              On-call roster
            </Title>
            <Text size="sm" c="dimmed">
              Critical alerts (suicide risk) go to whoever is on call as well as the primary clinician. Times are the facility’s ({facility.timeZone}).
            </Text>
          </Stack>
          {canManage && !adding && (
            <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
              Add a shift
            </Button>
          )}
        </Group>
        {roster.isPending ? (
          <SectionLoader label="Loading the roster" />
        ) : roster.isError ? (
          <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />
        ) : (
          <>
            <Group gap="xs">
              <IconPhoneCall size={18} aria-hidden />
              <Text size="sm" fw={600}>
                {roster.data.onCallNow.length > 0 ? `On call now: ${roster.data.onCallNow.map((s) => s.fullName).join(', ')}` : 'Nobody is on call right now.'}
              </Text>
            </Group>
            {adding && <AddShiftForm facility={facility} onDone={() => setAdding(false)} />}
            {roster.data.shifts.length === 0 ? (
              <EmptyNote title="No shifts in the next two weeks">{canManage ? 'Add a shift to say who is on call.' : 'A clinical director or administrator keeps the roster.'}</EmptyNote>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" aria-label="On-call shifts, next two weeks">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>On call</Table.Th>
                      <Table.Th>From</Table.Th>
                      <Table.Th>Until</Table.Th>
                      {canManage && <Table.Th aria-label="Actions" />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {roster.data.shifts.map((s) => (
                      <ShiftRow key={s.shiftId} shift={s} timeZone={facility.timeZone} now={now} canManage={canManage} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function ShiftRow({ shift: s, timeZone, now, canManage }: { shift: OnCallShift; timeZone: string; now: number; canManage: boolean }) {
  const remove = useRemoveShift(s.facilityId);
  const current = Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt);
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {s.staff.fullName}
          </Text>
          {current && (
            <Badge color="teal" variant="light" tt="none">
              Now
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{formatMoment(s.startsAt, timeZone)}</Table.Td>
      <Table.Td>{formatMoment(s.endsAt, timeZone)}</Table.Td>
      {canManage && (
        <Table.Td ta="right">
          <ConfirmButton
            variant="subtle"
            size="xs"
            danger
            title="Remove this shift?"
            message={`${s.staff.fullName}, ${formatMoment(s.startsAt, timeZone)} until ${formatMoment(s.endsAt, timeZone)}. Alerts already sent stay with whoever received them.`}
            confirmLabel="Remove shift"
            successMessage="The shift was removed."
            onConfirm={() => remove.mutateAsync(s.shiftId)}
            aria-label={`Remove ${s.staff.fullName}’s shift from ${formatMoment(s.startsAt, timeZone)}`}
          >
            Remove
          </ConfirmButton>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

interface ShiftValues {
  staffId: string | null;
  startsAt: string;
  endsAt: string;
}

/** `datetime-local` values read as the facility's wall clock, whatever the browser's zone. */
function instantOf(local: string, timeZone: string): string {
  const [date = '', time = ''] = local.split('T');
  return instantAt(date, time.slice(0, 5), timeZone).toISOString();
}

function AddShiftForm({ facility, onDone }: { facility: Facility; onDone: () => void }) {
  const clinicians = useClinicians(facility.facilityId);
  const add = useAddShift(facility.facilityId);
  const today = todayIn(facility.timeZone);
  const form = useForm<ShiftValues>({
    // An evening and night on call: 5 PM today to 8 AM tomorrow.
    initialValues: { staffId: null, startsAt: `${today}T17:00`, endsAt: `${addDays(today, 1)}T08:00` },
    validate: {
      staffId: (v) => (v ? null : 'Choose who is on call.'),
      startsAt: (v) => (v ? null : 'Choose when the shift starts.'),
      endsAt: (v, values) => (!v ? 'Choose when the shift ends.' : values.startsAt && v <= values.startsAt ? 'The shift must end after it starts.' : null),
    },
  });
  const { busy, error, submit } = useFormSubmit<ShiftValues>(form, ['staffId', 'startsAt', 'endsAt'], async (v) => {
    const shift = await add.mutateAsync({ staffId: v.staffId!, startsAt: instantOf(v.startsAt, facility.timeZone), endsAt: instantOf(v.endsAt, facility.timeZone) });
    notifications.show({ color: 'teal', title: 'Shift added', message: `${shift.staff.fullName} is on call from ${formatMoment(shift.startsAt, facility.timeZone)}.` });
    onDone();
  });

  return (
    <Card withBorder radius="md" bg="gray.0" component="form" onSubmit={form.onSubmit((v) => void submit(v))} noValidate aria-label="Add an on-call shift">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Who"
            required
            searchable
            data={clinicians.options}
            placeholder={clinicians.isPending ? 'Loading…' : 'Choose a clinician'}
            nothingFoundMessage="No clinical staff at this facility"
            {...form.getInputProps('staffId')}
            data-autofocus
          />
          <TextInput label="From" type="datetime-local" required {...form.getInputProps('startsAt')} />
          <TextInput label="Until" type="datetime-local" required {...form.getInputProps('endsAt')} />
        </SimpleGrid>
        <FormAlert message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add shift
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
