import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { AdmitInput, Patient } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { usePrograms } from '../programs/usePrograms.ts';
import { FormAlert } from '../shell/States.tsx';
import { useClinicians } from '../staff/useClinicians.ts';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { REFERRAL_SOURCES } from './episode-labels.ts';
import { useAdmit } from './useEpisodes.ts';

interface Values {
  programId: string | null;
  phaseId: string | null;
  trackId: string | null;
  primaryClinicianId: string | null;
  admittedOn: string;
  referralSource: string;
}

const FIELDS = ['programId', 'phaseId', 'trackId', 'primaryClinicianId', 'admittedOn', 'referralSource', 'levelOfCare'];

/** Admit the patient to a program: the start of an episode of care. */
export function AdmitForm({ patient, onDone, onCancel }: { patient: Patient; onDone: () => void; onCancel?: () => void }) {
  const programs = usePrograms();
  const admit = useAdmit(patient.patientId);
  const today = useFacilityToday(patient.facilityId);
  const form = useForm<Values>({
    initialValues: { programId: null, phaseId: null, trackId: null, primaryClinicianId: null, admittedOn: today, referralSource: '' },
    validate: {
      programId: (v) => (v ? null : 'Choose the program.'),
      phaseId: (v) => (v ? null : 'Choose the starting phase.'),
      primaryClinicianId: (v) => (v ? null : 'Choose the primary clinician.'),
      admittedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Enter the admission date.'),
      referralSource: (v) => (v.trim() ? null : 'Say who referred the patient.'),
    },
  });
  const active = (programs.data ?? []).filter((p) => p.active);
  const program = active.find((p) => p.programId === form.values.programId);
  const clinicians = useClinicians(program?.facilityId ?? patient.facilityId);
  const { busy, error, submit } = useFormSubmit(form, FIELDS, async (v: Values) => {
    const input: AdmitInput = {
      programId: v.programId ?? '',
      phaseId: v.phaseId ?? '',
      trackId: v.trackId || null,
      primaryClinicianId: v.primaryClinicianId ?? '',
      admittedOn: v.admittedOn,
      referralSource: v.referralSource.trim(),
    };
    const episode = await admit.mutateAsync(input);
    notifications.show({ color: 'teal', title: 'Admitted', message: `${episode.programName}, ${episode.phaseName}.` });
    onDone();
  });

  const onProgram = (programId: string | null) => {
    const next = active.find((p) => p.programId === programId);
    form.setValues({ programId, phaseId: next?.phases[0]?.phaseId ?? null, trackId: next?.tracks.length === 1 ? next.tracks[0]!.trackId : null });
  };

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label="Program"
            required
            data={active.map((p) => ({ value: p.programId, label: `${p.name} · ${p.facilityName}` }))}
            nothingFoundMessage={programs.isPending ? 'Loading…' : 'No active program'}
            searchable
            {...form.getInputProps('programId')}
            onChange={onProgram}
          />
          <Select
            label="Starting phase"
            required
            disabled={!program}
            data={(program?.phases ?? []).map((ph) => ({ value: ph.phaseId, label: `${ph.name} (${ph.minHoursPerWeek}–${ph.maxHoursPerWeek} h/week)` }))}
            {...form.getInputProps('phaseId')}
          />
          <Select
            label="Track"
            disabled={!program || program.tracks.length === 0}
            placeholder={program && program.tracks.length === 0 ? 'This program has no tracks' : 'Optional'}
            data={(program?.tracks ?? []).map((t) => ({ value: t.trackId, label: `${t.name} (${t.startsAt}–${t.endsAt})` }))}
            clearable
            {...form.getInputProps('trackId')}
          />
          <Select
            label="Primary clinician"
            required
            data={clinicians.options}
            searchable
            nothingFoundMessage="No clinician found"
            description={clinicians.limited ? 'Your role sees only yourself here; ask a clinical director to assign someone else.' : undefined}
            {...form.getInputProps('primaryClinicianId')}
          />
          <TextInput label="Admission date" type="date" required {...form.getInputProps('admittedOn')} />
          <Autocomplete label="Referral source" required data={REFERRAL_SOURCES} {...form.getInputProps('referralSource')} />
        </SimpleGrid>
        {program && (
          <Text size="sm" c="dimmed">
            Level of care {program.levelOfCare} {program.levelOfCareName}.
          </Text>
        )}
        <FormAlert message={error} title="Not admitted" />
        <Group>
          <Button type="submit" loading={busy}>
            Admit
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
