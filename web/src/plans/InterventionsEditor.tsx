import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ClinicianOption } from '../staff/useClinicians.ts';
import { type InterventionFormValues, newIntervention, type NewRowDefaults, type PlanFormValues } from './plan-form.ts';
import { FREQUENCY_SUGGESTIONS, SERVICE_SUGGESTIONS } from './plan-labels.ts';
import { focusSoon, ListError } from './editor-parts.tsx';

interface InterventionsEditorProps {
  form: UseFormReturnType<PlanFormValues>;
  /** `content.problems.0.goals.1.objectives.2` */
  objectivePath: string;
  interventions: InterventionFormValues[];
  label: string;
  defaults: NewRowDefaults;
  staff: ClinicianOption[];
}

/** The services that work toward one objective: what, how often, and who is responsible. */
export function InterventionsEditor({ form, objectivePath, interventions, label, defaults, staff }: InterventionsEditorProps) {
  const path = `${objectivePath}.interventions`;
  const add = () => {
    const row = newIntervention(defaults);
    form.insertListItem(path, row);
    focusSoon(`service-${row.interventionId}`);
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Interventions
      </Text>
      {interventions.map((intervention, i) => {
        const what = `intervention ${i + 1} of ${label}`;
        return (
          <Group key={intervention.interventionId} gap="xs" align="flex-start" wrap="nowrap">
            <Group gap="xs" align="flex-start" grow style={{ flex: 1 }} wrap="wrap">
              <Autocomplete
                id={`service-${intervention.interventionId}`}
                label="Service"
                placeholder="e.g. Group therapy"
                data={SERVICE_SUGGESTIONS}
                miw={200}
                {...form.getInputProps(`${path}.${i}.service`)}
              />
              <Autocomplete label="Frequency" data={FREQUENCY_SUGGESTIONS} miw={150} {...form.getInputProps(`${path}.${i}.frequency`)} />
              <Select
                label="Responsible"
                placeholder="Choose staff"
                data={staff}
                searchable
                miw={200}
                nothingFoundMessage="No clinician found"
                {...form.getInputProps(`${path}.${i}.responsibleStaffId`)}
              />
            </Group>
            <Tooltip label={interventions.length > 1 ? 'Remove intervention' : 'An objective needs at least one intervention'}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={25}
                aria-label={`Remove ${what}`}
                disabled={interventions.length <= 1}
                onClick={() => form.removeListItem(path, i)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
      <ListError form={form} path={path} />
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} w="fit-content">
        Add intervention
      </Button>
    </Stack>
  );
}

