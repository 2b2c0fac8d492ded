import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorSentence } from '../api/error-messages.ts';

/** A missing, used or expired one-time link, with what to do next. */
export function LinkProblem({ error, missing, hint, message }: { error?: unknown; missing?: boolean; hint: string; message?: string }) {
  return (
    <Stack>
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This link cannot be used" role="alert">
        <Text size="sm">{missing ? 'The link is incomplete: its token is missing. Open the whole link again.' : (message ?? errorSentence(error))}</Text>
      </Alert>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <Anchor component={Link} to="/login" size="sm">
        Go to sign-in
      </Anchor>
    </Stack>
  );
}
