import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '../../../src/staff/roles.ts';
import { Page } from '../shell/Page.tsx';
import { AuthenticatorCard } from './AuthenticatorCard.tsx';
import { PasswordChangeCard } from './PasswordChangeCard.tsx';
import { useMe } from './session.tsx';

export function AccountPage() {
  const me = useMe();
  return (
    <Page title="My account" description="Your sign-in details. An administrator manages your name, roles and facilities.">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="account-details">
        <Title order={2} size="h4" id="account-details" mb="md">
          Your details
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Detail label="Name">{me.fullName}</Detail>
          <Detail label="E-mail">{me.email}</Detail>
          <Detail label="Roles">
            <Group gap={6}>
              {me.roles.map((r) => (
                <Badge key={r} variant="light">
                  {ROLE_LABELS[r]}
                </Badge>
              ))}
            </Group>
          </Detail>
          <Detail label="Credentials">{me.credentials.length ? me.credentials.join(', ') : 'None recorded'}</Detail>
          <Detail label="Facilities">{me.allFacilities ? 'All facilities (administrator)' : me.facilities.map((f) => f.name).join(', ') || 'None assigned yet'}</Detail>
          <Detail label="Automatic sign-out">After {me.idleTimeoutMinutes} minutes without activity</Detail>
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <PasswordChangeCard />
        <AuthenticatorCard />
      </SimpleGrid>
    </Page>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
