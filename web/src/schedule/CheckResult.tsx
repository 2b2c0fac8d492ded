import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarExclamation, IconCheck, IconUsers } from '@tabler/icons-react';
import type { EnrollmentCheck } from '../api/types.ts';
import { conflictSentence } from './conflict-text.ts';

/** What /enrollments/check found: eligibility, seats, and clashes with the patient's week. */
export function CheckResult({ check }: { check: EnrollmentCheck }) {
  const clean = check.eligible && !check.full && check.conflicts.length === 0;
  return (
    <Stack gap="sm" aria-live="polite">
      {clean && (
        <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />} title="Ready to enroll">
          Eligible, no conflicts, {check.seatsLeft} {check.seatsLeft === 1 ? 'seat' : 'seats'} left.
        </Alert>
      )}
      {!check.eligible && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Outside this group’s eligibility">
          <List size="sm">
            {check.eligibilityProblems.map((p) => (
              <List.Item key={p.rule}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {check.full ? (
        <Alert color={check.waitlistAvailable ? 'blue' : 'red'} variant="light" icon={<IconUsers aria-hidden />} title="The group is full">
          {check.waitlistAvailable ? 'The patient can join the waitlist and is enrolled when a seat opens.' : 'This group has no waitlist.'}
        </Alert>
      ) : (
        !clean && (
          <Text size="sm">
            {check.seatsLeft} {check.seatsLeft === 1 ? 'seat' : 'seats'} left.
          </Text>
        )
      )}
      {check.conflicts.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconCalendarExclamation aria-hidden />} title="Overlaps the patient’s week">
          <List size="sm">
            {check.conflicts.map((c, i) => (
              <List.Item key={i}>{conflictSentence(c)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
