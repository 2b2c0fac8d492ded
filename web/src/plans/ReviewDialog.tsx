import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '../shell/States.tsx';
import { addDays, formatDate } from '../time/dates.ts';
import { planErrorSentence } from './plan-errors.ts';
import { useRecordReview } from './usePlan.ts';

interface ReviewDialogProps {
  opened: boolean;
  onClose: () => void;
  episodeId: string;
  today: string;
  intervalDays: number;
}

/** Review the plan in force without changing it: a note, and the next review moves on. */
export function ReviewDialog({ opened, onClose, episodeId, today, intervalDays }: ReviewDialogProps) {
  const review = useRecordReview(episodeId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);

  const submit = async () => {
    if (!note.trim()) {
      setNoteError('Write what the review found.');
      return;
    }
    setError(null);
    try {
      const view = await review.mutateAsync(note.trim());
      notifications.show({ color: 'teal', title: 'Review recorded', message: `Next review due ${formatDate(view.active?.reviewDueOn)}.` });
      setNote('');
      onClose();
    } catch (e) {
      setError(planErrorSentence(e));
    }
  };

  return (
    <Modal opened={opened} onClose={() => !review.isPending && onClose()} title={<Text fw={700}>Record a plan review</Text>} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Textarea
            label="Review note"
            description="Progress toward the objectives, and why the plan stays as it is. To change the plan, revise it instead."
            required
            autosize
            minRows={4}
            data-autofocus
            value={note}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
            error={noteError}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
          />
          <Text size="sm" c="dimmed">
            The next review will be due {formatDate(addDays(today, intervalDays))} ({intervalDays} days from today). Ctrl+Enter records it.
          </Text>
          <FormAlert message={error} title="Review not recorded" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={review.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={review.isPending}>
              Record review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
