import { Card, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ME_KEY, useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { StaffAccountActions } from './StaffAccountActions.tsx';
import { StaffForm } from './StaffForm.tsx';
import { useSaveStaff, useStaffMember } from './useStaff.ts';

export function StaffMemberPage() {
  const { staffId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const member = useStaffMember(staffId);
  const facilities = useFacilities();
  const save = useSaveStaff(staffId);
  const isSelf = staffId === me.staffId;

  if (member.isPending || facilities.isPending) return <SectionLoader label="Loading the staff member" />;
  if (member.isError || facilities.isError) {
    return (
      <Page title="Staff member" back={{ to: '/staff', label: 'Staff' }}>
        <ErrorState
          error={member.error ?? facilities.error}
          onRetry={() => {
            void member.refetch();
            void facilities.refetch();
          }}
        />
      </Page>
    );
  }
  const m = member.data;

  return (
    <Page title={m.fullName} description={m.email} back={{ to: '/staff', label: 'Staff' }}>
      <Stack gap="lg">
        <StaffAccountActions member={m} isSelf={isSelf} />
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="staff-details">
          <Title order={2} size="h4" id="staff-details" mb="md">
            Details, roles and facilities
          </Title>
          <StaffForm
            key={m.updatedAt}
            member={m}
            facilities={facilities.data}
            isSelf={isSelf}
            submitLabel="Save changes"
            onCancel={() => navigate('/staff')}
            onSubmit={async (input) => {
              const saved = await save.mutateAsync(input);
              if (isSelf) void queryClient.invalidateQueries({ queryKey: ME_KEY });
              notifications.show({ color: 'teal', title: 'Saved', message: `${saved.fullName}’s details are up to date.` });
            }}
          />
        </Card>
      </Stack>
    </Page>
  );
}
