import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { describeCadence, INSTRUMENT_DESCRIPTIONS, INSTRUMENT_LABELS } from './care-settings-text.ts';
import { type InstrumentId, newCadenceRow, type ProgramFormValues } from './program-form.ts';

const INSTRUMENTS = Object.keys(INSTRUMENT_LABELS) as InstrumentId[];

/**
 * The program's clinical settings: how often treatment plans are reviewed, and when each
 * standard instrument is given (at admission, every so many days, at discharge).
 * Advancement criteria sit with each phase (PhasesEditor).
 */
export function ClinicalSettingsEditor({ form }: { form: UseFormReturnType<ProgramFormValues> }) {
  const rows = form.values.instrumentCadence;
  const used = new Set(rows.map((r) => r.instrument));
  const nextFree = INSTRUMENTS.find((i) => !used.has(i)) ?? null;
  const complete = rows.filter((r) => r.instrument !== null).map((r) => ({ ...r, instrument: r.instrument!, everyDays: typeof r.everyDays === 'number' ? r.everyDays : null }));
  const summary = describeCadence(complete);

  return (
    <Stack gap="md" component="section" aria-labelledby="clinical-settings-heading">
      <Stack gap={2}>
        <Title order={2} size="h4" id="clinical-settings-heading">
          Clinical settings
        </Title>
        <Text size="sm" c="dimmed">
          How often treatment plans are reviewed, and when patients complete the standard questionnaires.
        </Text>
      </Stack>

      <NumberInput
        label="Review treatment plans every (days)"
        description="From 7 to 180 days; 30 is usual. Overdue reviews are flagged."
        required
        min={7}
        max={180}
        allowDecimal={false}
        maw={320}
        {...form.getInputProps('planReviewDays')}
      />

      <Stack gap={4}>
        <Text size="sm" fw={500} id="cadence-label">
          Instrument schedule
        </Text>
        <Text size="xs" c="dimmed">
          Each instrument once. “Every” counts from the latest response; leave it empty to give the instrument only at admission or discharge.
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" aria-labelledby="cadence-label">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Instrument</Table.Th>
              <Table.Th w={110}>At admission</Table.Th>
              <Table.Th w={170}>Every (days)</Table.Th>
              <Table.Th w={110}>At discharge</Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const name = row.instrument ? INSTRUMENT_LABELS[row.instrument] : `row ${index + 1}`;
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Select
                      aria-label={`Instrument, row ${index + 1}`}
                      placeholder="Choose"
                      data={INSTRUMENTS.map((i) => ({
                        value: i,
                        label: `${INSTRUMENT_LABELS[i]} (${INSTRUMENT_DESCRIPTIONS[i]})`,
                        disabled: used.has(i) && i !== row.instrument,
                      }))}
                      allowDeselect={false}
                      {...form.getInputProps(`instrumentCadence.${index}.instrument`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`Give ${name} at admission`} {...form.getInputProps(`instrumentCadence.${index}.atAdmission`, { type: 'checkbox' })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Give ${name} every so many days`}
                      placeholder="Not repeated"
                      min={7}
                      max={180}
                      allowDecimal={false}
                      {...form.getInputProps(`instrumentCadence.${index}.everyDays`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`Give ${name} at discharge`} {...form.getInputProps(`instrumentCadence.${index}.atDischarge`, { type: 'checkbox' })} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove">
                      <ActionIcon variant="default" size="lg" aria-label={`Remove ${name}`} onClick={() => form.removeListItem('instrumentCadence', index)}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No instruments: patients in this program are not asked to complete questionnaires.
        </Text>
      )}
      <Group justify="space-between" align="flex-start">
        <Button
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => form.insertListItem('instrumentCadence', newCadenceRow(nextFree))}
          disabled={nextFree === null}
        >
          Add instrument
        </Button>
        {summary.length > 0 && (
          <Text size="sm" c="dimmed" maw={520} role="status">
            {summary.join('; ')}.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
