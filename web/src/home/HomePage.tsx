import { Alert, Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital, IconClipboardList, IconLayoutBoard, IconUsers, type Icon } from '@tabler/icons-react';
import { ComplianceCard } from '../attendance/ComplianceCard.tsx';
import { Link } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { usePrograms } from '../programs/usePrograms.ts';
import { Page } from '../shell/Page.tsx';
import { useStaffList } from '../staff/useStaff.ts';
import { GettingStarted } from './GettingStarted.tsx';
import { CareWorklist } from '../progress/CareWorklist.tsx';

function greeting(now = new Date()): string {
  const hour = now.getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export function HomePage() {
  const me = useMe();
  const seeStaff = permissions.seeStaff(me);
  const facilities = useFacilities();
  const programs = usePrograms();
  const staff = useStaffList(seeStaff);
  const firstName = me.fullName.split(/\s+/)[0] ?? me.fullName;

  const activeFacilities = facilities.data?.filter((f) => f.active).length;
  const activeStaff = staff.data?.filter((s) => s.status !== 'deactivated').length;
  const invited = staff.data?.filter((s) => s.status === 'invited').length ?? 0;

  return (
    <Page title={`${greeting()}, ${firstName}`} documentTitle="Home" description={me.organization.name}>
      <GettingStarted
        facilities={facilities.data?.length}
        programs={programs.data?.length}
        canCreateFacility={permissions.manageFacilities(me)}
        canCreateProgram={permissions.editPrograms(me)}
      />
      {!me.allFacilities && me.facilities.length === 0 && (
        <Alert variant="light" color="yellow" title="No facility assigned yet" role="note">
          You will see programs and patients once an administrator assigns you to the facilities you work at.
        </Alert>
      )}
      {permissions.takeAttendance(me) && me.facilities.length > 0 && (
        <Card withBorder padding="lg" radius="md">
          <Group justify="space-between" gap="sm">
            <Stack gap={2}>
              <Text fw={700} size="lg">
                Today
              </Text>
              <Text size="sm" c="dimmed">
                Check patients in and out, and mark attendance for today’s sessions.
              </Text>
            </Stack>
            <Button component={Link} to="/board" size="md" leftSection={<IconLayoutBoard size={20} aria-hidden />}>
              Open today’s board
            </Button>
          </Group>
        </Card>
      )}
      {permissions.seeCompliance(me) && <ComplianceCard />}
      {permissions.readClinical(me) && <CareWorklist />}
      <SimpleGrid cols={{ base: 1, sm: seeStaff ? 3 : 2 }} spacing="lg">
        <CountCard
          icon={IconBuildingHospital}
          label="Facilities"
          count={activeFacilities}
          failed={facilities.isError}
          detail={facilities.data && facilities.data.length !== activeFacilities ? `${facilities.data.length - (activeFacilities ?? 0)} inactive` : 'Active'}
          to="/facilities"
        />
        <CountCard icon={IconClipboardList} label="Programs" count={programs.data?.length} failed={programs.isError} detail="Active" to="/programs" />
        {seeStaff && (
          <CountCard
            icon={IconUsers}
            label="Staff"
            count={activeStaff}
            failed={staff.isError}
            detail={invited ? `${invited} invited, not signed in yet` : 'Active and invited'}
            to="/staff"
          />
        )}
      </SimpleGrid>
      {!me.totpEnabled && !me.organization.requireTotp && (
        <Card withBorder padding="md" radius="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm">Protect your account with an authenticator app: signing in then needs your phone as well as your password.</Text>
            <Anchor component={Link} to="/account" size="sm" fw={600}>
              Set it up
            </Anchor>
          </Group>
        </Card>
      )}
    </Page>
  );
}

function CountCard({ icon: IconComponent, label, count, detail, to, failed }: { icon: Icon; label: string; count: number | undefined; detail: string; to: string; failed: boolean }) {
  return (
    <Card withBorder padding="lg" radius="md" component={Link} to={to} aria-label={`${label}: ${count ?? 'loading'}. Open ${label.toLowerCase()}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            {label}
          </Text>
          {failed ? (
            <Text size="sm" c="red.8">
              Could not load
            </Text>
          ) : count === undefined ? (
            <Skeleton h={36} w={48} />
          ) : (
            <Title order={2} size={36} lh={1}>
              {count}
            </Title>
          )}
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Stack>
        <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
          <IconComponent size={24} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}

