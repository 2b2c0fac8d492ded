import { Badge, Button, Card, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { daysBetween, formatDate, todayIn } from '../time/dates.ts';
import { REASON_LABELS, SPECIMEN_LABELS, VALIDITY_LABELS } from './drug-test-labels.ts';
import type { DrugTestListItem } from './drug-test-types.ts';
import { formatInstant, OutcomeBadge } from './DrugTestDetailView.tsx';
import { useAwaitingResults, useReviewQueue } from './useDrugTests.ts';

type Mode = 'results' | 'review';

/** Collected specimens still without results (the result-entry worklist). */
export function AwaitingResults({ facilityId, timeZone }: { facilityId: string; timeZone: string }) {
  const query = useAwaitingResults(facilityId);
  if (query.isPending) return <SectionLoader label="Loading specimens awaiting results" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <TestQueue tests={query.data} mode="results" timeZone={timeZone} />;
}

/** Results awaiting the medical reviewer's signature, oldest first. */
export function ReviewQueue({ facilityId, timeZone, canSign }: { facilityId: string; timeZone: string; canSign: boolean }) {
  const query = useReviewQueue(facilityId);
  if (query.isPending) return <SectionLoader label="Loading the review queue" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <TestQueue tests={query.data} mode="review" timeZone={timeZone} />
      {!canSign && query.data.length > 0 && (
        <Text size="sm" c="dimmed">
          Medical staff review and sign results.
        </Text>
      )}
    </>
  );
}

function TestQueue({ tests, mode, timeZone }: { tests: DrugTestListItem[]; mode: Mode; timeZone: string }) {
  const today = todayIn(timeZone);
  if (tests.length === 0) {
    return (
      <Card withBorder radius="md">
        {mode === 'results' ? (
          <EmptyNote title="No specimens awaiting results">Every collected specimen has results entered. Laboratory results can also arrive as an HL7 import.</EmptyNote>
        ) : (
          <EmptyNote title="Nothing to review">Every result entered has been reviewed and signed.</EmptyNote>
        )}
      </Card>
    );
  }
  return (
    <Card withBorder padding={0} radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={mode === 'results' ? 'Specimens awaiting results' : 'Results awaiting review'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Collected</Table.Th>
              <Table.Th>Specimen</Table.Th>
              {mode === 'review' && <Table.Th>Result</Table.Th>}
              <Table.Th ta="right">
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tests.map((t) => {
              const waiting = daysBetween(t.selectedOn, today);
              return (
                <Table.Tr key={t.testId}>
                  <Table.Td miw={170}>
                    <Text fw={600}>{t.patient.displayName}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t.patient.mrn}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.collectedAt ? formatInstant(t.collectedAt, timeZone) : formatDate(t.selectedOn)}</Text>
                    {waiting >= 2 && (
                      <Text size="xs" c="orange.8" fw={600}>
                        {waiting} days ago
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" ff="monospace">
                        {t.specimenId ?? '—'}
                      </Text>
                      <Badge variant="light" color={t.reason === 'for_cause' ? 'orange' : 'gray'} tt="none" size="sm">
                        {REASON_LABELS[t.reason]}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {SPECIMEN_LABELS[t.specimenType]} · {t.panelName}
                    </Text>
                  </Table.Td>
                  {mode === 'review' && (
                    <Table.Td>
                      <Group gap={6}>
                        <OutcomeBadge outcome={t.outcome} size="sm" />
                        {t.validity && t.validity !== 'valid' && (
                          <Badge variant="outline" color={VALIDITY_LABELS[t.validity].color} tt="none" size="sm">
                            {VALIDITY_LABELS[t.validity].label}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                  <Table.Td ta="right">
                    <Button
                      component={Link}
                      to={mode === 'results' ? `/drug-tests/${t.testId}/results` : `/drug-tests/${t.testId}`}
                      size="sm"
                      variant={mode === 'results' ? 'filled' : 'light'}
                      rightSection={<IconChevronRight size={16} aria-hidden />}
                      aria-label={`${mode === 'results' ? 'Enter results' : 'Review'}: ${t.patient.displayName}`}
                    >
                      {mode === 'results' ? 'Enter results' : 'Review'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
