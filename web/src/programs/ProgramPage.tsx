import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { CensusSection } from '../episodes/CensusSection.tsx';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { describeDays, describeHours, label, MODALITY_LABELS, POPULATION_LABELS, TRACK_KIND_LABELS } from './program-labels.ts';
import { sentence } from './band.ts';
import { describeCadence, describeCriteria } from './care-settings-text.ts';
import { DrugTestPolicyCard } from './DrugTestPolicyCard.tsx';
import { useProgram } from './usePrograms.ts';

export function ProgramPage() {
  const { programId } = useParams();
  const me = useMe();
  const program = useProgram(programId);

  if (program.isPending) return <SectionLoader label="Loading the program" />;
  if (program.isError) {
    return (
      <Page title="Program" back={{ to: '/programs', label: 'Programs' }}>
        <ErrorState error={program.error} onRetry={() => void program.refetch()} />
      </Page>
    );
  }
  const p = program.data;

  return (
    <Page
      title={p.name}
      back={{ to: '/programs', label: 'Programs' }}
      description={
        <>
          At <Anchor component={Link} to={`/facilities/${p.facilityId}`} size="sm">{p.facilityName}</Anchor>
        </>
      }
      actions={
        <>
          <Badge color={p.active ? 'teal' : 'gray'} variant="light" size="lg">
            {p.active ? 'Active' : 'Inactive'}
          </Badge>
          {permissions.editPrograms(me) && (
            <Button component={Link} to={`/programs/${p.programId}/edit`} leftSection={<IconPencil size={18} aria-hidden />}>
              Edit program
            </Button>
          )}
        </>
      }
    >
      <Card withBorder padding="lg" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact name="Level of care">
            {p.levelOfCare} {p.levelOfCareName}
            <Text size="xs" c="dimmed">
              ASAM Criteria, edition {p.asamEdition}
            </Text>
          </Fact>
          <Fact name="Population">{label(POPULATION_LABELS, p.population)}</Fact>
          <Fact name="Modality">{label(MODALITY_LABELS, p.modality)}</Fact>
          <Fact name="Expected length of stay">
            {p.expectedLengthOfStayDays} days ({Math.round((p.expectedLengthOfStayDays / 7) * 10) / 10} weeks)
          </Fact>
        </SimpleGrid>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="phases-heading">
        <Title order={2} size="h4" id="phases-heading" mb="sm">
          Phases
        </Title>
        {p.hoursBand && (
          <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />} mb="md" role="note">
            {sentence(p.hoursBand)}.
          </Alert>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Order</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Days per week</Table.Th>
                <Table.Th>Weekly hours</Table.Th>
                <Table.Th>To advance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.phases.map((phase) => (
                <Table.Tr key={phase.phaseId}>
                  <Table.Td>{phase.position}</Table.Td>
                  <Table.Td fw={600}>{phase.name}</Table.Td>
                  <Table.Td>{phase.requiredDaysPerWeek}</Table.Td>
                  <Table.Td>{describeHours(phase.minHoursPerWeek, phase.maxHoursPerWeek)}</Table.Td>
                  <Table.Td>
                    <CriteriaText criteria={phase.advancementCriteria} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="tracks-heading">
        <Title order={2} size="h4" id="tracks-heading" mb="sm">
          Tracks
        </Title>
        {p.tracks.length === 0 ? (
          <EmptyNote title="No tracks yet">Tracks are the times of day the program meets, such as a morning and an evening track.</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Track</Table.Th>
                  <Table.Th>Time of day</Table.Th>
                  <Table.Th>Hours</Table.Th>
                  <Table.Th>Days</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.tracks.map((t) => (
                  <Table.Tr key={t.trackId}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    <Table.Td>{label(TRACK_KIND_LABELS, t.kind)}</Table.Td>
                    <Table.Td>
                      {t.startsAt}–{t.endsAt}
                    </Table.Td>
                    <Table.Td>{describeDays(t.daysOfWeek)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="clinical-settings-heading">
        <Title order={2} size="h4" id="clinical-settings-heading" mb="sm">
          Clinical settings
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact name="Treatment plan review">Every {p.planReviewDays} days</Fact>
          <Fact name="Questionnaires">
            {p.instrumentCadence.length === 0 ? (
              'None scheduled'
            ) : (
              <Stack gap={2}>
                {describeCadence(p.instrumentCadence).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </Stack>
            )}
          </Fact>
        </SimpleGrid>
      </Card>

      <DrugTestPolicyCard programId={p.programId} />

      {permissions.readPatients(me) && <CensusSection programId={p.programId} />}
    </Page>
  );
}

function CriteriaText({ criteria }: { criteria: Parameters<typeof describeCriteria>[0] }) {
  const { advance, intensify } = describeCriteria(criteria);
  return (
    <Stack gap={2}>
      <Text size="sm" c={criteria ? undefined : 'dimmed'}>
        {advance}
      </Text>
      {intensify && (
        <Text size="xs" c="dimmed">
          {intensify}
        </Text>
      )}
    </Stack>
  );
}

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {name}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}
