import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { errorSentence } from '../api/error-messages.ts';
import { FormAlert } from './States.tsx';

interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** The work; throws to keep the dialog open with the error shown. */
  onConfirm: () => Promise<void>;
  /** Notification text after success. */
  successMessage?: string;
  danger?: boolean;
}

/** A button that asks first: for deactivating, resetting and other consequential actions. */
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, successMessage, danger = false, ...button }: ConfirmButtonProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
      if (successMessage) notifications.show({ color: 'teal', title: 'Done', message: successMessage });
    } catch (e) {
      setError(errorSentence(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...button} color={danger ? 'red' : button.color} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <Modal opened={opened} onClose={() => !busy && setOpened(false)} title={<Text fw={700}>{title}</Text>} centered>
        <Stack>
          <Text size="sm" component="div">
            {message}
          </Text>
          <FormAlert message={error} title="That did not work" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
              Cancel
            </Button>
            <Button color={danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()} data-autofocus>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
