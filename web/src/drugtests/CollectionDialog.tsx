import { Alert, Button, Group, Modal, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTemperature } from '@tabler/icons-react';
import { FormAlert } from '../shell/States.tsx';
import { localTimeOf, todayIn } from '../time/dates.ts';
import { instantAt } from '../../../src/time/local-time.ts';
import { SPECIMEN_LABELS, URINE_TEMPERATURE, temperatureInRange } from './drug-test-labels.ts';
import type { TodayTest } from './drug-test-types.ts';
import { useCodedSubmit } from './use-coded-submit.ts';
import { useRecordCollection } from './useDrugTests.ts';

interface Values {
  specimenId: string;
  observed: '' | 'yes' | 'no';
  collectedAt: string;
  temperatureC: number | string;
  note: string;
}

const FIELDS = ['specimenId', 'observed', 'collectedAt', 'temperatureC', 'note'];

/** Log a specimen as collected: its label, whether the collection was observed, when, and (urine) its temperature. */
export function CollectionDialog({ test, timeZone, onClose }: { test: TodayTest | null; timeZone: string; onClose: () => void }) {
  return (
    <Modal opened={test !== null} onClose={onClose} centered size="lg" title={<Text fw={700}>{test ? `Record collection: ${test.patient.displayName}` : ''}</Text>}>
      {test && <CollectionForm key={test.testId} test={test} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function CollectionForm({ test, timeZone, onClose }: { test: TodayTest; timeZone: string; onClose: () => void }) {
  const record = useRecordCollection(test.testId);
  const urine = test.specimenType === 'urine';
  const form = useForm<Values>({
    initialValues: { specimenId: '', observed: '', collectedAt: localTimeOf(new Date(), timeZone), temperatureC: '', note: '' },
    validate: {
      specimenId: (v) => (v.trim() ? null : 'Enter the id on the specimen label.'),
      observed: (v) => (v ? null : 'Say whether the collection was observed.'),
      collectedAt: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the time of collection.'),
      temperatureC: (v) => (urine && typeof v !== 'number' ? 'Enter the temperature read on the cup’s strip.' : null),
    },
  });
  const { busy, error, submit } = useCodedSubmit(
    form,
    FIELDS,
    { specimen_id_taken: 'specimenId' },
    async (v: Values) => {
      await record.mutateAsync({
        specimenId: v.specimenId.trim(),
        observed: v.observed === 'yes',
        collectedAt: instantAt(todayIn(timeZone), v.collectedAt, timeZone).toISOString(),
        ...(typeof v.temperatureC === 'number' ? { temperatureC: v.temperatureC } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      });
      notifications.show({ color: 'teal', title: 'Collection recorded', message: `${test.patient.displayName}: specimen ${v.specimenId.trim()}.` });
      onClose();
    },
  );
  const temperature = form.values.temperatureC;
  const outOfRange = typeof temperature === 'number' && !temperatureInRange(temperature);

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {SPECIMEN_LABELS[test.specimenType]} · {test.panelName}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Specimen id" description="As printed on the label" required data-autofocus {...form.getInputProps('specimenId')} />
          <TextInput label="Collected at" description="Time at this facility" type="time" required {...form.getInputProps('collectedAt')} />
        </SimpleGrid>
        <Radio.Group label="Was the collection observed?" required {...form.getInputProps('observed')}>
          <Group gap="lg" mt={6}>
            <Radio value="yes" label="Observed" />
            <Radio value="no" label="Not observed" />
          </Group>
        </Radio.Group>
        {urine && (
          <NumberInput
            label="Temperature (°C)"
            description={`Read within 4 minutes of collection. In range: ${URINE_TEMPERATURE.min}–${URINE_TEMPERATURE.max} °C.`}
            required
            decimalScale={1}
            step={0.1}
            min={0}
            max={60}
            maw={360}
            leftSection={<IconTemperature size={18} aria-hidden />}
            {...form.getInputProps('temperatureC')}
          />
        )}
        {outOfRange && (
          <Alert color="orange" variant="light" title="Temperature out of range" role="status">
            {temperature} °C is outside {URINE_TEMPERATURE.min}–{URINE_TEMPERATURE.max} °C: the specimen may not be fresh or may not be the patient’s. Record it as read, say what happened in
            the note, and consider an observed recollection.
          </Alert>
        )}
        <Textarea label="Note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Record collection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
