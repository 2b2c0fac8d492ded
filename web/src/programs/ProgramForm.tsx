import { Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { useFormSubmit } from '../api/use-form-submit.ts';
import type { Facility, LevelOfCareOption, Program, ProgramInput } from '../api/types.ts';
import { FormAlert } from '../shell/States.tsx';
import { bandOf } from './band.ts';
import { ClinicalSettingsEditor } from './ClinicalSettingsEditor.tsx';
import { PhasesEditor } from './PhasesEditor.tsx';
import { MODALITY_LABELS, POPULATION_LABELS } from './program-labels.ts';
import { inputOf, programValidation, valuesOf, type ProgramFormValues } from './program-form.ts';
import { TracksEditor } from './TracksEditor.tsx';

/** A long form: take the person to the first field that needs attention. */
function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

const FIELDS = ['facilityId', 'name', 'levelOfCare', 'population', 'modality', 'expectedLengthOfStayDays', 'active', 'tracks.', 'phases.', 'planReviewDays', 'instrumentCadence.'];

interface ProgramFormProps {
  program?: Program;
  edition: string;
  levels: LevelOfCareOption[];
  facilities: Facility[];
  defaultFacilityId: string | null;
  organizationEdition: string;
  onSubmit: (input: ProgramInput) => Promise<unknown>;
  onCancel: () => void;
}

export function ProgramForm({ program, edition, levels, facilities, defaultFacilityId, organizationEdition, onSubmit, onCancel }: ProgramFormProps) {
  const form = useForm<ProgramFormValues>({
    initialValues: valuesOf(program, { facilityId: defaultFacilityId }),
    validate: programValidation,
  });
  const { busy, error, setError, submit } = useFormSubmit(form, FIELDS, (values: ProgramFormValues) => onSubmit(inputOf(values)), {
    fieldsOnlyMessage: 'Not saved: see the messages beside the fields.',
    afterError: () => focusFirstInvalid(),
  });

  // Leaving with unsaved changes asks first (reload, closing the tab).
  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !busy) event.preventDefault();
  });

  const level = levels.find((l) => l.code === form.values.levelOfCare);
  const band = bandOf(edition, form.values.levelOfCare, form.values.population);
  const bandText = level ? level[form.values.population] : null;

  const levelData = levels.map((l) => ({
    value: l.code,
    label: l.schedulable ? `${l.code} ${l.name}` : `${l.code} ${l.name} (no weekly hours: cannot hold a program)`,
    disabled: !l.schedulable,
  }));

  return (
    <form
      onSubmit={form.onSubmit(
        (v) => void submit(v),
        () => {
          setError('Some fields need attention: see the messages beside them.');
          focusFirstInvalid();
        },
      )}
      noValidate
    >
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Program name" required {...form.getInputProps('name')} />
              <Select
                label="Facility"
                required
                data={facilities.map((f) => ({ value: f.facilityId, label: f.active ? f.name : `${f.name} (inactive)` }))}
                searchable
                nothingFoundMessage="No facility matches"
                {...form.getInputProps('facilityId')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Level of care"
                description={`ASAM Criteria, edition ${edition}${program && edition !== organizationEdition ? ' (this program keeps the edition it was defined in)' : ''}`}
                required
                data={levelData}
                allowDeselect={false}
                {...form.getInputProps('levelOfCare')}
              />
              <NumberInput
                label="Expected length of stay (days)"
                description="Typical IOP stays are 8 to 12 weeks (56 to 84 days)."
                required
                min={1}
                max={730}
                allowDecimal={false}
                {...form.getInputProps('expectedLengthOfStayDays')}
              />
            </SimpleGrid>
            <Group gap="xl" align="flex-start">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="population-label">
                  Population
                </Text>
                <SegmentedControl
                  aria-labelledby="population-label"
                  data={Object.entries(POPULATION_LABELS).map(([value, label]) => ({ value, label }))}
                  {...form.getInputProps('population')}
                />
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="modality-label">
                  Modality
                </Text>
                <SegmentedControl
                  aria-labelledby="modality-label"
                  data={Object.entries(MODALITY_LABELS).map(([value, label]) => ({ value, label }))}
                  {...form.getInputProps('modality')}
                />
              </Stack>
              {program && (
                <Switch
                  label="Active"
                  description="Inactive programs take no new admissions."
                  size="md"
                  mt={4}
                  {...form.getInputProps('active', { type: 'checkbox' })}
                />
              )}
            </Group>
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md">
          <PhasesEditor form={form} band={band} bandText={bandText} />
        </Card>

        <Card withBorder padding="lg" radius="md">
          <TracksEditor form={form} />
        </Card>

        <Card withBorder padding="lg" radius="md">
          <ClinicalSettingsEditor form={form} />
        </Card>

        <FormAlert message={error} />
        <Group>
          <Button type="submit" loading={busy} size="md">
            {program ? 'Save program' : 'Create program'}
          </Button>
          <Button variant="default" size="md" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
