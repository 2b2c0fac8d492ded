import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Patient } from '../api/types.ts';
import { label, RESIDENCE_LABELS } from '../patients/patient-labels.ts';
import { Fact } from '../shell/Fact.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { ageOn, formatDate } from '../time/dates.ts';

/** Who this is and where they are in care, above every chart tab. */
export function ChartHeader({ patient: p }: { patient: Patient }) {
  const episode = p.episodes.find((e) => e.status === 'active') ?? null;
  const today = useFacilityToday(episode?.facilityId ?? p.facilityId);
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="md">
        <Group gap="xs">
          {p.pronouns && (
            <Badge variant="light" color="gray" size="lg" tt="none">
              {p.pronouns}
            </Badge>
          )}
          {episode ? (
            <Badge variant="light" color="teal" size="lg" tt="none">
              In {episode.programName}
            </Badge>
          ) : (
            <Badge variant="light" color="gray" size="lg" tt="none">
              Not in a program
            </Badge>
          )}
          {p.possibleDuplicateOf && (
            <Badge variant="light" color="yellow" size="lg" tt="none">
              Registered as possibly the same person as another chart
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
          <Fact name="MRN">
            <Text span ff="monospace" fw={600}>
              {p.mrn}
            </Text>
          </Fact>
          <Fact name="Age · born">
            {ageOn(p.dateOfBirth, today)} · {formatDate(p.dateOfBirth)}
          </Fact>
          <Fact name="Lives at">{label(RESIDENCE_LABELS, p.residence)}</Fact>
          <Fact name="Phase · track">{episode ? `${episode.phaseName}${episode.trackName ? ` · ${episode.trackName}` : ''}` : '—'}</Fact>
          <Fact name="Primary clinician">{episode?.primaryClinicianName ?? '—'}</Fact>
          <Fact name="Weekly hours band">
            {episode ? `${episode.band.minHoursPerWeek}–${episode.band.maxHoursPerWeek} h, ${episode.band.requiredDaysPerWeek} days` : '—'}
          </Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
