import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { FormAlert } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { planErrorSentence } from './plan-errors.ts';
import type { PlanVersion } from './plan-types.ts';
import { useRecordInPersonSignature } from './usePlan.ts';

interface InPersonSignDialogProps {
  opened: boolean;
  onClose: () => void;
  episodeId: string;
  version: PlanVersion;
  witnessName: string;
}

/** A refusal on the name field when it names the name, else above the buttons. */
function refusalOf(error: unknown): { field: string | null; general: string | null } {
  if (error instanceof ApiError && error.code === 'signature_name_mismatch') {
    return { field: 'This does not match the chart. The patient types their first (legal or preferred) and last name as the clinic has them.', general: null };
  }
  if (error instanceof ApiError && error.code === 'plan_changed') {
    return { field: null, general: 'This version changed since you opened it. The page now shows the latest; go through it with the patient again before they sign.' };
  }
  return { field: null, general: planErrorSentence(error) };
}

/** The patient signs the version awaiting them in the clinic; the clinician attests they saw it. */
export function InPersonSignDialog({ opened, onClose, episodeId, version, witnessName }: InPersonSignDialogProps) {
  const sign = useRecordInPersonSignature(episodeId);
  const [typedName, setTypedName] = useState('');
  const [missing, setMissing] = useState(false);
  const refusal = sign.error ? refusalOf(sign.error) : { field: null, general: null };

  const close = () => {
    if (sign.isPending) return;
    setTypedName('');
    setMissing(false);
    sign.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!typedName.trim()) {
      setMissing(true);
      return;
    }
    sign.mutate(
      { version: version.version, updatedAt: version.updatedAt, typedName: typedName.trim(), method: 'in_person' },
      {
        onSuccess: (signed) => {
          notifications.show({ color: 'teal', title: 'Plan in effect', message: `Version ${signed.version} took effect today; next review due ${formatDate(signed.reviewDueOn)}.` });
          setTypedName('');
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>Patient signs in clinic</Text>} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Hand the device to the patient. Typing their full name is their signature on version {version.version}: they have read the plan and agree to work on it. It takes effect today.
          </Text>
          <TextInput
            label="Patient’s full name"
            description="Typed by the patient"
            required
            autoComplete="off"
            data-autofocus
            value={typedName}
            onChange={(e) => {
              setTypedName(e.currentTarget.value);
              setMissing(false);
              if (sign.isError) sign.reset();
            }}
            error={missing ? 'The patient types their full name to sign.' : refusal.field}
          />
          <Text size="sm" c="dimmed">
            By recording it, you (<b>{witnessName}</b>) attest that the patient signed in your presence.
          </Text>
          <FormAlert message={refusal.general} title="Not signed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={sign.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={sign.isPending} leftSection={<IconSignature size={18} aria-hidden />}>
              Record signature
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
