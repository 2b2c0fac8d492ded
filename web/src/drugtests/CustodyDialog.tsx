import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../shell/States.tsx';
import { localTimeOf, todayIn } from '../time/dates.ts';
import { instantAt } from '../../../src/time/local-time.ts';
import { CUSTODY_LABELS } from './drug-test-labels.ts';
import type { CustodyInput } from './drug-test-types.ts';

type CustodyEventKind = CustodyInput['event'];
import { useCodedSubmit } from './use-coded-submit.ts';
import { useRecordCustody } from './useDrugTests.ts';

/** Events a person adds by hand ('collected' is written with the collection itself). */
const EVENTS: CustodyEventKind[] = ['sealed', 'sent_to_lab', 'received_by_lab', 'resulted', 'disposed', 'other'];

interface Values {
  event: CustodyEventKind | null;
  date: string;
  time: string;
  party: string;
  note: string;
}

/** Add a chain-of-custody step: who has the specimen now, and when it changed hands. */
export function CustodyDialog({ test, timeZone, onClose }: { test: { testId: string; patientName: string; specimenId: string | null } | null; timeZone: string; onClose: () => void }) {
  return (
    <Modal opened={test !== null} onClose={onClose} centered title={<Text fw={700}>{test ? `Chain of custody: ${test.patientName}` : ''}</Text>}>
      {test && <CustodyForm key={test.testId} testId={test.testId} specimenId={test.specimenId} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function CustodyForm({ testId, specimenId, timeZone, onClose }: { testId: string; specimenId: string | null; timeZone: string; onClose: () => void }) {
  const record = useRecordCustody(testId);
  const now = new Date();
  const form = useForm<Values>({
    initialValues: { event: null, date: todayIn(timeZone), time: localTimeOf(now, timeZone), party: '', note: '' },
    validate: {
      event: (v) => (v ? null : 'Choose what happened.'),
      party: (v, values) => (values.event && ['sent_to_lab', 'received_by_lab'].includes(values.event) && !v.trim() ? 'Name the laboratory or courier.' : null),
    },
  });
  const { busy, error, submit } = useCodedSubmit(form, ['event', 'occurredAt', 'party', 'note'], {}, async (v: Values) => {
    await record.mutateAsync({
      event: v.event!,
      occurredAt: instantAt(v.date, v.time, timeZone).toISOString(),
      ...(v.party.trim() ? { party: v.party.trim() } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    notifications.show({ color: 'teal', title: 'Custody recorded', message: `${CUSTODY_LABELS[v.event!]}${specimenId ? ` · specimen ${specimenId}` : ''}` });
    onClose();
  });

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        {specimenId && (
          <Text size="sm" c="dimmed">
            Specimen <b>{specimenId}</b>
          </Text>
        )}
        <Select label="What happened" required data={EVENTS.map((e) => ({ value: e, label: CUSTODY_LABELS[e] }))} data-autofocus {...form.getInputProps('event')} />
        <SimpleGrid cols={2}>
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
          <TextInput label="Time" type="time" required {...form.getInputProps('time')} error={form.errors.time ?? form.errors.occurredAt} />
        </SimpleGrid>
        <TextInput label="Laboratory, courier or other party" description="Leave empty when the specimen stays with you" {...form.getInputProps('party')} />
        <Textarea label="Note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add to the chain of custody
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
