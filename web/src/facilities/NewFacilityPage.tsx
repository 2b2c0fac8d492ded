import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { Page } from '../shell/Page.tsx';
import { FacilityForm } from './FacilityForm.tsx';
import { useSaveFacility } from './useFacilities.ts';

export function NewFacilityPage() {
  const navigate = useNavigate();
  const save = useSaveFacility();
  return (
    <Page title="New facility" back={{ to: '/facilities', label: 'Facilities' }}>
      <Card withBorder padding="lg" radius="md">
        <FacilityForm
          submitLabel="Create facility"
          onCancel={() => navigate('/facilities')}
          onSubmit={async (input) => {
            const facility = await save.mutateAsync(input);
            notifications.show({ color: 'teal', title: 'Facility created', message: `${facility.name} is ready for programs.` });
            navigate(`/facilities/${facility.facilityId}`);
          }}
        />
      </Card>
    </Page>
  );
}
