import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, formatDate, formatWeek } from '../time/dates.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { EvaluationDetails } from './EvaluationDetails.tsx';
import { WRAPPING } from '../progress/wrapping-badge.ts';
import { DIRECTION_COLORS, proposalLabel } from './step-down-labels.ts';
import { useEpisodeStepDown } from './useStepDown.ts';

/** The episode's weekly step-down evaluation: the criteria met or not, concerns, and past decisions. */
export function EpisodeStepDownCard({ episodeId, patientId, patientName, phaseName }: { episodeId: string; patientId: string; patientName: string; phaseName: string }) {
  const me = useMe();
  const stepDown = useEpisodeStepDown(episodeId);
  const [deciding, setDeciding] = useState<'approved' | 'declined' | null>(null);
  const evaluation = stepDown.data?.evaluation ?? null;
  const decided = evaluation && stepDown.data?.decisions.find((d) => d.weekStart === evaluation.weekStart && d.direction === evaluation.direction);
  const open = evaluation?.direction && !decided;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="step-down-heading">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="step-down-heading">
            Step-down evaluation
          </Title>
          {evaluation && (
            <Text size="xs" c="dimmed">
              Phase {phaseName} · through the week {formatWeek(evaluation.weekStart, addDays(evaluation.weekStart, 6))}
            </Text>
          )}
        </Stack>
        {evaluation && (
          <Badge size="lg" tt="none" variant="light" {...WRAPPING} color={evaluation.direction && !decided ? DIRECTION_COLORS[evaluation.direction] : 'gray'}>
            {!evaluation.direction
              ? 'Not yet eligible to step down'
              : `${decided ? (decided.decision === 'approved' ? 'Approved' : 'Declined') : 'Proposed'}: ${proposalLabel(evaluation, phaseName)}`}
          </Badge>
        )}
      </Group>
      {stepDown.isPending ? (
        <SectionLoader label="Evaluating" />
      ) : stepDown.isError ? (
        <ErrorState error={stepDown.error} onRetry={() => void stepDown.refetch()} />
      ) : !evaluation ? (
        <Text size="sm" c="dimmed">
          No completed week in this phase yet, or the phase moves by staff decision only (no advancement criteria).
        </Text>
      ) : (
        <Stack gap="sm">
          <EvaluationDetails evaluation={evaluation} />
          {open && permissions.decideStepDown(me) && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" color="red" onClick={() => setDeciding('declined')}>
                Decline
              </Button>
              <Button color="teal" onClick={() => setDeciding('approved')}>
                Approve
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {(stepDown.data?.decisions.length ?? 0) > 0 && (
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Decisions
          </Text>
          {stepDown.data!.decisions.map((d) => (
            <Text size="sm" key={`${d.weekStart}-${d.direction}`}>
              <Badge size="sm" variant="light" color={d.decision === 'approved' ? 'teal' : 'gray'} tt="none" mr={6}>
                {d.decision === 'approved' ? 'Approved' : 'Declined'}
              </Badge>
              {proposalLabel(d, d.fromPhase.name)} · week of {formatDate(d.weekStart)}
              {` · ${d.decidedBy.fullName}`}
              {d.reason ? ` · “${d.reason}”` : ''}
            </Text>
          ))}
        </Stack>
      )}
      {evaluation && (
        <DecisionDialog
          proposal={deciding ? { episodeId, patientId, patientName, phaseName, evaluation } : null}
          decision={deciding ?? 'approved'}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
