import { Button, Group, Modal, Stack, Text } from '@mantine/core';

interface SignDialogProps {
  opened: boolean;
  busy: boolean;
  signerName: string;
  onCancel: () => void;
  onSign: () => void;
}

/** The clinician's attestation before signing a plan version. */
export function SignDialog({ opened, busy, signerName, onCancel, onSign }: SignDialogProps) {
  return (
    <Modal opened={opened} onClose={() => !busy && onCancel()} title={<Text fw={700}>Sign the treatment plan</Text>} centered>
      <Stack>
        <Text size="sm">
          You sign as <b>{signerName}</b>. You confirm that you developed this plan with the patient and that it reflects their goals.
        </Text>
        <Text size="sm" c="dimmed">
          The patient then reviews and signs it, in the portal or in the clinic; it takes effect when they do. Editing it before then clears your signature.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={onSign} loading={busy} data-autofocus>
            Sign as clinician
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
