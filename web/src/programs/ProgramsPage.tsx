import { Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Program } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { describeDays, label, MODALITY_LABELS, POPULATION_LABELS, TRACK_KIND_LABELS } from './program-labels.ts';
import { usePrograms } from './usePrograms.ts';

/** Programs grouped by facility; the filters live in the address so a reload keeps them. */
export function ProgramsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') ?? undefined;
  const includeInactive = params.get('inactive') === '1';
  const facilities = useFacilities();
  const programs = usePrograms({ facilityId, includeInactive });
  const canEdit = permissions.editPrograms(me);
  const hasFacilities = (facilities.data?.length ?? 0) > 0;

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const groups = groupByFacility(programs.data ?? []);
  const newHref = facilityId ? `/programs/new?facilityId=${facilityId}` : '/programs/new';

  return (
    <Page
      title="Programs"
      description="Each program runs at one facility, at one ASAM level of care, with its tracks and phases."
      actions={
        canEdit &&
        hasFacilities && (
          <Button component={Link} to={newHref} leftSection={<IconPlus size={18} aria-hidden />}>
            New program
          </Button>
        )
      }
    >
      <Group align="flex-end" gap="lg">
        <Select
          label="Facility"
          data={[{ value: '', label: 'All facilities' }, ...(facilities.data ?? []).map((f) => ({ value: f.facilityId, label: f.name }))]}
          value={facilityId ?? ''}
          onChange={(v) => setFilter('facility', v || null)}
          allowDeselect={false}
          w={280}
          maw="100%"
        />
        <Switch label="Show inactive programs" size="md" checked={includeInactive} onChange={(e) => setFilter('inactive', e.currentTarget.checked ? '1' : null)} mb={8} />
      </Group>

      {programs.isPending ? (
        <SectionLoader label="Loading programs" />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : groups.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyNote
            title={facilityId || includeInactive ? 'No programs match these filters' : 'No programs yet'}
            action={
              canEdit && !hasFacilities && facilities.isSuccess ? (
                permissions.manageFacilities(me) ? (
                  <Button component={Link} to="/facilities/new" mt="sm">
                    Create a facility first
                  </Button>
                ) : undefined
              ) : canEdit ? (
                <Button component={Link} to={newHref} mt="sm">
                  Create a program
                </Button>
              ) : undefined
            }
          >
            {canEdit
              ? hasFacilities || !facilities.isSuccess
                ? 'Define a program with its level of care, tracks and phases so patients can be admitted to it.'
                : 'Programs run at a facility, so a facility comes first.'
              : 'Programs at your facilities will appear here once a clinical director or administrator sets them up.'}
          </EmptyNote>
        </Card>
      ) : (
        groups.map(([facilityName, list]) => (
          <Card withBorder padding={0} radius="md" key={facilityName} component="section" aria-label={facilityName}>
            <Group px="md" py="sm" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Title order={2} size="h4">
                {facilityName}
              </Title>
              <Text size="sm" c="dimmed">
                {list.length} {list.length === 1 ? 'program' : 'programs'}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={820}>
              <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Program</Table.Th>
                    <Table.Th>Level of care</Table.Th>
                    <Table.Th>Population</Table.Th>
                    <Table.Th>Modality</Table.Th>
                    <Table.Th>Phases</Table.Th>
                    <Table.Th>Tracks</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((p) => (
                    <Table.Tr key={p.programId} className="cairn-row-link" onClick={() => navigate(`/programs/${p.programId}`)}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text component={Link} to={`/programs/${p.programId}`} fw={600} c="indigo.8" onClick={(e) => e.stopPropagation()}>
                            {p.name}
                          </Text>
                          {!p.active && (
                            <Badge color="gray" variant="light" size="sm">
                              Inactive
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {p.levelOfCare} {p.levelOfCareName}
                      </Table.Td>
                      <Table.Td>{label(POPULATION_LABELS, p.population)}</Table.Td>
                      <Table.Td>{label(MODALITY_LABELS, p.modality)}</Table.Td>
                      <Table.Td>{p.phases.length}</Table.Td>
                      <Table.Td>
                        {p.tracks.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            None yet
                          </Text>
                        ) : (
                          p.tracks.map((t) => (
                            <Text size="sm" key={t.trackId}>
                              {label(TRACK_KIND_LABELS, t.kind)} {t.startsAt}–{t.endsAt}, {describeDays(t.daysOfWeek)}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ))
      )}
    </Page>
  );
}

function groupByFacility(programs: Program[]): [string, Program[]][] {
  const groups = new Map<string, Program[]>();
  for (const p of programs) groups.set(p.facilityName, [...(groups.get(p.facilityName) ?? []), p]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
