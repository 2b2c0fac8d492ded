import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../api/types.ts';
import { formatDate } from '../time/dates.ts';

interface DuplicateMatchesProps {
  matches: DuplicateMatch[];
  busy: boolean;
  onRegisterAnyway: () => void;
}

/** The server found a patient with the same legal name and date of birth: open that chart, or confirm it is someone else. */
export function DuplicateMatches({ matches, busy, onRegisterAnyway }: DuplicateMatchesProps) {
  return (
    <Alert variant="light" color="yellow" icon={<IconUsers aria-hidden />} title="This person may already have a chart" role="region" aria-label="Possible duplicate patients">
      <Stack gap="sm">
        <Text size="sm">A patient with the same legal name and date of birth is already registered in your organization:</Text>
        <List spacing="xs" size="sm">
          {matches.map((m) => (
            <List.Item key={m.patientId}>
              <Group gap="sm" wrap="wrap">
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Text size="sm">
                  MRN <span style={{ fontFamily: 'monospace' }}>{m.mrn}</span>, born {formatDate(m.dateOfBirth)}, {m.facilityName}
                </Text>
                <Anchor component={Link} to={`/patients/${m.patientId}`} size="sm" fw={600}>
                  Open existing chart
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm">If you have checked and this is a different person, register them anyway; the new chart is flagged as a possible duplicate for review.</Text>
        <Button variant="white" color="yellow.9" w="fit-content" loading={busy} onClick={onRegisterAnyway}>
          Register anyway — this is a different person
        </Button>
      </Stack>
    </Alert>
  );
}
