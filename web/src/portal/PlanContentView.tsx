import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { ObjectiveProgressRow, progressOf } from './ObjectiveProgressRow.tsx';
import type { ObjectiveProgress, PlanContent, PlanObjective, PlanVersion } from './portal-care-types.ts';
import classes from './Portal.module.css';

/**
 * A plan in plain words: each problem, the goals for it, the steps (objectives) toward each
 * goal with their progress, and how the care team helps (interventions, with who).
 */
export function PlanContentView({ content, progress, staff }: { content: PlanContent; progress: readonly ObjectiveProgress[]; staff: PlanVersion['responsibleStaff'] }) {
  const nameOf = (staffId: string) => staff.find((s) => s.staffId === staffId)?.fullName ?? null;
  return (
    <Stack gap="md">
      {content.problems.map((problem, p) => (
        <Card key={problem.problemId} withBorder radius="lg" padding="lg" component="section" aria-labelledby={`problem-${problem.problemId}`}>
          <Stack gap="md">
            <Stack gap={2}>
              <Text size="sm" fw={600} c="dimmed" tt="uppercase">
                What we are working on{content.problems.length > 1 ? ` · ${p + 1} of ${content.problems.length}` : ''}
              </Text>
              <Title order={2} size="h3" id={`problem-${problem.problemId}`} lh={1.3}>
                {problem.statement}
              </Title>
            </Stack>
            {problem.goals.map((goal) => (
              <Stack key={goal.goalId} gap="sm" className={classes.goal} component="section" aria-label={`Goal: ${goal.statement}`}>
                <Stack gap={0}>
                  <Text size="sm" fw={600} c="indigo.8">
                    Goal
                  </Text>
                  <Text fw={700} size="lg" lh={1.3}>
                    {goal.statement}
                  </Text>
                </Stack>
                {goal.objectives.map((o, i) => (
                  <Stack key={o.objectiveId} gap="sm">
                    {i > 0 && <Divider />}
                    <ObjectiveProgressRow objective={o} progress={progressOf(progress, o.objectiveId)} />
                    <Interventions objective={o} nameOf={nameOf} />
                  </Stack>
                ))}
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Interventions({ objective, nameOf }: { objective: PlanObjective; nameOf: (staffId: string) => string | null }) {
  if (objective.interventions.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        How your care team helps
      </Text>
      <Stack gap={4} component="ul" className={classes.plainList}>
        {objective.interventions.map((iv) => {
          const who = nameOf(iv.responsibleStaffId);
          return (
            <Group key={iv.interventionId} gap="xs" wrap="nowrap" align="flex-start" component="li">
              <IconUsers size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm" lh={1.45}>
                {iv.service}, {iv.frequency}
                {who ? ` · with ${who}` : ''}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
