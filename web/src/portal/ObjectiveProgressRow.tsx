import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { formatDate } from '../time/dates.ts';
import { targetSentence } from './portal-care-labels.ts';
import type { ObjectiveProgress, PlanObjective } from './portal-care-types.ts';

/** One objective as the patient reads it: what it asks, by when, and how far along it is. */
export function ObjectiveProgressRow({ objective, progress }: { objective: PlanObjective; progress: ObjectiveProgress | undefined }) {
  const pct = progress?.progress == null ? null : Math.round(Math.max(0, Math.min(1, progress.progress)) * 100);
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} lh={1.35}>
          {objective.description}
        </Text>
        {progress?.met ? (
          <Badge color="teal" size="lg" tt="none" style={{ flexShrink: 0 }}>
            Reached
          </Badge>
        ) : progress?.overdue ? (
          <Badge color="orange" variant="light" size="lg" tt="none" style={{ flexShrink: 0 }}>
            Past its date
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {targetSentence(objective)} · by {formatDate(objective.dueOn)}
      </Text>
      {pct !== null && (
        <Progress
          value={pct}
          size="lg"
          radius="xl"
          color={progress?.met ? 'teal' : 'indigo'}
          aria-label={`${objective.description}: ${pct}% of the way`}
        />
      )}
      {progress?.explanation && <Text size="sm">{progress.explanation}</Text>}
    </Stack>
  );
}

/** Every objective of a plan, in plan order. */
export function objectivesOf(content: { problems: { goals: { objectives: PlanObjective[] }[] }[] }): PlanObjective[] {
  return content.problems.flatMap((p) => p.goals.flatMap((g) => g.objectives));
}

export function progressOf(progress: readonly ObjectiveProgress[], objectiveId: string): ObjectiveProgress | undefined {
  return progress.find((p) => p.objectiveId === objectiveId);
}
