import { Alert, Button, Code, CopyButton, Group, Image, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconDeviceMobile } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { toDataURL } from 'qrcode';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import { errorSentence } from '../api/error-messages.ts';
import type { TotpSetup } from '../api/types.ts';
import { FormAlert } from '../shell/States.tsx';

interface Enrollment extends TotpSetup {
  qr: string;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type from the screen. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Authenticator enrolment: a new secret (QR code and text), then the first code from the
 * app turns it on. Nothing changes until the code is confirmed.
 */
export function AuthenticatorSetup({ onEnabled }: { onEnabled: () => void }) {
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : 'Enter the 6 digits shown in the app.') },
  });

  const start = useMutation({
    mutationFn: async () => {
      const setup = await api.post<TotpSetup>('/api/me/totp');
      return { ...setup, qr: await toDataURL(setup.uri, { margin: 1, width: 232, errorCorrectionLevel: 'M' }) };
    },
    onSuccess: (e) => {
      setError(null);
      form.reset();
      setEnrollment(e);
    },
    onError: (e) => setError(errorSentence(e)),
  });

  const confirm = useMutation({
    mutationFn: (code: string) => api.post('/api/me/totp/confirm', { code }),
    onSuccess: onEnabled,
    onError: (e) => {
      form.setFieldValue('code', '');
      setError(applyServerError(form, e, ['code']));
    },
  });

  if (!enrollment) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Use an authenticator app such as Google Authenticator, Microsoft Authenticator or 1Password. After setup, signing in asks for your password and a
          6-digit code from the app.
        </Text>
        <FormAlert message={error} title="Could not start" />
        <Button leftSection={<IconDeviceMobile size={18} aria-hidden />} loading={start.isPending} onClick={() => start.mutate()}>
          Set up authenticator app
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>In your authenticator app, add an account and scan this QR code.</List.Item>
        <List.Item>Enter the 6-digit code the app shows for Cairn.</List.Item>
      </List>
      <Group align="flex-start" gap="xl">
        <Paper withBorder p="xs" radius="md">
          <Image src={enrollment.qr} alt="QR code to add Cairn to your authenticator app" w={232} h={232} />
        </Paper>
        <Stack gap="xs" maw={360}>
          <Text size="sm" fw={600}>
            Cannot scan?
          </Text>
          <Text size="sm">Choose “enter a setup key” in the app and type this key (time-based):</Text>
          <Group gap="xs" align="center">
            <Code fz="md" style={{ letterSpacing: '0.05em', wordBreak: 'break-all' }} aria-label="Setup key">
              {grouped(enrollment.secret)}
            </Code>
            <CopyButton value={enrollment.secret}>
              {({ copied, copy }) => (
                <Button variant="default" size="xs" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Group>
      <form
        onSubmit={form.onSubmit((v) => {
          setError(null);
          confirm.mutate(v.code.trim());
        })}
        noValidate
      >
        <Stack gap="sm" maw={360}>
          <FormAlert message={error} title="Not turned on" />
          <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...form.getInputProps('code')} />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              Turn on
            </Button>
            <Button variant="subtle" onClick={() => start.mutate()} loading={start.isPending}>
              Show a new code
            </Button>
          </Group>
        </Stack>
      </form>
      <Alert variant="light" color="gray" role="note">
        Keep your phone safe: if you lose it, an administrator can reset your authenticator.
      </Alert>
    </Stack>
  );
}
