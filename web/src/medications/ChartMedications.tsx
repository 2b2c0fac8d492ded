import { ActionIcon, Badge, Button, Card, Collapse, Group, Menu, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconPencil, IconPlayerStop, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { analyteName } from '../drugtests/ReadingsTable.tsx';
import { useFacilityTimeZone } from '../drugtests/useFacilityChoice.ts';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, formatDate, todayIn } from '../time/dates.ts';
import { describeDays } from '../programs/program-labels.ts';
import { AdherenceChart } from './AdherenceChart.tsx';
import { DoseLogTable } from './DoseLogTable.tsx';
import { MedicationDialog } from './MedicationDialog.tsx';
import { ADDICTION_LABELS, adherenceColor, ROUTE_LABELS } from './medication-labels.ts';
import type { Medication } from './medication-types.ts';
import { StopMedicationDialog } from './StopMedicationDialog.tsx';
import { usePatientDoses, usePatientMedications } from './useMedications.ts';

/** Eight weeks of observed doses for the chart and the log. */
const DOSE_WINDOW_DAYS = 56;

/**
 * The chart's medications: what is prescribed (MOUD/MAUD marked), what each explains in a
 * drug test, observed dosing with 30-day adherence, and the recent dose log.
 */
export function ChartMedications({ patient }: { patient: Patient }) {
  const me = useMe();
  const canRead = permissions.readClinical(me);
  const canManage = permissions.manageMedications(me);
  const timeZone = useFacilityTimeZone(patient.facilityId);
  const today = todayIn(timeZone);
  const from = addDays(today, -(DOSE_WINDOW_DAYS - 1));
  const medications = usePatientMedications(patient.patientId, canRead);
  const doses = usePatientDoses(patient.patientId, from, today, canRead);
  const [editing, setEditing] = useState<{ medication: Medication | null } | null>(null);
  const [stopping, setStopping] = useState<Medication | null>(null);
  const [showStopped, setShowStopped] = useState(false);
  if (!canRead) return null;

  const list = medications.data ?? [];
  // MOUD/MAUD lead: they are what the program monitors most closely.
  const current = list.filter((m) => m.active || m.startedOn > today).sort((a, b) => Number(b.addictionMedication !== null) - Number(a.addictionMedication !== null));
  const stopped = list.filter((m) => !current.includes(m));
  const observed = list.filter((m) => m.observedWeekdays !== null);
  const anyObserved = observed.length > 0;
  // No empty weeks before the first observed prescription began.
  const firstStart = observed.map((m) => m.startedOn).sort()[0];
  const chartFrom = firstStart && firstStart > from ? firstStart : from;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="chart-medications-heading">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4" id="chart-medications-heading">
          Medications
        </Title>
        {canManage && (
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ medication: null })}>
            Add medication
          </Button>
        )}
      </Group>
      {medications.isPending ? (
        <SectionLoader label="Loading medications" />
      ) : medications.isError ? (
        <ErrorState error={medications.error} onRetry={() => void medications.refetch()} />
      ) : list.length === 0 ? (
        <EmptyNote title="No medications recorded">Recording prescriptions lets drug-test results tell expected findings from unexpected ones.</EmptyNote>
      ) : (
        <Stack gap="md">
          {current.length === 0 ? (
            <Text size="sm" c="dimmed">
              No medication in force.
            </Text>
          ) : (
            <MedicationTable medications={current} canManage={canManage} onEdit={(m) => setEditing({ medication: m })} onStop={setStopping} today={today} />
          )}
          {stopped.length > 0 && (
            <Stack gap={4}>
              <Button
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                leftSection={showStopped ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                onClick={() => setShowStopped((s) => !s)}
                aria-expanded={showStopped}
              >
                Stopped ({stopped.length})
              </Button>
              <Collapse expanded={showStopped}>
                <MedicationTable medications={stopped} canManage={canManage} stopped onEdit={() => undefined} onStop={() => undefined} today={today} />
              </Collapse>
            </Stack>
          )}
        </Stack>
      )}

      {anyObserved && (
        <Stack gap="sm" mt="lg" component="section" aria-labelledby="chart-doses-heading">
          <Title order={3} size="h5" id="chart-doses-heading">
            Observed doses, last 8 weeks
          </Title>
          {doses.isPending ? (
            <SectionLoader label="Loading the dose log" />
          ) : doses.isError ? (
            <ErrorState error={doses.error} onRetry={() => void doses.refetch()} />
          ) : doses.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No observed dose recorded in the last 8 weeks.
            </Text>
          ) : (
            <>
              <AdherenceChart doses={doses.data} from={chartFrom} to={today} />
              <DoseLogTable doses={doses.data} timeZone={timeZone} />
            </>
          )}
        </Stack>
      )}

      <MedicationDialog opened={editing !== null} medication={editing?.medication ?? null} patientId={patient.patientId} today={today} onClose={() => setEditing(null)} />
      <StopMedicationDialog medication={stopping} today={today} onClose={() => setStopping(null)} />
    </Card>
  );
}

function MedicationTable({
  medications,
  canManage,
  onEdit,
  onStop,
  today,
  stopped = false,
}: {
  medications: Medication[];
  canManage: boolean;
  /** Stopped prescriptions line up with the table above but take no actions. */
  stopped?: boolean;
  onEdit: (m: Medication) => void;
  onStop: (m: Medication) => void;
  today: string;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label="Medications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Medication</Table.Th>
            <Table.Th w={210}>Expected in drug tests</Table.Th>
            <Table.Th w={130}>Observed dosing</Table.Th>
            <Table.Th w={190}>Adherence (30 days)</Table.Th>
            {canManage && <Table.Th w={52} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {medications.map((m) => (
            <Table.Tr key={m.medicationId}>
              <Table.Td>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {m.name}
                  </Text>
                  {m.addictionMedication && (
                    <Tooltip label={ADDICTION_LABELS[m.addictionMedication].long}>
                      <Badge size="sm" color={ADDICTION_LABELS[m.addictionMedication].color} variant="filled" tt="none">
                        {ADDICTION_LABELS[m.addictionMedication].short}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
                <Text size="sm">
                  {m.dose} · {ROUTE_LABELS[m.route]} · {m.frequency}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.prescriber} · {m.startedOn > today ? 'starts' : 'since'} {formatDate(m.startedOn)}
                  {m.stoppedOn ? ` · stopped ${formatDate(m.stoppedOn)}${m.stopReason ? `: ${m.stopReason}` : ''}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.expectedAnalytes.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Nothing
                  </Text>
                ) : (
                  <Text size="sm">{m.expectedAnalytes.map(analyteName).join(', ')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={m.observedWeekdays ? undefined : 'dimmed'}>
                  {m.observedWeekdays ? describeDays(m.observedWeekdays) : 'Self-administered'}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.adherence ? (
                  <Stack gap={0}>
                    <Badge size="lg" variant="light" color={adherenceColor(m.adherence.percent)} tt="none" w="fit-content">
                      {m.adherence.percent === null ? 'No doses due yet' : `${m.adherence.percent} %`}
                    </Badge>
                    {m.adherence.percent !== null && (
                      <Text size="xs" c="dimmed">
                        {m.adherence.given} given of {m.adherence.scheduled - m.adherence.held}
                        {m.adherence.missed + m.adherence.unrecorded ? ` · ${m.adherence.missed + m.adherence.unrecorded} missed` : ''}
                        {m.adherence.refused ? ` · ${m.adherence.refused} refused` : ''}
                        {m.adherence.held ? ` · ${m.adherence.held} held` : ''}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              {canManage && stopped && <Table.Td />}
              {canManage && !stopped && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="default" size={36} aria-label={`Change ${m.name}`}>
                        <IconDots size={18} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(m)}>
                        Edit
                      </Menu.Item>
                      <Menu.Item color="red" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => onStop(m)}>
                        Stop
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
