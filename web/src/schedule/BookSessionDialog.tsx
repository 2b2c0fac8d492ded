import { Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Patient } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import { useClinicians } from '../staff/useClinicians.ts';
import { formatDay, formatTime } from '../time/dates.ts';
import { conflictSentence, type Conflict } from './conflict-text.ts';
import { useBookSession } from './useSchedule.ts';

interface Values {
  kind: 'individual' | 'family';
  clinicianId: string | null;
  date: string;
  startTime: string;
  durationMinutes: number | string;
  title: string;
  room: string;
  videoUrl: string;
}

const FIELDS = ['kind', 'clinicianId', 'date', 'startTime', 'durationMinutes', 'title', 'room', 'videoUrl'];

/** One-off individual or family session; overlaps are shown and must be acknowledged. */
export function BookSessionDialog({ patient, defaultDate, onClose }: { patient: Patient; defaultDate: string; onClose: () => void }) {
  const episode = patient.episodes.find((e) => e.status === 'active');
  const clinicians = useClinicians(episode?.facilityId ?? patient.facilityId);
  const bookSession = useBookSession(patient.patientId);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const form = useForm<Values>({
    initialValues: { kind: 'individual', clinicianId: episode?.primaryClinicianId ?? null, date: defaultDate, startTime: '10:00', durationMinutes: 50, title: '', room: '', videoUrl: '' },
    validate: {
      clinicianId: (v) => (v ? null : 'Choose the clinician.'),
      date: (v) => (v ? null : 'Choose the day.'),
      startTime: (v) => (v ? null : 'Enter the start time.'),
      durationMinutes: (v) => (typeof v === 'number' && v >= 15 && v <= 720 ? null : 'Enter 15 to 720 minutes.'),
      videoUrl: (v) => (!v.trim() || /^https?:\/\//.test(v.trim()) ? null : 'Enter a link starting with https://'),
    },
  });
  const book = async (v: Values) => {
    const session = await bookSession.mutateAsync({
      kind: v.kind,
      clinicianId: v.clinicianId ?? '',
      date: v.date,
      startTime: v.startTime,
      durationMinutes: Number(v.durationMinutes),
      title: v.title.trim() || null,
      room: v.room.trim() || null,
      videoUrl: v.videoUrl.trim() || null,
      ...(acknowledged ? { acknowledgeConflicts: true } : {}),
    });
    notifications.show({ color: 'teal', title: 'Session booked', message: `${session.title}, ${formatDay(session.localDate)} ${formatTime(session.localStart)}.` });
    onClose();
  };
  const { busy, error, submit } = useFormSubmit(form, FIELDS, async (v: Values) => {
    try {
      await book(v);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'schedule_conflict') {
        const found = (e.details as { conflicts?: Conflict[] } | undefined)?.conflicts;
        setConflicts(Array.isArray(found) ? found : []);
      }
      throw e;
    }
  });

  return (
    <Modal opened onClose={() => !busy && onClose()} title={<Text fw={700}>Book an individual or family session</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack gap="sm">
          <SegmentedControl data={[{ value: 'individual', label: 'Individual' }, { value: 'family', label: 'Family' }]} {...form.getInputProps('kind')} aria-label="Kind of session" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label="Clinician" required searchable data={clinicians.options} data-autofocus {...form.getInputProps('clinicianId')} />
            <TextInput label="Title" placeholder="Individual therapy" {...form.getInputProps('title')} />
            <TextInput label="Day" type="date" required {...form.getInputProps('date')} />
            <Group grow gap="sm">
              <TextInput label="Start" type="time" required {...form.getInputProps('startTime')} />
              <NumberInput label="Minutes" required min={15} max={720} step={5} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            </Group>
            <TextInput label="Room" {...form.getInputProps('room')} />
            <TextInput label="Video link (telehealth)" placeholder="https://…" {...form.getInputProps('videoUrl')} />
          </SimpleGrid>
          {conflicts && conflicts.length > 0 && (
            <Stack gap={4} aria-live="polite">
              <Text size="sm" fw={600}>
                This overlaps:
              </Text>
              {conflicts.map((c, i) => (
                <Text size="sm" key={i}>
                  · {conflictSentence(c, form.values.date || undefined)}
                </Text>
              ))}
              <Checkbox label="Book it anyway" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />
            </Stack>
          )}
          <FormAlert message={error} title="Not booked" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Book session
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
