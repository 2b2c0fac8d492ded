import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorSentence, fieldSentence } from '../api/error-messages.ts';
import { FormAlert } from '../shell/States.tsx';
import { alertSummary } from './alert-labels.ts';
import type { AlertView } from './alert-types.ts';
import { useResolveAlert } from './useAlerts.ts';

const NOTE_REQUIRED = 'Write what was done: the note is kept with the alert.';

/** Resolving closes the alert for good, so it needs a note saying what was done. */
export function ResolveAlertDialog({ alert, onClose }: { alert: AlertView | null; onClose: () => void }) {
  return (
    <Modal opened={alert !== null} onClose={onClose} centered size="lg" title={<Text fw={700}>{alert ? `Resolve: ${alert.title}` : ''}</Text>}>
      {alert && <ResolveForm key={alert.alertId} alert={alert} onClose={onClose} />}
    </Modal>
  );
}

function ResolveForm({ alert, onClose }: { alert: AlertView; onClose: () => void }) {
  const resolve = useResolveAlert();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);

  const send = () => {
    if (!note.trim()) {
      setNoteError(NOTE_REQUIRED);
      return;
    }
    resolve.mutate(
      { alertId: alert.alertId, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Alert resolved', message: `${alert.title}: ${alert.patient.displayName}.` });
          onClose();
        },
        onError: (error) => {
          // A refused note is shown beside it; the rest (already resolved…) above the buttons.
          const problem = error instanceof ApiError ? error.fieldProblems.find((p) => p.path.startsWith('note')) : undefined;
          if (problem) setNoteError(problem.message.startsWith('must') ? fieldSentence(problem.message) : error.message || NOTE_REQUIRED);
        },
      },
    );
  };
  const generalError = resolve.error && !(resolve.error instanceof ApiError && resolve.error.fieldProblems.some((p) => p.path.startsWith('note'))) ? errorSentence(resolve.error) : null;

  return (
    <Stack gap="sm">
      <Text size="sm">
        <b>{alert.patient.displayName}</b> · {alertSummary(alert)}
      </Text>
      <Textarea
        label="What was done"
        description="For example: risk assessment completed, safety plan reviewed, patient contacted. Kept with the alert; patients do not see it."
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={note}
        error={noteError}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setNoteError(null);
        }}
        data-autofocus
      />
      <FormAlert message={generalError} title="Not resolved" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={resolve.isPending}>
          Cancel
        </Button>
        <Button color="teal" loading={resolve.isPending} onClick={send}>
          Resolve alert
        </Button>
      </Group>
    </Stack>
  );
}
