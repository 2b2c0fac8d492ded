import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '../time/dates.ts';
import { formatInstant } from './plan-dates.ts';
import { STATUS_COLORS, STATUS_LABELS } from './plan-labels.ts';
import type { PlanView } from './plan-types.ts';

/** Reviews of the plan in force, newest first. */
export function PlanReviews({ plan }: { plan: PlanView }) {
  const reviews = [...plan.reviews].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="reviews-heading">
      <Title order={2} size="h5" id="reviews-heading" mb="xs">
        Reviews
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          No review yet. A review is due every {plan.reviewIntervalDays} days while the plan is in effect.
        </Text>
      ) : (
        <Stack gap="sm">
          {reviews.map((r) => (
            <Stack key={r.reviewId} gap={2}>
              <Text size="sm" fw={600}>
                {formatDate(r.reviewedOn)} · {r.reviewedBy.fullName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.note}
              </Text>
              <Text size="xs" c="dimmed">
                Version {r.version}; next review due {formatDate(r.nextReviewDueOn)}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Every version of the episode's plan, newest first. */
export function PlanHistory({ plan, timeZone }: { plan: PlanView; timeZone: string | undefined }) {
  const history = [...plan.history].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h5" id="history-heading" mb="xs">
        Versions
      </Title>
      <Table verticalSpacing={6} fz="sm" aria-labelledby="history-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Signed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((h) => (
            <Table.Tr key={h.version}>
              <Table.Td fw={600}>{h.version}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={STATUS_COLORS[h.status]}>
                  {STATUS_LABELS[h.status]}
                </Badge>
                {h.effectiveOn && (
                  <Text size="xs" c="dimmed">
                    from {formatDate(h.effectiveOn)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">Clinician: {h.clinicianSignedAt ? formatInstant(h.clinicianSignedAt, timeZone) : '—'}</Text>
                <Text size="xs">Patient: {h.patientSignedAt ? formatInstant(h.patientSignedAt, timeZone) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
