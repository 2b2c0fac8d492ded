import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { errorSentence } from '../api/error-messages.ts';
import { useVerifyAuditChain } from './useAudit.ts';

/** Recomputes the audit trail's hash chain on the server and shows the outcome. */
export function VerifyChain() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Stack gap="sm">
      <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()} w="fit-content">
        Verify chain
      </Button>
      <div aria-live="polite">
        {verify.isError && (
          <Alert color="red" variant="light" title="The check could not run" icon={<IconAlertTriangle aria-hidden />}>
            {errorSentence(verify.error)}
          </Alert>
        )}
        {result?.ok && (
          <Alert color="teal" variant="light" title="The audit trail is intact" icon={<IconShieldCheck aria-hidden />} role="status">
            All {result.events.toLocaleString()} events were checked: none has been changed or removed.
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" variant="light" title="The audit trail has been altered" icon={<IconAlertTriangle aria-hidden />}>
            <Stack gap="xs">
              <Text size="sm">
                {result.events.toLocaleString()} events checked. Keep this page and tell your security officer: these events do not match the chain.
              </Text>
              <List size="sm">
                {result.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
