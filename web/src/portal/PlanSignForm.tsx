import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import { FormAlert } from '../shell/States.tsx';
import { useSignPlan } from './usePortalCare.ts';

/** Refusals a patient can act on, in their words. */
function signRefusal(error: unknown): { field: string | null; general: string | null } {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'signature_name_mismatch':
        return { field: 'This does not match the name your clinic has for you. Type your first and last name as the clinic knows them.', general: null };
      case 'plan_changed':
        return { field: null, general: 'Your care team changed this plan since you opened it. Please read it again before signing.' };
      case 'plan_not_awaiting_signature':
        return { field: null, general: 'This plan has changed or was already signed. The page now shows the latest version.' };
      case 'not_found':
        return { field: null, general: 'This plan is no longer available. Go back to your home page.' };
    }
  }
  return { field: null, general: errorSentence(error) };
}

/**
 * The patient signs by typing their full name; the server checks it against their chart, and
 * that the version is still as they were shown it (`updatedAt`).
 */
export function PlanSignForm({ episodeId, version, updatedAt, onSigned }: { episodeId: string; version: number; updatedAt: string; onSigned: () => void }) {
  const sign = useSignPlan(episodeId);
  const [typedName, setTypedName] = useState('');
  const [missing, setMissing] = useState(false);
  const refusal = sign.error ? signRefusal(sign.error) : { field: null, general: null };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!typedName.trim()) {
      setMissing(true);
      return;
    }
    sign.mutate({ version, updatedAt, typedName: typedName.trim() }, { onSuccess: onSigned });
  };

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="sign-plan">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="sign-plan">
            Sign your plan
          </Title>
          <Text>Typing your full name is your signature. It says you have read this plan and agree to work on it with your care team.</Text>
          <TextInput
            label="Your full name"
            size="lg"
            autoComplete="name"
            required
            value={typedName}
            onChange={(e) => {
              setTypedName(e.currentTarget.value);
              setMissing(false);
              if (sign.isError) sign.reset();
            }}
            error={missing ? 'Type your full name to sign.' : refusal.field}
          />
          <FormAlert message={refusal.general} title="Not signed" />
          <Button type="submit" size="lg" loading={sign.isPending} leftSection={<IconSignature size={22} aria-hidden />} fullWidth>
            Sign my plan
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
