import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import type { AccountLink } from '../api/types.ts';
import { formatDateTime } from './staff-status.tsx';

/** A one-time link to hand over in person: Cairn sends no e-mail. */
export function AccountLinkPanel({ link, personName }: { link: AccountLink; personName: string }) {
  const what = link.purpose === 'invite' ? 'invitation' : 'password reset';
  return (
    <Alert variant="light" color="indigo" icon={<IconLink aria-hidden />} title={`One-time ${what} link for ${personName}`} role="region" aria-label={`One-time ${what} link`}>
      <Stack gap="sm">
        <Text size="sm">
          Cairn does not send e-mail. Give this link to {personName} yourself, in person or through your organization’s secure messaging. It works once and
          expires {formatDateTime(link.expiresAt)}.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={`${what.charAt(0).toUpperCase()}${what.slice(1)} link`} value={link.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button onClick={copy} leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
