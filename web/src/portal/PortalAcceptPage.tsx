import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import type { PortalMe } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { useLinkToken } from '../auth/link-token.ts';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';
import { newPasswordProblem, repeatProblem } from '../auth/password-rules.ts';
import { FormAlert } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { portalApi } from './portal-client.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { useStartPortalSession } from './usePortal.ts';

/** /portal/accept#token=… — the patient chooses a password and is signed in. */
export function PortalAcceptPage() {
  usePageTitle('Set up your portal');
  const token = useLinkToken();
  const navigate = useNavigate();
  const start = useStartPortalSession();
  const form = useForm({ initialValues: { password: '', repeatPassword: '' }, validate: { password: newPasswordProblem, repeatPassword: repeatProblem } });
  const { busy, error, submit } = useFormSubmit(form, ['password'], async (v: { password: string }) => {
    const me = await portalApi.post<PortalMe>('/api/portal/accept', { token, password: v.password });
    history.replaceState(null, '', window.location.pathname);
    start(me);
    navigate('/portal', { replace: true });
  });
  return (
    <PortalLayout>
      <Card withBorder radius="lg" padding="xl" maw={480} mx="auto" mt="lg">
        {!token ? (
          <Alert color="red" title="This link is incomplete">
            Open the whole link you were given, or ask the front desk for a new one.
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
            <Stack gap="md">
              <Title order={1} size="h2">
                Welcome
              </Title>
              <Text>Choose a password for your patient portal. You will use it with your e-mail address to sign in.</Text>
              <NewPasswordFields form={form} />
              <FormAlert message={error} title="Not set up" />
              <Button type="submit" size="lg" loading={busy} fullWidth>
                Set password and continue
              </Button>
            </Stack>
          </form>
        )}
      </Card>
    </PortalLayout>
  );
}
