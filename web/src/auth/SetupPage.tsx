import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import type { Me } from '../api/types.ts';
import { FormAlert, SectionLoader } from '../shell/States.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkInfo, useLinkToken } from './link-token.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { EMAIL_PATTERN, newPasswordProblem, repeatProblem } from './password-rules.ts';
import { startSession } from './session.tsx';

const FIELDS = ['organizationName', 'fullName', 'email', 'password'];

/** First run: the link the server printed names the organization and creates its first administrator. */
export function SetupPage() {
  const token = useLinkToken();
  const link = useLinkInfo(token);

  let body;
  if (!token) body = <LinkProblem missing hint="Use the setup link printed by the Cairn server when it first started." />;
  else if (link.isPending) body = <SectionLoader label="Checking the setup link" />;
  else if (link.isError) {
    body = (
      <LinkProblem
        error={link.error}
        message={link.error instanceof ApiError && link.error.code === 'token_invalid' ? 'This setup link is not valid: it has expired (after 24 hours) or been used already.' : undefined}
        hint="Restart the Cairn server to print a new setup link, or sign in if setup is already done."
      />
    );
  }
  else if (link.data.purpose !== 'setup') return <Navigate to={`/welcome#token=${encodeURIComponent(token)}`} replace />;
  else body = <SetupForm token={token} organizationName={link.data.organizationName} />;

  return (
    <AuthLayout title="Set up Cairn" subtitle="Name your organization and create the first administrator account." width={480}>
      {body}
    </AuthLayout>
  );
}

function SetupForm({ token, organizationName }: { token: string; organizationName: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { organizationName, fullName: '', email: '', password: '', repeatPassword: '' },
    validate: {
      organizationName: (v) => (v.trim() ? null : 'Enter the organization’s name.'),
      fullName: (v) => (v.trim() ? null : 'Enter your full name.'),
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : 'Enter a valid e-mail address.'),
      password: newPasswordProblem,
      repeatPassword: repeatProblem,
    },
  });

  const setup = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post<Me>('/api/setup', { token, organizationName: v.organizationName.trim(), fullName: v.fullName.trim(), email: v.email.trim(), password: v.password }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      navigate('/', { replace: true });
    },
    onError: (e) => setError(applyServerError(form, e, FIELDS)),
  });

  return (
    <form
      onSubmit={form.onSubmit((v) => {
        setError(null);
        setup.mutate(v);
      })}
      noValidate
    >
      <Stack>
        <FormAlert message={error} title="Setup not finished" />
        <TextInput label="Organization name" description="As your staff know it; you can change it later." required {...form.getInputProps('organizationName')} />
        <Text fw={600} size="sm" mt="xs">
          Your administrator account
        </Text>
        <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('fullName')} />
        <TextInput label="E-mail" type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <NewPasswordFields form={form} />
        <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
          Create organization and sign in
        </Button>
      </Stack>
    </form>
  );
}
