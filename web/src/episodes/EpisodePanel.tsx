import { Accordion, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconDoorExit, IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AftercarePanel } from '../aftercare/AftercarePanel.tsx';
import { DischargeWorkflow } from '../aftercare/DischargeWorkflow.tsx';
import type { Episode, Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { EmptyNote } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { AdmitForm } from './AdmitForm.tsx';
import { DISCHARGE_REASON_LABELS } from './episode-labels.ts';
import { Fact } from '../shell/Fact.tsx';
import { LengthOfStay } from './LengthOfStay.tsx';
import { PhaseChangeForm } from './PhaseChangeForm.tsx';

/** The chart's Episode tab: the current admission(s), admitting, phase changes, discharge, history. */
export function EpisodePanel({ patient }: { patient: Patient }) {
  const me = useMe();
  const [admitting, setAdmitting] = useState(false);
  const activeEpisodes = patient.episodes.filter((e) => e.status === 'active');
  const past = patient.episodes.filter((e) => e.status !== 'active').sort((a, b) => (b.dischargedOn ?? '').localeCompare(a.dischargedOn ?? ''));
  const canAdmit = permissions.manageEpisodes(me);

  return (
    <Stack gap="lg">
      {activeEpisodes.map((e) => (
        <ActiveEpisode key={e.episodeId} episode={e} />
      ))}
      {activeEpisodes.length === 0 && !admitting && (
        <Card withBorder radius="md">
          <EmptyNote
            title="Not in a program"
            action={
              canAdmit ? (
                <Button mt="sm" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdmitting(true)}>
                  Admit to a program
                </Button>
              ) : undefined
            }
          >
            Admit the patient to a program to schedule groups and track weekly hours.
          </EmptyNote>
        </Card>
      )}
      {activeEpisodes.length > 0 && canAdmit && !admitting && (
        <Button variant="default" w="fit-content" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdmitting(true)}>
          Admit to another program
        </Button>
      )}
      {admitting && (
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="admit-heading">
          <Title order={2} size="h4" id="admit-heading" mb="sm">
            Admit to a program
          </Title>
          <AdmitForm patient={patient} onDone={() => setAdmitting(false)} onCancel={() => setAdmitting(false)} />
        </Card>
      )}
      {past.length > 0 && (
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="past-episodes-heading">
          <Title order={2} size="h4" id="past-episodes-heading" mb="sm">
            Past episodes
          </Title>
          <Accordion variant="separated" defaultValue={past[0]?.episodeId ?? null}>
            {past.map((e) => (
              <Accordion.Item key={e.episodeId} value={e.episodeId}>
                <Accordion.Control>
                  <Text fw={600}>{e.programName}</Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(e.admittedOn)} – {formatDate(e.dischargedOn)} · {e.dischargeReason ? (DISCHARGE_REASON_LABELS as Record<string, string>)[e.dischargeReason] ?? e.dischargeReason : ''}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.dischargeSummary}
                    </Text>
                    <PhaseHistory episode={e} />
                    {permissions.readClinical(me) && <AftercarePanel episodeId={e.episodeId} facilityId={e.facilityId} />}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
    </Stack>
  );
}

function ActiveEpisode({ episode: e }: { episode: Episode }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  // ?discharge=<episodeId> opens the discharge workflow (from the step-down queue's "complete").
  const [dialog, setDialog] = useState<'phase' | 'discharge' | null>(() => (params.get('discharge') === e.episodeId && permissions.discharge(me) ? 'discharge' : null));
  const close = () => {
    setDialog(null);
    if (params.has('discharge')) {
      const next = new URLSearchParams(params);
      next.delete('discharge');
      setParams(next, { replace: true });
    }
  };
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={`Episode in ${e.programName}`}>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2} size="h4">
              {e.programName}
            </Title>
            <Badge color="teal" variant="light">
              Active
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Admitted {formatDate(e.admittedOn)} · day {e.lengthOfStay.dayOfStay}
          </Text>
        </Stack>
        <Group gap="sm">
          {permissions.manageEpisodes(me) && (
            <Button variant="default" leftSection={<IconArrowsExchange size={18} aria-hidden />} onClick={() => setDialog('phase')}>
              Change phase
            </Button>
          )}
          {permissions.discharge(me) && (
            <Button variant="default" color="red" leftSection={<IconDoorExit size={18} aria-hidden />} onClick={() => setDialog('discharge')}>
              Discharge
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" mb="md">
        <Fact name="Phase">{e.phaseName}</Fact>
        <Fact name="Weekly hours">
          {e.band.minHoursPerWeek}–{e.band.maxHoursPerWeek} h, {e.band.requiredDaysPerWeek} days
        </Fact>
        <Fact name="Track">{e.trackName ?? 'None'}</Fact>
        <Fact name="Primary clinician">{e.primaryClinicianName}</Fact>
        <Fact name="Level of care">{e.levelOfCare}</Fact>
        <Fact name="Referral source">{e.referralSource}</Fact>
      </SimpleGrid>
      <Stack mb="md">
        <LengthOfStay episode={e} canExtend={permissions.manageStay(me)} />
      </Stack>
      <PhaseHistory episode={e} />
      <Modal opened={dialog === 'phase'} onClose={close} title={<Text fw={700}>Change phase</Text>} centered>
        <PhaseChangeForm episode={e} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'discharge'} onClose={close} title={<Text fw={700}>Discharge from {e.programName}</Text>} size="xl" fullScreen={phone} closeOnClickOutside={false}>
        <DischargeWorkflow episode={e} onDone={close} />
      </Modal>
    </Card>
  );
}

function PhaseHistory({ episode }: { episode: Episode }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label="Phase history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {episode.phaseHistory.map((h) => (
            <Table.Tr key={h.effectiveOn}>
              <Table.Td>{formatDate(h.effectiveOn)}</Table.Td>
              <Table.Td fw={500}>{h.phaseName}</Table.Td>
              <Table.Td>{h.reason ?? '—'}</Table.Td>
              <Table.Td>{h.changedByName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
