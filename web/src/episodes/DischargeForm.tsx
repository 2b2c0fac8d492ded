import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { DischargeReason, Episode } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { DISCHARGE_REASON_LABELS } from './episode-labels.ts';
import { useDischarge } from './useEpisodes.ts';

interface Values {
  dischargedOn: string;
  reason: DischargeReason | null;
  summary: string;
}

/** End the episode: reason and summary; the patient's group places end the same day. */
export function DischargeForm({ episode, onDone }: { episode: Episode; onDone: () => void }) {
  const discharge = useDischarge(episode.patientId, episode.episodeId);
  const today = useFacilityToday(episode.facilityId);
  const form = useForm<Values>({
    initialValues: { dischargedOn: today, reason: null, summary: '' },
    validate: {
      dischargedOn: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'Enter the discharge date.' : v < episode.admittedOn ? 'Discharge cannot be before admission.' : null,
      reason: (v) => (v ? null : 'Choose the reason.'),
      summary: (v) => (v.trim() ? null : 'Write a short discharge summary.'),
    },
  });
  const { busy, error, submit } = useFormSubmit(form, ['dischargedOn', 'reason', 'summary'], async (v: Values) => {
    await discharge.mutateAsync({ dischargedOn: v.dischargedOn, reason: v.reason ?? 'other', summary: v.summary.trim() });
    notifications.show({ color: 'teal', title: 'Discharged', message: `${episode.programName} episode closed.` });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Alert color="yellow" variant="light">
          Discharging ends the patient’s group places in this program on the discharge date.
        </Alert>
        <TextInput label="Discharge date" type="date" required min={episode.admittedOn} data-autofocus {...form.getInputProps('dischargedOn')} />
        <Select
          label="Reason"
          required
          data={Object.entries(DISCHARGE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
          {...form.getInputProps('reason')}
        />
        <Textarea label="Discharge summary" required autosize minRows={4} {...form.getInputProps('summary')} />
        <FormAlert message={error} title="Not discharged" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={busy}>
            Discharge
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
