import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { type HoursBand, phaseInBand, sentence } from './band.ts';
import { PhaseCriteriaFields } from './PhaseCriteriaFields.tsx';
import { newPhase, type ProgramFormValues } from './program-form.ts';
import { EditableRow } from './RowControls.tsx';

const MAX_PHASES = 12;

interface PhasesEditorProps {
  form: UseFormReturnType<ProgramFormValues>;
  band: HoursBand | null;
  /** The level's band in words, from GET /api/levels-of-care. */
  bandText: string | null;
}

/**
 * Phases in order (the first is where patients start), each with its days and weekly
 * hours. A phase outside the level's band gets a warning here; saving is still the
 * server's decision.
 */
export function PhasesEditor({ form, band, bandText }: PhasesEditorProps) {
  const phases = form.values.phases;
  return (
    <Stack gap="sm" component="section" aria-labelledby="phases-editor-heading">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h4" id="phases-editor-heading">
            Phases
          </Title>
          <Text size="sm" c="dimmed">
            In order: patients start in the first phase and step down through the others.
          </Text>
        </Stack>
      </Group>
      {bandText && (
        <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />} role="status">
          Weekly hours band: {sentence(bandText)}.
        </Alert>
      )}
      {phases.map((phase, index) => {
        const what = `phase ${index + 1}${phase.name.trim() ? ` (${phase.name.trim()})` : ''}`;
        const fits = band ? phaseInBand(band, phase.minHoursPerWeek, phase.maxHoursPerWeek) : null;
        return (
          <EditableRow
            key={phase.key}
            legend={`Phase ${index + 1}`}
            what={what}
            index={index}
            count={phases.length}
            onMove={(from, to) => form.reorderListItem('phases', { from, to })}
            onRemove={() => form.removeListItem('phases', index)}
            canRemove={phases.length > 1}
            removeHint="A program needs at least one phase"
          >
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" style={{ clear: 'both' }}>
              <TextInput label="Name" required {...form.getInputProps(`phases.${index}.name`)} />
              <NumberInput
                label="Days per week"
                required
                min={1}
                max={7}
                allowDecimal={false}
               
                {...form.getInputProps(`phases.${index}.requiredDaysPerWeek`)}
              />
              <NumberInput
                label="Minimum hours per week"
                required
                min={0}
                max={168}
                step={0.5}
                decimalScale={1}
               
                {...form.getInputProps(`phases.${index}.minHoursPerWeek`)}
              />
              <NumberInput
                label="Maximum hours per week"
                required
                min={0}
                max={168}
                step={0.5}
                decimalScale={1}
               
                {...form.getInputProps(`phases.${index}.maxHoursPerWeek`)}
              />
            </SimpleGrid>
            {fits === false && bandText && (
              <Group gap={6} mt="xs" wrap="nowrap" align="flex-start" role="status">
                <IconAlertTriangle size={18} color="var(--mantine-color-orange-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm" c="orange.9">
                  Outside the band for this level: {bandText}.
                </Text>
              </Group>
            )}
            <PhaseCriteriaFields form={form} index={index} isLast={index === phases.length - 1} />
          </EditableRow>
        );
      })}
      <Button
        variant="default"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => form.insertListItem('phases', newPhase())}
        disabled={phases.length >= MAX_PHASES}
        w="fit-content"
      >
        Add phase
      </Button>
    </Stack>
  );
}
