import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import type { LinkInfo, Me } from '../api/types.ts';
import { FormAlert, SectionLoader } from '../shell/States.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkInfo, useLinkToken } from './link-token.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, repeatProblem } from './password-rules.ts';
import { startSession } from './session.tsx';

const ASK_ADMIN = 'Ask an administrator for a new link: they can issue one from the Staff page.';

/** Invitations and password resets: choose a password, then you are signed in. */
export function WelcomePage() {
  const token = useLinkToken();
  const link = useLinkInfo(token);

  if (token && link.data?.purpose === 'setup') return <Navigate to={`/setup#token=${encodeURIComponent(token)}`} replace />;

  const info = link.data;
  const title = !info ? 'Welcome to Cairn' : info.purpose === 'password_reset' ? 'Choose a new password' : `Welcome to ${info.organizationName}`;
  const subtitle = !info
    ? undefined
    : info.purpose === 'password_reset'
      ? `Set a new password for ${info.email ?? 'your account'}. Other devices signed in to this account will be signed out.`
      : `Hello${info.fullName ? ` ${info.fullName}` : ''}. Choose a password to finish setting up your account.`;

  let body;
  if (!token) body = <LinkProblem missing hint={ASK_ADMIN} />;
  else if (link.isPending) body = <SectionLoader label="Checking your link" />;
  else if (link.isError || !info) body = <LinkProblem error={link.error} hint={ASK_ADMIN} />;
  else body = <WelcomeForm token={token} info={info} />;

  return (
    <AuthLayout title={title} subtitle={subtitle}>
      {body}
    </AuthLayout>
  );
}

function WelcomeForm({ token, info }: { token: string; info: LinkInfo }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', repeatPassword: '', totp: '' },
    validate: {
      password: newPasswordProblem,
      repeatPassword: repeatProblem,
      totp: (value: string) => (info.totpRequired && !/^\d{6}$/.test(value.trim()) ? 'Enter the 6-digit code from your authenticator app.' : null),
    },
  });

  const accept = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post<Me>('/api/auth/accept-link', { token, password: v.password, ...(info.totpRequired ? { totp: v.totp.trim() } : {}) }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      navigate('/', { replace: true });
    },
    onError: (e) => setError(applyServerError(form, e, ['password', 'totp'])),
  });

  return (
    <form
      onSubmit={form.onSubmit((v) => {
        setError(null);
        accept.mutate(v);
      })}
      noValidate
    >
      <Stack>
        <FormAlert message={error} title="Password not set" />
        {info.email && <TextInput label="E-mail" value={info.email} readOnly autoComplete="username" />}
        <NewPasswordFields form={form} label={info.purpose === 'password_reset' ? 'New password' : 'Password'} />
        {info.totpRequired && (
          <TextInput
            label="Authenticator code"
            description="Your account has an authenticator app: enter its current 6-digit code."
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            {...form.getInputProps('totp')}
          />
        )}
        <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
          {info.purpose === 'password_reset' ? 'Save password and sign in' : 'Set password and sign in'}
        </Button>
      </Stack>
    </form>
  );
}
