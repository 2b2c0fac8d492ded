import { Badge, Button, Card, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ROLE_LABELS, isStaffRole } from '../../../src/staff/roles.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { StaffStatusBadges } from './staff-status.tsx';
import { useStaffList } from './useStaff.ts';

export function StaffPage() {
  const me = useMe();
  const navigate = useNavigate();
  const staff = useStaffList();
  const facilities = useFacilities();
  const [search, setSearch] = useState('');
  const [showDeactivated, setShowDeactivated] = useState(false);
  const canManage = permissions.manageStaff(me);
  const facilityName = new Map((facilities.data ?? []).map((f) => [f.facilityId, f.name]));

  const term = search.trim().toLowerCase();
  const rows = (staff.data ?? [])
    .filter((s) => showDeactivated || s.status !== 'deactivated')
    .filter((s) => !term || s.fullName.toLowerCase().includes(term) || s.email.toLowerCase().includes(term))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));

  return (
    <Page
      title="Staff"
      description={canManage ? 'Accounts, roles and facility assignments.' : 'Staff who share a facility with you.'}
      actions={
        canManage && (
          <Button component={Link} to="/staff/invite" leftSection={<IconUserPlus size={18} aria-hidden />}>
            Invite staff member
          </Button>
        )
      }
    >
      <Group align="flex-end" gap="lg">
        <TextInput
          label="Search"
          description="Name or e-mail"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
          maw="100%"
        />
        <Switch label="Show deactivated accounts" size="md" checked={showDeactivated} onChange={(e) => setShowDeactivated(e.currentTarget.checked)} mb={8} />
      </Group>
      <Card withBorder padding={0} radius="md">
        {staff.isPending ? (
          <SectionLoader label="Loading staff" />
        ) : staff.isError ? (
          <Card.Section p="md">
            <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
          </Card.Section>
        ) : rows.length === 0 ? (
          <EmptyNote title={term ? 'Nobody matches this search' : 'No staff to show'} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover={canManage} verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Credentials</Table.Th>
                  <Table.Th>Facilities</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Authenticator</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr key={s.staffId} className={canManage ? 'cairn-row-link' : undefined} onClick={canManage ? () => navigate(`/staff/${s.staffId}`) : undefined}>
                    <Table.Td>
                      {canManage ? (
                        <Text component={Link} to={`/staff/${s.staffId}`} fw={600} c="indigo.8" onClick={(e) => e.stopPropagation()}>
                          {s.fullName}
                        </Text>
                      ) : (
                        <Text fw={600}>{s.fullName}</Text>
                      )}
                      <Text size="sm" c="dimmed">
                        {s.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.roles.map((r) => (
                          <Badge key={r} variant="light" color="indigo" tt="none">
                            {isStaffRole(r) ? ROLE_LABELS[r] : r}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.credentials.join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {s.roles.includes('admin') ? 'All (administrator)' : s.facilityIds.map((id) => facilityName.get(id) ?? 'Unknown facility').join(', ') || 'None'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StaffStatusBadges member={s} />
                    </Table.Td>
                    <Table.Td>{s.totpEnabled ? 'On' : 'Off'}</Table.Td>
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
