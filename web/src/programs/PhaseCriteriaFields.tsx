import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ProgramFormValues } from './program-form.ts';

interface PhaseCriteriaFieldsProps {
  form: UseFormReturnType<ProgramFormValues>;
  index: number;
  /** From the last phase, meeting the criteria proposes completing the program. */
  isLast: boolean;
}

/**
 * What it takes to leave one phase (the weekly step-down evaluation reads these), or a
 * switch saying staff move patients by hand.
 */
export function PhaseCriteriaFields({ form, index, isLast }: PhaseCriteriaFieldsProps) {
  const phase = form.values.phases[index];
  if (!phase) return null;
  const path = `phases.${index}.advancementCriteria`;
  const c = phase.advancementCriteria;
  const labelId = `phase-${phase.key}-criteria`;

  return (
    <Stack gap="xs" mt="md" role="group" aria-labelledby={labelId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={0}>
          <Text size="sm" fw={600} id={labelId}>
            Advancement criteria
          </Text>
          <Text size="xs" c="dimmed">
            {isLast ? 'Meeting them proposes completing the program.' : 'Meeting them proposes a step-down to the next phase.'} A clinical director decides.
          </Text>
        </Stack>
        <Switch label="No automatic step-down" description="Staff move patients by hand" {...form.getInputProps(`phases.${index}.noAutomaticStepDown`, { type: 'checkbox' })} />
      </Group>
      {!phase.noAutomaticStepDown && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
            <NumberInput
              label="Weeks in a row with hours met"
              description="Completed weeks, 1 to 26"
              required
              min={1}
              max={26}
              allowDecimal={false}
              {...form.getInputProps(`${path}.consecutiveWeeksMet`)}
            />
            <NumberInput
              label="Minimum attendance (%)"
              description="Sessions attended of those scheduled"
              required
              min={0}
              max={100}
              suffix=" %"
              {...form.getInputProps(`${path}.minAttendancePercent`)}
            />
            <NumberInput
              label="Propose more care after (weeks)"
              description="Not meeting them that long; empty: never"
              placeholder="Never"
              min={1}
              max={104}
              allowDecimal={false}
              {...form.getInputProps(`${path}.maxWeeksInPhase`)}
            />
          </SimpleGrid>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <Checkbox label="PHQ-9 improved" mt={8} {...form.getInputProps(`${path}.phq9Required`, { type: 'checkbox' })} />
            {c.phq9Required && (
              <>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" mt={8}>
                    by at least
                  </Text>
                  <NumberInput aria-label="PHQ-9 improvement in points" min={1} max={27} allowDecimal={false} w={80} {...form.getInputProps(`${path}.phq9.improvedBy`)} />
                  <Text size="sm" mt={8}>
                    points,
                  </Text>
                </Group>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" mt={8}>
                    or the latest score below
                  </Text>
                  <NumberInput aria-label="PHQ-9 score below" min={1} max={27} allowDecimal={false} w={80} {...form.getInputProps(`${path}.phq9.orBelow`)} />
                </Group>
              </>
            )}
          </Group>
          <Checkbox label="The phase’s plan objectives met" {...form.getInputProps(`${path}.objectivesMet`, { type: 'checkbox' })} />
        </>
      )}
    </Stack>
  );
}
