import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import type { Facility } from '../api/types.ts';
import { OnCallSection } from '../alerts/OnCallSection.tsx';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { describeHours, label, MODALITY_LABELS, POPULATION_LABELS } from '../programs/program-labels.ts';
import { usePrograms } from '../programs/usePrograms.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { FacilityForm } from './FacilityForm.tsx';
import { weekdayName } from './facility-fields.ts';
import { useFacility, useSaveFacility } from './useFacilities.ts';

/** One facility: the edit form for administrators, its details for everyone else; its programs below. */
export function FacilityPage() {
  const { facilityId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const facility = useFacility(facilityId);
  const save = useSaveFacility(facilityId);
  const canManage = permissions.manageFacilities(me);

  if (facility.isPending) return <SectionLoader label="Loading the facility" />;
  if (facility.isError) {
    return (
      <Page title="Facility" back={{ to: '/facilities', label: 'Facilities' }}>
        <ErrorState error={facility.error} onRetry={() => void facility.refetch()} />
      </Page>
    );
  }
  const f = facility.data;

  return (
    <Page
      title={f.name}
      back={{ to: '/facilities', label: 'Facilities' }}
      actions={
        <Badge color={f.active ? 'teal' : 'gray'} variant="light" size="lg">
          {f.active ? 'Active' : 'Inactive'}
        </Badge>
      }
    >
      <Card withBorder padding="lg" radius="md">
        {canManage ? (
          <FacilityForm
            key={f.updatedAt}
            facility={f}
            submitLabel="Save changes"
            onCancel={() => navigate('/facilities')}
            onSubmit={async (input) => {
              const saved = await save.mutateAsync(input);
              notifications.show({ color: 'teal', title: 'Facility saved', message: `${saved.name} is up to date.` });
            }}
          />
        ) : (
          <FacilityDetails facility={f} />
        )}
      </Card>
      <FacilityPrograms facilityId={f.facilityId} canCreate={permissions.editPrograms(me) && f.active} />
      {(permissions.handleAlerts(me) || permissions.manageOnCall(me)) && me.facilities.some((x) => x.facilityId === f.facilityId) && <OnCallSection facility={f} canManage={permissions.manageOnCall(me)} />}
    </Page>
  );
}

function FacilityDetails({ facility: f }: { facility: Facility }) {
  const rows: [string, string][] = [
    ['Address', [f.addressLine1, f.addressLine2, `${f.city}, ${f.state} ${f.postalCode}`].filter(Boolean).join('\n')],
    ['Time zone', f.timeZone],
    ['Week starts on', weekdayName(f.weekStartsOn)],
    ['NPI', f.npi ?? 'Not recorded'],
    ['Phone', f.phone ?? 'Not recorded'],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {rows.map(([name, value]) => (
        <Stack gap={2} key={name}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {name}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function FacilityPrograms({ facilityId, canCreate }: { facilityId: string; canCreate: boolean }) {
  const programs = usePrograms({ facilityId, includeInactive: true });
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="facility-programs">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="facility-programs">
          Programs at this facility
        </Title>
        {canCreate && (
          <Anchor component={Link} to={`/programs/new?facilityId=${facilityId}`} size="sm" fw={600}>
            New program here
          </Anchor>
        )}
      </Group>
      {programs.isPending ? (
        <SectionLoader label="Loading programs" />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <EmptyNote title="No programs here yet" />
      ) : (
        <Stack gap="xs">
          {programs.data.map((p) => (
            <Group key={p.programId} justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/programs/${p.programId}`} fw={600}>
                {p.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                Level {p.levelOfCare} · {label(POPULATION_LABELS, p.population)} · {label(MODALITY_LABELS, p.modality)} · {p.phases.length} phases
                {p.phases[0] ? ` · starts at ${describeHours(p.phases[0].minHoursPerWeek, p.phases[0].maxHoursPerWeek)}` : ''}
                {p.active ? '' : ' · inactive'}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
