import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
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

/** Every version of the episode's plan, newest first, with when each was signed. */
export function PlanHistory({ plan, timeZone }: { plan: PlanView; timeZone: string | undefined }) {
  const history = [...plan.history].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h5" id="history-heading" mb="xs">
        Versions
      </Title>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {history.map((h) => (
          <Stack key={h.version} gap={2} component="li">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                Version {h.version}
              </Text>
              <Badge size="sm" variant="light" color={STATUS_COLORS[h.status]}>
                {STATUS_LABELS[h.status]}
              </Badge>
            </Group>
            {h.effectiveOn && (
              <Text size="xs" c="dimmed">
                In effect from {formatDate(h.effectiveOn)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Clinician signed: {h.clinicianSignedAt ? formatInstant(h.clinicianSignedAt, timeZone) : 'not yet'}
            </Text>
            <Text size="xs" c="dimmed">
              Patient signed: {h.patientSignedAt ? formatInstant(h.patientSignedAt, timeZone) : 'not yet'}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
