import { Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Enrollment } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { ConfirmButton } from '../shell/ConfirmButton.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { formatDate } from '../time/dates.ts';
import { useEndEnrollment, usePatientEnrollments } from './useSchedule.ts';

const STATUS = { enrolled: { label: 'Enrolled', color: 'teal' }, waitlisted: { label: 'Waitlisted', color: 'blue' }, ended: { label: 'Ended', color: 'gray' } };

/** The patient's group places: current, waitlisted and past, with "End" for enrollers. */
export function EnrollmentsList({ patientId, facilityId }: { patientId: string; facilityId?: string }) {
  const me = useMe();
  const enrollments = usePatientEnrollments(patientId);
  if (enrollments.isPending) return <SectionLoader label="Loading groups" />;
  if (enrollments.isError) return <ErrorState error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
  const list = [...enrollments.data].sort((a, b) => Number(a.status === 'ended') - Number(b.status === 'ended') || b.startsOn.localeCompare(a.startsOn));
  if (list.length === 0) return <Text size="sm" c="dimmed">Not in any group yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((e) => (
            <Table.Tr key={e.enrollmentId} c={e.status === 'ended' ? 'dimmed' : undefined}>
              <Table.Td fw={600}>
                {e.groupName}
                {e.overrideReason && (
                  <Text size="xs" c="dimmed">
                    Eligibility overridden: {e.overrideReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS[e.status].color} tt="none">
                  {STATUS[e.status].label}
                  {e.status === 'waitlisted' && e.waitlistPosition ? ` #${e.waitlistPosition}` : ''}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(e.startsOn)}</Table.Td>
              <Table.Td>{e.endsOn ? formatDate(e.endsOn) : 'Open'}</Table.Td>
              <Table.Td ta="right">{e.status !== 'ended' && permissions.enroll(me) && <EndButton enrollment={e} facilityId={facilityId} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EndButton({ enrollment, facilityId }: { enrollment: Enrollment; facilityId?: string }) {
  const end = useEndEnrollment(enrollment.patientId);
  const today = useFacilityToday(facilityId);
  const [endsOn, setEndsOn] = useState(today < enrollment.startsOn ? enrollment.startsOn : today);
  return (
    <ConfirmButton
      variant="default"
      size="xs"
      title={`End ${enrollment.groupName}`}
      confirmLabel="End enrollment"
      danger
      successMessage={`${enrollment.groupName} ends ${formatDate(endsOn)}.`}
      message={
        <Stack gap="sm">
          <Text size="sm">The patient keeps sessions up to and including this day. The first person on the waitlist gets the seat.</Text>
          <Group>
            <TextInput label="Last day" type="date" value={endsOn} min={enrollment.startsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} />
          </Group>
        </Stack>
      }
      onConfirm={async () => {
        await end.mutateAsync({ enrollmentId: enrollment.enrollmentId, endsOn });
      }}
    >
      {enrollment.status === 'waitlisted' ? 'Remove' : 'End'}
    </ConfirmButton>
  );
}
