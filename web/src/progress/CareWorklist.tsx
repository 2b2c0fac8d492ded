import { Anchor, Badge, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFollowupsDue } from '../aftercare/useAftercare.ts';
import { useMe } from '../auth/session.tsx';
import { proposalLabel } from '../stepdown/step-down-labels.ts';
import { useStepDownQueue } from '../stepdown/useStepDown.ts';
import { formatDate, formatDay } from '../time/dates.ts';
import { INSTRUMENT_SHORT_NAMES } from './instrument-labels.ts';
import type { PlanReviewItem } from './plan-progress-types.ts';
import { useFacilityInstrumentsDue, usePlanReviews } from './useProgress.ts';

/** Rows shown per card; the rest are counted. */
const ROWS = 4;

const PLAN_STATE_LABELS: Record<PlanReviewItem['state'], string> = {
  no_plan: 'No plan yet',
  draft: 'Draft, not signed',
  awaiting_patient: 'Awaiting patient signature',
  review_overdue: 'Review overdue',
  review_due_soon: 'Review due soon',
};

interface Row {
  key: string;
  to: string;
  name: string;
  detail: string;
  urgent: boolean;
}

/** Home for clinical readers: what needs doing this week, one compact card per worklist. */
export function CareWorklist() {
  const me = useMe();
  const [facilityId, setFacilityId] = useState<string | null>(me.facilities[0]?.facilityId ?? null);
  const due = useFacilityInstrumentsDue(facilityId);
  const reviews = usePlanReviews(facilityId);
  const queue = useStepDownQueue(facilityId);
  const followups = useFollowupsDue(facilityId);
  if (!facilityId) return null;

  const dueRows: Row[] = (due.data ?? []).map((d) => ({
    key: `${d.episodeId}-${d.instrument}-${d.reason}`,
    to: `/patients/${d.patientId}/progress`,
    name: d.patientName,
    detail: `${INSTRUMENT_SHORT_NAMES[d.instrument]} · ${d.status === 'overdue' ? 'overdue' : 'due'} since ${formatDay(d.dueOn)}`,
    urgent: d.status === 'overdue',
  }));
  const reviewRows: Row[] = (reviews.data ?? []).map((r) => ({
    key: r.episodeId,
    to: `/patients/${r.patientId}/episodes/${r.episodeId}/plan`,
    name: r.patientName,
    detail: `${PLAN_STATE_LABELS[r.state]}${r.reviewDueOn && r.state.startsWith('review') ? ` · ${formatDate(r.reviewDueOn)}` : ''}`,
    urgent: r.state === 'review_overdue' || r.state === 'no_plan',
  }));
  const stepRows: Row[] = (queue.data?.items ?? []).map((i) => ({
    key: `${i.episodeId}-${i.evaluation.direction}`,
    to: `/patients/${i.patientId}/progress`,
    name: i.patientName,
    detail: proposalLabel(i.evaluation, i.phase.name),
    urgent: i.evaluation.direction === 'intensify',
  }));
  const followupRows: Row[] = (followups.data ?? []).map((f) => ({
    key: f.followupId,
    to: `/patients/${f.patientId}?tab=episode`,
    name: f.patientName,
    detail: `${f.daysAfter}-day follow-up · ${f.status === 'overdue' ? 'overdue' : 'due'} ${formatDay(f.dueOn)}`,
    urgent: f.status === 'overdue',
  }));

  return (
    <Stack gap="sm" component="section" aria-labelledby="worklist-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="worklist-heading">
          Clinical worklist
        </Title>
        {me.facilities.length > 1 && (
          <Select aria-label="Facility" data={me.facilities.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={setFacilityId} allowDeselect={false} w={240} />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <WorkCard title="Instruments due" urgentLabel="overdue" rows={dueRows} pending={due.isPending} failed={due.isError} empty="Nothing due." />
        <WorkCard title="Plan reviews" urgentLabel="overdue or missing" rows={reviewRows} pending={reviews.isPending} failed={reviews.isError} empty="Every plan is signed and reviewed." />
        <WorkCard
          title="Step-down proposals"
          urgentLabel="for more intensive care"
          rows={stepRows}
          pending={queue.isPending}
          failed={queue.isError}
          empty="No proposals this week."
          more={
            <Anchor component={Link} to={`/step-down?facility=${facilityId}`} size="xs" fw={600}>
              Open the queue
            </Anchor>
          }
        />
        <WorkCard title="Follow-ups due" urgentLabel="overdue" rows={followupRows} pending={followups.isPending} failed={followups.isError} empty="No follow-up calls due." />
      </SimpleGrid>
    </Stack>
  );
}

function WorkCard({ title, rows, pending, failed, empty, more, urgentLabel }: { title: string; rows: Row[]; pending: boolean; failed: boolean; empty: string; more?: ReactNode; urgentLabel: string }) {
  const urgent = rows.filter((r) => r.urgent).length;
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text size="sm" fw={700}>
              {title}
            </Text>
            {!pending && !failed && urgent > 0 && (
              <Text size="xs" c="red.8" fw={600}>
                {urgent} {urgentLabel}
              </Text>
            )}
          </Stack>
          {!pending && !failed && (
            <Badge size="lg" circle={rows.length < 10} color={urgent ? 'red' : rows.length ? 'yellow' : 'gray'} variant={urgent ? 'filled' : 'light'} aria-label={`${rows.length} in total`}>
              {rows.length}
            </Badge>
          )}
        </Group>
        {pending ? (
          <Skeleton h={48} />
        ) : failed ? (
          <Text size="sm" c="red.8">
            Could not load
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap={6}>
            {rows.slice(0, ROWS).map((r) => (
              <Stack gap={0} key={r.key}>
                <Anchor component={Link} to={r.to} size="sm" fw={600} lineClamp={1}>
                  {r.name}
                </Anchor>
                <Text size="xs" c={r.urgent ? 'red.8' : 'dimmed'} lineClamp={1}>
                  {r.detail}
                </Text>
              </Stack>
            ))}
            {rows.length > ROWS && (
              <Text size="xs" c="dimmed">
                and {rows.length - ROWS} more
              </Text>
            )}
          </Stack>
        )}
        {more}
      </Stack>
    </Card>
  );
}
