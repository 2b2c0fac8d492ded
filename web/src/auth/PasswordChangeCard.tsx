import { Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import { FormAlert } from '../shell/States.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, repeatProblem } from './password-rules.ts';
import { useMe } from './session.tsx';

export function PasswordChangeCard() {
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', password: '', repeatPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password.'),
      password: newPasswordProblem,
      repeatPassword: repeatProblem,
    },
  });

  const change = useMutation({
    mutationFn: (v: typeof form.values) => api.post('/api/me/password', { currentPassword: v.currentPassword, newPassword: v.password }),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', title: 'Password changed', message: 'Other devices signed in to your account have been signed out.' });
    },
    onError: (e) => {
      // The server names `newPassword`; this form calls it `password`.
      const renamed = { setFieldError: (path: string, message: string) => form.setFieldError(path === 'newPassword' ? 'password' : path, message) };
      setError(applyServerError(renamed, e, ['currentPassword', 'newPassword', 'password']));
    },
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb="md">
        Change password
      </Title>
      <form
        onSubmit={form.onSubmit((v) => {
          setError(null);
          change.mutate(v);
        })}
        noValidate
      >
        <Stack>
          <FormAlert message={error} title="Password not changed" />
          <input type="text" name="username" autoComplete="username" value={me.email} hidden readOnly />
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <NewPasswordFields form={form} label="New password" />
          <Button type="submit" loading={change.isPending} w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
