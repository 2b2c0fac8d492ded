import { Button, Card, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { StaffCreated } from '../api/types.ts';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { AccountLinkPanel } from './AccountLinkPanel.tsx';
import { StaffForm } from './StaffForm.tsx';
import { useInviteStaff } from './useStaff.ts';

/** Invite a staff member; the answer is a one-time link to give them. */
export function InviteStaffPage() {
  const navigate = useNavigate();
  const facilities = useFacilities();
  const invite = useInviteStaff();
  const [created, setCreated] = useState<StaffCreated | null>(null);

  if (created) {
    return (
      <Page title="Invitation ready" back={{ to: '/staff', label: 'Staff' }}>
        <Stack gap="md" maw={820}>
          <AccountLinkPanel link={created.link} personName={created.staff.fullName} />
          <Group>
            <Button component={Link} to="/staff">
              Back to staff
            </Button>
            <Button variant="default" onClick={() => setCreated(null)}>
              Invite someone else
            </Button>
            <Button variant="subtle" component={Link} to={`/staff/${created.staff.staffId}`}>
              Open {created.staff.fullName}
            </Button>
          </Group>
        </Stack>
      </Page>
    );
  }

  return (
    <Page title="Invite a staff member" description="They get a one-time link to choose their password." back={{ to: '/staff', label: 'Staff' }}>
      <Card withBorder padding="lg" radius="md">
        {facilities.isPending ? (
          <SectionLoader label="Loading facilities" />
        ) : facilities.isError ? (
          <ErrorState error={facilities.error} onRetry={() => void facilities.refetch()} />
        ) : (
          <StaffForm
            facilities={facilities.data}
            submitLabel="Create invitation"
            onCancel={() => navigate('/staff')}
            onSubmit={async (input) => {
              const result = await invite.mutateAsync(input);
              notifications.show({ color: 'teal', title: 'Invitation created', message: `Give ${result.staff.fullName} the link shown on this page.` });
              setCreated(result);
            }}
          />
        )}
      </Card>
    </Page>
  );
}
