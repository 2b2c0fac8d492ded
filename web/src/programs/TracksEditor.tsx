import { Button, Chip, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { WEEKDAYS, WEEKDAYS_SHORT } from '../facilities/facility-fields.ts';
import { TRACK_KIND_LABELS } from './program-labels.ts';
import { newTrack, TRACK_DEFAULTS, type ProgramFormValues, type TrackKind } from './program-form.ts';
import { EditableRow } from './RowControls.tsx';

const MAX_TRACKS = 12;
const KIND_OPTIONS = (Object.keys(TRACK_KIND_LABELS) as TrackKind[]).map((k) => ({ value: k, label: TRACK_KIND_LABELS[k] }));

/** Tracks: the times of day the program meets (morning, afternoon, evening), each on its weekdays. */
export function TracksEditor({ form }: { form: UseFormReturnType<ProgramFormValues> }) {
  const tracks = form.values.tracks;

  /** Changing the time of day moves untouched defaults (name, times) along with it. */
  const changeKind = (index: number, kind: TrackKind) => {
    const track = tracks[index];
    if (!track) return;
    const before = TRACK_DEFAULTS[track.kind];
    const after = TRACK_DEFAULTS[kind];
    form.setFieldValue(`tracks.${index}.kind`, kind);
    if (track.name === before.name) form.setFieldValue(`tracks.${index}.name`, after.name);
    if (track.startsAt === before.startsAt && track.endsAt === before.endsAt) {
      form.setFieldValue(`tracks.${index}.startsAt`, after.startsAt);
      form.setFieldValue(`tracks.${index}.endsAt`, after.endsAt);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="tracks-editor-heading">
      <Stack gap={2}>
        <Title order={2} size="h4" id="tracks-editor-heading">
          Tracks
        </Title>
        <Text size="sm" c="dimmed">
          The times of day the program meets, in the facility’s local time. Patients attend one track.
        </Text>
      </Stack>
      {tracks.length === 0 && (
        <Text size="sm" c="dimmed">
          No tracks yet. Add one for each time of day the program meets.
        </Text>
      )}
      {tracks.map((track, index) => {
        const what = `track ${index + 1}${track.name.trim() ? ` (${track.name.trim()})` : ''}`;
        const daysError = form.errors[`tracks.${index}.daysOfWeek`];
        const daysLabelId = `track-${track.key}-days`;
        return (
          <EditableRow
            key={track.key}
            legend={`Track ${index + 1}`}
            what={what}
            index={index}
            count={tracks.length}
            onMove={(from, to) => form.reorderListItem('tracks', { from, to })}
            onRemove={() => form.removeListItem('tracks', index)}
            canRemove
          >
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" style={{ clear: 'both' }}>
              <Select
                label="Time of day"
                data={KIND_OPTIONS}
                allowDeselect={false}
                required
                value={track.kind}
                onChange={(v) => v && changeKind(index, v as TrackKind)}
                error={form.errors[`tracks.${index}.kind`]}
              />
              <TextInput label="Name" required {...form.getInputProps(`tracks.${index}.name`)} />
              <TextInput label="Starts at" type="time" required {...form.getInputProps(`tracks.${index}.startsAt`)} />
              <TextInput label="Ends at" type="time" required {...form.getInputProps(`tracks.${index}.endsAt`)} />
            </SimpleGrid>
            <Stack gap={6} mt="sm" role="group" aria-labelledby={daysLabelId}>
              <Text size="sm" fw={500} id={daysLabelId}>
                Days{' '}
                <Text span c="red" aria-hidden>
                  *
                </Text>
              </Text>
              <Chip.Group multiple value={track.daysOfWeek} onChange={(days) => form.setFieldValue(`tracks.${index}.daysOfWeek`, days)}>
                <Group gap={6}>
                  {WEEKDAYS_SHORT.map((day, i) => (
                    <Chip key={day} value={String(i + 1)} aria-label={WEEKDAYS[i]} variant="outline">
                      {day}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {daysError && (
                <Text size="xs" c="red.8" role="alert">
                  {daysError}
                </Text>
              )}
            </Stack>
          </EditableRow>
        );
      })}
      <Button
        variant="default"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => form.insertListItem('tracks', newTrack(nextKind(tracks.map((t) => t.kind))))}
        disabled={tracks.length >= MAX_TRACKS}
        w="fit-content"
      >
        Add track
      </Button>
    </Stack>
  );
}

/** The first time of day not used yet, so "Add track" after Morning offers Afternoon. */
function nextKind(used: TrackKind[]): TrackKind {
  return (['morning', 'afternoon', 'evening'] as const).find((k) => !used.includes(k)) ?? 'morning';
}
