import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { AuthLayout } from './AuthLayout.tsx';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';
import { ME_KEY, useMe, useSignOut } from './session.tsx';

/**
 * The organization requires a second factor and this account has none: until it is set
 * up, the server refuses everything else, so this is the only screen.
 */
export function EnrollmentPage() {
  const me = useMe();
  const signOut = useSignOut();
  const queryClient = useQueryClient();

  // Once /api/me says "satisfied", RequireAuth moves on to ?next=.
  const enabled = async () => {
    notifications.show({ color: 'teal', title: 'Authenticator on', message: 'From now on, signing in asks for a code from your app.' });
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };

  return (
    <AuthLayout
      title="Set up your authenticator app"
      width={640}
      subtitle={
        <Text size="sm" c="dimmed">
          {me.organization.name} requires a second step when staff sign in. Set it up now to continue, {me.fullName}.
        </Text>
      }
    >
      <AuthenticatorSetup onEnabled={() => void enabled()} />
      <Group justify="flex-end">
        <Button variant="subtle" color="gray" onClick={() => void signOut('signed_out')}>
          Sign out
        </Button>
      </Group>
    </AuthLayout>
  );
}
