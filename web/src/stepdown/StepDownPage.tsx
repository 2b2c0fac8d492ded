import { Anchor, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconCheck, IconFlag, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, formatWeek } from '../time/dates.ts';
import { DecisionDialog, type Proposal } from './DecisionDialog.tsx';
import { EvaluationDetails } from './EvaluationDetails.tsx';
import { WRAPPING } from '../progress/wrapping-badge.ts';
import { DIRECTION_COLORS, proposalLabel } from './step-down-labels.ts';
import type { StepDownDirection, StepDownQueueItem } from './step-down-types.ts';
import { useStepDownQueue } from './useStepDown.ts';

/** Safety first: proposals for more intensive care lead the list. */
const DIRECTION_ORDER: StepDownDirection[] = ['intensify', 'complete', 'advance'];
const DIRECTION_ICONS = { advance: IconArrowDownRight, complete: IconFlag, intensify: IconArrowUpRight } as const;

type Filter = 'all' | 'down' | 'up';

/** /step-down — the clinical director's weekly queue: who meets their phase's criteria (or is worsening), with the evidence. */
export function StepDownPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') ?? me.facilities[0]?.facilityId ?? null;
  const queue = useStepDownQueue(facilityId);
  const [filter, setFilter] = useState<Filter>('all');
  const [deciding, setDeciding] = useState<{ proposal: Proposal; decision: 'approved' | 'declined' } | null>(null);
  const canDecide = permissions.decideStepDown(me);

  const items = [...(queue.data?.items ?? [])]
    .filter((i) => filter === 'all' || (filter === 'up' ? i.evaluation.direction === 'intensify' : i.evaluation.direction !== 'intensify'))
    .sort((a, b) => DIRECTION_ORDER.indexOf(a.evaluation.direction ?? 'advance') - DIRECTION_ORDER.indexOf(b.evaluation.direction ?? 'advance') || a.patientName.localeCompare(b.patientName));
  const upCount = (queue.data?.items ?? []).filter((i) => i.evaluation.direction === 'intensify').length;
  const downCount = (queue.data?.items ?? []).length - upCount;

  const setFacility = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('facility', value);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Step-down queue"
      description={
        queue.data
          ? `Week evaluated: ${formatWeek(queue.data.weekStart, addDays(queue.data.weekStart, 6))}, the last completed week. Patients whose phase criteria are met, or who are worsening.`
          : 'Patients whose phase criteria are met, or who are worsening.'
      }
    >
      <Group align="flex-end" gap="sm">
        {me.facilities.length > 1 && (
          <Select label="Facility" data={me.facilities.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={setFacility} allowDeselect={false} w={260} />
        )}
        <SegmentedControl
          aria-label="Proposals shown"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: `All (${upCount + downCount})` },
            { value: 'down', label: `Step down or complete (${downCount})` },
            { value: 'up', label: `More intensive care (${upCount})` },
          ]}
        />
      </Group>
      {!facilityId ? (
        <EmptyNote title="No facility assigned">An administrator assigns you to the facilities you work at.</EmptyNote>
      ) : queue.isPending ? (
        <SectionLoader label="Evaluating this week’s patients" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyNote title={queue.data.items.length === 0 ? 'No proposals this week' : 'None of this kind'}>
            {queue.data.items.length === 0
              ? 'No active patient meets their phase’s advancement criteria or shows a concern, or every proposal has been decided.'
              : 'Choose “All” to see the other proposals.'}
          </EmptyNote>
        </Card>
      ) : (
        <Stack gap="md">
          {items.map((item) => (
            <ProposalCard key={`${item.episodeId}-${item.evaluation.direction}`} item={item} canDecide={canDecide} onDecide={(decision) => setDeciding({ proposal: proposalOf(item), decision })} />
          ))}
        </Stack>
      )}
      {!canDecide && items.length > 0 && (
        <Text size="sm" c="dimmed">
          The clinical director approves or declines proposals.
        </Text>
      )}
      <DecisionDialog proposal={deciding?.proposal ?? null} decision={deciding?.decision ?? 'approved'} onClose={() => setDeciding(null)} />
    </Page>
  );
}

function proposalOf(item: StepDownQueueItem): Proposal {
  return { episodeId: item.episodeId, patientId: item.patientId, patientName: item.patientName, phaseName: item.phase.name, evaluation: item.evaluation };
}

function ProposalCard({ item, canDecide, onDecide }: { item: StepDownQueueItem; canDecide: boolean; onDecide: (decision: 'approved' | 'declined') => void }) {
  const direction = item.evaluation.direction ?? 'advance';
  const DirectionIcon = DIRECTION_ICONS[direction];
  const move = proposalLabel(item.evaluation, item.phase.name);
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-label={`${item.patientName}: ${move}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Group gap="xs">
              <Anchor component={Link} to={`/patients/${item.patientId}/progress`} fw={700} size="lg">
                {item.patientName}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {item.mrn}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {item.programName} · now in {item.phase.name}
            </Text>
          </Stack>
          <Badge size="lg" color={DIRECTION_COLORS[direction]} variant="light" tt="none" {...WRAPPING} leftSection={<DirectionIcon size={16} aria-hidden />}>
            {move}
          </Badge>
        </Group>
        <EvaluationDetails evaluation={item.evaluation} />
        {canDecide && (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={() => onDecide('declined')}>
              Decline
            </Button>
            <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onDecide('approved')}>
              Approve
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
