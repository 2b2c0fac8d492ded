import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AccountLink, StaffMember } from '../api/types.ts';
import { ConfirmButton } from '../shell/ConfirmButton.tsx';
import { AccountLinkPanel } from './AccountLinkPanel.tsx';
import { formatDateTime, isLocked, StaffStatusBadges } from './staff-status.tsx';
import { useIssueAccountLink, useStaffAction } from './useStaff.ts';

/** Sign-in help and account status for one staff member, each action confirmed first. */
export function StaffAccountActions({ member, isSelf }: { member: StaffMember; isSelf: boolean }) {
  const action = useStaffAction(member.staffId);
  const issueLink = useIssueAccountLink(member.staffId);
  const [link, setLink] = useState<AccountLink | null>(null);
  const name = member.fullName;
  const run = async (a: Parameters<typeof action.mutateAsync>[0]) => {
    await action.mutateAsync(a);
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="account-actions">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="account-actions">
            Account
          </Title>
          <StaffStatusBadges member={member} />
        </Group>
        <Stack gap={4}>
          <Text size="sm">
            {member.status === 'invited' && 'Has not chosen a password yet.'}
            {member.status === 'active' && 'Can sign in.'}
            {member.status === 'deactivated' && 'Cannot sign in. Their records and history are kept.'}{' '}
            Authenticator app: {member.totpEnabled ? 'on' : 'off'}.
          </Text>
          {isLocked(member) && member.lockedUntil && (
            <Text size="sm" c="red.8">
              Locked after repeated failed sign-ins until {formatDateTime(member.lockedUntil)}.
            </Text>
          )}
        </Stack>

        {link && <AccountLinkPanel link={link} personName={name} />}

        <Group gap="sm">
          {member.status !== 'deactivated' && (
            <ConfirmButton
              variant="default"
              title={member.status === 'invited' ? 'New invitation link?' : 'Password reset link?'}
              message={
                member.status === 'invited'
                  ? `A new one-time invitation link for ${name}. Any earlier link stops working.`
                  : `A one-time link for ${name} to choose a new password. Any earlier link stops working; their current password works until they use it.`
              }
              confirmLabel="Create link"
              onConfirm={async () => setLink(await issueLink.mutateAsync())}
              successMessage="The link is shown on this page."
            >
              {member.status === 'invited' ? 'New invitation link' : 'Password reset link'}
            </ConfirmButton>
          )}
          {isLocked(member) && (
            <ConfirmButton
              variant="default"
              title={`Unlock ${name}?`}
              message="They can try to sign in again straight away. Unlock only when you know the failed attempts were theirs."
              confirmLabel="Unlock"
              onConfirm={() => run('unlock')}
              successMessage={`${name} can sign in again.`}
            >
              Unlock account
            </ConfirmButton>
          )}
          {member.totpEnabled && !isSelf && (
            <ConfirmButton
              variant="default"
              title={`Reset ${name}’s authenticator?`}
              message="For a lost or replaced phone. Their authenticator is removed and they are signed out everywhere; if your organization requires one, they set up a new one at their next sign-in."
              confirmLabel="Reset authenticator"
              danger
              onConfirm={() => run('totp/reset')}
              successMessage={`${name}’s authenticator was removed.`}
            >
              Reset authenticator
            </ConfirmButton>
          )}
          {!isSelf && member.status !== 'deactivated' && (
            <ConfirmButton
              variant="outline"
              danger
              title={`Deactivate ${name}?`}
              message="They are signed out everywhere and can no longer sign in. Nothing they recorded is deleted, and you can reactivate the account later."
              confirmLabel="Deactivate"
              onConfirm={() => run('deactivate')}
              successMessage={`${name} can no longer sign in.`}
            >
              Deactivate
            </ConfirmButton>
          )}
          {member.status === 'deactivated' && (
            <ConfirmButton
              variant="default"
              title={`Reactivate ${name}?`}
              message="They can sign in again with their existing password (or finish their invitation with a new link)."
              confirmLabel="Reactivate"
              onConfirm={() => run('reactivate')}
              successMessage={`${name} is active again.`}
            >
              Reactivate
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
