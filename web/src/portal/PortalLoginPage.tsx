import { Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import type { PortalMe } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { FormAlert } from '../shell/States.tsx';
import { portalApi, setPortalCsrfToken } from './portal-client.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { useStartPortalSession } from './usePortal.ts';

/** /portal/login — e-mail and password, big and simple. */
export function PortalLoginPage() {
  usePageTitle('Sign in to your portal');
  const navigate = useNavigate();
  const start = useStartPortalSession();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: (v) => (v.trim() ? null : 'Enter your e-mail address.'), password: (v) => (v ? null : 'Enter your password.') },
  });
  const { busy, error, submit } = useFormSubmit(form, ['email', 'password'], async (v: { email: string; password: string }) => {
    setPortalCsrfToken(null);
    const me = await portalApi.post<PortalMe>('/api/portal/login', { email: v.email.trim(), password: v.password });
    start(me);
    navigate('/portal', { replace: true });
  });
  return (
    <PortalLayout>
      <Card withBorder radius="lg" padding="xl" maw={440} mx="auto" mt="lg">
        <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
          <Stack gap="md">
            <Title order={1} size="h2">
              Sign in
            </Title>
            <Text c="dimmed">See your schedule, join video sessions, check your hours, answer questionnaires and sign your treatment plan.</Text>
            <TextInput label="E-mail" type="email" autoComplete="username" size="lg" required {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" size="lg" required {...form.getInputProps('password')} />
            <FormAlert message={error} title="Could not sign in" />
            <Button type="submit" size="lg" loading={busy} fullWidth>
              Sign in
            </Button>
            <Text size="sm" c="dimmed">
              Forgot your password? Ask the front desk for a new link.
            </Text>
          </Stack>
        </form>
      </Card>
    </PortalLayout>
  );
}
