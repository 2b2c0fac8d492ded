import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import type { Me } from '../api/types.ts';
import { FormAlert } from '../shell/States.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EMAIL_PATTERN } from './password-rules.ts';
import { type SignInNotice, safeNext, startSession, useMeQuery } from './session.tsx';

const NOTICES: Record<SignInNotice, { color: string; text: string }> = {
  ended: { color: 'yellow', text: 'Your session ended. Sign in again.' },
  signed_out: { color: 'teal', text: 'You have signed out.' },
};

export function LoginPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = (location.state as { notice?: SignInNotice } | null)?.notice;
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const current = useMeQuery();

  const form = useForm({
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : 'Enter your e-mail address.'),
      password: (v) => (v ? null : 'Enter your password.'),
      totp: (v) => (step === 'code' && !/^\d{6}$/.test(v.trim()) ? 'Enter the 6 digits shown in your authenticator app.' : null),
    },
  });

  const login = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<Me>('/api/auth/login', {
        email: values.email.trim(),
        password: values.password,
        ...(step === 'code' ? { totp: values.totp.trim() } : {}),
      }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      const code = e instanceof ApiError ? e.code : '';
      if (code === 'totp_required') {
        setError(null);
        setStep('code');
        return;
      }
      if (code === 'totp_invalid') {
        form.setFieldValue('totp', '');
        form.setFieldError('totp', errorSentence(e));
        return;
      }
      if (code === 'invalid_credentials') form.setFieldValue('password', '');
      setError(errorSentence(e));
    },
  });

  if (current.data) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Sign in to Cairn" subtitle={step === 'code' ? 'Two-step sign-in' : undefined}>
      {notice && !attempted && (
        <Alert color={NOTICES[notice].color} variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {NOTICES[notice].text}
        </Alert>
      )}
      <form
        onSubmit={form.onSubmit((values) => {
          setAttempted(true);
          login.mutate(values);
        })}
        noValidate
      >
        <Stack>
          <FormAlert message={error} title="Not signed in" />
          {step === 'password' ? (
            <>
              <TextInput label="E-mail" type="email" autoComplete="username" required {...form.getInputProps('email')} />
              <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            </>
          ) : (
            <>
              <Text size="sm">Open the authenticator app on your phone and enter the 6-digit code for Cairn.</Text>
              <TextInput
                label="Authenticator code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                data-autofocus
                autoFocus
                {...form.getInputProps('totp')}
              />
            </>
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            {step === 'code' ? 'Verify and sign in' : 'Sign in'}
          </Button>
          {step === 'code' ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep('password');
                form.setFieldValue('totp', '');
                form.setFieldValue('password', '');
              }}
            >
              Use a different account
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              Forgot your password? An administrator can give you a reset link.
            </Text>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
