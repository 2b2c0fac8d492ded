import { Alert, Anchor, Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Episode } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { LengthOfStay } from '../episodes/LengthOfStay.tsx';
import { displayName } from '../patients/patient-labels.ts';
import { usePatient } from '../patients/usePatients.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { EpisodeStepDownCard } from '../stepdown/EpisodeStepDownCard.tsx';
import { formatDate } from '../time/dates.ts';
import { DueInstrumentsCard } from './DueInstrumentsCard.tsx';
import { EnterInstrumentDialog } from './EnterInstrumentDialog.tsx';
import { InstrumentCard } from './InstrumentCard.tsx';
import { flagLabel, INSTRUMENT_ORDER } from './instrument-labels.ts';
import type { InstrumentDefinition, InstrumentId, InstrumentResponse } from './instrument-types.ts';
import { ObjectiveProgressCard } from './ObjectiveProgressCard.tsx';
import { useInstrumentDefinitions, useInstrumentResponses } from './useProgress.ts';

/** The episode the page opens on: an active one first, else the latest. */
function defaultEpisode(episodes: Episode[]): Episode | null {
  return episodes.find((e) => e.status === 'active') ?? [...episodes].sort((a, b) => b.admittedOn.localeCompare(a.admittedOn))[0] ?? null;
}

function byInstrument(responses: InstrumentResponse[]): Map<InstrumentId, InstrumentResponse[]> {
  const map = new Map<InstrumentId, InstrumentResponse[]>();
  for (const r of responses) map.set(r.instrument, [...(map.get(r.instrument) ?? []), r]);
  return map;
}

/** /patients/:patientId/progress — measurement-based care: scores against their bands, what is due, objectives, stay and step-down. */
export function ProgressPage() {
  const { patientId = '' } = useParams();
  const me = useMe();
  const patient = usePatient(patientId);
  const definitions = useInstrumentDefinitions();
  const responses = useInstrumentResponses(patientId);
  const [episodeId, setEpisodeId] = useState<string | null>(null);
  const [entering, setEntering] = useState<{ definition: InstrumentDefinition; episodeId: string | null } | null>(null);
  const chartLink = `/patients/${patientId}`;

  if (patient.isPending) return <SectionLoader label="Loading progress" />;
  if (patient.isError) {
    return (
      <Page title="Progress" back={{ to: chartLink, label: 'Chart' }}>
        <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />
      </Page>
    );
  }
  const p = patient.data;
  const name = displayName(p);
  const episode = p.episodes.find((e) => e.episodeId === episodeId) ?? defaultEpisode(p.episodes);
  const defs = definitions.data ?? [];
  const grouped = byInstrument(responses.data ?? []);
  const given = INSTRUMENT_ORDER.filter((id) => grouped.has(id));
  const safety = given.flatMap((id) => {
    const latest = grouped.get(id)!.at(-1)!;
    return latest.flags.filter((f) => flagLabel(f).safety).map((f) => ({ flag: f, on: latest.administeredOn }));
  });
  const active = episode?.status === 'active';

  return (
    <Page
      title={`Progress: ${name}`}
      documentTitle={`${p.preferredName ?? p.legalGivenName} ${p.legalFamilyName.charAt(0)}. (progress)`}
      back={{ to: chartLink, label: `Chart of ${name}` }}
      actions={
        episode && (
          <Anchor component={Link} to={`/patients/${patientId}/episodes/${episode.episodeId}/plan`} fw={600} size="sm">
            Treatment plan
          </Anchor>
        )
      }
    >
      {safety.length > 0 && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title="Safety flag on the latest answers" role="alert">
          {safety.map((s) => `${flagLabel(s.flag).text} (${formatDate(s.on)})`).join(' · ')}
        </Alert>
      )}
      {p.episodes.length > 1 && (
        <SegmentedControl
          aria-label="Episode"
          value={episode?.episodeId ?? ''}
          onChange={setEpisodeId}
          data={p.episodes.map((e) => ({ value: e.episodeId, label: `${e.programName} · ${e.status === 'active' ? 'active' : `ended ${formatDate(e.dischargedOn)}`}` }))}
          w="fit-content"
        />
      )}
      {episode ? (
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="episode-heading">
          <Stack gap="sm">
            <Group gap="xs">
              <Title order={2} size="h4" id="episode-heading">
                {episode.programName}
              </Title>
              <Badge color={active ? 'teal' : 'gray'} variant="light">
                {active ? 'Active' : 'Discharged'}
              </Badge>
              <Text size="sm" c="dimmed">
                {episode.phaseName} · admitted {formatDate(episode.admittedOn)}
                {episode.dischargedOn ? ` · discharged ${formatDate(episode.dischargedOn)}` : ''}
              </Text>
            </Group>
            {active && <LengthOfStay episode={episode} canExtend={permissions.manageStay(me)} />}
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="md">
          <EmptyNote title="Not admitted to a program">Scores can still be entered; due instruments, objectives and step-down follow an admission.</EmptyNote>
        </Card>
      )}

      <DueInstrumentsCard
        patientId={patientId}
        inProgram={p.episodes.some((e) => e.status === 'active')}
        definitions={defs}
        canEnter={permissions.administerInstruments(me)}
        onEnter={(definition, forEpisode) => setEntering({ definition, episodeId: forEpisode ?? (active ? (episode?.episodeId ?? null) : null) })}
      />

      <Stack gap="sm" component="section" aria-labelledby="scores-heading">
        <Title order={2} size="h3" id="scores-heading">
          Scores over time
        </Title>
        {responses.isPending ? (
          <SectionLoader label="Loading scores" />
        ) : responses.isError ? (
          <ErrorState error={responses.error} onRetry={() => void responses.refetch()} />
        ) : given.length === 0 ? (
          <Card withBorder radius="md">
            <EmptyNote title="No instruments given yet">Answers entered by staff or completed by the patient in the portal appear here, drawn against their severity bands.</EmptyNote>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {given.map((id) => (
              <InstrumentCard key={id} instrument={id} definition={defs.find((d) => d.id === id)} responses={grouped.get(id)!} />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      {episode && (
        <>
          {active && <EpisodeStepDownCard episodeId={episode.episodeId} patientId={patientId} patientName={name} phaseName={episode.phaseName} />}
          <ObjectiveProgressCard patientId={patientId} episodeId={episode.episodeId} active={active} />
        </>
      )}

      <EnterInstrumentDialog
        patientId={patientId}
        patientName={name}
        facilityId={episode?.facilityId ?? p.facilityId}
        episodeId={entering?.episodeId ?? null}
        definition={entering?.definition ?? null}
        onClose={() => setEntering(null)}
      />
    </Page>
  );
}
