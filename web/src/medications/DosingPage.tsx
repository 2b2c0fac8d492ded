import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDots, IconPill } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilityChoice } from '../drugtests/useFacilityChoice.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, compareDates, formatInstantTime, formatLongDate, todayIn } from '../time/dates.ts';
import { DoseDialog } from './DoseDialog.tsx';
import { ADDICTION_LABELS, DOSE_OUTCOME_LABELS, ROUTE_LABELS } from './medication-labels.ts';
import type { DoseDue, DoseOutcome } from './medication-types.ts';
import { useDosingDay } from './useMedications.ts';

/** /dosing — the day's observed doses at a facility, one row per patient medication, each recorded once. */
export function DosingPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { choices, facilityId, timeZone, setFacility } = useFacilityChoice();
  const today = todayIn(timeZone);
  const date = params.get('date') ?? today;
  const day = useDosingDay(facilityId, date);
  const [recording, setRecording] = useState<{ due: DoseDue; outcome: DoseOutcome } | null>(null);
  const canRecord = permissions.recordDoses(me);
  const future = compareDates(date, today) > 0;

  const setDate = (d: string) => {
    const next = new URLSearchParams(params);
    if (d === today) next.delete('date');
    else next.set('date', d);
    setParams(next, { replace: true });
  };

  const doses = day.data?.doses ?? [];
  const left = doses.filter((d) => !d.recorded).length;

  return (
    <Page
      title="Observed dosing"
      description={`${formatLongDate(date)}${date === today ? ' · today' : future ? ' · a future day: nothing can be recorded yet' : ' · a past day'}`}
      actions={
        choices.length > 1 ? (
          <Select aria-label="Facility" data={choices.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={setFacility} allowDeselect={false} w={240} />
        ) : undefined
      }
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Tooltip label="Previous day">
          <ActionIcon variant="default" size={36} aria-label="Previous day" onClick={() => setDate(addDays(date, -1))}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <TextInput aria-label="Day" type="date" value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} w={170} />
        <Tooltip label="Next day">
          <ActionIcon variant="default" size={36} aria-label="Next day" onClick={() => setDate(addDays(date, 1))}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" onClick={() => setDate(today)} disabled={date === today}>
          Today
        </Button>
        {day.data && doses.length > 0 && (
          <Badge size="lg" variant={left ? 'filled' : 'light'} color={left ? 'blue' : 'teal'} tt="none" ml="sm">
            {left ? `${left} of ${doses.length} to record` : 'All recorded'}
          </Badge>
        )}
      </Group>
      {!facilityId ? (
        <EmptyNote title="No facility">You are not assigned to a facility. Ask an administrator to assign you.</EmptyNote>
      ) : day.isPending ? (
        <SectionLoader label="Loading the day’s doses" />
      ) : day.isError ? (
        <ErrorState error={day.error} onRetry={() => void day.refetch()} />
      ) : doses.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyNote title="No observed doses due">No patient in a program here has a medication dispensed under observation on this day.</EmptyNote>
        </Card>
      ) : (
        <Card withBorder padding={0} radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Observed doses due">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Medication</Table.Th>
                  <Table.Th>Recorded</Table.Th>
                  {canRecord && <Table.Th ta="right">Record</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {doses.map((d) => (
                  <Table.Tr key={d.medicationId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${d.patient.patientId}`} fw={600} size="sm">
                        {d.patient.displayName}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {d.patient.mrn}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {d.name}
                        </Text>
                        {d.addictionMedication && (
                          <Badge size="xs" color={ADDICTION_LABELS[d.addictionMedication].color} tt="none">
                            {ADDICTION_LABELS[d.addictionMedication].short}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {d.dose} · {ROUTE_LABELS[d.route]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {d.recorded ? (
                        <Stack gap={2}>
                          <Badge variant="light" color={DOSE_OUTCOME_LABELS[d.recorded.outcome].color} tt="none" w="fit-content">
                            {DOSE_OUTCOME_LABELS[d.recorded.outcome].label}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {d.recorded.outcome === 'given' ? `${d.recorded.doseGiven} at ${formatInstantTime(d.recorded.givenAt, timeZone)} · ` : ''}
                            {d.recorded.recordedBy?.fullName ?? 'End of day'}
                            {d.recorded.patientResponse ? ` · ${d.recorded.patientResponse}` : ''}
                            {d.recorded.note ? ` · ${d.recorded.note}` : ''}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not yet
                        </Text>
                      )}
                    </Table.Td>
                    {canRecord && (
                      <Table.Td>
                        {!d.recorded && !future && (
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button size="sm" color="teal" leftSection={<IconPill size={16} aria-hidden />} onClick={() => setRecording({ due: d, outcome: 'given' })} aria-label={`Given: ${d.patient.displayName}, ${d.name}`}>
                              Given
                            </Button>
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <ActionIcon variant="default" size={36} aria-label={`Other outcomes: ${d.patient.displayName}, ${d.name}`}>
                                  <IconDots size={18} aria-hidden />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item color="red" onClick={() => setRecording({ due: d, outcome: 'missed' })}>
                                  Missed (did not come)
                                </Menu.Item>
                                <Menu.Item color="orange" onClick={() => setRecording({ due: d, outcome: 'refused' })}>
                                  Refused
                                </Menu.Item>
                                <Menu.Item onClick={() => setRecording({ due: d, outcome: 'held' })}>Held (clinical reason)</Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {!canRecord && doses.length > 0 && (
        <Text size="sm" c="dimmed">
          Medical staff record observed doses.
        </Text>
      )}
      {facilityId && <DoseDialog due={recording?.due ?? null} outcome={recording?.outcome ?? 'given'} date={date} timeZone={timeZone} onClose={() => setRecording(null)} />}
    </Page>
  );
}

/** Who may open the dosing list: those who record doses, and clinical directors (read). */
export function canSeeDosing(me: Parameters<typeof permissions.recordDoses>[0]): boolean {
  return permissions.recordDoses(me) || permissions.manageMedications(me);
}
