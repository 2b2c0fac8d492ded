import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../api/types.ts';
import { formatDate } from '../time/dates.ts';

interface DuplicateMatchesProps {
  matches: DuplicateMatch[];
  /** Matches at facilities the user does not work at: only their number is disclosed. */
  elsewhere: number;
  busy: boolean;
  onRegisterAnyway: () => void;
}

/** The server found a patient with the same legal name and date of birth: open that chart, or confirm it is someone else. */
export function DuplicateMatches({ matches, elsewhere, busy, onRegisterAnyway }: DuplicateMatchesProps) {
  return (
    <Alert variant="light" color="yellow" icon={<IconUsers aria-hidden />} title="This person may already have a chart" role="region" aria-label="Possible duplicate patients">
      <Stack gap="sm">
        {matches.length > 0 && <Text size="sm">A patient with the same legal name and date of birth is already registered in your organization:</Text>}
        {matches.length > 0 && (
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
        )}
        {elsewhere > 0 && (
          <Text size="sm">
            {elsewhere === 1 ? 'A patient' : `${elsewhere} patients`} with this name and date of birth {elsewhere === 1 ? 'is' : 'are'} registered at another facility
            of your organization that you do not work at. For their privacy Cairn does not show who; ask a colleague there or your administrator
            to check, and to register this person if they are someone else.
          </Text>
        )}
        {matches.length > 0 && (
          <>
            <Text size="sm">If you have checked and this is a different person, register them anyway; the new chart is flagged as a possible duplicate for review.</Text>
            <Button variant="white" color="yellow.9" w="fit-content" loading={busy} onClick={onRegisterAnyway}>
              Register anyway — this is a different person
            </Button>
          </>
        )}
      </Stack>
    </Alert>
  );
}
