import { Group, Modal, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { instantAt } from '../../../src/time/local-time.ts';
import { useFacilityTimeZone } from '../facilities/useFacilityToday.ts';
import { InstrumentForm } from '../instruments/InstrumentForm.tsx';
import { localTimeOf, todayIn } from '../time/dates.ts';
import { flagLabel } from './instrument-labels.ts';
import type { InstrumentDefinition, InstrumentResponse } from './instrument-types.ts';
import { useRecordInstrument } from './useProgress.ts';

interface Props {
  patientId: string;
  patientName: string;
  facilityId: string;
  /** The episode the answers belong to (null: the server picks the only active one). */
  episodeId: string | null;
  definition: InstrumentDefinition | null;
  onClose: () => void;
}

/** Staff entry of a standard instrument the patient answered (in session or on paper). */
export function EnterInstrumentDialog({ patientId, patientName, facilityId, episodeId, definition, onClose }: Props) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Modal
      opened={definition !== null}
      onClose={onClose}
      fullScreen={phone}
      size="xl"
      title={
        <Text fw={700}>
          {definition?.shortName} for {patientName}
        </Text>
      }
    >
      {definition && <EntryForm key={definition.id} patientId={patientId} facilityId={facilityId} episodeId={episodeId} definition={definition} onClose={onClose} />}
    </Modal>
  );
}

function EntryForm({ patientId, facilityId, episodeId, definition, onClose }: Omit<Props, 'definition' | 'patientName'> & { definition: InstrumentDefinition }) {
  const timeZone = useFacilityTimeZone(facilityId) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(timeZone);
  const [opened] = useState(() => ({ date: today, time: localTimeOf(new Date(), timeZone) }));
  const [givenOn, setGivenOn] = useState(opened.date);
  const [givenAt, setGivenAt] = useState(opened.time);
  const record = useRecordInstrument(patientId);

  const save = (answers: InstrumentResponse['answers']) => {
    // Unchanged date and time: "now" on the server's clock; otherwise the facility's local time.
    const changed = givenOn !== opened.date || givenAt !== opened.time;
    const administeredAt = changed && /^\d{4}-\d{2}-\d{2}$/.test(givenOn) && /^\d{2}:\d{2}$/.test(givenAt) ? instantAt(givenOn, givenAt, timeZone).toISOString() : undefined;
    record.mutate(
      { instrument: definition.id, answers, ...(administeredAt ? { administeredAt } : {}), ...(episodeId ? { episodeId } : {}) },
      {
        onSuccess: (saved) => {
          const safety = saved.flags.filter((f) => flagLabel(f).safety);
          notifications.show({
            color: safety.length ? 'red' : 'teal',
            autoClose: safety.length ? false : 6000,
            title: `${definition.shortName} saved`,
            message: [
              saved.totalScore !== null ? `Score ${saved.totalScore}${saved.severityLabel ? ` · ${saved.severityLabel}` : ''}.` : 'Answers recorded.',
              ...safety.map((f) => `${flagLabel(f).text}.`),
            ].join(' '),
          });
          onClose();
        },
      },
    );
  };

  return (
    <InstrumentForm
      definition={definition}
      onSubmit={save}
      submitting={record.isPending}
      error={record.error}
      submitLabel="Save answers"
      onCancel={onClose}
      beforeSubmit={
        <Group gap="sm" align="flex-end">
          <TextInput label="Given on" type="date" value={givenOn} max={today} onChange={(e) => setGivenOn(e.currentTarget.value)} w={180} />
          <TextInput label="At" type="time" value={givenAt} onChange={(e) => setGivenAt(e.currentTarget.value)} w={130} />
          <Text size="xs" c="dimmed" pb={8}>
            Facility time. Change only when entering answers given earlier.
          </Text>
        </Group>
      }
    />
  );
}
