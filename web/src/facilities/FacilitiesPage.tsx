import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { weekdayName } from './facility-fields.ts';
import { useFacilities } from './useFacilities.ts';

export function FacilitiesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const facilities = useFacilities();
  const canManage = permissions.manageFacilities(me);

  const newButton = canManage && (
    <Button component={Link} to="/facilities/new" leftSection={<IconPlus size={18} aria-hidden />}>
      New facility
    </Button>
  );

  return (
    <Page
      title="Facilities"
      description={me.allFacilities ? 'Every facility of your organization.' : 'The facilities you are assigned to.'}
      actions={facilities.data?.length ? newButton : undefined}
    >
      <Card withBorder padding={0} radius="md">
        {facilities.isPending ? (
          <SectionLoader label="Loading facilities" />
        ) : facilities.isError ? (
          <Card.Section p="md">
            <ErrorState error={facilities.error} onRetry={() => void facilities.refetch()} />
          </Card.Section>
        ) : facilities.data.length === 0 ? (
          <EmptyNote title={canManage ? 'No facilities yet' : 'You are not assigned to a facility yet'} action={newButton}>
            {canManage
              ? 'A facility is a site where programs run: its address, time zone and NPI. Create the first one to start adding programs.'
              : 'Ask an administrator to assign you to the facilities you work at.'}
          </EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Time zone</Table.Th>
                  <Table.Th>Week starts</Table.Th>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {facilities.data.map((f) => (
                  <Table.Tr key={f.facilityId} className="cairn-row-link" onClick={() => navigate(`/facilities/${f.facilityId}`)}>
                    <Table.Td>
                      <Text component={Link} to={`/facilities/${f.facilityId}`} fw={600} c="indigo.8" onClick={(e) => e.stopPropagation()}>
                        {f.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {f.city}, {f.state}
                    </Table.Td>
                    <Table.Td>{f.timeZone}</Table.Td>
                    <Table.Td>{weekdayName(f.weekStartsOn)}</Table.Td>
                    <Table.Td>{f.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={f.active ? 'teal' : 'gray'} variant="light">
                        {f.active ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Page>
  );
}
