import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import type { ObjectiveProgress, PlanVersion } from './plan-progress-types.ts';
import { usePlanProgress } from './useProgress.ts';

interface ObjectiveInfo {
  description: string;
  goal: string;
}

function objectivesOf(plan: PlanVersion | null): Map<string, ObjectiveInfo> {
  const map = new Map<string, ObjectiveInfo>();
  for (const problem of plan?.content.problems ?? []) {
    for (const goal of problem.goals) {
      for (const o of goal.objectives) map.set(o.objectiveId, { description: o.description, goal: goal.statement });
    }
  }
  return map;
}

/** The treatment plan's objectives as they measure themselves (attendance, hours, scores…). */
export function ObjectiveProgressCard({ patientId, episodeId, active }: { patientId: string; episodeId: string; active: boolean }) {
  const plan = usePlanProgress(episodeId);
  const planLink = `/patients/${patientId}/episodes/${episodeId}/plan`;
  const notFound = plan.error instanceof ApiError && plan.error.status === 404;
  const version = plan.data?.active ?? plan.data?.pending ?? null;
  const info = objectivesOf(version);
  const progress = plan.data?.progress ?? [];
  const met = progress.filter((p) => p.met).length;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="objectives-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="objectives-heading">
            Treatment plan objectives
          </Title>
          {version && (
            <Text size="xs" c="dimmed">
              Version {version.version} ·{' '}
              {plan.data?.active ? `in force since ${formatDate(version.effectiveOn)}` : version.status === 'awaiting_patient' ? 'awaiting the patient’s signature' : 'draft, not signed yet'}
              {progress.length > 0 && ` · ${met} of ${progress.length} met`}
            </Text>
          )}
        </Stack>
        {(version || active) && (
          <Anchor component={Link} to={planLink} size="sm" fw={600}>
            {version ? 'Open the plan' : 'Write the plan'}
          </Anchor>
        )}
      </Group>
      {plan.isPending ? (
        <SectionLoader label="Loading the plan" />
      ) : plan.isError && !notFound ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : !version ? (
        <Text size="sm" c="dimmed">
          {active ? 'No treatment plan yet. Objectives measure themselves here once the plan is written.' : 'No treatment plan was written for this episode.'}
        </Text>
      ) : progress.length === 0 ? (
        <Text size="sm" c="dimmed">
          The plan has no objectives yet.
        </Text>
      ) : (
        <Stack gap="md">
          {progress.map((p) => (
            <ObjectiveRow key={p.objectiveId} progress={p} info={info.get(p.objectiveId)} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ObjectiveRow({ progress: p, info }: { progress: ObjectiveProgress; info: ObjectiveInfo | undefined }) {
  const percent = p.progress === null ? 0 : Math.round(p.progress * 100);
  const color = p.met ? 'teal' : p.overdue ? 'red' : 'indigo';
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {info?.description ?? 'Objective'}
          </Text>
          {info && (
            <Text size="xs" c="dimmed">
              Goal: {info.goal}
            </Text>
          )}
        </Stack>
        <Badge color={color} variant={p.met ? 'light' : p.overdue ? 'filled' : 'outline'} tt="none" style={{ flexShrink: 0 }}>
          {p.met ? 'Met' : p.overdue ? `Overdue since ${formatDate(p.dueOn)}` : `Due ${formatDate(p.dueOn)}`}
        </Badge>
      </Group>
      <Progress value={percent} color={color} size="md" radius="xl" aria-label={`${info?.description ?? 'Objective'}: ${p.progress === null ? 'not measured yet' : `${percent}% of the way to the target`}`} />
      <Text size="xs">
        {p.explanation}
        <Text span c="dimmed">
          {' '}
          · now {p.current ?? '—'}, target {p.target}
          {p.baseline !== null ? `, baseline ${p.baseline}` : ''}
        </Text>
      </Text>
    </Stack>
  );
}
