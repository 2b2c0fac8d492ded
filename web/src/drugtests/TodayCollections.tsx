import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconFlask, IconTemperature, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatInstantTime } from '../time/dates.ts';
import { CloseTestDialog, type Closing } from './CloseTestDialog.tsx';
import { CollectionDialog } from './CollectionDialog.tsx';
import { CustodyDialog } from './CustodyDialog.tsx';
import { REASON_LABELS, SPECIMEN_LABELS, STATUS_LABELS } from './drug-test-labels.ts';
import type { TodayTest } from './drug-test-types.ts';
import { useTodayTests } from './useDrugTests.ts';

/** Pending first (the work left), then what is done. */
const STATUS_ORDER = ['pending', 'collected', 'resulted', 'reviewed', 'refused', 'not_collected'];

/** The collector's day: who to test today, and one action per test to log what happened. */
export function TodayCollections({ facilityId, timeZone }: { facilityId: string; timeZone: string }) {
  const today = useTodayTests(facilityId);
  const [collecting, setCollecting] = useState<TodayTest | null>(null);
  const [closing, setClosing] = useState<{ test: TodayTest; closing: Closing } | null>(null);
  const [custody, setCustody] = useState<TodayTest | null>(null);

  if (today.isPending) return <SectionLoader label="Loading today’s list" />;
  if (today.isError) return <ErrorState error={today.error} onRetry={() => void today.refetch()} />;
  const { selection } = today.data;
  const tests = [...today.data.tests].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || firstSession(a).localeCompare(firstSession(b)) || a.patient.displayName.localeCompare(b.patient.displayName),
  );
  const left = tests.filter((t) => t.status === 'pending').length;

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge size="lg" variant={left ? 'filled' : 'light'} color={left ? 'blue' : 'teal'} tt="none">
          {left ? `${left} to collect` : 'All collected or closed'}
        </Badge>
        <Text size="sm" c="dimmed">
          {selection
            ? `Random selection ran at ${formatInstantTime(selection.ranAt, timeZone)}: ${selection.selectedCount} of ${selection.scheduledCount} scheduled patients selected.`
            : 'Random selection has not run today.'}
        </Text>
      </Group>
      <Card withBorder padding={0} radius="md">
        {tests.length === 0 ? (
          <EmptyNote title="No tests today">No patient was selected at random and no for-cause test was ordered for today.</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Today’s drug tests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Test</Table.Th>
                  <Table.Th>Here today</Table.Th>
                  <Table.Th>Collection</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tests.map((t) => (
                  <Table.Tr key={t.testId}>
                    <Table.Td miw={170}>
                      <Text fw={600}>{t.patient.displayName}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {t.patient.mrn}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge variant="light" color={t.reason === 'for_cause' ? 'orange' : 'gray'} tt="none">
                          {REASON_LABELS[t.reason]}
                        </Badge>
                        <Text size="sm">{SPECIMEN_LABELS[t.specimenType]}</Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t.panelName}
                      </Text>
                      {t.reasonNote && (
                        <Text size="xs" fs="italic" maw={280}>
                          “{t.reasonNote}”
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(t.sessionsToday ?? []).length === 0 ? (
                        <Text size="sm" c="dimmed">
                          No session today
                        </Text>
                      ) : (
                        (t.sessionsToday ?? []).map((s) => (
                          <Text size="sm" key={s.sessionId}>
                            {formatInstantTime(s.startsAt, timeZone)}–{formatInstantTime(s.endsAt, timeZone)} · {s.title}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t.status === 'pending' ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="sm" leftSection={<IconFlask size={16} aria-hidden />} onClick={() => setCollecting(t)} aria-label={`Record collection for ${t.patient.displayName}`}>
                            Record collection
                          </Button>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Tooltip label="Refused or not collected">
                                <ActionIcon variant="default" size={36} aria-label={`Other outcomes for ${t.patient.displayName}`}>
                                  <IconDots size={18} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item color="red" onClick={() => setClosing({ test: t, closing: 'refused' })}>
                                Patient refused
                              </Menu.Item>
                              <Menu.Item onClick={() => setClosing({ test: t, closing: 'not_collected' })}>Not collected (absent, cancelled…)</Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      ) : (
                        <Group gap="sm" justify="space-between" align="center" wrap="nowrap">
                          <Stack gap={2} align="flex-start">
                            <Badge variant="light" color={STATUS_LABELS[t.status].color} tt="none">
                              {STATUS_LABELS[t.status].label}
                            </Badge>
                            {t.specimenId && (
                              <Text size="xs" c="dimmed">
                                {t.specimenId} · {formatInstantTime(t.collectedAt, timeZone)}
                                {t.observed ? ' · observed' : ''}
                              </Text>
                            )}
                            {(t.notCollectedReason ?? (t.status === 'refused' ? t.collectionNote : null)) && (
                              <Text size="xs" c="dimmed" maw={220}>
                                {t.notCollectedReason ?? t.collectionNote}
                              </Text>
                            )}
                            {t.temperatureC !== null && (
                              <Text size="xs" c={t.temperatureInRange === false ? 'red.8' : 'dimmed'} fw={t.temperatureInRange === false ? 600 : 400}>
                                <IconTemperature size={12} aria-hidden style={{ verticalAlign: -1 }} /> {t.temperatureC} °C{t.temperatureInRange === false ? ' (out of range)' : ''}
                              </Text>
                            )}
                          </Stack>
                          {t.specimenId && (
                            <Button size="sm" variant="default" style={{ flexShrink: 0 }} leftSection={<IconTruckDelivery size={16} aria-hidden />} onClick={() => setCustody(t)} aria-label={`Chain of custody for ${t.patient.displayName}`}>
                              Custody
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <CollectionDialog test={collecting} timeZone={timeZone} onClose={() => setCollecting(null)} />
      <CloseTestDialog test={closing?.test ?? null} closing={closing?.closing ?? 'refused'} onClose={() => setClosing(null)} />
      <CustodyDialog test={custody ? { testId: custody.testId, patientName: custody.patient.displayName, specimenId: custody.specimenId } : null} timeZone={timeZone} onClose={() => setCustody(null)} />
    </Stack>
  );
}

function firstSession(t: TodayTest): string {
  return t.sessionsToday?.[0]?.startsAt ?? '9999';
}
