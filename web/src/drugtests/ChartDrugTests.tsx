import { Anchor, Badge, Button, Card, Drawer, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { displayName } from '../patients/patient-labels.ts';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { REASON_LABELS, SPECIMEN_LABELS, STATUS_LABELS, VALIDITY_LABELS } from './drug-test-labels.ts';
import type { DrugTestListItem } from './drug-test-types.ts';
import { DrugTestDetailView, OutcomeBadge } from './DrugTestDetailView.tsx';
import { DrugTestsTimeline } from './DrugTestsTimeline.tsx';
import { ForCauseDialog } from './ForCauseDialog.tsx';
import { useFacilityTimeZone } from './useFacilityChoice.ts';
import { useDrugTest, usePatientDrugTests } from './useDrugTests.ts';

/**
 * The chart's drug tests: results over time, every test with its outcome (tests not yet
 * collected are not shown: a random selection must not be known before collection), a
 * drawer with the whole record, and a for-cause order.
 */
export function ChartDrugTests({ patient }: { patient: Patient }) {
  const me = useMe();
  const canRead = permissions.readClinical(me);
  const tests = usePatientDrugTests(patient.patientId, canRead);
  const [openTest, setOpenTest] = useState<string | null>(null);
  const [ordering, setOrdering] = useState(false);
  const name = displayName(patient);
  // A for-cause test is collected where the patient is in a program today.
  const activeFacilities = [...new Set(patient.episodes.filter((e) => e.status === 'active').map((e) => e.facilityId))];
  const canOrder = permissions.orderForCause(me) && activeFacilities.length > 0;
  if (!canRead) return null;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="chart-drug-tests-heading">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4" id="chart-drug-tests-heading">
          Drug tests
        </Title>
        {canOrder && (
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOrdering(true)}>
            Order for-cause test
          </Button>
        )}
      </Group>
      {tests.isPending ? (
        <SectionLoader label="Loading drug tests" />
      ) : tests.isError ? (
        <ErrorState error={tests.error} onRetry={() => void tests.refetch()} />
      ) : tests.data.length === 0 ? (
        <EmptyNote title="No drug tests yet">Collected, refused and missed tests appear here, with their results once entered.</EmptyNote>
      ) : (
        <Stack gap="md">
          <DrugTestsTimeline tests={tests.data} />
          <TestsTable tests={tests.data} onOpen={setOpenTest} />
        </Stack>
      )}
      <TestDrawer testId={openTest} onClose={() => setOpenTest(null)} />
      <ForCauseDialog opened={ordering} patient={{ patientId: patient.patientId, name, facilityIds: activeFacilities }} onClose={() => setOrdering(false)} />
    </Card>
  );
}

function TestsTable({ tests, onOpen }: { tests: DrugTestListItem[]; onOpen: (testId: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Drug tests, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Specimen</Table.Th>
            <Table.Th>Validity</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Reviewed by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tests.map((t) => (
            <Table.Tr key={t.testId} style={{ cursor: 'pointer' }} onClick={() => onOpen(t.testId)}>
              <Table.Td>
                <UnstyledButton
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(t.testId);
                  }}
                  fw={600}
                  fz="sm"
                  c="var(--mantine-primary-color-filled)"
                  aria-label={`Open the test of ${formatDate(t.selectedOn)}`}
                >
                  {formatDate(t.selectedOn)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={t.reason === 'for_cause' ? 'orange' : 'gray'} tt="none" size="sm">
                  {REASON_LABELS[t.reason]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{SPECIMEN_LABELS[t.specimenType]}</Text>
                {t.specimenId && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {t.specimenId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t.validity ? (
                  <Badge variant={t.validity === 'valid' ? 'outline' : 'light'} color={VALIDITY_LABELS[t.validity].color} tt="none" size="sm">
                    {VALIDITY_LABELS[t.validity].label}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t.outcome ? (
                  <OutcomeBadge outcome={t.outcome} size="sm" />
                ) : (
                  <Badge variant="light" color={STATUS_LABELS[t.status].color} tt="none" size="sm">
                    {t.status === 'collected' ? 'Awaiting results' : STATUS_LABELS[t.status].label}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {t.reviewed ? (
                  <Text size="sm">{t.reviewed.by.fullName}</Text>
                ) : (
                  <Text size="sm" c={t.status === 'resulted' ? 'orange.8' : 'dimmed'}>
                    {t.status === 'resulted' ? 'Not yet' : '—'}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TestDrawer({ testId, onClose }: { testId: string | null; onClose: () => void }) {
  const me = useMe();
  const test = useDrugTest(testId);
  const timeZone = useFacilityTimeZone(test.data?.facilityId);
  const canAct = permissions.enterDrugTestResults(me) || permissions.reviewDrugTests(me) || permissions.collectDrugTests(me);
  return (
    <Drawer opened={testId !== null} onClose={onClose} position="right" size="xl" title={<Text fw={700}>{test.data ? `Drug test · ${formatDate(test.data.selectedOn)}` : 'Drug test'}</Text>}>
      {test.isPending ? (
        <SectionLoader label="Loading the test" />
      ) : test.isError ? (
        <ErrorState error={test.error} onRetry={() => void test.refetch()} />
      ) : (
        <Stack gap="md">
          <DrugTestDetailView test={test.data} timeZone={timeZone} />
          {canAct && (
            <Anchor component={Link} to={`/drug-tests/${test.data.testId}`} size="sm">
              Open the test page (results, review, custody)
            </Anchor>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
