import { Badge, Button, Card, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import { FormAlert } from '../shell/States.tsx';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';
import { ME_KEY, useMe } from './session.tsx';

export function AuthenticatorCard() {
  const me = useMe();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ME_KEY });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="totp-heading">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="totp-heading">
          Authenticator app
        </Title>
        <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light">
          {me.totpEnabled ? 'On' : 'Off'}
        </Badge>
      </Group>
      {me.totpEnabled ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">Signing in asks for your password and a 6-digit code from your authenticator app.</Text>
          {me.organization.requireTotp ? (
            <Text size="sm" c="dimmed">
              Your organization requires an authenticator, so it cannot be turned off. If you get a new phone, ask an administrator to reset it.
            </Text>
          ) : (
            <DisableAuthenticator onDone={() => void refresh()} />
          )}
        </Stack>
      ) : (
        <AuthenticatorSetup
          onEnabled={() => {
            notifications.show({ color: 'teal', title: 'Authenticator on', message: 'From now on, signing in asks for a code from your app.' });
            void refresh();
          }}
        />
      )}
    </Card>
  );
}

function DisableAuthenticator({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v ? null : 'Enter your password.') } });
  const disable = useMutation({
    mutationFn: (password: string) => api.post('/api/me/totp/disable', { password }),
    onSuccess: () => {
      setOpened(false);
      form.reset();
      notifications.show({ color: 'teal', title: 'Authenticator off', message: 'Signing in now asks for your password only.' });
      onDone();
    },
    onError: (e) => setError(applyServerError(form, e, ['password'])),
  });

  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpened(true)}>
        Turn off…
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={<Text fw={700}>Turn off the authenticator?</Text>} centered>
        <form
          onSubmit={form.onSubmit((v) => {
            setError(null);
            disable.mutate(v.password);
          })}
          noValidate
        >
          <Stack>
            <Text size="sm">Your account will be protected by your password alone. Enter your password to confirm.</Text>
            <FormAlert message={error} title="Still on" />
            <input type="text" name="username" autoComplete="username" value={me.email} hidden readOnly />
            <PasswordInput label="Password" autoComplete="current-password" required data-autofocus {...form.getInputProps('password')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={disable.isPending}>
                Turn off
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
