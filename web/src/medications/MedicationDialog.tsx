import { Autocomplete, Button, Chip, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../shell/States.tsx';
import { WEEKDAYS } from '../time/dates.ts';
import { useCodedSubmit } from '../drugtests/use-coded-submit.ts';
import { ANALYTE_CATALOG } from '../../../src/drugtests/panels.ts';
import { addictionDefault, catalogEntryFor, MEDICATION_CATALOG } from '../../../src/medications/catalog.ts';
import { ADDICTION_LABELS, FREQUENCY_SUGGESTIONS, ROUTE_LABELS } from './medication-labels.ts';
import type { AddictionMedication, Medication, MedicationEdit, MedicationRoute } from './medication-types.ts';
import { useAddMedication, useEditMedication } from './useMedications.ts';

/** Generic names first, then "Brand (generic)". */
const NAME_OPTIONS = [...MEDICATION_CATALOG.map((e) => e.name), ...MEDICATION_CATALOG.flatMap((e) => e.brands.map((b) => `${b} (${e.name})`))];
const ANALYTE_OPTIONS = Object.values(ANALYTE_CATALOG).map((a) => ({ value: a.analyte, label: a.name }));

interface Values {
  name: string;
  dose: string;
  route: MedicationRoute | null;
  frequency: string;
  prescriber: string;
  startedOn: string;
  addiction: '' | 'none' | AddictionMedication;
  expectedAnalytes: string[];
  observed: boolean;
  observedWeekdays: string[];
}

const FIELDS = ['name', 'dose', 'route', 'frequency', 'prescriber', 'startedOn', 'addictionMedication', 'expectedAnalytes', 'observedWeekdays'];

function valuesOf(m: Medication | null, today: string): Values {
  return {
    name: m?.name ?? '',
    dose: m?.dose ?? '',
    route: m?.route ?? null,
    frequency: m?.frequency ?? '',
    prescriber: m?.prescriber ?? '',
    startedOn: m?.startedOn ?? today,
    addiction: m ? (m.addictionMedication ?? 'none') : 'none',
    expectedAnalytes: m?.expectedAnalytes ?? [],
    observed: m ? m.observedWeekdays !== null : false,
    observedWeekdays: (m?.observedWeekdays ?? [1, 2, 3, 4, 5]).map(String),
  };
}

/** Add a prescription or change one. Typing a known name or brand fills MOUD/MAUD and the analytes it explains. */
export function MedicationDialog({ opened, medication, patientId, today, onClose }: { opened: boolean; medication: Medication | null; patientId: string; today: string; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} centered size="lg" title={<Text fw={700}>{medication ? `Edit ${medication.name}` : 'Add a medication'}</Text>}>
      {opened && <MedicationForm medication={medication} patientId={patientId} today={today} onClose={onClose} />}
    </Modal>
  );
}

function MedicationForm({ medication, patientId, today, onClose }: { medication: Medication | null; patientId: string; today: string; onClose: () => void }) {
  const add = useAddMedication(patientId);
  const edit = useEditMedication(medication?.medicationId ?? '');
  const form = useForm<Values>({
    initialValues: valuesOf(medication, today),
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the medication.'),
      dose: (v) => (v.trim() ? null : 'Enter the dose, e.g. 8 mg/2 mg.'),
      route: (v) => (v ? null : 'Choose the route.'),
      frequency: (v) => (v.trim() ? null : 'Enter how often.'),
      prescriber: (v) => (v.trim() ? null : 'Enter the prescriber.'),
      startedOn: (v) => (v ? null : 'Enter the start date.'),
      addiction: (v) => (v ? null : 'This medication treats either disorder: say which it is prescribed for.'),
      observedWeekdays: (v, values) => (values.observed && v.length === 0 ? 'Choose the days doses are given under observation.' : null),
    },
  });
  const entry = catalogEntryFor(form.values.name);
  const ambiguous = entry ? addictionDefault(entry).kind === 'ambiguous' : false;

  /** A known name fills the defaults; the prescriber may still change them. */
  const setName = (name: string) => {
    form.setFieldValue('name', name);
    const found = catalogEntryFor(name);
    if (!found || found === entry) return;
    const d = addictionDefault(found);
    form.setFieldValue('addiction', d.kind === 'known' ? (d.value ?? 'none') : '');
    form.setFieldValue('expectedAnalytes', [...found.expectedAnalytes]);
  };

  const { busy, error, submit } = useCodedSubmit(form, FIELDS, {}, async (v: Values) => {
    const input: MedicationEdit = {
      name: v.name.trim(),
      dose: v.dose.trim(),
      route: v.route!,
      frequency: v.frequency.trim(),
      prescriber: v.prescriber.trim(),
      startedOn: v.startedOn,
      addictionMedication: v.addiction === 'none' || v.addiction === '' ? null : v.addiction,
      expectedAnalytes: v.expectedAnalytes,
      observedWeekdays: v.observed ? v.observedWeekdays.map(Number).sort((a, b) => a - b) : null,
    };
    if (medication) await edit.mutateAsync(input);
    else await add.mutateAsync(input);
    notifications.show({ color: 'teal', title: medication ? 'Medication saved' : 'Medication added', message: `${input.name} ${input.dose}` });
    onClose();
  });

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Autocomplete
          label="Medication"
          description="Generic name or brand; known medications fill in the rest"
          required
          data={NAME_OPTIONS}
          limit={12}
          data-autofocus
          {...form.getInputProps('name')}
          onChange={setName}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput label="Dose" placeholder="8 mg/2 mg" required {...form.getInputProps('dose')} />
          <Select label="Route" required data={Object.entries(ROUTE_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('route')} />
          <Autocomplete label="Frequency" required data={FREQUENCY_SUGGESTIONS} {...form.getInputProps('frequency')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Prescriber" required {...form.getInputProps('prescriber')} />
          <TextInput label="Started on" type="date" required {...form.getInputProps('startedOn')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="addiction-label">
            Addiction medication
          </Text>
          <SegmentedControl
            aria-labelledby="addiction-label"
            data={[
              { value: 'none', label: 'Neither', disabled: ambiguous },
              { value: 'moud', label: `${ADDICTION_LABELS.moud.short} (opioid use disorder)` },
              { value: 'maud', label: `${ADDICTION_LABELS.maud.short} (alcohol use disorder)` },
            ]}
            value={form.values.addiction}
            onChange={(v) => form.setFieldValue('addiction', v as Values['addiction'])}
            color={form.values.addiction && form.values.addiction !== 'none' ? ADDICTION_LABELS[form.values.addiction].color : undefined}
          />
          {(form.errors.addiction || form.errors.addictionMedication) && (
            <Text size="xs" c="red.8" role="alert">
              {form.errors.addiction ?? form.errors.addictionMedication}
            </Text>
          )}
          {ambiguous && !form.errors.addiction && (
            <Text size="xs" c="dimmed">
              {entry?.name} treats opioid and alcohol use disorder: say which it is prescribed for.
            </Text>
          )}
        </Stack>
        <MultiSelect
          label="Expected in drug tests"
          description="Substances this prescription explains: detected reads as expected; not detected reads as prescribed-but-missing."
          placeholder={form.values.expectedAnalytes.length ? undefined : 'None'}
          data={ANALYTE_OPTIONS}
          searchable
          clearable
          {...form.getInputProps('expectedAnalytes')}
        />
        <Switch label="Dispensed under observation at the clinic" {...form.getInputProps('observed', { type: 'checkbox' })} />
        {form.values.observed && (
          <Stack gap={6}>
            <Text size="sm" fw={500} id="observed-days-label">
              Observed dosing days
            </Text>
            <Chip.Group multiple {...form.getInputProps('observedWeekdays')}>
              <Group gap={6} role="group" aria-labelledby="observed-days-label">
                {WEEKDAYS.map((d) => (
                  <Chip key={d.value} value={String(d.value)} variant="outline" size="sm">
                    {d.short}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.observedWeekdays && (
              <Text size="xs" c="red.8" role="alert">
                {form.errors.observedWeekdays}
              </Text>
            )}
          </Stack>
        )}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {medication ? 'Save' : 'Add medication'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
