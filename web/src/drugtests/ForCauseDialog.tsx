import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMe } from '../auth/session.tsx';
import { displayName } from '../patients/patient-labels.ts';
import { usePatients } from '../patients/usePatients.ts';
import { FormAlert } from '../shell/States.tsx';
import { PANELS } from '../../../src/drugtests/panels.ts';
import { SPECIMEN_LABELS } from './drug-test-labels.ts';
import type { SpecimenType } from './drug-test-types.ts';
import { useCodedSubmit } from './use-coded-submit.ts';
import { useOrderForCause } from './useDrugTests.ts';

/** The patient when ordering from the chart (the facility is their active admission's). */
export interface ForCausePatient {
  patientId: string;
  name: string;
  facilityIds: string[];
}

interface Values {
  patientId: string | null;
  facilityId: string | null;
  reasonNote: string;
  specimenType: SpecimenType | '';
  panelId: string;
}

/**
 * Order a for-cause test for today: it joins the facility's collection list at once.
 * From the chart the patient is fixed; from the drug-test page the orderer finds them.
 */
export function ForCauseDialog({ opened, patient, facilityId, onClose }: { opened: boolean; patient?: ForCausePatient; facilityId?: string | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} centered size="lg" title={<Text fw={700}>{patient ? `Order a for-cause test: ${patient.name}` : 'Order a for-cause test'}</Text>}>
      {opened && <ForCauseForm patient={patient} facilityId={facilityId ?? null} onClose={onClose} />}
    </Modal>
  );
}

function ForCauseForm({ patient, facilityId, onClose }: { patient?: ForCausePatient; facilityId: string | null; onClose: () => void }) {
  const me = useMe();
  const facilityChoices = me.facilities.filter((f) => !patient || patient.facilityIds.includes(f.facilityId));
  const form = useForm<Values>({
    initialValues: {
      patientId: patient?.patientId ?? null,
      facilityId: facilityId ?? facilityChoices[0]?.facilityId ?? patient?.facilityIds[0] ?? null,
      reasonNote: '',
      specimenType: '',
      panelId: '',
    },
    validate: {
      patientId: (v) => (v ? null : 'Find the patient.'),
      facilityId: (v) => (v ? null : 'Choose where the specimen is collected.'),
      reasonNote: (v) => (v.trim() ? null : 'Say why the test is needed (what was observed or reported).'),
    },
  });
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [query] = useDebouncedValue(search.trim(), 250);
  // Once a patient is chosen the box shows their label: that is not a new search.
  const searching = !patient && query.length >= 2 && query !== chosen?.label;
  const found = usePatients({ q: query || undefined, facilityId: form.values.facilityId ?? undefined, status: 'active', limit: 20 }, searching);
  const order = useOrderForCause(form.values.patientId ?? '');
  const { busy, error, submit } = useCodedSubmit(
    form,
    ['facilityId', 'reasonNote', 'specimenType', 'panelId'],
    { not_scheduled_today: 'facilityId', panel_unknown: 'panelId' },
    async (v: Values) => {
      await order.mutateAsync({
        facilityId: v.facilityId!,
        reasonNote: v.reasonNote.trim(),
        ...(v.specimenType ? { specimenType: v.specimenType } : {}),
        ...(v.panelId ? { panelId: v.panelId } : {}),
      });
      const name = patient?.name ?? chosen?.label.split(' · ')[0] ?? 'The patient';
      notifications.show({ color: 'teal', title: 'For-cause test ordered', message: `${name} is on today’s collection list.` });
      onClose();
    },
  );
  const patientOptions = [
    ...(chosen ? [chosen] : []),
    ...(searching ? (found.data ?? []) : []).filter((p) => p.patientId !== chosen?.value).map((p) => ({ value: p.patientId, label: `${displayName(p)} · ${p.mrn}` })),
  ];
  const panels = Object.values(PANELS).filter((p) => !form.values.specimenType || p.specimenTypes.includes(form.values.specimenType));

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The test is for today. Collectors at the facility see it on their list straight away; it is not random, so the patient may be told.
        </Text>
        {facilityChoices.length > 1 && (
          <Select
            label="Facility"
            required
            data={facilityChoices.map((f) => ({ value: f.facilityId, label: f.name }))}
            allowDeselect={false}
            {...form.getInputProps('facilityId')}
          />
        )}
        {facilityChoices.length <= 1 && form.errors.facilityId && (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.facilityId}
          </Text>
        )}
        {!patient && (
          <Select
            label="Patient"
            required
            searchable
            placeholder="Type a name or MRN"
            data={patientOptions}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={query.length < 2 ? 'Type at least 2 letters' : found.isFetching ? 'Searching…' : 'No patient in a program here matches'}
            data-autofocus
            {...form.getInputProps('patientId')}
            onChange={(value, option) => {
              form.setFieldValue('patientId', value);
              setChosen(value && option ? { value, label: option.label } : null);
            }}
          />
        )}
        <Textarea label="Reason" description="What was observed or reported. The patient’s care team can read it." required autosize minRows={2} data-autofocus={patient ? true : undefined} {...form.getInputProps('reasonNote')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Specimen"
            data={[{ value: '', label: 'Program default' }, ...Object.entries(SPECIMEN_LABELS).map(([value, label]) => ({ value, label }))]}
            allowDeselect={false}
            {...form.getInputProps('specimenType')}
          />
          <Select
            label="Panel"
            data={[{ value: '', label: 'Program default' }, ...panels.map((p) => ({ value: p.panelId, label: p.name }))]}
            allowDeselect={false}
            {...form.getInputProps('panelId')}
          />
        </SimpleGrid>
        <FormAlert message={error} title="Not ordered" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Order test
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
