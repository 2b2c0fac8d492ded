import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorSentence } from '../api/error-messages.ts';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { groupTypeLabel } from '../groups/group-labels.ts';
import { useGroups } from '../groups/useGroups.ts';
import { FormAlert, SectionLoader } from '../shell/States.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { formatDay, formatTime } from '../time/dates.ts';
import { CheckResult } from './CheckResult.tsx';
import { useEnroll, useEnrollmentCheck } from './useSchedule.ts';

/** Pick a group → see eligibility, seats and conflicts → confirm (with a reason or an acknowledgement when needed). */
export function EnrollDialog({ patient, onClose }: { patient: Patient; onClose: () => void }) {
  const me = useMe();
  const episode = patient.episodes.find((e) => e.status === 'active');
  const groups = useGroups(episode?.facilityId ?? patient.facilityId);
  const check = useEnrollmentCheck(patient.patientId);
  const enroll = useEnroll(patient.patientId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const today = useFacilityToday(episode?.facilityId ?? patient.facilityId);
  const [startsOn, setStartsOn] = useState(today);
  const [overrideReason, setOverrideReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);

  useEffect(() => {
    if (groupId) check.mutate({ groupId, startsOn });
    setAcknowledged(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupId, startsOn]);

  const result = check.data && !check.isPending ? check.data : null;
  const canOverride = permissions.overrideEligibility(me);
  const needsReason = result !== null && !result.eligible;
  const blocked = result === null || (needsReason && (!canOverride || !overrideReason.trim())) || (result.conflicts.length > 0 && !acknowledged) || (result.full && !result.waitlistAvailable);
  const waitlist = result?.full === true && result.waitlistAvailable;
  const active = (groups.data ?? []).filter((g) => g.active);

  const confirm = async () => {
    if (!groupId || !result) return;
    const done = await enroll.mutateAsync({
      groupId,
      episodeId: episode?.episodeId,
      startsOn,
      ...(needsReason ? { overrideReason: overrideReason.trim() } : {}),
      ...(waitlist ? { joinWaitlist: true } : {}),
      ...(result.conflicts.length > 0 ? { acknowledgeConflicts: true } : {}),
    });
    notifications.show({
      color: 'teal',
      title: done.status === 'waitlisted' ? 'Added to the waitlist' : 'Enrolled',
      message: done.status === 'waitlisted' ? `${done.groupName}: position ${done.waitlistPosition ?? '?'} on the waitlist.` : `${done.groupName} from ${formatDay(startsOn)}.`,
    });
    onClose();
  };

  return (
    <Modal opened onClose={() => !enroll.isPending && onClose()} title={<Text fw={700}>Enroll in a group</Text>} size="lg" centered>
      <Stack gap="md">
        {groups.isPending ? (
          <SectionLoader label="Loading groups" />
        ) : (
          <Group grow align="flex-start" gap="sm">
            <Select
              label="Group"
              data-autofocus
              searchable
              data={active.map((g) => ({ value: g.groupId, label: `${g.name} · ${groupTypeLabel(g.groupType)} · ${formatTime(g.startTime)} (${g.enrolledCount}/${g.capacity})` }))}
              nothingFoundMessage="No active group at this facility"
              value={groupId}
              onChange={setGroupId}
            />
            <TextInput label="Starting" type="date" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} maw={180} />
          </Group>
        )}
        {check.isPending && <SectionLoader label="Checking eligibility, seats and conflicts" />}
        {check.isError && <FormAlert message={errorSentence(check.error)} title="Could not check this group" />}
        {result && <CheckResult check={result} />}
        {needsReason &&
          (canOverride ? (
            <Textarea
              label="Clinical reason to enroll outside eligibility"
              required
              autosize
              minRows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.currentTarget.value)}
            />
          ) : (
            <Text size="sm" c="red.8">
              Only a clinician or clinical director can enroll a patient outside a group’s eligibility.
            </Text>
          ))}
        {result && result.conflicts.length > 0 && (
          <Checkbox
            label="I have checked these overlaps with the patient; enroll anyway"
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.currentTarget.checked)}
          />
        )}
        <FormAlert message={enroll.isError ? errorSentence(enroll.error) : null} title="Not enrolled" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={enroll.isPending}>
            Cancel
          </Button>
          <Button onClick={() => void confirm().catch(() => undefined)} loading={enroll.isPending} disabled={blocked}>
            {waitlist ? 'Add to waitlist' : 'Enroll'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
