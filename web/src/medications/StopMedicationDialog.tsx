import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCodedSubmit } from '../drugtests/use-coded-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import type { Medication } from './medication-types.ts';
import { useStopMedication } from './useMedications.ts';

/** Stop a prescription from a day on: it no longer falls due for dosing nor explains drug-test findings from then. */
export function StopMedicationDialog({ medication, today, onClose }: { medication: Medication | null; today: string; onClose: () => void }) {
  return (
    <Modal opened={medication !== null} onClose={onClose} centered title={<Text fw={700}>{medication ? `Stop ${medication.name}` : ''}</Text>}>
      {medication && <StopForm key={medication.medicationId} medication={medication} today={today} onClose={onClose} />}
    </Modal>
  );
}

function StopForm({ medication, today, onClose }: { medication: Medication; today: string; onClose: () => void }) {
  const stop = useStopMedication(medication.medicationId);
  const form = useForm({
    initialValues: { stoppedOn: today, reason: '' },
    validate: {
      stoppedOn: (v) => (!v ? 'Enter the first day it is no longer taken.' : v < medication.startedOn ? 'It cannot stop before it started.' : null),
      reason: (v) => (v.trim() ? null : 'Say why it is stopped.'),
    },
  });
  const { busy, error, submit } = useCodedSubmit(form, ['stoppedOn', 'reason'], { medication_stopped: 'stoppedOn' }, async (v: { stoppedOn: string; reason: string }) => {
    await stop.mutateAsync({ stoppedOn: v.stoppedOn, reason: v.reason.trim() });
    notifications.show({ color: 'teal', title: 'Medication stopped', message: medication.name });
    onClose();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <TextInput label="First day no longer taken" type="date" required maw={220} {...form.getInputProps('stoppedOn')} />
        <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        <FormAlert message={error} title="Not stopped" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={busy}>
            Stop medication
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
