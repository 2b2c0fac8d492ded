import { Badge, Box, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDate } from '../time/dates.ts';
import { METRIC_KIND_LABELS, targetText } from './plan-labels.ts';
import type { Objective, ObjectiveProgress, PlanContent } from './plan-types.ts';

interface PlanContentViewProps {
  content: PlanContent;
  progress: ObjectiveProgress[];
  staffName: (staffId: string) => string;
  phaseName: (phaseId: string | null) => string | null;
  /** Extra controls under an objective (recording a custom measurement). */
  objectiveActions?: (objective: Objective) => ReactNode;
}

/** A plan version read-only: problems, goals, objectives with their measured progress, interventions. */
export function PlanContentView({ content, progress, staffName, phaseName, objectiveActions }: PlanContentViewProps) {
  const progressOf = new Map(progress.map((p) => [p.objectiveId, p]));
  return (
    <Stack gap="md">
      {content.problems.map((problem, p) => (
        <Paper key={problem.problemId} withBorder radius="md" p="md" component="section" aria-labelledby={`problem-${problem.problemId}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Problem {p + 1}
          </Text>
          <Title order={3} size="h5" id={`problem-${problem.problemId}`} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {problem.statement}
          </Title>
          <Stack gap="md">
            {problem.goals.map((goal, g) => (
              <Box key={goal.goalId} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-teal-4)' }}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Goal {p + 1}.{g + 1}
                </Text>
                <Text fw={600} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {goal.statement}
                </Text>
                <Stack gap="sm">
                  {goal.objectives.map((objective, o) => (
                    <ObjectiveView
                      key={objective.objectiveId}
                      number={`${p + 1}.${g + 1}.${o + 1}`}
                      objective={objective}
                      progress={progressOf.get(objective.objectiveId)}
                      staffName={staffName}
                      phase={phaseName(objective.phaseId)}
                      actions={objectiveActions?.(objective)}
                    />
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function ObjectiveView({ number, objective: o, progress, staffName, phase, actions }: {
  number: string;
  objective: Objective;
  progress: ObjectiveProgress | undefined;
  staffName: (id: string) => string;
  phase: string | null;
  actions: ReactNode;
}) {
  return (
    <Paper p="sm" radius="md" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 320px' }}>
          <Text size="xs" c="dimmed" fw={600}>
            Objective {number}
          </Text>
          <Text fw={600} size="sm">
            {o.description}
          </Text>
          <Text size="sm" c="dimmed">
            {METRIC_KIND_LABELS[o.metric.kind]}: {targetText(o.metric, o.target)}
            {o.baseline !== null ? ` · baseline ${o.baseline}` : ''} · due {formatDate(o.dueOn)}
            {phase ? ` · ${phase}` : ''}
          </Text>
        </Stack>
        <ProgressBadge progress={progress} />
      </Group>
      <ProgressLine progress={progress} />
      {o.interventions.length > 0 && (
        <Stack gap={2} mt="xs">
          {o.interventions.map((i) => (
            <Text key={i.interventionId} size="sm">
              <Text span fw={500}>
                {i.service}
              </Text>
              <Text span c="dimmed">
                {' '}
                · {i.frequency} · {staffName(i.responsibleStaffId)}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
      {actions}
    </Paper>
  );
}

function ProgressBadge({ progress }: { progress: ObjectiveProgress | undefined }) {
  if (!progress) return null;
  if (progress.met)
    return (
      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
        Met
      </Badge>
    );
  if (progress.overdue)
    return (
      <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
        Past due
      </Badge>
    );
  return null;
}

/** The objective measuring itself: a bar toward the target and the sentence that explains the number. */
function ProgressLine({ progress }: { progress: ObjectiveProgress | undefined }) {
  if (!progress) return null;
  const percent = progress.progress === null ? null : Math.round(Math.max(0, Math.min(1, progress.progress)) * 100);
  const color = progress.met ? 'teal' : progress.overdue ? 'red' : 'indigo';
  return (
    <Stack gap={4} mt="xs">
      {percent !== null ? (
        <Group gap="sm" wrap="nowrap">
          <Progress value={percent} color={color} size="lg" radius="xl" style={{ flex: 1 }} aria-label={`Progress toward the target: ${percent}%`} />
          <Text size="sm" fw={600} w={48} ta="right">
            {percent}%
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Not measured yet
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {progress.explanation}
      </Text>
    </Stack>
  );
}
