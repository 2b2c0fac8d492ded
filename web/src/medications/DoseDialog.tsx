import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCodedSubmit } from '../drugtests/use-coded-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import { formatLongDate, localTimeOf } from '../time/dates.ts';
import { instantAt } from '../../../src/time/local-time.ts';
import { DOSE_OUTCOME_LABELS } from './medication-labels.ts';
import type { DoseDue, DoseOutcome } from './medication-types.ts';
import { useRecordDose } from './useMedications.ts';

interface Values {
  outcome: DoseOutcome;
  doseGiven: string;
  givenAt: string;
  patientResponse: string;
  note: string;
}

const OUTCOMES: DoseOutcome[] = ['given', 'missed', 'refused', 'held'];

/** Record what happened to one observed dose: given (dose, time, response), missed, refused or held (with a note). */
export function DoseDialog({ due, outcome, date, timeZone, onClose }: { due: DoseDue | null; outcome: DoseOutcome; date: string; timeZone: string; onClose: () => void }) {
  return (
    <Modal opened={due !== null} onClose={onClose} centered title={<Text fw={700}>{due ? `${due.patient.displayName}: ${due.name}` : ''}</Text>}>
      {due && <DoseForm key={`${due.medicationId}-${outcome}`} due={due} initialOutcome={outcome} date={date} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function DoseForm({ due, initialOutcome, date, timeZone, onClose }: { due: DoseDue; initialOutcome: DoseOutcome; date: string; timeZone: string; onClose: () => void }) {
  const record = useRecordDose(due.medicationId);
  const form = useForm<Values>({
    initialValues: { outcome: initialOutcome, doseGiven: due.dose, givenAt: localTimeOf(new Date(), timeZone), patientResponse: '', note: '' },
    validate: {
      doseGiven: (v, values) => (values.outcome === 'given' && !v.trim() ? 'Enter the dose given.' : null),
      givenAt: (v, values) => (values.outcome === 'given' && !/^\d{2}:\d{2}$/.test(v) ? 'Enter the time given.' : null),
      note: (v, values) =>
        (values.outcome === 'refused' || values.outcome === 'held') && !v.trim() ? (values.outcome === 'held' ? 'Say why the dose was held.' : 'Say what the patient said or did.') : null,
    },
  });
  const given = form.values.outcome === 'given';
  const { busy, error, submit } = useCodedSubmit(form, ['outcome', 'doseGiven', 'givenAt', 'patientResponse', 'note'], { dose_already_recorded: 'outcome' }, async (v: Values) => {
    await record.mutateAsync({
      scheduledOn: date,
      outcome: v.outcome,
      ...(v.outcome === 'given' ? { doseGiven: v.doseGiven.trim(), givenAt: instantAt(date, v.givenAt, timeZone).toISOString() } : {}),
      ...(v.outcome === 'given' && v.patientResponse.trim() ? { patientResponse: v.patientResponse.trim() } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    notifications.show({ color: DOSE_OUTCOME_LABELS[v.outcome].color, title: `Dose ${DOSE_OUTCOME_LABELS[v.outcome].label.toLowerCase()}`, message: `${due.patient.displayName}: ${due.name}` });
    onClose();
  });

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Prescribed {due.dose} · {formatLongDate(date)}
        </Text>
        <Stack gap={4}>
          <SegmentedControl
            aria-label="What happened"
            data={OUTCOMES.map((o) => ({ value: o, label: DOSE_OUTCOME_LABELS[o].label }))}
            color={DOSE_OUTCOME_LABELS[form.values.outcome].color}
            fullWidth
            {...form.getInputProps('outcome')}
          />
          {form.errors.outcome && (
            <Text size="xs" c="red.8" role="alert">
              {form.errors.outcome}
            </Text>
          )}
        </Stack>
        {given && (
          <>
            <SimpleGrid cols={2}>
              <TextInput label="Dose given" required {...form.getInputProps('doseGiven')} />
              <TextInput label="Time given" type="time" required {...form.getInputProps('givenAt')} />
            </SimpleGrid>
            <Textarea label="Patient response (optional)" description="E.g. tolerated well, drowsy after 30 minutes" autosize minRows={2} {...form.getInputProps('patientResponse')} />
          </>
        )}
        {form.values.outcome === 'missed' && <Text size="sm">The patient did not come for this dose. The care team is alerted.</Text>}
        <Textarea
          label={form.values.outcome === 'held' ? 'Why the dose was held' : form.values.outcome === 'refused' ? 'What happened' : 'Note (optional)'}
          required={form.values.outcome === 'held' || form.values.outcome === 'refused'}
          autosize
          minRows={2}
          data-autofocus={given ? undefined : true}
          {...form.getInputProps('note')}
        />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color={DOSE_OUTCOME_LABELS[form.values.outcome].color} loading={busy}>
            Record {DOSE_OUTCOME_LABELS[form.values.outcome].label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
