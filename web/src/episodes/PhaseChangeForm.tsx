import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Episode } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { useProgram } from '../programs/usePrograms.ts';
import { FormAlert } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { usePhaseChange } from './useEpisodes.ts';

interface Values {
  phaseId: string | null;
  effectiveOn: string;
  reason: string;
}

/** Step a patient up or down a phase from a date (each week is judged by the phase then in force). */
export function PhaseChangeForm({ episode, onDone }: { episode: Episode; onDone: () => void }) {
  const program = useProgram(episode.programId);
  const change = usePhaseChange(episode.patientId, episode.episodeId);
  const today = useFacilityToday(episode.facilityId);
  const form = useForm<Values>({
    initialValues: { phaseId: null, effectiveOn: today, reason: '' },
    validate: {
      phaseId: (v) => (!v ? 'Choose the new phase.' : v === episode.phaseId ? 'The patient is already in this phase.' : null),
      effectiveOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Enter the date the new phase starts.'),
    },
  });
  const { busy, error, submit } = useFormSubmit(form, ['phaseId', 'effectiveOn', 'reason'], async (v: Values) => {
    const updated = await change.mutateAsync({ phaseId: v.phaseId ?? '', effectiveOn: v.effectiveOn, reason: v.reason.trim() || null });
    notifications.show({ color: 'teal', title: 'Phase changed', message: `Now in ${updated.phaseName}.` });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Select
          label="New phase"
          required
          data-autofocus
          data={(program.data?.phases ?? []).map((p) => ({
            value: p.phaseId,
            label: `${p.name} (${p.minHoursPerWeek}–${p.maxHoursPerWeek} h/week)${p.phaseId === episode.phaseId ? ' · current' : ''}`,
          }))}
          nothingFoundMessage={program.isPending ? 'Loading…' : 'No phases'}
          {...form.getInputProps('phaseId')}
        />
        <TextInput label="Effective from" type="date" required {...form.getInputProps('effectiveOn')} />
        <Textarea label="Reason" placeholder="Met phase goals, needs more structure…" autosize minRows={2} {...form.getInputProps('reason')} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Change phase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
