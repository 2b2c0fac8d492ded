import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { ageOn, formatDate, todayIn } from '../time/dates.ts';
import { displayName, MATCHED_BY_LABELS } from './patient-labels.ts';
import { usePatients } from './usePatients.ts';

type StatusFilter = 'active' | 'discharged' | 'all';

/** Find a patient by name, MRN or date of birth; the filters live in the address. */
export function PatientsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const facilityId = params.get('facility') ?? undefined;
  const status = (params.get('status') as StatusFilter | null) ?? 'all';
  const facilities = useFacilities();
  const patients = usePatients({ q: q || undefined, facilityId, status, limit: 100 });
  const today = todayIn();

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setFilter('q', q || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const list = patients.data ?? [];
  return (
    <Page
      title="Patients"
      description="Search by name (spelling need not be exact), MRN, or date of birth."
      actions={
        permissions.registerPatients(me) && (
          <Button component={Link} to="/patients/new" leftSection={<IconPlus size={18} aria-hidden />}>
            Register patient
          </Button>
        )
      }
    >
      <Group align="flex-end" gap="md">
        <TextInput
          label="Search"
          placeholder="Name, MRN, or date of birth (MM/DD/YYYY)"
          leftSection={<IconSearch size={18} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 320px' }}
          type="search"
          autoFocus
        />
        <Select
          label="Facility"
          data={[{ value: '', label: 'All my facilities' }, ...(facilities.data ?? []).map((f) => ({ value: f.facilityId, label: f.name }))]}
          value={facilityId ?? ''}
          onChange={(v) => setFilter('facility', v || null)}
          allowDeselect={false}
          w={240}
          maw="100%"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="patient-status-label">
            Episodes
          </Text>
          <SegmentedControl
            aria-labelledby="patient-status-label"
            value={status}
            onChange={(v) => setFilter('status', v === 'all' ? null : v)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'active', label: 'In a program' },
              { value: 'discharged', label: 'Discharged' },
            ]}
          />
        </Stack>
      </Group>

      {patients.isPending ? (
        <SectionLoader label="Loading patients" />
      ) : patients.isError ? (
        <ErrorState error={patients.error} onRetry={() => void patients.refetch()} />
      ) : list.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyNote
            title={q ? `No patient matches “${q}”` : 'No patients here yet'}
            action={
              permissions.registerPatients(me) ? (
                <Button component={Link} to="/patients/new" mt="sm">
                  Register a patient
                </Button>
              ) : undefined
            }
          >
            {q ? 'Check the spelling, try the MRN, or enter the date of birth as MM/DD/YYYY.' : 'Patients registered at your facilities appear here.'}
          </EmptyNote>
        </Card>
      ) : (
        <Card withBorder padding={0} radius="md">
          <Text size="sm" c="dimmed" px="md" py="xs" role="status" aria-live="polite">
            {list.length === 1 ? '1 patient' : `${list.length} patients`}
            {patients.isFetching ? ' · updating…' : ''}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>MRN</Table.Th>
                  <Table.Th>Date of birth</Table.Th>
                  <Table.Th>Program · phase</Table.Th>
                  <Table.Th>Facility</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.patientId} className="cairn-row-link" onClick={() => navigate(`/patients/${p.patientId}`)}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text component={Link} to={`/patients/${p.patientId}`} fw={600} c="indigo.8" onClick={(e) => e.stopPropagation()}>
                          {displayName(p)}
                        </Text>
                        {p.matchedBy && q && (
                          <Badge size="sm" variant="light" color="gray">
                            {MATCHED_BY_LABELS[p.matchedBy]} match
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace">{p.mrn}</Table.Td>
                    <Table.Td>
                      {formatDate(p.dateOfBirth)}{' '}
                      <Text span size="sm" c="dimmed">
                        ({ageOn(p.dateOfBirth, today)})
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.activeEpisode ? (
                        <>
                          {p.activeEpisode.programName}
                          <Text size="sm" c="dimmed">
                            {p.activeEpisode.phaseName}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not in a program
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.facilityName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Page>
  );
}
