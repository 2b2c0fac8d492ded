import { Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import type { ClinicianOption } from '../staff/useClinicians.ts';
import { focusSoon, ListError, RowHeading } from './editor-parts.tsx';
import { ObjectiveEditor } from './ObjectiveEditor.tsx';
import { type GoalFormValues, newGoal, newObjective, type NewRowDefaults, type PlanFormValues, type ProblemFormValues } from './plan-form.ts';

interface Shared {
  form: UseFormReturnType<PlanFormValues>;
  defaults: NewRowDefaults;
  phases: { value: string; label: string }[];
  staff: ClinicianOption[];
}

/** A problem, its goals, their objectives. */
export function ProblemEditor({ problem, index, count, ...shared }: Shared & { problem: ProblemFormValues; index: number; count: number }) {
  const { form, defaults } = shared;
  const path = `content.problems.${index}`;
  const number = String(index + 1);
  const addGoal = () => {
    const goal = newGoal(defaults);
    form.insertListItem(`${path}.goals`, goal);
    focusSoon(`statement-${goal.goalId}`);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Problem ${number}`}>
      <RowHeading
        title={
          <Text fw={700} size="md">
            Problem {number}
          </Text>
        }
        what={`problem ${number}`}
        canRemove={count > 1}
        removeHint="A plan needs at least one problem"
        onRemove={() => form.removeListItem('content.problems', index)}
      />
      <Stack gap="md">
        <Textarea
          id={`statement-${problem.problemId}`}
          label="Problem statement"
          placeholder="e.g. Alcohol use has led to missed work and conflict at home"
          required
          autosize
          minRows={1}
          {...form.getInputProps(`${path}.statement`)}
        />
        {problem.goals.map((goal, g) => (
          <GoalEditor key={goal.goalId} {...shared} goal={goal} path={`${path}.goals.${g}`} number={`${number}.${g + 1}`} canRemove={problem.goals.length > 1} onRemove={() => form.removeListItem(`${path}.goals`, g)} />
        ))}
        <ListError form={form} path={`${path}.goals`} />
        <Button variant="default" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={addGoal} w="fit-content">
          Add goal to problem {number}
        </Button>
      </Stack>
    </Paper>
  );
}

function GoalEditor({ goal, path, number, canRemove, onRemove, ...shared }: Shared & { goal: GoalFormValues; path: string; number: string; canRemove: boolean; onRemove: () => void }) {
  const { form, defaults } = shared;
  const addObjective = () => {
    const objective = newObjective(defaults);
    form.insertListItem(`${path}.objectives`, objective);
    focusSoon(`description-${objective.objectiveId}`);
  };
  return (
    <Box pl="md" style={{ borderLeft: '3px solid var(--mantine-color-teal-4)' }} component="section" aria-label={`Goal ${number}`}>
      <RowHeading
        title={
          <Text fw={600} size="sm">
            Goal {number}
          </Text>
        }
        what={`goal ${number}`}
        canRemove={canRemove}
        removeHint="A problem needs at least one goal"
        onRemove={onRemove}
      />
      <Stack gap="sm">
        <Textarea
          id={`statement-${goal.goalId}`}
          label="Goal statement"
          placeholder="In the patient’s words, e.g. Stay sober and keep my job"
          required
          autosize
          minRows={1}
          {...form.getInputProps(`${path}.statement`)}
        />
        {goal.objectives.map((objective, o) => (
          <ObjectiveEditor
            key={objective.objectiveId}
            {...shared}
            path={`${path}.objectives.${o}`}
            objective={objective}
            number={`${number}.${o + 1}`}
            canRemove={goal.objectives.length > 1}
            onRemove={() => form.removeListItem(`${path}.objectives`, o)}
          />
        ))}
        <ListError form={form} path={`${path}.objectives`} />
        <Group>
          <Button variant="default" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={addObjective}>
            Add objective to goal {number}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
