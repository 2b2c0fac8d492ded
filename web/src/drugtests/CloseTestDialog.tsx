import { Button, Chip, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../shell/States.tsx';
import { NOT_COLLECTED_REASONS } from './drug-test-labels.ts';
import type { TodayTest } from './drug-test-types.ts';
import { useCodedSubmit } from './use-coded-submit.ts';
import { useRecordNotCollected, useRecordRefusal } from './useDrugTests.ts';

export type Closing = 'refused' | 'not_collected';

/**
 * Close a test without a specimen: the patient refused (counts as a positive for the care
 * team, and alerts them), or it could not be collected (absent, session cancelled).
 */
export function CloseTestDialog({ test, closing, onClose }: { test: TodayTest | null; closing: Closing; onClose: () => void }) {
  const title = closing === 'refused' ? 'Record a refusal' : 'Not collected';
  return (
    <Modal opened={test !== null} onClose={onClose} centered title={<Text fw={700}>{test ? `${title}: ${test.patient.displayName}` : ''}</Text>}>
      {test && <CloseForm key={`${test.testId}-${closing}`} test={test} closing={closing} onClose={onClose} />}
    </Modal>
  );
}

function CloseForm({ test, closing, onClose }: { test: TodayTest; closing: Closing; onClose: () => void }) {
  const refuse = useRecordRefusal(test.testId);
  const notCollected = useRecordNotCollected(test.testId);
  const field = closing === 'refused' ? 'note' : 'reason';
  const form = useForm({
    initialValues: { text: '' },
    validate: { text: (v) => (v.trim() ? null : closing === 'refused' ? 'Say what the patient said or did.' : 'Say why the specimen was not collected.') },
  });
  const { busy, error, submit } = useCodedSubmit(form, [field], {}, async ({ text }: { text: string }) => {
    if (closing === 'refused') await refuse.mutateAsync(text.trim());
    else await notCollected.mutateAsync(text.trim());
    notifications.show({ color: closing === 'refused' ? 'orange' : 'gray', title: closing === 'refused' ? 'Refusal recorded' : 'Marked not collected', message: test.patient.displayName });
    onClose();
  });
  // The server names the field `note` or `reason`; the form calls it `text`.
  const textError = form.errors.text ?? form.errors[field];

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        {closing === 'refused' ? (
          <Text size="sm">A refused test is treated as a positive result: the patient’s care team is alerted.</Text>
        ) : (
          <Chip.Group onChange={(v) => form.setFieldValue('text', String(v))}>
            <Group gap={6}>
              {NOT_COLLECTED_REASONS.map((r) => (
                <Chip key={r} value={r} size="sm" checked={form.values.text === r} variant="outline">
                  {r}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        <Textarea
          label={closing === 'refused' ? 'What happened' : 'Reason'}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('text')}
          error={textError}
        />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color={closing === 'refused' ? 'red' : undefined} loading={busy}>
            {closing === 'refused' ? 'Record refusal' : 'Mark not collected'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
