import { Alert, Badge, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconLink, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Patient, PortalAccountStatus, PortalInvite } from '../api/types.ts';
import { FormAlert } from '../shell/States.tsx';
import { errorSentence } from '../api/error-messages.ts';
import { formatDateTime } from '../staff/staff-status.tsx';

const STATUS_LABEL: Record<PortalAccountStatus['status'], { text: string; color: string }> = {
  none: { text: 'No portal account', color: 'gray' },
  invited: { text: 'Invited, not signed in yet', color: 'blue' },
  active: { text: 'Portal active', color: 'teal' },
  deactivated: { text: 'Portal access off', color: 'gray' },
};

/** Invite the patient to the portal: a one-time link to hand over (Cairn sends no e-mail). */
export function PortalInvitePanel({ patient }: { patient: Patient }) {
  const queryClient = useQueryClient();
  const key = ['portal-account', patient.patientId];
  const status = useQuery({ queryKey: key, queryFn: () => api.get<PortalAccountStatus>(`/api/patients/${patient.patientId}/portal`) });
  const [email, setEmail] = useState(patient.email ?? '');
  const invite = useMutation({
    mutationFn: (address: string) => api.post<PortalInvite>(`/api/patients/${patient.patientId}/portal-invite`, { email: address }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const current = status.data?.status ?? 'none';
  const name = patient.preferredName ?? patient.legalGivenName;

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fw={600}>Patient portal</Text>
        {status.data && (
          <Badge variant="light" color={STATUS_LABEL[current].color} tt="none">
            {STATUS_LABEL[current].text}
            {status.data.email ? ` · ${status.data.email}` : ''}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Patients see their week, join video sessions, and track their hours. The link lets them choose a password.
      </Text>
      {current !== 'active' && !invite.data && (
        <Group align="flex-end" gap="sm">
          <TextInput label="Patient’s e-mail for signing in" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={320} maw="100%" />
          <Button leftSection={<IconSend size={18} aria-hidden />} loading={invite.isPending} disabled={!email.trim()} onClick={() => invite.mutate(email.trim())}>
            {current === 'invited' ? 'Create a new invitation link' : 'Invite to the portal'}
          </Button>
          {current === 'invited' && (
            <Text size="xs" c="dimmed" w="100%">
              An invitation link is shown only once, when it is made. If the patient did not get it, create a new one.
            </Text>
          )}
        </Group>
      )}
      <FormAlert message={invite.isError ? errorSentence(invite.error) : null} title="No invitation created" />
      {invite.data && (
        <Alert variant="light" color="indigo" icon={<IconLink aria-hidden />} title={`One-time portal link for ${name}`} role="region" aria-label="One-time portal link">
          <Stack gap="sm">
            <Text size="sm">
              Give this link to {name} yourself, in person or by secure message. It works once and expires {formatDateTime(invite.data.expiresAt)}.
            </Text>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label="Portal link" value={invite.data.link} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={invite.data.link}>
                {({ copied, copy }) => (
                  <Button onClick={copy} leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {name} signs in with {invite.variables}.
              </Text>
              <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} loading={invite.isPending} onClick={() => invite.mutate(invite.variables ?? email.trim())}>
                Create a new link
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
